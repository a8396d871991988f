import datetime

import pytest

from leftbehind_care.core import records
from leftbehind_care.core.errors import RuleError

D = datetime.date
TODAY = D(2026, 11, 29)


def code(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code


def test_it_happened_after_filing_and_not_in_the_future():
	records.check_recorded_on("talk_date", D(2026, 11, 20), D(2026, 9, 1), TODAY)
	records.check_recorded_on("talk_date", TODAY, TODAY, TODAY)
	assert code(records.check_recorded_on, "talk_date", D(2026, 11, 30), None, TODAY) == "future_date"
	assert (
		code(records.check_recorded_on, "talk_date", D(2026, 8, 31), D(2026, 9, 1), TODAY)
		== "record_before_filing"
	)


def test_the_follow_up_comes_after():
	records.check_follow_up(D(2026, 12, 20), D(2026, 11, 20))  # a follow-up may be planned ahead
	records.check_follow_up(None, D(2026, 11, 20))
	assert code(records.check_follow_up, D(2026, 11, 19), D(2026, 11, 20)) == "follow_up_before_record"


def test_only_children_in_the_programme():
	records.check_child_in_programme("Active")
	assert code(records.check_child_in_programme, "Graduated") == "record_child_not_active"


def test_a_visit_has_a_visitor():
	records.check_visitors("王老师、李校长")
	assert code(records.check_visitors, "  ") == "visit_without_visitor"
	assert code(records.check_visitors, None) == "visit_without_visitor"
