"""帮扶方案进展: each intervention plan the reader may see, with its status, when it ended, how long
it has been open and whether its review is overdue; the totals per status (the rules:
`leftbehind_care.core.plans`). Rows in, figures out; the Script Report gathers and formats."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from leftbehind_care.core import plans as rules
from leftbehind_care.reports.columns import Column, _lt

PLAN = "Intervention Plan"
DRAFT = "Draft"  # the state of a plan not yet in the workflow

COLUMNS = (
	Column("name", _lt("Intervention Plan"), "Link", 140, PLAN),
	Column("child_name", _lt("Child Name"), width=100),
	Column("class_title", _lt("Class"), width=150),
	Column("state_label", _lt("Plan Status"), width=100),
	Column("responsible_teacher_name", _lt("Responsible Teacher"), width=110),
	Column("participating_leader_name", _lt("Participating School Leader"), width=130),
	Column("drafted_on", _lt("Drafted On"), "Date", 110),
	Column("approved_on", _lt("Approved On"), "Date", 110),
	Column("next_review_on", _lt("Next Review On"), "Date", 120),
	Column("review_overdue", _lt("Review Overdue"), "Check", 100),
	Column("ended_on", _lt("Ended On"), "Date", 110),
	Column("days_open", _lt("Days Open"), "Int", 90),
)


class PlanLine(NamedTuple):
	"""A plan as the report reads it (its fields, in the order the query reads them)."""

	name: str
	child: str
	child_name: str | None
	care_class: str | None
	workflow_state: str | None
	drafted_on: datetime.date
	responsible_teacher: str | None
	participating_leader: str | None
	approved_on: datetime.date | None
	next_review_on: datetime.date | None
	review_overdue: int  # as stored: set by the daily job, cleared by a review


@dataclass(frozen=True)
class PlanStatus:
	rows: list[dict]
	totals: rules.StatusTotals


def build(
	plans: Iterable[PlanLine],
	moves: Iterable[tuple[str, str, datetime.date]],
	states: Iterable[str],
	today: datetime.date,
	class_titles: Mapping[str, str],
	full_names: Mapping[str, str],
	state_label: Callable[[str], str],
) -> PlanStatus:
	"""`plans` in the order shown; `moves` the (plan, state moved to, day) of their status history;
	`states` the workflow's, in its order; `class_titles` and `full_names` each class's title and
	each user's full name; `state_label` a state as the reader reads it."""
	moved: dict[str, list[tuple[str, datetime.date]]] = {}
	for plan, to_state, day in moves:
		moved.setdefault(plan, []).append((to_state, day))
	rows = []
	for plan in plans:
		state = plan.workflow_state or DRAFT
		ended = rules.ended_on(state, moved.get(plan.name, []))
		rows.append(
			{
				"name": plan.name,
				"child": plan.child,
				"child_name": plan.child_name,
				"care_class": plan.care_class,
				"workflow_state": plan.workflow_state,
				"drafted_on": plan.drafted_on,
				"responsible_teacher": plan.responsible_teacher,
				"participating_leader": plan.participating_leader,
				"approved_on": plan.approved_on,
				"next_review_on": plan.next_review_on,
				# An ended plan is reviewed no more, whatever its flag still says.
				"review_overdue": int(bool(plan.review_overdue) and state not in rules.ENDED),
				"class_title": class_titles.get(plan.care_class, plan.care_class),
				"state": state,
				"state_label": state_label(state),
				"responsible_teacher_name": full_names.get(
					plan.responsible_teacher, plan.responsible_teacher
				),
				"participating_leader_name": full_names.get(
					plan.participating_leader, plan.participating_leader
				),
				"ended_on": ended,
				"days_open": rules.days_open(plan.drafted_on, ended, today),
			}
		)
	totals = rules.status_totals([(r["state"], r["review_overdue"], r["days_open"]) for r in rows], states)
	return PlanStatus(rows, totals)
