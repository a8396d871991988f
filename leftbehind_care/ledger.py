"""The compliance ledger: what the compliance engine (`leftbehind_care.core.compliance`) computes of
each child — talks and family contacts per school month, home visits and guardian meetings per
term — stored as Care Compliance Entry rows, so that a report over a county reads a few rows per
child instead of every record and the engine's run per child.

The engine stays the single source of truth: the ledger holds its results, and they are kept
current by every save or deletion of what they are computed from (a child's file, a talk, a
contact, a visit, a meeting, a term) and rebuilt for everyone each night. Reading judges each
stored figure again for the day and the targets in force (`core.compliance.from_ledger`), so a
month that ended since its entry was written reads as missed without waiting for the night.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

import frappe
from frappe.query_builder import Criterion
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, CHILD_FIELDS, care_targets, care_terms, compliance_of
from leftbehind_care.core import compliance as engine
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
	filters, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> dict[str, engine.ChildCompliance]:
	"""`read` for the children the reader looks after, narrowed by a report's school and class
	filters; the reader's scope is applied in the query, as `frappe.get_list` applies it."""
	ledger = frappe.qb.DocType(ENTRY)
	parts = [child_criterion(get_scope(), ledger, ledger.child)]
	parts += [ledger[field] == filters[field] for field in SCOPE_FILTERS if filters.get(field)]
	parts = [part for part in parts if part is not None]
	return read(Criterion.all(parts) if parts else None, start, end, today)


def read(
	criterion, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> dict[str, engine.ChildCompliance]:
	"""Each child's compliance between two days, from the ledger, in one query: the entries of the
	children `criterion` (a `frappe.qb` criterion on the ledger table, or None for all) selects,
	whose periods overlap the two days, judged as of `today`."""
	ledger = frappe.qb.DocType(ENTRY)
	query = (
		frappe.qb.from_(ledger)
		.select(ledger.child, *(ledger[field] for field in STORED))
		.where((ledger.period_start <= end) & (ledger.period_end >= start))
	)
	if criterion is not None:
		query = query.where(criterion)
	entries = defaultdict(list)
	for child, *stored in query.run():
		entry = dict(zip(STORED, stored, strict=True))
		entry["period_start"] = getdate(entry["period_start"])
		entry["period_end"] = getdate(entry["period_end"])
		entries[child].append(engine.LedgerEntry(**entry))
	terms, targets = care_terms(), care_targets()
	today = today or getdate(nowdate())
	return {child: engine.from_ledger(found, terms, today, targets) for child, found in entries.items()}


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
