import datetime

import pytest

from leftbehind_care.core import talks
from leftbehind_care.core.errors import RuleError

D = datetime.date
TODAY = D(2026, 11, 29)


def code(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code


def test_a_talk_happened_after_filing_and_not_in_the_future():
	talks.check_talk(D(2026, 11, 20), D(2026, 9, 1), None, TODAY)
	talks.check_talk(TODAY, TODAY, TODAY, TODAY)
	assert code(talks.check_talk, D(2026, 11, 30), None, None, TODAY) == "future_date"
	assert code(talks.check_talk, D(2026, 8, 31), D(2026, 9, 1), None, TODAY) == "talk_before_filing"


def test_the_follow_up_comes_after_the_talk():
	talks.check_talk(D(2026, 11, 20), None, D(2026, 12, 20), TODAY)  # a follow-up may be planned ahead
	assert code(talks.check_talk, D(2026, 11, 20), None, D(2026, 11, 19), TODAY) == "follow_up_before_talk"


def test_only_children_in_the_programme():
	talks.check_child_in_programme("Active")
	assert code(talks.check_child_in_programme, "Graduated") == "record_child_not_active"
