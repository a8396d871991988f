# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""控辍保学与安全隐患: for a school leader, the open dropout follow-up cases, the children at risk of
dropping out (long absence, failing repeatedly, no guardian able to care) and the safety hazards past
their deadline — of the leader's own schools. The rules: `core.keep_in_school`, `core.safety`."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD
from leftbehind_care.core import keep_in_school, safety
from leftbehind_care.leftbehind_care.report.boarding_mobilisation.boarding_mobilisation import (
	guardian_capacities,
)
from leftbehind_care.utils import class_titles

CASES, AT_RISK, HAZARDS = "Open Cases", "At Risk", "Hazards"


def sign_labels() -> dict[str, str]:
	return {
		keep_in_school.LONG_ABSENCE: _("Long Absence Noted"),
		keep_in_school.REPEATED_FAILING: _("Failing Repeatedly"),
		keep_in_school.NO_CAPABLE_GUARDIAN: _("No Guardian Able to Care"),
	}


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	view = filters.view or CASES
	if view == HAZARDS:
		return hazard_columns(), hazard_rows(filters)
	if view == AT_RISK:
		return risk_columns(), risk_rows(filters)
	return case_columns(), case_rows(filters)


def school_filter(filters) -> dict:
	return {"school": filters.school} if filters.get("school") else {}


def case_rows(filters) -> list[dict]:
	rows = frappe.get_list(
		"Schooling Follow-up",
		filters={"case_status": keep_in_school.OPEN, **school_filter(filters)},
		fields=[
			"name",
			"child",
			"child_name",
			"care_class",
			"opened_on",
			"responsible_leader",
			"schooling_status",
		],
		order_by="opened_on asc",
		limit_page_length=0,
	)
	attempts = {}
	if rows:
		for parent, count, last in frappe.get_all(
			"Persuasion Attempt",
			filters={"parenttype": "Schooling Follow-up", "parent": ("in", [r.name for r in rows])},
			fields=["parent", "count(name) as attempts", "max(attempt_date) as last_attempt"],
			group_by="parent",
			as_list=True,
		):
			attempts[parent] = (count, last)
	titles = class_titles({r.care_class for r in rows if r.care_class})
	today = getdate(nowdate())
	return [
		{
			**r,
			"class_title": titles.get(r.care_class, r.care_class),
			"schooling_status": _(r.schooling_status) if r.schooling_status else "",
			"days_open": (today - getdate(r.opened_on)).days,
			"attempts": attempts.get(r.name, (0, None))[0],
			"last_attempt": attempts.get(r.name, (0, None))[1],
		}
		for r in rows
	]


def risk_rows(filters) -> list[dict]:
	children = frappe.get_list(
		CHILD,
		filters={"status": "Active", **school_filter(filters)},
		fields=[
			"name",
			"child_name",
			"care_class",
			"status",
			"schooling_status",
			"long_absence",
			"repeated_failing",
		],
		limit_page_length=0,
	)
	capacities = guardian_capacities([c.name for c in children])
	facts = [
		keep_in_school.SchoolingFacts(
			c.name,
			c.status,
			c.schooling_status,
			bool(c.long_absence),
			bool(c.repeated_failing),
			capacities.get(c.name, ()),
		)
		for c in children
	]
	by_name = {c.name: c for c in children}
	titles = class_titles({c.care_class for c in children if c.care_class})
	labels = sign_labels()
	return [
		{
			"child": f.child,
			"child_name": by_name[f.child].child_name,
			"class_title": titles.get(by_name[f.child].care_class, by_name[f.child].care_class),
			"signs": "、".join(labels[s] for s in signs),
		}
		for f, signs in keep_in_school.dropout_risk(facts)
	]


def hazard_rows(filters) -> list[dict]:
	inspections = frappe.get_list(
		"Safety Inspection",
		filters=school_filter(filters),
		fields=["name", "school", "inspection_date"],
		limit_page_length=0,
	)
	if not inspections:
		return []
	by_name = {i.name: i for i in inspections}
	today = getdate(nowdate())
	out = []
	for row in frappe.get_all(
		"Safety Hazard",
		filters={"parenttype": "Safety Inspection", "parent": ("in", list(by_name))},
		fields=[
			"parent",
			"idx",
			"area",
			"description",
			"risk_level",
			"owner_name",
			"deadline",
			"fixed_on",
			"reported_to",
			"reported_on",
		],
		order_by="deadline asc",
	):
		inspection = by_name[row.parent]
		hazard = safety.Hazard(
			row.idx,
			getdate(inspection.inspection_date),
			getdate(row.deadline) if row.deadline else None,
			getdate(row.fixed_on) if row.fixed_on else None,
			row.reported_to,
			getdate(row.reported_on) if row.reported_on else None,
		)
		if safety.is_overdue(hazard, today):
			out.append(
				{
					"inspection": row.parent,
					"school": inspection.school,
					"area": _(row.area),
					"description": row.description,
					"risk_level": _(row.risk_level) if row.risk_level else "",
					"owner_name": row.owner_name,
					"deadline": row.deadline,
					"days_overdue": (today - getdate(row.deadline)).days,
				}
			)
	return out


def case_columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Schooling Follow-up"),
			"fieldtype": "Link",
			"options": "Schooling Follow-up",
			"width": 140,
		},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "schooling_status", "label": _("Schooling Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "opened_on", "label": _("Opened On"), "fieldtype": "Date", "width": 100},
		{"fieldname": "days_open", "label": _("Days Open"), "fieldtype": "Int", "width": 80},
		{"fieldname": "attempts", "label": _("Persuasion Attempts"), "fieldtype": "Int", "width": 90},
		{"fieldname": "last_attempt", "label": _("Last Attempt"), "fieldtype": "Date", "width": 100},
		{
			"fieldname": "responsible_leader",
			"label": _("Responsible School Leader"),
			"fieldtype": "Link",
			"options": "User",
			"width": 160,
		},
	]


def risk_columns() -> list[dict]:
	return [
		{"fieldname": "child", "label": _("Child"), "fieldtype": "Link", "options": CHILD, "width": 140},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "signs", "label": _("Signs of Dropping Out"), "fieldtype": "Data", "width": 260},
	]


def hazard_columns() -> list[dict]:
	return [
		{
			"fieldname": "inspection",
			"label": _("Safety Inspection"),
			"fieldtype": "Link",
			"options": "Safety Inspection",
			"width": 140,
		},
		{
			"fieldname": "school",
			"label": _("School"),
			"fieldtype": "Link",
			"options": "Care School",
			"width": 180,
		},
		{"fieldname": "area", "label": _("Area"), "fieldtype": "Data", "width": 80},
		{"fieldname": "description", "label": _("Hazard"), "fieldtype": "Data", "width": 220},
		{"fieldname": "risk_level", "label": _("Risk Level"), "fieldtype": "Data", "width": 70},
		{"fieldname": "owner_name", "label": _("Responsible Person"), "fieldtype": "Data", "width": 100},
		{"fieldname": "deadline", "label": _("Fix By"), "fieldtype": "Date", "width": 100},
		{"fieldname": "days_overdue", "label": _("Days Overdue"), "fieldtype": "Int", "width": 80},
	]
