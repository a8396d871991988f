# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""留守儿童花名册: the children a user is responsible for, with alerts and file completeness.

Rows come from one query of the children in the user's scope (`permissions.in_scope`, the
scope `get_list` applies) joined with the guardians who may be shown; two queries more (the classes'
titles, the labels) whatever the number of children. The rows, counts and chart come from the
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
from leftbehind_care.permissions import CHILD, in_scope
from leftbehind_care.reports import child_register as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, report_columns

# The child's fields the builder reads, in its order: each row read is a `ChildLine` as it stands.
FIELDS = [field.name for field in dataclasses.fields(builder.ChildLine)]


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = get_conditions(filters)
	children, guardians, titles = gather(conditions)
	report = builder.build(
		children,
		guardians,
		titles,
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


def gather(
	conditions: dict,
) -> tuple[list[builder.ChildLine], list[builder.GuardianLink], dict[str, str]]:
	"""The children in the reader's scope meeting `conditions`, in the register's order, the rows
	of their guardians tables that may be the one shown (primary, or first), and the title of each
	of their classes, in one query: the scope is `permissions.in_scope`, the scope `get_list`
	applies for this DocType."""
	if not frappe.has_permission(CHILD, "read"):
		raise frappe.PermissionError
	child = frappe.qb.DocType(CHILD)
	care_class = frappe.qb.DocType("Care Class")
	link = frappe.qb.DocType("Left Behind Child Guardian")
	query = (
		frappe.qb.from_(child)
		.left_join(care_class)
		.on(care_class.name == child.care_class)
		.left_join(link)
		.on(
			(link.parent == child.name)
			& (link.parenttype == CHILD)
			& ((link.is_primary == 1) | (link.idx == 1))
		)
		.select(
			*(child[field] for field in FIELDS),
			care_class.class_title,
			link.guardian_name,
			link.phone,
			link.capacity,
			link.is_primary,
			link.idx,
		)
		.orderby(child.school)
		.orderby(child.care_class)
		.orderby(child.child_name)
		.orderby(child.name)
	)
	query = in_scope(query, child, conditions)
	children: list[builder.ChildLine] = []
	guardians: list[builder.GuardianLink] = []
	titles: dict[str, str] = {}
	split = len(FIELDS)
	last = None
	for values in query.run():
		name = values[0]
		if name != last:  # a child with a primary guardian besides the first comes twice
			line = builder.ChildLine(*values[:split])
			children.append(line)
			if values[split]:
				titles[line.care_class] = values[split]
			last = name
		if values[split + 5] is not None:  # the row's idx: a guardian was joined
			guardians.append(builder.GuardianLink(name, *values[split + 1 :]))
	return children, guardians, titles


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
