"""Intervention plans (个别教育管理方案) between their approval and their end: when each is
reviewed next, and which reviews have come due without a reminder yet."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

# The states in which a plan is being carried out, and so is reviewed.
RUNNING = ("In Progress", "Under Review")


def next_review_on(
	state: str,
	approved_on: datetime.date | None,
	reviews: Iterable[datetime.date],
	interval_days: int | None,
) -> datetime.date | None:
	"""A running plan is reviewed `interval_days` after its last review, or after its approval
	when it has none; a plan not running (or not approved) has no review due."""
	if state not in RUNNING or not approved_on or not interval_days or interval_days < 1:
		return None
	return max([approved_on, *reviews]) + datetime.timedelta(days=interval_days)


@dataclass(frozen=True)
class PlanFacts:
	name: str
	state: str
	next_review_on: datetime.date | None


def review_key(plan: str, due: datetime.date) -> str:
	"""The reminder of one plan's review due on one day: sent once, whatever runs the job."""
	return f"plan-review:{plan}:{due.isoformat()}"


def overdue_reviews(plans: Iterable[PlanFacts], today: datetime.date, sent: set[str]) -> list[PlanFacts]:
	"""Running plans whose review day has passed and whose reminder for that day is not in `sent`."""
	return [
		plan
		for plan in plans
		if plan.state in RUNNING
		and plan.next_review_on
		and plan.next_review_on < today
		and review_key(plan.name, plan.next_review_on) not in sent
	]


# ---- The Intervention Plan Status report: how long each plan has been open, and the totals.

ENDED = ("Closed", "Escalated")  # a plan's work ends here (escalated: handed to another service)


def ended_on(state: str, moves: Iterable[tuple[str, datetime.date]]) -> datetime.date | None:
	"""The day an ended plan reached its end: its last move into an ended state."""
	if state not in ENDED:
		return None
	days = [day for to_state, day in moves if to_state in ENDED]
	return max(days) if days else None


def days_open(drafted_on: datetime.date, ended: datetime.date | None, today: datetime.date) -> int:
	"""Days from drafting to the plan's end, or to today while it runs."""
	return max(0, ((ended or today) - drafted_on).days)


@dataclass(frozen=True)
class StatusTotals:
	by_state: dict[str, int]
	open_plans: int
	overdue_reviews: int
	mean_days_open: float | None  # of the plans not ended


def status_totals(rows: Iterable[tuple[str, bool, int]], states: Iterable[str]) -> StatusTotals:
	"""(state, review overdue, days open) of each plan, counted per state in the workflow's order."""
	by_state = {state: 0 for state in states}
	open_days: list[int] = []
	overdue = 0
	for state, review_overdue, days in rows:
		by_state[state] = by_state.get(state, 0) + 1
		if state not in ENDED:
			open_days.append(days)
			overdue += bool(review_overdue)
	mean = round(sum(open_days) / len(open_days), 1) if open_days else None
	return StatusTotals(by_state, len(open_days), overdue, mean)


PENDING = "Pending Approval"


def told_of_move(
	from_state: str,
	to_state: str,
	*,
	actor: str,
	participating_leader: str | None,
	approvers: Iterable[str],
	county: Iterable[str],
	drafter: str | None,
	submitter: str | None,
) -> list[str]:
	"""Who hears of a plan's move. Submitted: the participating leader when they may approve it,
	else every leader who may, else the county's care administrators (the workflow's fallback).
	Approved or rejected: its drafter and submitter. Never the person who moved it."""
	if to_state == PENDING:
		approvers = list(approvers)
		people = [participating_leader] if participating_leader in approvers else approvers or list(county)
	elif from_state == PENDING:
		people = [drafter, submitter]
	else:
		people = []
	return list(dict.fromkeys(person for person in people if person and person != actor))
