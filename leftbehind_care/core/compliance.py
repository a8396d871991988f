"""Whether each child got what the care system promises: a talk with the class teacher each school
month, family contact each month, a home visit and a guardian meeting each term.

The rule for what is due, written down once:

- A **school month** is a calendar month as far as it lies inside a term. Holidays do not count.
- A child is **due** in a month when they were in the programme (an active period) on at least
  `Targets.min_month_days` days of that month that lie inside a term — two school weeks by
  default. A child who joins on the 25th, or whose term starts on the 20th, owes nothing for that
  month; a child who leaves on the 20th still owed that month's talk. Records made in a month that
  is not due still count, they are just not required.
- A child is due in a term when they were in the programme on at least `Targets.min_term_days`
  days of it (a month by default).
- A target **met** is met; a target not yet met in a period that has not ended is **open** (there
  is still time); one not met in a period that has ended is **missed**.
- Only records made while the child was in the programme count, and a talk counts for the
  monthly talk only when the class teacher held it (talks by mentors and others are shown but
  do not replace it).
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.terms import Term

MET = "Met"
OPEN = "Open"
MISSED = "Missed"
NOT_DUE = "Not Due"

Period = tuple[datetime.date, datetime.date | None]  # active from, to (None: still active)


@dataclass(frozen=True)
class Targets:
	talks_per_month: int = 1
	contacts_per_month: int = 1
	visits_per_term: int = 1
	meetings_per_term: int = 1
	min_month_days: int = 14
	min_term_days: int = 30


def targets_from_settings(settings: Mapping[str, int]) -> Targets:
	"""The targets Care Settings sets (keys as in `leftbehind_care.core.settings.DEFAULTS`)."""
	return Targets(
		talks_per_month=settings["talks_per_month"],
		contacts_per_month=settings["family_contacts_per_month"],
		visits_per_term=settings["visits_per_term"],
		meetings_per_term=settings["guardian_meetings_per_term"],
	)


def active_periods(
	log: Iterable[tuple[str, datetime.date]],
	filed_on: datetime.date | None,
	status: str,
	status_date: datetime.date | None,
) -> list[Period]:
	"""The periods a child was in the programme, from the file's status history: an Active entry
	opens a period, any other status closes it the day before its date (a child who left on the
	20th was last in the programme on the 19th). A file without history is one period from its
	filing, closed by its current status."""
	entries = sorted((day, entry) for entry, day in log if day)
	if not entries:
		start = filed_on or status_date
		if not start:
			return []
		if status == ACTIVE:
			return [(start, None)]
		end = (status_date or start) - datetime.timedelta(days=1)
		return [(start, end)] if end >= start else []
	periods: list[Period] = []
	opened: datetime.date | None = None
	for day, entry in entries:
		if entry == ACTIVE:
			if opened is None:
				opened = day
		elif opened is not None:
			end = day - datetime.timedelta(days=1)
			if end >= opened:
				periods.append((opened, end))
			opened = None
	if opened is not None:
		periods.append((opened, None))
	return periods


@dataclass(frozen=True)
class Talk:
	day: datetime.date
	by_class_teacher: bool = True


@dataclass(frozen=True)
class Records:
	talks: Sequence[Talk] = ()
	contacts: Sequence[datetime.date] = ()
	visits: Sequence[datetime.date] = ()
	meetings: Sequence[datetime.date] = ()  # meetings the child's guardian attended


@dataclass(frozen=True)
class MonthResult:
	month: datetime.date  # first day of the month
	due_days: int
	talks: int
	contacts: int
	talk_status: str
	contact_status: str


@dataclass(frozen=True)
class TermResult:
	term: Term
	active_days: int
	visits: int
	meetings: int
	visit_status: str
	meeting_status: str


@dataclass(frozen=True)
class ChildCompliance:
	months: list[MonthResult] = field(default_factory=list)
	terms: list[TermResult] = field(default_factory=list)

	def month(self, day: datetime.date) -> MonthResult | None:
		first = day.replace(day=1)
		return next((m for m in self.months if m.month == first), None)

	def term(self, day: datetime.date) -> TermResult | None:
		"""The result of the term `day` lies in."""
		return next((t for t in self.terms if t.term.start <= day <= t.term.end), None)

	@property
	def missed_talk_months(self) -> list[datetime.date]:
		return [m.month for m in self.months if m.talk_status == MISSED]


def month_end(first: datetime.date) -> datetime.date:
	return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
	"""First days of the calendar months from `start`'s to `end`'s, both included."""
	months, first = [], start.replace(day=1)
	while first <= end:
		months.append(first)
		first = (month_end(first) + datetime.timedelta(days=1)).replace(day=1)
	return months


def overlap_days(a_start, a_end, b_start, b_end) -> int:
	start, end = max(a_start, b_start), min(a_end, b_end)
	return max((end - start).days + 1, 0)


def active_days(periods: Iterable[Period], start: datetime.date, end: datetime.date) -> int:
	"""Days from `start` to `end` on which the child was in the programme. An open period runs on:
	a child still active is expected to stay, so the current month is judged as a whole."""
	return sum(overlap_days(p_start, p_end or end, start, end) for p_start, p_end in periods)


def school_days(
	terms: Iterable[Term], periods: Sequence[Period], start: datetime.date, end: datetime.date
) -> int:
	"""Days from `start` to `end` that lie in a term and on which the child was in the programme."""
	total = 0
	for term in terms:
		t_start, t_end = max(term.start, start), min(term.end, end)
		if t_start <= t_end:
			total += active_days(periods, t_start, t_end)
	return total


def was_active(periods: Iterable[Period], day: datetime.date) -> bool:
	return any(p_start <= day and (p_end is None or day <= p_end) for p_start, p_end in periods)


def status(count: int, target: int, due: bool, period_end: datetime.date, today: datetime.date) -> str:
	if not due or target <= 0:
		return NOT_DUE
	if count >= target:
		return MET
	return OPEN if today <= period_end else MISSED


def child_compliance(
	terms: Sequence[Term],
	periods: Sequence[Period],
	records: Records,
	today: datetime.date,
	targets: Targets = Targets(),
) -> ChildCompliance:
	"""Every school month and term from the child's first filing up to today, in order."""
	if not periods:
		return ChildCompliance()
	first_day = min(p[0] for p in periods)
	terms = sorted((t for t in terms if t.end >= first_day and t.start <= today), key=lambda t: t.start)
	in_programme = [r for r in records.talks if was_active(periods, r.day)]
	contacts = [d for d in records.contacts if was_active(periods, d)]
	visits = [d for d in records.visits if was_active(periods, d)]
	meetings = [d for d in records.meetings if was_active(periods, d)]

	months = []
	for first in months_between(max(first_day, terms[0].start) if terms else today, today):
		last = month_end(first)
		in_term = sum(overlap_days(t.start, t.end, first, last) for t in terms)
		if not in_term:
			continue  # a holiday month: nothing is due and it is not listed
		due_days = school_days(terms, periods, first, last)
		talks = sum(1 for t in in_programme if t.by_class_teacher and first <= t.day <= last)
		month_contacts = sum(1 for d in contacts if first <= d <= last)
		months.append(judge_month(first, last, due_days, talks, month_contacts, today, targets))

	term_results = [
		judge_term(
			term,
			active_days(periods, term.start, term.end),
			sum(1 for d in visits if term.start <= d <= term.end),
			sum(1 for d in meetings if term.start <= d <= term.end),
			today,
			targets,
		)
		for term in terms
	]
	return ChildCompliance(months, term_results)


