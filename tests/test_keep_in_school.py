import datetime

import pytest

from leftbehind_care.core import keep_in_school as k
from leftbehind_care.core.errors import RuleError

D = datetime.date
OPENED, TODAY = D(2026, 10, 8), D(2026, 11, 29)


def failure(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code, err.value.params


def test_a_case_opens_when_schooling_stops():
	assert k.opens_case("In School", "Dropped Out", False)
	assert k.opens_case("In School", "Suspended", False)
	assert k.opens_case(None, "Dropped Out", False)  # filed already out of school
	assert not k.opens_case("Suspended", "Dropped Out", False)  # the same case goes on
	assert not k.opens_case("In School", "Dropped Out", True)
	assert not k.opens_case("Dropped Out", "In School", False)
	assert not k.opens_case("In School", "Not Yet Enrolled", False)


def test_a_case_closes_with_the_child_back_or_recorded_as_gone():
	k.check_close(k.OPEN, None, "Dropped Out", "Active", OPENED, TODAY)
	k.check_close(k.BACK_IN_SCHOOL, D(2026, 11, 2), "In School", "Active", OPENED, TODAY)
	k.check_close(k.LEFT, None, "Dropped Out", "Transferred", OPENED, TODAY)
	assert failure(k.check_close, k.BACK_IN_SCHOOL, None, "In School", "Active", OPENED, TODAY)[0] == (
		"dropout_return_date_missing"
	)
	assert failure(k.check_close, k.BACK_IN_SCHOOL, D(2026, 10, 1), "In School", "Active", OPENED, TODAY)[
		0
	] == ("dropout_return_date_invalid")
	assert failure(k.check_close, k.BACK_IN_SCHOOL, D(2026, 12, 1), "In School", "Active", OPENED, TODAY)[
		0
	] == ("dropout_return_date_invalid")
	assert failure(
		k.check_close, k.BACK_IN_SCHOOL, D(2026, 11, 2), "Dropped Out", "Active", OPENED, TODAY
	) == (
		"dropout_not_back",
		{"schooling_status": "Dropped Out"},
	)
	assert failure(k.check_close, k.LEFT, None, "Dropped Out", "Active", OPENED, TODAY) == (
		"dropout_leave_not_recorded",
		{"status": "Active"},
	)
	assert failure(k.check_close, "Forgotten", None, "Dropped Out", "Active", OPENED, TODAY)[0] == (
		"dropout_state_unknown"
	)


def test_persuasion_attempts_fall_within_the_case():
	k.check_attempt(OPENED, OPENED, TODAY)
	assert failure(k.check_attempt, D(2026, 10, 7), OPENED, TODAY)[0] == "dropout_attempt_before_case"
	assert failure(k.check_attempt, D(2026, 11, 30), OPENED, TODAY)[0] == "dropout_attempt_in_future"


def test_the_weekly_reminder_key():
	assert k.reminder_key("DF-1", D(2026, 11, 23)) == k.reminder_key("DF-1", D(2026, 11, 29))  # Mon..Sun
	assert k.reminder_key("DF-1", D(2026, 11, 30)) == "dropout:DF-1:2026-W49"


def facts(name, absence=False, failing=False, capacities=("Good",), status="Active", schooling="In School"):
	return k.SchoolingFacts(name, status, schooling, absence, failing, capacities)


def test_children_at_risk_of_dropping_out():
	listed = k.dropout_risk(
		[
			facts("fine"),
			facts("absent", absence=True),
			facts("all", absence=True, failing=True, capacities=("Weak",)),
			facts("already_out", absence=True, schooling="Dropped Out"),
			facts("gone", failing=True, status="Transferred"),
		]
	)
	assert [(c.child, signs) for c, signs in listed] == [
		("all", (k.LONG_ABSENCE, k.REPEATED_FAILING, k.NO_CAPABLE_GUARDIAN)),
		("absent", (k.LONG_ABSENCE,)),
	]
