# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""控辍保学与安全隐患: for a school leader, the open dropout follow-up cases, the children at risk of
dropping out (long absence, failing repeatedly, no guardian able to care) and the safety hazards past
their deadline — of the leader's own schools. The rows of the chosen view come from the builder
(`leftbehind_care.reports.schooling_and_safety_follow_ups`); this gathers them in a few queries and
formats them."""

from __future__ import annotations

import functools

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, Count, Max
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import CHILD
from leftbehind_care.core import keep_in_school, safety
from leftbehind_care.leftbehind_care.report.boarding_mobilisation.boarding_mobilisation import (
	guardian_capacities,
)
from leftbehind_care.permissions import child_records_in_scope
from leftbehind_care.reports import schooling_and_safety_follow_ups as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.support import CASE
from leftbehind_care.utils import care_report, class_titles, report_columns


def sign_labels() -> dict[str, str]:
	return {
		keep_in_school.LONG_ABSENCE: _("Long Absence Noted"),
		keep_in_school.REPEATED_FAILING: _("Failing Repeatedly"),
		keep_in_school.NO_CAPABLE_GUARDIAN: _("No Guardian Able to Care"),
	}


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	view = filters.view if filters.view in builder.COLUMNS else builder.CASES
	today = getdate(nowdate())
	if view == builder.HAZARDS:
		rows = builder.overdue_hazards(hazard_lines(filters), today)
	elif view == builder.AT_RISK:
		children = child_lines(filters)
		rows = builder.children_at_risk(
			children,
			guardian_capacities(scope_conditions(filters, ("school",), status="Active")) if children else {},
			sign_labels(),
		)
	else:
		rows = builder.open_cases(*gather_cases(filters), today)
	return report_columns(builder.COLUMNS[view]), rows


def gather_cases(filters) -> tuple[list[builder.CaseLine], list[tuple]]:
	"""The open cases the reader may read, oldest first, with their class's title, and the (case,
	number of persuasion attempts, the last one's date) of those with any — in one query, scoped as
	`get_list` scopes cases (`permissions.child_records_in_scope`)."""
	if not frappe.has_permission(CASE, "read"):
		raise frappe.PermissionError
	case = frappe.qb.DocType(CASE)
	care_class = frappe.qb.DocType("Care Class")
	attempt = frappe.qb.DocType("Persuasion Attempt")
	attempts = (
		frappe.qb.from_(attempt)
		.select(attempt.parent, Count(attempt.name).as_("attempts"), Max(attempt.attempt_date).as_("last"))
		.where(attempt.parenttype == CASE)
		.groupby(attempt.parent)
	).as_("attempts")
	query = (
		frappe.qb.from_(case)
		.left_join(care_class)
		.on(care_class.name == case.care_class)
		.left_join(attempts)
		.on(attempts.parent == case.name)
		.select(
			case.name,
			case.child,
			case.child_name,
			case.care_class,
			Coalesce(care_class.class_title, case.care_class),
			case.opened_on,
			case.responsible_leader,
			case.schooling_status,
			attempts.attempts,
			attempts.last,
		)
		.orderby(case.opened_on)
		.orderby(case.name)
	)
	query = child_records_in_scope(
		query, case, scope_conditions(filters, ("school",), case_status=keep_in_school.OPEN)
	)
	status = functools.cache(_)
	cases, counted = [], []
	for name, child, child_name, care_class, title, opened_on, leader, schooling, count, last in query.run():
		cases.append(
			builder.CaseLine(
				name,
				child,
				child_name,
				care_class,
				title,
				getdate(opened_on),
				leader,
				status(schooling) if schooling else "",
			)
		)
		if count:
			counted.append((name, count, getdate(last) if last else None))
	return cases, counted


def child_lines(filters) -> list[builder.ChildLine]:
	children = frappe.get_list(
		CHILD,
		filters=scope_conditions(filters, ("school",), status="Active"),
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
	titles = class_titles({c.care_class for c in children if c.care_class})
	return [
		builder.ChildLine(
			c.name,
			c.child_name,
			titles.get(c.care_class, c.care_class),
			c.status,
			c.schooling_status,
			bool(c.long_absence),
			bool(c.repeated_failing),
		)
		for c in children
	]


def hazard_lines(filters) -> list[builder.HazardLine]:
	"""The hazards of the inspections the reader may read, by deadline, in two queries."""
	inspections = frappe.get_list(
		"Safety Inspection",
		filters=scope_conditions(filters, ("school",)),
		fields=["name", "school", "inspection_date"],
		limit_page_length=0,
	)
	if not inspections:
		return []
	by_name = {i.name: i for i in inspections}
	hazards = frappe.get_all(
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
	)
	return [
		builder.HazardLine(
			row.parent,
			by_name[row.parent].school,
			_(row.area),
			row.description,
			_(row.risk_level) if row.risk_level else "",
			row.owner_name,
			safety.Hazard(
				row.idx,
				getdate(by_name[row.parent].inspection_date),
				getdate(row.deadline) if row.deadline else None,
				getdate(row.fixed_on) if row.fixed_on else None,
				row.reported_to,
				getdate(row.reported_on) if row.reported_on else None,
			),
		)
		for row in hazards
	]
