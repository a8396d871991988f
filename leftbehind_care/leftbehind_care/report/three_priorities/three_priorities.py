# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""三个优先: for a term, which of the three priorities (tutoring, daily-life care, an activity place)
each of the viewer's active children received, and the gap list of those who received none (the
core decides: `leftbehind_care.core.support.priority_gaps`)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core import support as rules
from leftbehind_care.utils import checks_in_words, class_titles


@checks_in_words
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term:
		return [], [], _("Choose a term to see its priorities.")
	conditions = {"status": "Active"}
	for field in ("school", "care_class"):
		if filters.get(field):
			conditions[field] = filters[field]
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=["name", "child_name", "care_class"],
		order_by="care_class asc, child_name asc",
		limit_page_length=0,
	)
	names = [c.name for c in children]
	received = (
		frappe.get_all(
			"Priority Support",
			filters={"child": ("in", names), "term": term.name},
			fields=["child", "priority_kind"],
			as_list=True,
		)
		if names
		else []
	)
	kinds: dict[str, list[str]] = {}
	for child, kind in received:
		kinds.setdefault(child, []).append(kind)
	gaps = {gap.child for gap in rules.priority_gaps(names, received)}
	titles = class_titles({c.care_class for c in children if c.care_class})
	data = []
	for child in children:
		if filters.get("gaps_only") and child.name not in gaps:
			continue
		got = rules.priorities_received(kinds.get(child.name, []))
		data.append(
			{
				"child": child.name,
				"child_name": child.child_name,
				"class_title": titles.get(child.care_class, child.care_class),
				"tutoring": int(got[rules.TUTORING]),
				"daily_care": int(got[rules.DAILY_CARE]),
				"activity": int(got[rules.ACTIVITY_PLACEMENT]),
				"none": int(child.name in gaps),
			}
		)
	summary = [
		{"label": _("Children"), "value": len(children), "indicator": "blue", "datatype": "Int"},
		{
			"label": _("Received None of the Three"),
			"value": len(gaps),
			"indicator": "red" if gaps else "green",
			"datatype": "Int",
		},
	]
	return columns(), data, None, None, summary


def columns() -> list[dict]:
	return [
		{"fieldname": "child", "label": _("Child"), "fieldtype": "Link", "options": CHILD, "width": 140},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "tutoring", "label": _("Tutoring"), "fieldtype": "Check", "width": 90},
		{"fieldname": "daily_care", "label": _("Daily-Life Care"), "fieldtype": "Check", "width": 90},
		{"fieldname": "activity", "label": _("Activity Placement"), "fieldtype": "Check", "width": 90},
		{"fieldname": "none", "label": _("Received None"), "fieldtype": "Check", "width": 90},
	]
