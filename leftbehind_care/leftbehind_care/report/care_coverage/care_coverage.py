# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""关爱覆盖 (五有): for a term, which of the five haves each of the reader's active children has
(today while the term runs, on its last day once it ended) and the gaps of the others, or per class
and school the share of the children with each. The records are read in a fixed number of queries
(`leftbehind_care.coverage`); the rows come from the builder (`leftbehind_care.reports.care_coverage`)."""

from __future__ import annotations

import functools

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core import five_haves as rules
from leftbehind_care.coverage import coverage_day, coverage_of
from leftbehind_care.reports import care_coverage as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, class_titles, report_columns


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to see its five haves.")
	on = coverage_day(term, getdate(nowdate()))
	conditions = scope_conditions(filters, status="Active")
	children = [
		builder.ChildLine(*values)
		for values in frappe.get_list(
			CHILD,
			filters=conditions,
			fields=["name", "child_name", "school", "care_class"],
			order_by="school asc, care_class asc, child_name asc",
			limit_page_length=0,
			as_list=True,
		)
	]
	coverage = coverage_of([line.child for line in children], conditions, on, term)
	report = builder.build(
		filters.view,
		children,
		coverage,
		class_titles({line.care_class for line in children if line.care_class}),
		# Each gap's sentence translated once a run, not once a child.
		translate=functools.cache(_),
		gaps_only=bool(filters.get("gaps_only")),
	)
	total = report.total
	summary = [
		{"label": _("Children"), "value": total.children, "indicator": "blue", "datatype": "Int"},
		{
			"label": _("All Five Haves"),
			"value": total.share(),
			"indicator": "green" if total.children and total.all_five == total.children else "orange",
			"datatype": "Percent",
		},
		*(
			{
				"label": _(builder.HAVE_LABELS[have]),
				"value": total.share(have),
				"indicator": "green" if total.met[have] == total.children else "orange",
				"datatype": "Percent",
			}
			for have in rules.HAVES
		),
	]
	message = _("Read on {0}.").format(frappe.format(on, {"fieldtype": "Date"}))
	return report_columns(report.columns), report.rows, message, None, summary
