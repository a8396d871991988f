"""学期工作总结: who may write which term's summary, and how its workflow's refusals read.

A school's summary is written by a leader of the school (or the county); the county's own — no
school — by the county only. A term is summed up once it has begun, once per school. A summary
moves Draft → Submitted (its figures frozen: what was signed) → Reviewed by the bureau, which may
return it to Draft with remarks (`leftbehind_care/workflows/term_summary.json`)."""

from __future__ import annotations

import datetime

from leftbehind_care.core.errors import RuleError

# The workflow's refusals that speak of a plan, as a summary's.
WORKFLOW_CODES = {
	"workflow_move_illegal": "summary_move_illegal",
	"workflow_fields_locked": "summary_locked",
	"workflow_edit_not_allowed": "summary_locked",
}


def check_summary(
	school: str | None,
	term: str,
	term_start: datetime.date,
	today: datetime.date,
	all_schools: bool,
	schools_led: frozenset[str],
	existing: str | None = None,
) -> None:
	"""Refuse a summary the person may not write, of a term not begun, or a second one of the
	same school and term (`existing` names the first)."""
	if not school and not all_schools:
		raise RuleError("summary_county_not_yours")
	if school and not (all_schools or school in schools_led):
		raise RuleError("school_outside_scope", school=school)
	if term_start > today:
		raise RuleError("summary_term_not_begun", term=term, start=term_start)
	if existing:
		raise RuleError("summary_duplicate", school=school, term=term, existing=existing)


def as_summary_error(err: RuleError) -> RuleError:
	"""A workflow refusal worded for a summary (the plan's wording speaks of a plan)."""
	code = WORKFLOW_CODES.get(err.code)
	return RuleError(code, **err.params) if code else err


STAFF_SEMINAR = "Staff Seminar"


def check_seminar(
	meeting: str | None, meeting_type: str | None, meeting_school: str | None, school: str | None
) -> None:
	"""The meeting where the summary was discussed is a staff seminar (教师研讨会) of the school (any
	school's, for the county's summary)."""
	if not meeting:
		return
	if meeting_type != STAFF_SEMINAR:
		raise RuleError("summary_seminar_kind", meeting=meeting)
	if school and meeting_school and meeting_school != school:
		raise RuleError("summary_seminar_school", meeting=meeting, school=school)
