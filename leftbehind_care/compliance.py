"""The Frappe side of the compliance engine: gather, for many children at once, their time in the
programme and their talks, contacts, visits and meetings in a fixed number of queries (none per
child), and hand them to `leftbehind_care.core.compliance`.

Callers choose the children (already scoped: `frappe.get_list`, or a job that runs for everyone);
the queries here read only the records of those children.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

import frappe
from frappe.utils import getdate

from leftbehind_care.core import compliance as engine
from leftbehind_care.core.meetings import GUARDIAN, GUARDIAN_MEETING_TYPES, PARENT
from leftbehind_care.core.settings import DEFAULTS
from leftbehind_care.core.terms import Term
from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting

CHILD = "Left Behind Child"
# What a caller fetches of each child for `compliance_of`.
CHILD_FIELDS = ["name", "filed_on", "status", "status_date"]


def care_targets() -> engine.Targets:
	return engine.targets_from_settings({key: get_setting(key) for key in DEFAULTS})


def care_terms() -> list[Term]:
	return [
		Term(row.name, getdate(row.start_date), getdate(row.end_date))
		for row in frappe.get_all(
			"Care Term", fields=["name", "start_date", "end_date"], order_by="start_date"
		)
	]


def compliance_of(
	children: Iterable[dict],
	today: datetime.date,
	since: datetime.date,
	terms: list[Term] | None = None,
) -> dict[str, engine.ChildCompliance]:
	"""Each child's compliance from `since` (the first day of a month or term) up to today.
	`children` are rows with CHILD_FIELDS."""
	children = list(children)
	if not children:
		return {}
	names = [child["name"] for child in children]
	terms = [t for t in (terms if terms is not None else care_terms()) if t.end >= since]
	targets = care_targets()
	logs = defaultdict(list)
	for row in frappe.get_all(
		"Left Behind Child Status Log",
		filters={"parent": ("in", names), "parenttype": CHILD},
		fields=["parent", "status", "status_date"],
	):
		logs[row.parent].append((row.status, getdate(row.status_date) if row.status_date else None))
	records = records_of(names, since, today)
	results = {}
	for child in children:
		periods = engine.active_periods(
			logs[child["name"]],
			getdate(child["filed_on"]) if child.get("filed_on") else None,
			child["status"],
			getdate(child["status_date"]) if child.get("status_date") else None,
		)
		results[child["name"]] = engine.child_compliance(
			terms, periods, records.get(child["name"], engine.Records()), today, targets
		)
	return results


def records_of(names: list[str], since: datetime.date, today: datetime.date) -> dict[str, engine.Records]:
	"""Talks, contacts, visits and guardian meetings of the children between the two days: four
	queries."""
	talks, contacts, visits, meetings = (defaultdict(list) for _ in range(4))
	window = ("between", [since, today])
	for row in frappe.get_all(
		"Talk Record",
		filters={"child": ("in", names), "talk_date": window},
		fields=["child", "talk_date", "by_class_teacher"],
	):
		talks[row.child].append(engine.Talk(getdate(row.talk_date), bool(row.by_class_teacher)))
	for doctype, field, into in (
		("Family Contact", "contact_date", contacts),
		("Home Visit", "visit_date", visits),
	):
		for child, day in frappe.get_all(
			doctype, filters={"child": ("in", names), field: window}, fields=["child", field], as_list=True
		):
			into[child].append(getdate(day))
	meeting = frappe.qb.DocType("Care Meeting")
	attendee = frappe.qb.DocType("Care Meeting Attendee")
	rows = (
		frappe.qb.from_(attendee)
		.join(meeting)
		.on((meeting.name == attendee.parent) & (attendee.parenttype == "Care Meeting"))
		.select(attendee.child, meeting.meeting_date)
		.where(
			attendee.child.isin(names)
			& attendee.attendee_kind.isin([GUARDIAN, PARENT])
			& (attendee.present == 1)
			& meeting.meeting_type.isin(sorted(GUARDIAN_MEETING_TYPES))
			& meeting.meeting_date[since:today]
		)
		.run()
	)
	for child, day in rows:
		meetings[child].append(getdate(day))
	return {
		name: engine.Records(talks[name], contacts[name], visits[name], meetings[name])
		for name in set(talks) | set(contacts) | set(visits) | set(meetings)
	}


def term_of(day: datetime.date, terms: list[Term] | None = None) -> Term | None:
	return next((t for t in (terms if terms is not None else care_terms()) if t.start <= day <= t.end), None)


def report_term(name: str | None, terms: list[Term], today: datetime.date) -> Term | None:
	"""The term a report shows: the one chosen; with none chosen, the term running today, else the
	latest that has begun, else the first. None for a name that is no term (the report answers
	with a sentence, never an error: Frappe v15 turns a report that raises into a prepared report
	for good)."""
	if name:
		return next((t for t in terms if t.name == name), None)
	begun = [t for t in terms if t.start <= today]
	return term_of(today, terms) or (begun[-1] if begun else terms[0] if terms else None)


def care_window(today: datetime.date) -> tuple[list[Term], Term | None, datetime.date]:
	"""The terms, the term running today, and since when records are read to judge this month and
	this term."""
	terms = care_terms()
	term = term_of(today, terms)
	month_start = today.replace(day=1)
	return terms, term, min(term.start, month_start) if term else month_start
