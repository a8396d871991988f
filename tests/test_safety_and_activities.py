import datetime

import pytest

from leftbehind_care.core import activities as a
from leftbehind_care.core import safety as s
from leftbehind_care.core.errors import RuleError

D = datetime.date
FOUND, TODAY = D(2026, 11, 2), D(2026, 11, 29)


def failure(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code, err.value.params


def hazard(deadline=None, fixed=None, to=None, on=None):
	return s.Hazard(1, FOUND, deadline, fixed, to, on)


def test_a_hazard_is_fixed_after_it_was_found():
	s.check_hazard(hazard(D(2026, 11, 10), D(2026, 11, 9)), TODAY)
	assert failure(s.check_hazard, hazard(fixed=D(2026, 11, 1)), TODAY) == (
		"hazard_fixed_before_found",
		{"row": 1, "fixed_on": D(2026, 11, 1)},
	)
	assert failure(s.check_hazard, hazard(fixed=D(2026, 11, 30)), TODAY)[0] == "hazard_fixed_in_future"
	assert (
		failure(s.check_hazard, hazard(deadline=D(2026, 11, 1)), TODAY)[0] == "hazard_deadline_before_found"
	)
	assert failure(s.check_hazard, hazard(to="县交通局"), TODAY)[0] == "hazard_report_incomplete"
	assert failure(s.check_hazard, hazard(on=FOUND), TODAY)[0] == "hazard_report_incomplete"
	assert (
		failure(s.check_hazard, hazard(to="县交通局", on=D(2026, 11, 1)), TODAY)[0]
		== "hazard_report_date_invalid"
	)


def test_an_unsettled_hazard_past_its_deadline_is_overdue_and_alerted_once():
	assert s.is_overdue(hazard(D(2026, 11, 28)), TODAY)
	assert not s.is_overdue(hazard(D(2026, 11, 29)), TODAY)  # due today: not yet
	assert not s.is_overdue(hazard(D(2026, 11, 28), fixed=D(2026, 11, 20)), TODAY)
	assert not s.is_overdue(hazard(D(2026, 11, 28), to="县水利局", on=D(2026, 11, 3)), TODAY)
	assert not s.is_overdue(hazard(), TODAY)  # no deadline set
	pairs = [
		("k1", hazard(D(2026, 11, 28))),
		("k2", hazard(D(2026, 11, 20))),
		("k3", hazard(D(2026, 12, 20))),
	]
	assert s.overdue_hazards(pairs, TODAY, set()) == ["k1", "k2"]
	assert s.overdue_hazards(pairs, TODAY, {"k1"}) == ["k2"]
	assert s.hazard_key("SI-1", "row9") == "hazard:SI-1:row9"


def test_an_activity_is_held_with_children_the_organiser_looks_after():
	a.check_activity("Speech Contest", FOUND, TODAY, 3)
	assert failure(a.check_activity, "Picnic", FOUND, TODAY, 3)[0] == "activity_kind_unknown"
	assert failure(a.check_activity, "Speech Contest", D(2026, 12, 1), TODAY, 3)[0] == "activity_in_future"
	assert failure(a.check_activity, "Speech Contest", FOUND, TODAY, 0)[0] == "activity_without_children"
	a.check_participants([(1, "c1"), (2, "c2")], {"c1", "c2"})
	assert failure(a.check_participants, [(1, "c1"), (2, "c1")], {"c1"}) == (
		"activity_child_twice",
		{"row": 2, "first": 1},
	)
	assert failure(a.check_participants, [(1, "c1"), (2, "c9")], {"c1"}) == (
		"activity_child_outside_scope",
		{"row": 2, "child": "c9"},
	)


def test_counts_per_child_class_and_school():
	P = a.Participation
	result = a.counts(
		[
			("A1", [P("c1", "3-1", "甲校"), P("c2", "3-1", "甲校")]),
			("A2", [P("c1", "3-1", "甲校"), P("c3", "4-1", "乙校")]),
			("A3", []),
		]
	)
	assert result.by_child == {"c1": 2, "c2": 1, "c3": 1}
	assert result.by_class == {"3-1": 2, "4-1": 1}
	assert result.by_school == {"甲校": 2, "乙校": 1}
