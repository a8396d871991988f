"""学期工作总结: who may write which summary, and the workflow as data."""

import datetime

import pytest

from leftbehind_care.core import summary, workflow
from leftbehind_care.core.errors import RuleError

START = datetime.date(2026, 9, 1)
TODAY = datetime.date(2026, 12, 4)
LED = frozenset({"甲校"})


def code(**kwargs):
	args = dict(school="甲校", term="T", term_start=START, today=TODAY, all_schools=False, schools_led=LED)
	args.update(kwargs)
	try:
		summary.check_summary(**args)
	except RuleError as err:
		return err.code
	return None


def test_a_leader_writes_their_schools_summary_once_the_term_began():
	assert code() is None
	assert code(school="乙校") == "school_outside_scope"
	assert code(school=None) == "summary_county_not_yours"
	assert code(school=None, all_schools=True) is None
	assert code(school="乙校", all_schools=True) is None
	assert code(term_start=TODAY + datetime.timedelta(days=1)) == "summary_term_not_begun"
	assert code(term_start=TODAY) is None
	assert code(existing="甲校-T") == "summary_duplicate"


def test_workflow_refusals_read_as_a_summarys():
	err = summary.as_summary_error(RuleError("workflow_fields_locked", state="Submitted", fields="x"))
	assert (err.code, err.params["state"]) == ("summary_locked", "Submitted")
	assert (
		summary.as_summary_error(RuleError("workflow_edit_not_allowed", state="Reviewed", roles=())).code
		== "summary_locked"
	)
	assert (
		summary.as_summary_error(
			RuleError("workflow_move_illegal", from_state="Draft", to_state="Reviewed")
		).code
		== "summary_move_illegal"
	)
	kept = RuleError("workflow_fields_required", action="Submit", fields="x")
	assert summary.as_summary_error(kept) is kept


SPEC = workflow.read("term_summary")


def move(from_state, to_state, roles, **facts):
	return workflow.check_move(SPEC, from_state, to_state, roles, facts, "leader@x")


def test_the_summary_workflow():
	filled = dict(practices=True, problems=True, next_measures=True)
	assert move("Draft", "Submitted", ["Care School Leader"], **filled).action == "Submit"
	with pytest.raises(RuleError) as err:
		move("Draft", "Submitted", ["Care School Leader"], practices=True)
	assert err.value.code == "workflow_fields_required"
	with pytest.raises(RuleError) as err:
		move("Submitted", "Reviewed", ["Care School Leader"])
	assert err.value.code == "workflow_move_not_allowed"
	assert move("Submitted", "Reviewed", ["Care Administrator"]).action == "Mark Reviewed"
	with pytest.raises(RuleError) as err:
		move("Submitted", "Draft", ["Care Administrator"])
	assert err.value.code == "workflow_fields_required"  # returned with remarks only
	assert move("Submitted", "Draft", ["Care Administrator"], review_remarks=True).action == "Return"
	with pytest.raises(RuleError) as err:
		move("Draft", "Reviewed", ["Care Administrator"], **filled)
	assert err.value.code == "workflow_move_illegal"
	# Submitted and reviewed summaries are frozen: nothing written may change, by anyone.
	for state in ("Submitted", "Reviewed"):
		with pytest.raises(RuleError) as err:
			workflow.check_edits(SPEC, state, None, ["practices"], ["Care Administrator"])
		assert err.value.code == "workflow_fields_locked"
	# The move that returns a summary sets its remarks.
	returned = move("Submitted", "Draft", ["Care Administrator"], review_remarks=True)
	workflow.check_edits(SPEC, "Submitted", returned, ["review_remarks"], ["Care Administrator"])


def test_the_seminar_is_a_staff_seminar_of_the_school():
	summary.check_seminar(None, None, None, "甲校")
	summary.check_seminar("M-1", "Staff Seminar", "甲校", "甲校")
	summary.check_seminar("M-1", "Staff Seminar", "乙校", None)  # the county's: any school's
	for args, expected in (
		(("M-1", "Parent Meeting", "甲校", "甲校"), "summary_seminar_kind"),
		(("M-1", "Staff Seminar", "乙校", "甲校"), "summary_seminar_school"),
	):
		with pytest.raises(RuleError) as err:
			summary.check_seminar(*args)
		assert err.value.code == expected
