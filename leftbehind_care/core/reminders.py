"""Reminders: one digest per person and period, never one per child, never twice.

- On the reminder day of each month (Care Settings; the last day of a shorter month; any later
  day of the month if the scheduler missed it), each class teacher gets the children of their
  classes whose monthly talk is still open, and each school leader the school's numbers.
- When a term ends within `visit_reminder_days`, each mentor gets their paired children without a
  home visit this term.
- Each digest carries a key (kind, recipient, period); a digest whose key was sent is not sent
  again, so running the job twice sends nothing twice.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.core.compliance import OPEN, ChildCompliance
from leftbehind_care.core.terms import Term

TALKS = "Talks"
VISITS = "Home Visits"
SCHOOL = "School Numbers"
KINDS = (TALKS, VISITS, SCHOOL)


@dataclass(frozen=True)
class ChildRef:
	child: str
	child_name: str
	school: str
	care_class: str | None = None
	teacher: str | None = None  # class teacher
	mentors: tuple[str, ...] = ()  # users of active staff pairings


@dataclass
class Digest:
	kind: str
	recipient: str
	period: str
	children: list[ChildRef] = field(default_factory=list)
	numbers: dict[str, int] = field(default_factory=dict)
	school: str | None = None

	@property
	def key(self) -> str:
		return reminder_key(self.kind, self.recipient, self.period, self.school)


def reminder_key(kind: str, recipient: str, period: str, school: str | None = None) -> str:
	return "|".join(part for part in (kind, period, school, recipient) if part)


def month_period(today: datetime.date) -> str:
	return f"{today:%Y-%m}"


def monthly_reminders_due(today: datetime.date, reminder_day: int) -> bool:
	"""From the reminder day to the month's end (a day 31 falls on a shorter month's last day)."""
	last = calendar.monthrange(today.year, today.month)[1]
	return today.day >= min(max(reminder_day, 1), last)


def visit_reminders_term(terms: Iterable[Term], today: datetime.date, days: int) -> Term | None:
	"""The term that ends within `days` of today, if any."""
	return next((t for t in terms if t.start <= today <= t.end and (t.end - today).days <= days), None)


def talk_digests(
	children: Iterable[ChildRef], results: Mapping[str, ChildCompliance], today: datetime.date
) -> list[Digest]:
	"""Per class teacher: their children whose talk this month is still open."""
	by_teacher: dict[str, Digest] = {}
	for child in children:
		month = (results.get(child.child) or ChildCompliance()).month(today)
		if child.teacher and month and month.talk_status == OPEN:
			digest = by_teacher.setdefault(child.teacher, Digest(TALKS, child.teacher, month_period(today)))
			digest.children.append(child)
	return sorted(by_teacher.values(), key=lambda d: d.recipient)


def visit_digests(
	children: Iterable[ChildRef], results: Mapping[str, ChildCompliance], term: Term
) -> list[Digest]:
	"""Per mentor: their paired children without the term's home visit."""
	by_mentor: dict[str, Digest] = {}
	for child in children:
		found = (results.get(child.child) or ChildCompliance()).term(term.start)
		if not found or found.visit_status != OPEN:
			continue
		for mentor in child.mentors:
			by_mentor.setdefault(mentor, Digest(VISITS, mentor, term.name)).children.append(child)
	return sorted(by_mentor.values(), key=lambda d: d.recipient)


def school_numbers(
	children: Iterable[ChildRef], results: Mapping[str, ChildCompliance], today: datetime.date
) -> dict[str, dict[str, int]]:
	"""Per school: active children, and how many still lack this month's talk and contact and
	this term's home visit and guardian meeting."""
	numbers: dict[str, dict[str, int]] = {}
	for child in children:
		counts = numbers.setdefault(
			child.school,
			{"children": 0, "talks_open": 0, "contacts_open": 0, "visits_open": 0, "meetings_open": 0},
		)
		counts["children"] += 1
		result = results.get(child.child) or ChildCompliance()
		month = result.month(today)
		if month:
			counts["talks_open"] += month.talk_status == OPEN
			counts["contacts_open"] += month.contact_status == OPEN
		term = result.term(today)
		if term:
			counts["visits_open"] += term.visit_status == OPEN
			counts["meetings_open"] += term.meeting_status == OPEN
	return numbers


def leader_digests(
	numbers: Mapping[str, Mapping[str, int]], leaders: Mapping[str, Iterable[str]], today: datetime.date
) -> list[Digest]:
	"""One digest per leader and school (a leader of two schools gets one for each)."""
	return [
		Digest(SCHOOL, leader, month_period(today), numbers=dict(counts), school=school)
		for school, counts in sorted(numbers.items())
		for leader in sorted(set(leaders.get(school, ())))
	]


def unsent(digests: Iterable[Digest], sent_keys: set[str]) -> list[Digest]:
	return [d for d in digests if d.key not in sent_keys]
