"""The compliance ledger: what the compliance engine (`leftbehind_care.core.compliance`) computes of
each child — talks and family contacts per school month, home visits and guardian meetings per
term — stored as Care Compliance Entry rows, so that a report over a county reads a few rows per
child instead of every record and the engine's run per child.

The engine stays the single source of truth: the ledger holds its results, and they are kept
current by every save or deletion of what they are computed from (a child's file, a talk, a
contact, a visit, a meeting, a term) and rebuilt for everyone each night. Reading judges each
stored figure again for the day and the targets in force (`core.compliance.judge_month`), so a
month that ended since its entry was written reads as missed without waiting for the night.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from operator import attrgetter

import frappe
from frappe.query_builder import Criterion
from frappe.query_builder.functions import Count
from frappe.utils import getdate, nowdate
from pypika.functions import Concat
from pypika.terms import AggregateFunction

from leftbehind_care.compliance import CHILD, CHILD_FIELDS, care_targets, care_terms, compliance_of
from leftbehind_care.core import compliance as engine
from leftbehind_care.core.scope import CareScope
from leftbehind_care.core.terms import Term
from leftbehind_care.permissions import child_criterion, get_scope
from leftbehind_care.reports import SCOPE_FILTERS

ENTRY = "Care Compliance Entry"
# Children recomputed at once by a rebuild: bounds the records read into memory and each IN list.
CHUNK = 2000
STORED = [
	"period_type",
	"period_start",
	"period_end",
	"term",
	"due_days",
	"talks",
	"contacts",
	"visits",
	"meetings",
]


def refresh(children: Iterable[str | None]) -> None:
	"""Recompute the ledger of these children (their entries replaced) in a fixed number of queries."""
	names = sorted({name for name in children if name})
	if not names or frappe.flags.in_migrate or frappe.flags.in_install:
		return
	write(names, care_terms(), getdate(nowdate()))


def rebuild() -> None:
	"""The whole ledger computed afresh (the nightly job, and after a term changed)."""
	terms, today = care_terms(), getdate(nowdate())
	everyone = frappe.get_all(CHILD, pluck="name", order_by="name asc")
	frappe.db.delete(ENTRY)
	for start in range(0, len(everyone), CHUNK):
		write(everyone[start : start + CHUNK], terms, today, replace=False)


def write(names: list[str], terms: list[Term], today: datetime.date, replace: bool = True) -> None:
	children = frappe.get_all(
		CHILD,
		filters={"name": ("in", names)},
		fields=[*CHILD_FIELDS, "school", "care_class"],
	)
	if replace:
		frappe.db.delete(ENTRY, {"child": ("in", names)})
	if not terms or not children:
		return
	results = compliance_of(children, today, since=terms[0].start, terms=terms)
	now = frappe.utils.now()
	user = frappe.session.user
	rows = []
	for child in children:
		for entry in engine.ledger_entries(results[child.name]):
			rows.append(
				[
					frappe.generate_hash(length=12),
					child.name,
					child.school,
					child.care_class,
					*(getattr(entry, field) for field in STORED),
					today,
					now,
					now,
					user,
					user,
				]
			)
	frappe.db.bulk_insert(
		ENTRY,
		[
			"name",
			"child",
			"school",
			"care_class",
			*STORED,
			"computed_on",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		rows,
		chunk_size=5000,
	)


def read_in_scope(
	filters,
	start: datetime.date,
	end: datetime.date,
	today: datetime.date | None = None,
	terms: bool = True,
	missed_talks_only: bool = False,
	scope: CareScope | None = None,
) -> dict[str, engine.ChildCompliance]:
	"""`read` for the children the reader looks after, narrowed by a report's school and class
	filters; the reader's scope is applied in the query, as `frappe.get_list` applies it."""
	ledger = frappe.qb.DocType(ENTRY)
	parts = [child_criterion(scope or get_scope(), ledger, ledger.child)]
	parts += [ledger[field] == filters[field] for field in SCOPE_FILTERS if filters.get(field)]
	parts = [part for part in parts if part is not None]
	return read(Criterion.all(parts) if parts else None, start, end, today, terms, missed_talks_only)


