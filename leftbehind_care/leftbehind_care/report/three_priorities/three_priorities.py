# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""三个优先: for a term, which of the three priorities (tutoring, daily-life care, an activity place)
each of the viewer's active children received, and the gap list of those who received none. The
figures come from the builder (`leftbehind_care.reports.three_priorities`); this gathers the rows
in one query of the children joined with their class and their priorities of the term, and
formats them."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.permissions import in_scope
from leftbehind_care.reports import scope_conditions
from leftbehind_care.reports import three_priorities as builder
from leftbehind_care.utils import care_report, report_columns


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to see its priorities.")
	conditions = scope_conditions(filters, status="Active")
	children, received = gather(conditions, term.name)
	report = builder.build(children, received, gaps_only=bool(filters.get("gaps_only")))
	summary = [
		{"label": _("Children"), "value": report.children, "indicator": "blue", "datatype": "Int"},
		{
			"label": _("Received None of the Three"),
			"value": report.received_none,
			"indicator": "red" if report.received_none else "green",
			"datatype": "Int",
		},
	]
	return report_columns(builder.COLUMNS), report.rows, None, None, summary


def gather(conditions: dict, term: str) -> tuple[list[builder.ChildLine], list[tuple[str, str]]]:
	"""The reader's children meeting `conditions` (name, name shown, class title), in the report's
	order, and the (child, priority kind) of their priorities of `term`, in one query: the scope is
	`permissions.in_scope`, the scope `get_list` applies for this DocType."""
	if not frappe.has_permission(CHILD, "read"):
		raise frappe.PermissionError
	child = frappe.qb.DocType(CHILD)
	support = frappe.qb.DocType("Priority Support")
	care_class = frappe.qb.DocType("Care Class")
	query = (
		frappe.qb.from_(child)
		.left_join(care_class)
		.on(care_class.name == child.care_class)
		.left_join(support)
		.on((support.child == child.name) & (support.term == term))
		.select(
			child.name,
			child.child_name,
			Coalesce(care_class.class_title, child.care_class),
			support.priority_kind,
		)
		.orderby(child.care_class)
		.orderby(child.child_name)
		.orderby(child.name)
	)
	query = in_scope(query, child, conditions)
	children, received, last = [], [], None
	line = builder.ChildLine
	for name, child_name, class_title, kind in query.run():
		if name != last:  # a child with several priorities comes once per priority
			children.append(line(name, child_name, class_title))
			last = name
		if kind:
			received.append((name, kind))
	return children, received
