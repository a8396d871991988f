# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""留守儿童花名册: the children a user is responsible for, with alerts and file completeness.

Rows come from `frappe.get_list`, so the user's scope applies (see leftbehind_care.permissions);
two queries in all, whatever the number of children.
"""

from __future__ import annotations

import frappe
from frappe import _

from leftbehind_care.core.register import chart_groups, register_summary, short_labels
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import missing_item_labels
from leftbehind_care.messages import option_label
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import checks_in_words, class_titles

FIELDS = [
	"name",
	"child_name",
	"gender",
	"age",
	"school",
	"care_class",
	"left_behind_type",
	"is_boarding",
	"contact_card_issued_on",
	"completeness",
	"missing_items",
	"unsupervised_alert",
	"status",
]


@checks_in_words
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	rows = get_rows(filters)
	return get_columns(), rows, None, get_chart(rows), get_summary(rows)


def get_conditions(filters: frappe._dict) -> dict:
	conditions = scope_conditions(filters, status=filters.status or "Active")
	if filters.get("unsupervised_only"):
		conditions["unsupervised_alert"] = 1
	return conditions


def get_rows(filters: frappe._dict) -> list[dict]:
	rows = frappe.get_list(
		"Left Behind Child",
		filters=get_conditions(filters),
		fields=FIELDS,
		order_by="school asc, care_class asc, child_name asc",
		limit_page_length=0,
	)
	guardians = primary_guardians([row.name for row in rows])
	titles = class_titles({row.care_class for row in rows})
	for row in rows:
		row.update(guardians.get(row.name, {}))
		row.class_title = titles.get(row.care_class)
		# Stored as item keys: shown in the reader's language.
		row.missing_items = missing_item_labels(row.missing_items)
		# Option values are stored in English: show them in the reader's language.
		for field in ("gender", "left_behind_type", "guardian_capacity"):
			if row.get(field):
				row[field] = option_label(row[field])
	return rows


def primary_guardians(children: list[str]) -> dict[str, dict]:
	"""The primary (else the first) guardian of each child, in one query."""
	if not children:
		return {}
	links = frappe.get_all(
		"Left Behind Child Guardian",
		filters={"parent": ("in", children), "parenttype": "Left Behind Child"},
		fields=["parent", "guardian_name", "phone", "capacity", "is_primary", "idx"],
		order_by="parent asc, is_primary desc, idx asc",
	)
	result: dict[str, dict] = {}
	for link in links:
		result.setdefault(
			link.parent,
			{
				"guardian_name": link.guardian_name,
				"guardian_phone": link.phone,
				"guardian_capacity": link.capacity,
			},
		)
	return result


def get_columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Child"),
			"fieldtype": "Link",
			"options": "Left Behind Child",
			"width": 150,
		},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "gender", "label": _("Gender"), "fieldtype": "Data", "width": 70},
		{"fieldname": "age", "label": _("Age"), "fieldtype": "Int", "width": 70},
		{
			"fieldname": "school",
			"label": _("School"),
			"fieldtype": "Link",
			"options": "Care School",
			"width": 220,
		},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 110},
		{"fieldname": "left_behind_type", "label": _("Left-Behind Type"), "fieldtype": "Data", "width": 130},
		{"fieldname": "guardian_name", "label": _("Guardian"), "fieldtype": "Data", "width": 90},
		{"fieldname": "guardian_phone", "label": _("Guardian's Phone"), "fieldtype": "Data", "width": 130},
		{
			"fieldname": "guardian_capacity",
			"label": _("Guardianship Capacity"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "unsupervised_alert",
			"label": _("Unsupervised Child Alert"),
			"fieldtype": "Check",
			"width": 130,
		},
		{"fieldname": "completeness", "label": _("File Completeness"), "fieldtype": "Percent", "width": 110},
		{"fieldname": "missing_items", "label": _("Missing from File"), "fieldtype": "Data", "width": 200},
		{
			"fieldname": "contact_card_issued_on",
			"label": _("Contact Card Issued On"),
			"fieldtype": "Date",
			"width": 130,
		},
	]


def get_summary(rows: list[dict]) -> list[dict]:
	summary = register_summary(rows)
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


def get_chart(rows: list[dict]) -> dict | None:
	"""The children split by school, class or left-behind type (core.register.chart_groups), as
	shares: a bar chart's axis would count children in fractions (0.5, 2.5) for small numbers. Its
	legend's labels are shortened to fit a phone (core.register.short_labels)."""
	if not rows:
		return None
	_key, groups = chart_groups(rows)
	return {
		"data": {
			"labels": short_labels([label for label, _count in groups]),
			"datasets": [{"name": _("Number of Children"), "values": [count for _label, count in groups]}],
		},
		"type": "percentage",
	}
