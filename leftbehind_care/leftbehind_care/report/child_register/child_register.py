# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""留守儿童花名册: the children a user is responsible for, with alerts and file completeness.

Rows come from `frappe.get_list`, so the user's scope applies (see leftbehind_care.permissions);
three queries in all, whatever the number of children. The rows, counts and chart come from the
builder (`leftbehind_care.reports.child_register`); this gathers and formats them.
"""

from __future__ import annotations

import dataclasses
import functools

import frappe
from frappe import _

from leftbehind_care.core.register import RegisterSummary
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import completeness_labels
from leftbehind_care.messages import option_label
from leftbehind_care.permissions import children_query
from leftbehind_care.reports import child_register as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, class_titles, report_columns

# The child's fields the builder reads, in its order: each row read is a `ChildLine` as it stands.
FIELDS = [field.name for field in dataclasses.fields(builder.ChildLine)]


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = get_conditions(filters)
	children = [
		builder.ChildLine(*values)
		for values in frappe.get_list(
			"Left Behind Child",
			filters=conditions,
			fields=FIELDS,
			order_by="school asc, care_class asc, child_name asc",
			limit_page_length=0,
			as_list=True,
		)
	]
	report = builder.build(
		children,
		guardian_links(conditions) if children else [],
		class_titles({child.care_class for child in children if child.care_class}),
		# Translated once per distinct value: a county's register has thousands of rows and a
		# handful of option values and missing items.
		functools.cache(option_label),
		completeness_labels(),
	)
	return (
		report_columns(builder.COLUMNS),
		report.rows,
		None,
		get_chart(report.chart),
		get_summary(report.summary),
	)


def get_conditions(filters: frappe._dict) -> dict:
	conditions = scope_conditions(filters, status=filters.status or "Active")
	if filters.get("unsupervised_only"):
		conditions["unsupervised_alert"] = 1
	return conditions


def guardian_links(conditions: dict) -> list[builder.GuardianLink]:
	"""The rows of the guardians tables of the children in scope meeting `conditions` (a
	`GuardianLink` each), in one query."""
	link = frappe.qb.DocType("Left Behind Child Guardian")
	return [
		builder.GuardianLink(*values)
		for values in frappe.qb.from_(link)
		.select(link.parent, link.guardian_name, link.phone, link.capacity, link.is_primary, link.idx)
		.where((link.parenttype == "Left Behind Child") & link.parent.isin(children_query(conditions)))
		.run()
	]


def get_summary(summary: RegisterSummary) -> list[dict]:
	return [
		{"label": _("Number of Children"), "value": summary.children, "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Unsupervised Children"),
			"value": summary.unsupervised,
			"datatype": "Int",
			"indicator": "Red" if summary.unsupervised else "Green",
		},
		{
			"label": _("Incomplete Child Files"),
			"value": summary.incomplete,
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"label": _("Average Completeness"),
			"value": summary.average_completeness,
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"label": _("Contact Cards Issued"),
			"value": summary.cards_issued,
			"datatype": "Int",
			"indicator": "Green",
		},
		{"label": _("Boarding Students"), "value": summary.boarding, "datatype": "Int", "indicator": "Blue"},
	]


def get_chart(groups: list[tuple[str, int]]) -> dict | None:
	"""The children split by school, class or left-behind type (core.register.chart_groups), as
	shares: a bar chart's axis would count children in fractions (0.5, 2.5) for small numbers. Its
	legend's labels are shortened to fit a phone (core.register.short_labels)."""
	if not groups:
		return None
	return {
		"data": {
			"labels": [label for label, _count in groups],
			"datasets": [{"name": _("Number of Children"), "values": [count for _label, count in groups]}],
		},
		"type": "percentage",
	}
