"""Keeping every child in school (控辍保学): a dropout follow-up case opens by itself when a child's
schooling stops, records the persuasion attempts (劝返), and closes only when the child is back in
school or has left with a recorded status. Also who is at risk of dropping out. Framework-free."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.child import ACTIVE, CAPACITY_GOOD
from leftbehind_care.core.errors import RuleError

IN_SCHOOL = "In School"
SUSPENDED = "Suspended"  # 休学
DROPPED_OUT = "Dropped Out"  # 辍学
STOPPED = (SUSPENDED, DROPPED_OUT)

OPEN = "Following Up"  # 跟进中
BACK_IN_SCHOOL = "Back in School"  # 已返校
LEFT = "Left With Record"  # 已离校，去向有记录（转学、毕业等）
CASE_STATES = (OPEN, BACK_IN_SCHOOL, LEFT)
# A child who left with one of these statuses is accounted for elsewhere.
LEAVING_STATUSES = ("Transferred", "Graduated", "Aged Out")


def opens_case(before: str | None, after: str, has_open_case: bool) -> bool:
	"""A case opens when the schooling status becomes Suspended or Dropped Out and the child has no
	open case yet (a child going from suspended to dropped out keeps the one case)."""
	return after in STOPPED and before not in STOPPED and not has_open_case


def check_close(
	state: str,
	return_date: datetime.date | None,
	schooling_status: str,
	child_status: str,
	opened_on: datetime.date,
	today: datetime.date,
) -> None:
	"""A case is closed as Back in School with the return date (on or after it opened, not in the
	future) once the child's schooling is In School again; or as Left once the child's file records
	them as transferred, graduated or aged out."""
	if state not in CASE_STATES:
		raise RuleError("dropout_state_unknown", state=state)
	if state == BACK_IN_SCHOOL:
		if not return_date:
			raise RuleError("dropout_return_date_missing")
		if return_date < opened_on or return_date > today:
			raise RuleError("dropout_return_date_invalid", return_date=return_date, opened_on=opened_on)
		if schooling_status != IN_SCHOOL:
			raise RuleError("dropout_not_back", schooling_status=schooling_status)
	if state == LEFT and child_status not in LEAVING_STATUSES:
		raise RuleError("dropout_leave_not_recorded", status=child_status)


def check_attempt(day: datetime.date, opened_on: datetime.date, today: datetime.date) -> None:
	"""A persuasion attempt happened while the case was open: not before it, not in the future."""
	if day > today:
		raise RuleError("dropout_attempt_in_future", day=day)
	if day < opened_on:
		raise RuleError("dropout_attempt_before_case", day=day, opened_on=opened_on)


def reminder_key(case: str, today: datetime.date) -> str:
	"""The weekly reminder of one open case: once per ISO week, whatever runs the job."""
	year, week, _ = today.isocalendar()
	return f"dropout:{case}:{year}-W{week:02d}"


# ---- who is at risk of dropping out

LONG_ABSENCE = "Long Absence"  # noted by the class teacher
REPEATED_FAILING = "Repeated Failing"
NO_CAPABLE_GUARDIAN = "No Capable Guardian"
RISK_SIGNS = (LONG_ABSENCE, REPEATED_FAILING, NO_CAPABLE_GUARDIAN)


@dataclass(frozen=True)
class SchoolingFacts:
	child: str
	status: str
	schooling_status: str
	long_absence: bool
	repeated_failing: bool
	guardian_capacities: tuple[str, ...]


def dropout_risk(children: Iterable[SchoolingFacts]) -> list[tuple[SchoolingFacts, tuple[str, ...]]]:
	"""Active children still in school with a sign of dropping out, the most signs first."""
	listed = []
	for child in children:
		if child.status != ACTIVE or child.schooling_status != IN_SCHOOL:
			continue
		signs = tuple(
			sign
			for sign, present in (
				(LONG_ABSENCE, child.long_absence),
				(REPEATED_FAILING, child.repeated_failing),
				(NO_CAPABLE_GUARDIAN, not any(c == CAPACITY_GOOD for c in child.guardian_capacities)),
			)
			if present
		)
		if signs:
			listed.append((child, signs))
	return sorted(listed, key=lambda row: -len(row[1]))
