"""谈心落实情况: for one term, each child's monthly talk with the class teacher, and the same
summed per class and per class teacher.

A cell is the month's status from the compliance engine (`leftbehind_care.core.compliance`):
Met, Open (the month is not over), Missed, Not Due (the child was in the programme too few school
days that month), or empty for a month that has not begun or lies outside the child's time in the
programme. The rate counts months decided: met / (met + missed); an open month is not yet a miss.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.core.compliance import MET, MISSED, NOT_DUE, OPEN, ChildCompliance, months_between
from leftbehind_care.core.terms import Term
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

CHILDREN, CLASSES, TEACHERS = "Children", "Classes", "Teachers"

COUNT_COLUMNS = (
	Column("met", _lt("Months Talked"), "Int", 90),
	Column("missed", _lt("Months Missed"), "Int", 90),
	Column("rate", _lt("Talk Rate (%)"), "Percent", 130),
)
TEACHER_COLUMNS = (
	Column("teacher_name", _lt("Class Teacher"), width=100),
	Column("children", _lt("Number of Children"), "Int", 80),
	Column("children_missing", _lt("Children with a Missed Month"), "Int", 140),
	Column("open", _lt("Months Pending"), "Int", 90),
	*COUNT_COLUMNS,
)
CLASS_COLUMNS = (
	Column("school", _lt("School"), "Link", 180, "Care School"),
	Column("class_title", _lt("Class"), width=110),
	*TEACHER_COLUMNS,
)


def child_columns(months: Iterable[datetime.date]) -> tuple[Column, ...]:
	"""The child-by-month grid: who, then a column per month of the term, then the counts."""
	return (
		*CHILD_COLUMNS,
		Column("teacher_name", _lt("Class Teacher"), width=90),
		*(Column(month_key(month), f"{month:%Y-%m}", width=95) for month in months),
		*COUNT_COLUMNS,
	)


@dataclass(frozen=True)
class ChildLine:
	child: str
	child_name: str
	school: str
	care_class: str | None
	teacher: str | None  # the class teacher (user)


@dataclass
class Tally:
	children: int = 0
	met: int = 0
	open: int = 0
	missed: int = 0
	not_due: int = 0
	children_missing: int = 0  # children with at least one missed month

	def add(self, statuses: Iterable[str]) -> None:
		statuses = list(statuses)
		self.children += 1
		self.met += statuses.count(MET)
		self.open += statuses.count(OPEN)
		self.missed += statuses.count(MISSED)
		self.not_due += statuses.count(NOT_DUE)
		self.children_missing += MISSED in statuses

	def merge(self, other: Tally) -> None:
		"""Adds another tally's children (one child's, counted once, into its class, its teacher
		and the total)."""
		self.children += other.children
		self.met += other.met
		self.open += other.open
		self.missed += other.missed
		self.not_due += other.not_due
		self.children_missing += other.children_missing

	@property
	def rate(self) -> float | None:
		decided = self.met + self.missed
		return round(100 * self.met / decided, 1) if decided else None


@dataclass
class TalkCompliance:
	months: list[datetime.date]
	children: list[dict] = field(default_factory=list)
	classes: list[dict] = field(default_factory=list)
	teachers: list[dict] = field(default_factory=list)
	total: Tally = field(default_factory=Tally)


def month_key(month: datetime.date) -> str:
	return f"m_{month:%Y_%m}"


def term_months(term: Term) -> list[datetime.date]:
	return months_between(term.start, term.end)


def build(term: Term, lines: Iterable[ChildLine], results: Mapping[str, ChildCompliance]) -> TalkCompliance:
	"""`results` holds each child's compliance (computed with every term, so that a month shared
	by two terms counts its school days in both)."""
	months = term_months(term)
	report = TalkCompliance(months)
	by_class: dict[tuple[str, str | None], Tally] = {}
	by_teacher: dict[str | None, Tally] = {}
	class_teacher: dict[tuple[str, str | None], str | None] = {}
	keys = {month: month_key(month) for month in months}
	for line in lines:
		result = results.get(line.child) or ChildCompliance()
		statuses = {keys[m.month]: m.talk_status for m in result.months if m.month in keys}
		row = {
			"child": line.child,
			"child_name": line.child_name,
			"school": line.school,
			"care_class": line.care_class,
			"teacher": line.teacher,
			**{key: statuses.get(key, "") for key in keys.values()},
		}
		tally = Tally()
		tally.add(statuses.values())
		row.update(met=tally.met, missed=tally.missed, open=tally.open, rate=tally.rate)
		report.children.append(row)
		key = (line.school, line.care_class)
		class_teacher[key] = line.teacher
		by_class.setdefault(key, Tally()).merge(tally)
		by_teacher.setdefault(line.teacher, Tally()).merge(tally)
		report.total.merge(tally)
	report.classes = [
		{
			"school": school,
			"care_class": care_class,
			"teacher": class_teacher[(school, care_class)],
			**summary(t),
		}
		for (school, care_class), t in sorted(by_class.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))
	]
	report.teachers = [
		{"teacher": teacher, **summary(t)}
		for teacher, t in sorted(by_teacher.items(), key=lambda kv: kv[0] or "")
	]
	return report


def summary(tally: Tally) -> dict:
	return {
		"children": tally.children,
		"met": tally.met,
		"open": tally.open,
		"missed": tally.missed,
		"children_missing": tally.children_missing,
		"rate": tally.rate,
	}
