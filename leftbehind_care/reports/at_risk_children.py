"""重点关注儿童: which of the children the reader looks after need attention now, and why — no adult
guardian able to care for them, a high-risk latest assessment, an incident not yet followed
through, a plan under way, a month of this term without the class teacher's talk — the most
serious first (the rules, and the order: `leftbehind_care.core.risk`). Rows in, figures out; the
Script Report gathers and formats."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from leftbehind_care.core import risk as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt
from leftbehind_care.reports.intervention_plan_status import DRAFT, PLAN

COLUMNS = (
	*CHILD_COLUMNS,
	Column("reasons", _lt("Why Listed"), width=260),
	Column("unsupervised", _lt("No Guardian Able to Care"), "Check", 100),
	Column("risk_level", _lt("Latest Risk Level"), width=110),
	Column("assessed_on", _lt("Assessed On"), "Date", 110),
	Column("intervention_plan", _lt("Intervention Plan"), "Link", 140, PLAN),
	Column("plan_status", _lt("Plan Status"), width=90),
	Column("open_incidents", _lt("Open Incidents"), "Int", 150),
	Column("missed_talk_months", _lt("Months Without a Talk"), "Int", 100),
)


@dataclass(frozen=True)
class ChildLine:
	"""A child in the reader's scope, with what their file itself says."""

	child: str
	child_name: str | None
	class_title: str | None
	unsupervised: bool  # under 16 with no adult guardian able to care (无人监护)


@dataclass(frozen=True)
class Assessment:
	"""A child's latest assessment."""

	risk_level: str | None
	assessed_on: datetime.date | None


@dataclass(frozen=True)
class OpenPlan:
	"""A child's intervention plan not yet ended (the newest, if there are several)."""

	name: str
	workflow_state: str | None  # none while the plan has not entered the workflow (a draft)


@dataclass(frozen=True)
class AtRiskChildren:
	rows: list[dict]
	listed: int  # the children shown
	children: int  # all in the reader's scope
	by_reason: dict[str, int]  # of the children shown, how many for each reason (`rules.REASONS`' order)


def build(
	children: Iterable[ChildLine],
	assessments: Mapping[str, Assessment],
	plans: Mapping[str, OpenPlan],
	open_incidents: Mapping[str, int],
	missed_talk_months: Mapping[str, int],
	reason_labels: Mapping[str, str],
	translate: Callable[[str], str],
	reason: str | None = None,
) -> AtRiskChildren:
	"""`children` in the order that breaks ties; the mappings, by child, their latest assessment,
	their plan not yet ended, how many incidents are not followed through and how many months of
	this term passed without a talk (facts of a child not among `children` are not read).
	`reason_labels` is each reason as the reader reads it, `translate` a risk level or plan state.
	With `reason`, only the children listed for it are shown; the counts are of those shown."""
	children = list(children)
	lines = {line.child: line for line in children}
	facts = [
		rules.ChildFacts(
			line.child,
			bool(line.unsupervised),
			assessment.risk_level if (assessment := assessments.get(line.child)) else None,
			open_incidents.get(line.child, 0),
			# The rules ask only whether a plan is under way; the report shows the newest.
			int(line.child in plans),
			missed_talk_months.get(line.child, 0),
		)
		for line in children
	]
	listed = rules.at_risk(facts)
	if reason:
		listed = [row for row in listed if reason in row.reasons]
	rows = []
	for row in listed:
		line = lines[row.facts.child]
		assessment = assessments.get(line.child)
		plan = plans.get(line.child)
		rows.append(
			{
				"child": line.child,
				"child_name": line.child_name,
				"class_title": line.class_title,
				"reasons": "、".join(reason_labels[found] for found in row.reasons),
				"unsupervised": int(row.facts.unsupervised),
				"risk_level": translate(row.facts.latest_risk) if row.facts.latest_risk else "",
				"assessed_on": assessment.assessed_on if assessment else None,
				"intervention_plan": plan.name if plan else None,
				"plan_status": translate(plan.workflow_state or DRAFT) if plan else "",
				"open_incidents": row.facts.open_incidents,
				"missed_talk_months": row.facts.missed_talk_months,
			}
		)
	by_reason = {found: sum(1 for row in listed if found in row.reasons) for found in rules.REASONS}
	return AtRiskChildren(rows, len(rows), len(children), by_reason)
