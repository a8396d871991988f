# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""关爱活动统计: for a term, how many care activities each of the viewer's children took part in, or
each class's and school's children (the core counts: `leftbehind_care.core.activities.counts`).
Activities and their participants come from `frappe.get_list`, so the viewer's scope applies; the
rows of the chosen view come from the builder (`leftbehind_care.reports.care_activity_counts`)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import care_terms, report_term
from leftbehind_care.core import activities as rules
from leftbehind_care.reports import care_activity_counts as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, class_titles, report_columns


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to count its activities.")
	conditions = scope_conditions(filters, ("school",), term=term.name)
	names = frappe.get_list("Care Activity", filters=conditions, pluck="name", limit_page_length=0)
	# The rows through `frappe.get_list`: a reader who is not the organiser or a leader of its
	# school counts the children they look after, never names the others.
	rows = (
		frappe.get_list(
			"Care Activity Participant",
			filters={"parenttype": "Care Activity", "parent": ("in", names), "child": ("is", "set")},
			fields=["parent", "child", "child_name", "care_class", "school"],
			parent_doctype="Care Activity",
			limit_page_length=0,
			as_list=True,  # a county's fifteen thousand rows: no dict made for each
		)
		if names
		else []
	)
	titles = class_titles({care_class for _p, _c, _n, care_class, _s in rows if care_class})
	columns, data = builder.build(
		filters.view,
		[
			(parent, rules.Participation(child, care_class, school), child_name)
			for parent, child, child_name, care_class, school in rows
		],
		titles,
	)
	return report_columns(columns), data
