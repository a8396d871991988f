# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""教育局总览: for a term, the schools the reader oversees side by side on the measures of their
term summaries (figures only, never a child's name), the weakest on each marked, the five haves'
trend over the three terms before, in a table and a chart. Administrators see every school,
inspectors the schools assigned to them. Three queries of summaries, whatever the number of schools; the rows come from the builder
(`leftbehind_care.reports.bureau_overview`)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import care_terms, report_term
from leftbehind_care.permissions import get_scope, summary_schools
from leftbehind_care.reports import bureau_overview as builder
from leftbehind_care.utils import care_report, report_columns

SUMMARY = "Care Term Summary"
EARLIER_TERMS = 3


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	terms = care_terms()
	term = report_term(filters.term, terms, getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to compare its schools.")
	earlier = [t.name for t in terms if t.end < term.start][-EARLIER_TERMS:]
	scope = get_scope()
	schools = (
		frappe.get_all("Care School", pluck="name") if scope.all_schools else sorted(summary_schools(scope))
	)
	summaries = frappe.get_list(
		SUMMARY,
		filters={"term": ("in", [term.name, *earlier]), "school": ("is", "set")},
		fields=["name", "school", "term", "workflow_state", "figures_as_of"],
		limit_page_length=0,
	)
	keys = [key for key, _label in (*builder.COUNTS, *builder.MEASURES)]
	values: dict[str, dict[str, float]] = {s.name: {} for s in summaries}
	if summaries:
		for parent, figure, value in frappe.get_list(
			"Care Term Summary Figure",
			filters={"parent": ("in", list(values)), "parenttype": SUMMARY, "figure": ("in", keys)},
			fields=["parent", "figure", "value"],
			parent_doctype=SUMMARY,
			limit_page_length=0,
			as_list=True,
		):
			values[parent][figure] = value
	overview = builder.build(
		term.name,
		earlier,
		[
			builder.SchoolTerm(s.school, s.term, s.workflow_state, s.figures_as_of, values[s.name])
			for s in summaries
		],
		schools,
		label=_,
	)
	message = None
	if overview.schools_without_summary:
		message = _("No summary of this term yet: {0}").format("、".join(overview.schools_without_summary))
	return (
		report_columns(builder.COLUMNS),
		overview.rows,
		message,
		builder.chart(overview, [*earlier, term.name]),
	)
