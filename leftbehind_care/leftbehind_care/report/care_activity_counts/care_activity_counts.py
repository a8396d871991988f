# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""关爱活动统计: for a term, how many care activities each of the viewer's children took part in, or
each class's and school's children (the core counts: `leftbehind_care.core.activities.counts`).
Activities and their participants come from `frappe.get_list`, so the viewer's scope applies."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core import activities as rules
from leftbehind_care.utils import class_titles

CHILDREN, CLASSES, SCHOOLS = "Children", "Classes", "Schools"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to count its activities.")
	conditions = {"term": term.name}
	if filters.get("school"):
		conditions["school"] = filters.school
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
		)
		if names
		else []
	)
	by_activity: dict[str, list[rules.Participation]] = {}
	child_names = {}
	for row in rows:
		by_activity.setdefault(row.parent, []).append(
			rules.Participation(row.child, row.care_class, row.school)
		)
		child_names[row.child] = (row.child_name, row.care_class)
	result = rules.counts(by_activity.items())
	view = filters.view or CHILDREN
	if view == SCHOOLS:
		data = [{"school": school, "activities": n} for school, n in sorted(result.by_school.items())]
		return [
			{
				"fieldname": "school",
				"label": _("School"),
				"fieldtype": "Link",
				"options": "Care School",
				"width": 220,
			},
			{"fieldname": "activities", "label": _("Activities"), "fieldtype": "Int", "width": 110},
		], data
	titles = class_titles({c for c in result.by_class} | {c for _name, c in child_names.values() if c})
	if view == CLASSES:
		data = [
			{"class_title": titles.get(c, c), "activities": n}
			for c, n in sorted(result.by_class.items(), key=lambda item: titles.get(item[0], item[0]))
		]
		return [
			{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 220},
			{"fieldname": "activities", "label": _("Activities"), "fieldtype": "Int", "width": 110},
		], data
	data = [
		{
			"child": child,
			"child_name": child_names[child][0],
			"class_title": titles.get(child_names[child][1], child_names[child][1]),
			"activities": n,
		}
		for child, n in sorted(result.by_child.items(), key=lambda item: (-item[1], item[0]))
	]
	return [
		{"fieldname": "child", "label": _("Child"), "fieldtype": "Link", "options": CHILD, "width": 140},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "activities", "label": _("Activities Taken Part In"), "fieldtype": "Int", "width": 110},
	], data
