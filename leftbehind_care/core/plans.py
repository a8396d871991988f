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
