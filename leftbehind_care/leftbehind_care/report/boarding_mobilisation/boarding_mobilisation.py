# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""动员寄宿: the viewer's active children who do not board although no guardian is able to care for
them or they live far from school, weakest guardianship first; or, per school, the share of boarders
among left-behind children and (where the school entered its pupils for the term) among all pupils.
The rules: `leftbehind_care.core.support`."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt, getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core import support as rules
from leftbehind_care.core.settings import DEFAULTS
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import class_titles

CHILDREN, SCHOOLS = "Children", "Schools"


def reason_labels() -> dict[str, str]:
	return {"Weak Guardianship": _("No Guardian Able to Care"), "Far From School": _("Lives Far From School")}


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = scope_conditions(filters, status="Active")
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=[
			"name",
			"child_name",
			"school",
			"care_class",
			"status",
			"is_boarding",
			"distance_to_school_km",
			"village",
		],
		order_by="school asc, care_class asc, child_name asc",
		limit_page_length=0,
	)
	capacities = guardian_capacities([c.name for c in children])
	facts = [
		rules.BoardingFacts(
			c.name,
			c.school,
			c.status,
			bool(c.is_boarding),
			capacities.get(c.name, ()),
			flt(c.distance_to_school_km) if c.distance_to_school_km else None,
		)
		for c in children
	]
	far_km = flt(
		frappe.db.get_single_value("Care Settings", "boarding_distance_km")
		or DEFAULTS["boarding_distance_km"]
	)
	if filters.view == SCHOOLS:
		return school_columns(), school_rows(facts, filters)
	by_name = {c.name: c for c in children}
	titles = class_titles({c.care_class for c in children if c.care_class})
	labels = reason_labels()
	data = [
		{
			"child": f.child,
			"child_name": by_name[f.child].child_name,
			"class_title": titles.get(by_name[f.child].care_class, by_name[f.child].care_class),
			"village": by_name[f.child].village,
			"distance": f.distance_km,
			"reasons": "、".join(labels[r] for r in reasons),
		}
		for f, reasons in rules.boarding_mobilisation(facts, far_km)
	]
	return child_columns(), data


def guardian_capacities(children: list[str]) -> dict[str, tuple[str, ...]]:
	if not children:
		return {}
	links = frappe.get_all(
		"Left Behind Child Guardian",
		filters={"parenttype": CHILD, "parent": ("in", children)},
		fields=["parent", "guardian"],
		as_list=True,
	)
	capacity = dict(
		frappe.get_all(
			"Child Guardian",
			filters={"name": ("in", sorted({g for _, g in links}) or [""])},
			fields=["name", "capacity"],
			as_list=True,
		)
	)
	out = defaultdict(tuple)
	for child, guardian in links:
		out[child] += (capacity.get(guardian),)
	return out


def school_rows(facts, filters) -> list[dict]:
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	pupils = {}
	if term and frappe.has_permission("Care Fund Entry", "read"):
		for row in frappe.get_list(
			"Care Fund Entry", filters={"term": term.name}, fields=["school", "pupils", "pupils_boarding"]
		):
			if row.pupils:
				pupils[row.school] = (row.pupils, row.pupils_boarding or 0)
	schools = {f.school for f in facts}
	return [
		{
			"school": share.school,
			"left_behind": share.left_behind,
			"left_behind_boarding": share.left_behind_boarding,
			"left_behind_share": share.left_behind_share,
			"pupils": share.pupils,
			"pupils_boarding": share.pupils_boarding,
			"pupils_share": share.pupils_share,
		}
		for share in rules.boarding_shares(facts, {s: p for s, p in pupils.items() if s in schools})
	]


def child_columns() -> list[dict]:
	return [
		{"fieldname": "child", "label": _("Child"), "fieldtype": "Link", "options": CHILD, "width": 140},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "village", "label": _("Village"), "fieldtype": "Data", "width": 120},
		{"fieldname": "distance", "label": _("Distance to School (km)"), "fieldtype": "Float", "width": 110},
		{"fieldname": "reasons", "label": _("Why Boarding Is Advised"), "fieldtype": "Data", "width": 200},
	]


def school_columns() -> list[dict]:
	return [
		{
			"fieldname": "school",
			"label": _("School"),
			"fieldtype": "Link",
			"options": "Care School",
			"width": 200,
		},
		{"fieldname": "left_behind", "label": _("Left-Behind Children"), "fieldtype": "Int", "width": 110},
		{
			"fieldname": "left_behind_boarding",
			"label": _("Of Them Boarding"),
			"fieldtype": "Int",
			"width": 100,
		},
		{
			"fieldname": "left_behind_share",
			"label": _("Boarding Share"),
			"fieldtype": "Percent",
			"width": 100,
		},
		{"fieldname": "pupils", "label": _("Pupils Enrolled"), "fieldtype": "Int", "width": 100},
		{"fieldname": "pupils_boarding", "label": _("Pupils Boarding"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "pupils_share",
			"label": _("Boarding Share of All Pupils"),
			"fieldtype": "Percent",
			"width": 120,
		},
	]
