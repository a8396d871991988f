"""控辍保学与安全隐患: a school leader's open dropout follow-up cases, how long each has been open and
how many persuasion attempts it holds; the children at risk of dropping out and their signs (the
rules: `leftbehind_care.core.keep_in_school`); and the safety hazards past their deadline, by how
many days (`leftbehind_care.core.safety`). Rows in, figures out; the Script Report gathers the rows,
a record's options already in the reader's words, and formats them."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from leftbehind_care.core import keep_in_school, safety
from leftbehind_care.reports.columns import CHILD_COLUMNS, CHILD_NAME, CLASS_TITLE, Column, _lt

CASES, AT_RISK, HAZARDS = "Open Cases", "At Risk", "Hazards"

COLUMNS = {
	CASES: (
		Column("name", _lt("Schooling Follow-up"), "Link", 140, "Schooling Follow-up"),
		CHILD_NAME,
		CLASS_TITLE,
		Column("schooling_status", _lt("Schooling Status"), width=90),
		Column("opened_on", _lt("Opened On"), "Date", 100),
		Column("days_open", _lt("Days Open"), "Int", 80),
		Column("attempts", _lt("Persuasion Attempts"), "Int", 90),
		Column("last_attempt", _lt("Last Attempt"), "Date", 110),
		Column("responsible_leader", _lt("Responsible School Leader"), "Link", 160, "User"),
	),
	AT_RISK: (*CHILD_COLUMNS, Column("signs", _lt("Signs of Dropping Out"), width=260)),
	HAZARDS: (
		Column("inspection", _lt("Safety Inspection"), "Link", 140, "Safety Inspection"),
		Column("school", _lt("School"), "Link", 180, "Care School"),
		Column("area", _lt("Area"), width=80),
		Column("description", _lt("Hazard"), width=220),
		Column("risk_level", _lt("Risk Level"), width=80),
		Column("owner_name", _lt("Responsible Person"), width=100),
		Column("deadline", _lt("Fix By"), "Date", 100),
		Column("days_overdue", _lt("Days Overdue"), "Int", 80),
	),
}


class CaseLine(NamedTuple):
	name: str
	child: str
	child_name: str
	care_class: str | None
	class_title: str | None
	opened_on: datetime.date
	responsible_leader: str | None
	schooling_status: str  # in the reader's words


def open_cases(
	cases: Iterable[CaseLine],
	attempts: Iterable[tuple[str, int, datetime.date | None]],
	today: datetime.date,
) -> list[dict]:
	"""`cases` are the open cases, oldest first; `attempts` (case, number of persuasion attempts,
	the last one's date) of those with any. Each case with its days open and its attempts; a row
	also carries the child's file and class behind the name and title it shows."""
	by_case = {case: (count, last) for case, count, last in attempts}
	none = (0, None)
	rows = []
	for case in cases:
		count, last = by_case.get(case.name, none)
		rows.append(
			{
				"name": case.name,
				"child": case.child,
				"child_name": case.child_name,
				"care_class": case.care_class,
				"opened_on": case.opened_on,
				"responsible_leader": case.responsible_leader,
				"schooling_status": case.schooling_status,
				"class_title": case.class_title,
				"days_open": (today - case.opened_on).days,
				"attempts": count,
				"last_attempt": last,
			}
		)
	return rows


@dataclass(frozen=True)
class ChildLine:
	child: str
	child_name: str
	class_title: str | None
	status: str
	schooling_status: str | None
	long_absence: bool
	repeated_failing: bool


def children_at_risk(
	children: Iterable[ChildLine],
	capacities: Mapping[str, tuple[str, ...]],
	sign_labels: Mapping[str, str],
) -> list[dict]:
	"""`children` are the reader's active children; `capacities` the capacity of each child's
	guardians; `sign_labels` a sign's words (`keep_in_school.RISK_SIGNS`). The children at risk of
	dropping out, the most signs first."""
	by_child = {line.child: line for line in children}
	listed = keep_in_school.dropout_risk(
		keep_in_school.SchoolingFacts(
			line.child,
			line.status,
			line.schooling_status,
			line.long_absence,
			line.repeated_failing,
			tuple(capacities.get(line.child, ())),
		)
		for line in by_child.values()
	)
	return [
		{
			"child": found.child,
			"child_name": by_child[found.child].child_name,
			"class_title": by_child[found.child].class_title,
			"signs": "、".join(sign_labels[sign] for sign in signs),
		}
		for found, signs in listed
	]


@dataclass(frozen=True)
class HazardLine:
	inspection: str
	school: str
	area: str  # in the reader's words, as the risk level
	description: str
	risk_level: str
	owner_name: str | None
	hazard: safety.Hazard


def overdue_hazards(hazards: Iterable[HazardLine], today: datetime.date) -> list[dict]:
	"""`hazards` are those of the reader's inspections, by deadline. The ones overdue (neither fixed
	nor reported, past their deadline), each with its days overdue."""
	return [
		{
			"inspection": line.inspection,
			"school": line.school,
			"area": line.area,
			"description": line.description,
			"risk_level": line.risk_level,
			"owner_name": line.owner_name,
			"deadline": line.hazard.deadline,
			"days_overdue": (today - line.hazard.deadline).days,
		}
		for line in hazards
		if safety.is_overdue(line.hazard, today)
	]