# The compliance ledger: each child's results stored, one entry per school month and per term,
# so that reports read a few rows instead of every record. What is stored is what
# `child_compliance` counted (records, and days in the programme); the statuses are judged on
# reading (`from_ledger`), so an entry written before its month ended, or before the targets
# changed, still reads right.
MONTH, TERM = "Month", "Term"


@dataclass(frozen=True)
class LedgerEntry:
	period_type: str  # MONTH or TERM
	period_start: datetime.date
	period_end: datetime.date
	term: str | None  # the term's name, for a TERM entry
	due_days: int  # school days (a month) or days (a term) in the programme
	talks: int = 0
	contacts: int = 0
	visits: int = 0
	meetings: int = 0


def ledger_entries(result: ChildCompliance) -> list[LedgerEntry]:
	"""A child's compliance as the ledger stores it."""
	months = [
		LedgerEntry(
			MONTH,
			m.month,
			month_end(m.month),
			None,
			m.due_days,
			talks=m.talks,
			contacts=m.contacts,
		)
		for m in result.months
	]
	terms = [
		LedgerEntry(
			TERM,
			t.term.start,
			t.term.end,
			t.term.name,
			t.active_days,
			visits=t.visits,
			meetings=t.meetings,
		)
		for t in result.terms
	]
	return months + terms


def judge_month(
	first: datetime.date,
	last: datetime.date,
	due_days: int,
	talks: int,
	contacts: int,
	today: datetime.date,
	targets: Targets = Targets(),
) -> MonthResult:
	"""A school month's result from what the ledger counted of it, judged as of `today`."""
	due = due_days >= targets.min_month_days
	return MonthResult(
		first,
		due_days,
		talks,
		contacts,
		status(talks, targets.talks_per_month, due, last, today),
		status(contacts, targets.contacts_per_month, due, last, today),
	)


def judge_term(
	term: Term, active: int, visits: int, meetings: int, today: datetime.date, targets: Targets = Targets()
) -> TermResult:
	"""A term's result from what the ledger counted of it, judged as of `today`."""
	due = active >= targets.min_term_days
	return TermResult(
		term,
		active,
		visits,
		meetings,
		status(visits, targets.visits_per_term, due, term.end, today),
		status(meetings, targets.meetings_per_term, due, term.end, today),
	)


def from_ledger(
	entries: Iterable[LedgerEntry], terms: Iterable[Term], today: datetime.date, targets: Targets = Targets()
) -> ChildCompliance:
	"""A child's compliance read back from the ledger, each status judged as of `today` with the
	targets in force (the same judgement as `child_compliance`). A term entry of a term that no
	longer exists is left out."""
	by_name = {t.name: t for t in terms}
	months, term_results = [], []
	for e in sorted(entries, key=lambda e: (e.period_type, e.period_start)):
		if e.period_type == MONTH:
			months.append(
				judge_month(e.period_start, e.period_end, e.due_days, e.talks, e.contacts, today, targets)
			)
		elif e.term in by_name:
			term_results.append(judge_term(by_name[e.term], e.due_days, e.visits, e.meetings, today, targets))
	return ChildCompliance(months, term_results)
