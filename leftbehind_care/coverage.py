"""五有 on a site: the records each child's five haves are decided from (`core.five_haves`), read for
the children in the reader's scope in a fixed number of queries — seven, whatever the number of
children — each a query of the records of `children_query(conditions)`."""

from __future__ import annotations

import datetime

import frappe
from frappe.query_builder.functions import Max
from frappe.utils import getdate

from leftbehind_care.core import five_haves as rules
from leftbehind_care.core.terms import Term
from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting
from leftbehind_care.permissions import children_query
from leftbehind_care.reports import care_coverage as builder


def day(value) -> datetime.date | None:
	"""A date read by a raw query (SQLite answers with text). Called per row of a county's records:
	a date (MariaDB's answer) is returned as it is."""
	if value.__class__ is datetime.date or not value:
		return value or None
	return getdate(value)


def coverage_day(term: Term | None, today: datetime.date) -> datetime.date:
	"""The day a term's five haves are read on: today while it runs, its last day once it ended."""
	return min(today, term.end) if term else today


def records(conditions: dict, on: datetime.date, term: Term | None, known: dict | None = None) -> dict:
	"""The rows `core.five_haves.facts_by_child` takes, of the children in scope meeting
	`conditions`, on `on` in `term`; those of `known` (rows a caller has read already, by the same
	keys) are not read again."""
	known = known or {}
	children = children_query(conditions)
	pairing = frappe.qb.DocType("Mentor Pairing")
	guardian = frappe.qb.DocType("Left Behind Child Guardian")
	incident = frappe.qb.DocType("Care Incident")
	hazard = frappe.qb.DocType("Safety Hazard")
	contact = frappe.qb.DocType("Family Contact")
	rows = {
		"pairings": known["pairings"]
		if "pairings" in known
		else [
			(child, status, focus, day(from_date), day(to_date))
			for child, status, focus, from_date, to_date in frappe.qb.from_(pairing)
			.select(pairing.child, pairing.status, pairing.focus, pairing.from_date, pairing.to_date)
			.where(
				(pairing.focus == rules.STUDY_FOCUS)
				& ((pairing.from_date <= on) | pairing.from_date.isnull())
				& ((pairing.to_date >= on) | pairing.to_date.isnull())
				& pairing.child.isin(children)
			)
			.run()
		],
		"guardians": (
			frappe.qb.from_(guardian)
			.select(guardian.parent, guardian.capacity, guardian.phone)
			.where((guardian.parenttype == "Left Behind Child") & guardian.parent.isin(children))
			.run()
		),
		# Only the incidents still without a follow-up: the others do not count.
		"incidents": [
			(child, day(occurred_at), False)
			for child, occurred_at in frappe.qb.from_(incident)
			.select(incident.child, incident.occurred_at)
			.where((incident.follow_up.isnull() | (incident.follow_up == "")) & incident.child.isin(children))
			.run()
		],
		# The hazards naming children that were not fixed by the day and are due before it: few,
		# and the core keeps only the children they name who are in scope.
		"hazards": [
			(affected, day(deadline), day(fixed_on))
			for affected, deadline, fixed_on in frappe.qb.from_(hazard)
			.select(hazard.affected_children, hazard.deadline, hazard.fixed_on)
			.where(
				(hazard.parenttype == "Safety Inspection")
				& hazard.affected_children.isnotnull()
				& (hazard.affected_children != "")
				& (hazard.deadline < on)
				& (hazard.fixed_on.isnull() | (hazard.fixed_on > on))
			)
			.run()
		],
		"parent_contacts": [
			(child, day(last))
			for child, last in frappe.qb.from_(contact)
			.select(contact.child, Max(contact.contact_date))
			.where(
				contact.with_whom.isin(sorted(rules.PARENTS))
				& (contact.contact_date <= on)
				& contact.child.isin(children)
			)
			.groupby(contact.child)
			.run()
		],
		"tutored": [],
		"activities": [],
	}
	if term and not {"tutored", "activities"} <= known.keys():
		support = frappe.qb.DocType("Priority Support")
		activity = frappe.qb.DocType("Care Activity")
		participant = frappe.qb.DocType("Care Activity Participant")
		rows["tutored"] = (
			frappe.qb.from_(support)
			.select(support.child)
			.distinct()
			.where(
				(support.term == term.name)
				& (support.priority_kind == rules.TUTORING)
				& support.child.isin(children)
			)
			.run(pluck=True)
		)
		rows["activities"] = [
			(child, day(activity_date))
			for child, activity_date in frappe.qb.from_(participant)
			.join(activity)
			.on(activity.name == participant.parent)
			.select(participant.child, activity.activity_date)
			.where(
				(participant.parenttype == "Care Activity")
				& (activity.term == term.name)
				& (activity.activity_date <= on)
				& participant.child.isin(children)
			)
			.run()
		]
	rows.update((key, known[key]) for key in ("tutored", "activities") if key in known)
	return rows


def coverage_of(
	names: list[str], conditions: dict, on: datetime.date, term: Term | None, known: dict | None = None
) -> dict[str, rules.Coverage]:
	"""The five haves on `on` of each of `names` (the children in scope meeting `conditions`);
	`known` as for `records`."""
	if not names:
		return {}
	return builder.child_coverage(
		names, on, get_setting("parent_contact_days"), **records(conditions, on, term, known)
	)


def child_five_haves(child: str, term: Term | None, today: datetime.date) -> list[dict]:
	"""One child's five haves today, as the form shows them: each have's label, whether it is met,
	and its gaps in the reader's language. The caller checks the reader may open the file."""
	on = coverage_day(term, today)
	result = coverage_of([child], {"name": child}, on, term)[child]
	return [
		{
			"have": have,
			"label": frappe._(builder.HAVE_LABELS[have]),
			"met": met,
			"gaps": [builder.gap_text(gap, frappe._) for gap in result.gaps if gap.have == have],
		}
		for have, met in result.haves.items()
	]