def read(
	criterion,
	start: datetime.date,
	end: datetime.date,
	today: datetime.date | None = None,
	terms: bool = True,
	missed_talks_only: bool = False,
) -> dict[str, engine.ChildCompliance]:
	"""Each child's compliance between two days, from the ledger: the entries of the children
	`criterion` (a `frappe.qb` criterion on the ledger table, or None for all) selects whose
	periods overlap the two days, judged as of `today`. One query for the months and, unless
	`terms` is false, one for the terms; each reads only the columns its entries need (a county's
	months are a hundred thousand rows). With `missed_talks_only`, only the months that may have
	missed their talk are read (ended, with fewer talks than the target): the engine still judges
	each."""
	ledger = frappe.qb.DocType(ENTRY)
	today = today or getdate(nowdate())
	targets = care_targets()

	def query(period_type: str, *columns):
		q = (
			frappe.qb.from_(ledger)
			.select(ledger.child, *columns)
			.where(
				(ledger.period_type == period_type)
				& (ledger.period_start <= end)
				& (ledger.period_end >= start)
			)
		)
		if missed_talks_only:
			q = q.where((ledger.period_end < today) & (ledger.talks < targets.talks_per_month))
		return q.where(criterion) if criterion is not None else q

	months = defaultdict(list)
	# A child's months in one row ("2026-09-01:31:1:0,2026-10-01:…"): a county's hundred thousand
	# month rows read as twenty thousand.
	packed = GroupConcat(
		Concat(ledger.period_start, ":", ledger.due_days, ":", ledger.talks, ":", ledger.contacts)
	)
	firsts: dict[str, tuple[datetime.date, datetime.date]] = {}  # a county has a few months
	judge = engine.judge_month
	for child, packed_months in query(engine.MONTH, packed).groupby(ledger.child).run():
		found = months[child]
		for month in packed_months.split(","):
			day, due_days, talks, contacts = month.split(":")
			if day not in firsts:
				first = datetime.date.fromisoformat(day[:10])
				firsts[day] = (first, engine.month_end(first))
			first, last = firsts[day]
			found.append(judge(first, last, int(due_days), int(talks), int(contacts), today, targets))
		found.sort(key=attrgetter("month"))
	term_results = defaultdict(list)
	if terms:
		by_name = {term.name: term for term in care_terms()}
		fields = ("term", "due_days", "visits", "meetings")
		for child, term, due_days, visits, meetings in (
			query(engine.TERM, *(ledger[field] for field in fields)).orderby(ledger.period_start).run()
		):
			if term in by_name:  # a term since deleted is left out, as the engine would
				term_results[child].append(
					engine.judge_term(by_name[term], due_days, visits, meetings, today, targets)
				)
	return {
		child: engine.ChildCompliance(months.get(child, []), term_results.get(child, []))
		for child in months.keys() | term_results.keys()
	}


def counts(
	criterion, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> tuple[list[tuple[engine.MonthResult, int]], list[tuple[engine.TermResult, int]]]:
	"""What `read` gives, counted instead of listed per child: each distinct month and term the
	children `criterion` selects have between the two days, judged as `read` judges it, with how
	many children had it. The database groups the entries, so a county's hundred thousand months
	come back as a few hundred rows (what a term's summary needs: how many met, how many missed)."""
	ledger = frappe.qb.DocType(ENTRY)
	today = today or getdate(nowdate())
	targets = care_targets()

	def grouped(period_type: str, *columns):
		q = (
			frappe.qb.from_(ledger)
			.select(*columns, Count("*"))
			.where(
				(ledger.period_type == period_type)
				& (ledger.period_start <= end)
				& (ledger.period_end >= start)
			)
			.groupby(*columns)
		)
		return (q.where(criterion) if criterion is not None else q).run()

	months = []
	for first, due_days, talks, contacts, children in grouped(
		engine.MONTH, ledger.period_start, ledger.due_days, ledger.talks, ledger.contacts
	):
		first = getdate(first)
		months.append(
			(
				engine.judge_month(
					first, engine.month_end(first), int(due_days), int(talks), int(contacts), today, targets
				),
				int(children),
			)
		)
	by_name = {term.name: term for term in care_terms()}
	terms = [
		(
			engine.judge_term(by_name[term], int(due_days), int(visits), int(meetings), today, targets),
			int(children),
		)
		for term, due_days, visits, meetings, children in grouped(
			engine.TERM, ledger.term, ledger.due_days, ledger.visits, ledger.meetings
		)
		if term in by_name  # a term since deleted is left out, as `read` leaves it
	]
	return months, terms


class GroupConcat(AggregateFunction):
	"""GROUP_CONCAT with its default separator (a comma), as MariaDB and SQLite both write it."""

	def __init__(self, term):
		super().__init__("GROUP_CONCAT", term)


# ---- kept current: the documents the figures are computed from


def on_child_record_change(doc, method=None) -> None:
	"""A talk, contact or visit saved or deleted: its child's ledger (and the former child's, when
	the record moved to another child)."""
	before = doc.get_doc_before_save() if method == "on_update" else None
	refresh([doc.child, before.child if before else None])


def on_meeting_change(doc, method=None) -> None:
	before = doc.get_doc_before_save() if method == "on_update" else None
	children = [row.child for row in doc.get("attendees") or []]
	if before:
		children += [row.child for row in before.get("attendees") or []]
	refresh(children)


def on_child_change(doc, method=None) -> None:
	refresh([doc.name])


def on_term_change(doc, method=None) -> None:
	"""A term's dates decide which months are due for everyone: the ledger is rebuilt (in the
	background on a site with a worker; at once in tests)."""
	if frappe.flags.in_migrate or frappe.flags.in_install:
		return
	frappe.enqueue(
		"leftbehind_care.ledger.rebuild",
		queue="long",
		job_id="leftbehind_care-ledger-rebuild",
		deduplicate=True,
		enqueue_after_commit=True,
		now=bool(frappe.flags.in_test),
	)


def ensure_built() -> None:
	"""After a migrate: the ledger of a site that had children before it existed."""
	if not frappe.get_all(ENTRY, limit=1) and frappe.get_all(CHILD, limit=1):
		rebuild()
