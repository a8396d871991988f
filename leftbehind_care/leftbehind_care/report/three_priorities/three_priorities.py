# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""三个优先: for a term, which of the three priorities (tutoring, daily-life care, an activity place)
each of the viewer's active children received, and the gap list of those who received none. The
figures come from the builder (`leftbehind_care.reports.three_priorities`); this gathers the rows
in three queries and formats them."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.permissions import children_query
from leftbehind_care.reports import scope_conditions
from leftbehind_care.reports import three_priorities as builder
from leftbehind_care.utils import care_report, class_titles, report_columns


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to see its priorities.")
	conditions = scope_conditions(filters, status="Active")
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=["name", "child_name", "care_class"],
		order_by="care_class asc, child_name asc",
		limit_page_length=0,
		as_list=True,  # a county's twenty thousand rows: no dict made for each
	)
	support = frappe.qb.DocType("Priority Support")
	received = (
		frappe.qb.from_(support)
		.select(support.child, support.priority_kind)
		.where((support.term == term.name) & support.child.isin(children_query(conditions)))
		.run()
		if children
		else []
	)
	titles = class_titles({care_class for _name, _child_name, care_class in children if care_class})
	lines = [
		builder.ChildLine(name, child_name, titles.get(care_class, care_class))
		for name, child_name, care_class in children
	]
	report = builder.build(lines, received, gaps_only=bool(filters.get("gaps_only")))
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
