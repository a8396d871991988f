# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""动员寄宿: the viewer's active children who do not board although no guardian is able to care for
them or they live far from school, weakest guardianship first; or, per school, the share of boarders
among left-behind children and (where the school entered its pupils for the term) among all pupils.
The figures come from the builder (`leftbehind_care.reports.boarding_mobilisation`); this gathers the
rows in a few queries and formats them."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt, getdate, nowdate

from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core.settings import DEFAULTS
from leftbehind_care.permissions import children_query
from leftbehind_care.reports import boarding_mobilisation as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, class_titles, report_columns


def reason_labels() -> dict[str, str]:
	return {"Weak Guardianship": _("No Guardian Able to Care"), "Far From School": _("Lives Far From School")}


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = scope_conditions(filters, status="Active")
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=[
			"name",
			"child_name",
			"care_class",
			"village",
			"school",
			"status",
			"is_boarding",
			"distance_to_school_km",
		],
		order_by="school asc, care_class asc, child_name asc",
		limit_page_length=0,
		as_list=True,  # a county's twenty thousand rows: no dict made for each
	)
	# A school's row names no class.
	per_school = filters.view == builder.SCHOOLS
	titles = {} if per_school else class_titles({row[2] for row in children if row[2]})
	lines = [
		builder.ChildLine(
			name,
			child_name,
			titles.get(care_class, care_class),
			village,
			school,
			status,
			bool(is_boarding),
			flt(distance) if distance else None,
		)
		for name, child_name, care_class, village, school, status, is_boarding, distance in children
	]
	if per_school:
		rows = builder.boarding_shares(lines, fund_entries(filters))
		return report_columns(builder.COLUMNS[builder.SCHOOLS]), rows
	far_km = flt(
		frappe.db.get_single_value("Care Settings", "boarding_distance_km")
		or DEFAULTS["boarding_distance_km"]
	)
	rows = builder.children_to_mobilise(
		lines, guardian_capacities(conditions) if children else {}, far_km, reason_labels()
	)
	return report_columns(builder.COLUMNS[builder.CHILDREN]), rows


def guardian_capacities(conditions: dict) -> dict[str, tuple[str, ...]]:
	"""The capacity of each guardian of the children in scope meeting `conditions`, in one query
	(the dropout report's children at risk read them too)."""
	link = frappe.qb.DocType("Left Behind Child Guardian")
	guardian = frappe.qb.DocType("Child Guardian")
	out = defaultdict(tuple)
	for child, capacity in (
		frappe.qb.from_(link)
		.join(guardian)
		.on(guardian.name == link.guardian)
		.select(link.parent, guardian.capacity)
		.where((link.parenttype == CHILD) & link.parent.isin(children_query(conditions)))
		.run()
	):
		out[child] += (capacity,)
	return out


def fund_entries(filters) -> list[tuple[str, int | None, int | None]]:
	"""(school, pupils, of them boarding) of the term's Care Fund Entries the viewer may read."""
	term = report_term(filters.term, care_terms(), getdate(nowdate()))
	if not term or not frappe.has_permission("Care Fund Entry", "read"):
		return []
	return frappe.get_list(
		"Care Fund Entry",
		filters={"term": term.name},
		fields=["school", "pupils", "pupils_boarding"],
		as_list=True,
		limit_page_length=0,
	)
