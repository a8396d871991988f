# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""帮扶方案进展: every intervention plan the viewer may see, with its status, its next review (and
whether it is overdue) and how long it has been open; totals per status above.

Plans are read in the viewer's scope, as `frappe.get_list` reads them, in one query with their class,
the people they name and the day each ended. The rows and totals come from the builder
(`leftbehind_care.reports.intervention_plan_status`); this gathers and formats them."""

from __future__ import annotations

import functools

import frappe
from frappe import _
from frappe.query_builder.functions import Max
from frappe.utils import getdate, nowdate

from leftbehind_care.core.plans import ENDED, StatusTotals
from leftbehind_care.core.workflow import read as read_workflow
from leftbehind_care.permissions import child_records_in_scope
from leftbehind_care.reports import SCOPE_FILTERS, scope_conditions
from leftbehind_care.reports import intervention_plan_status as builder
from leftbehind_care.utils import care_report, report_columns


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = scope_conditions(filters, (*SCOPE_FILTERS, "workflow_state"))
	if filters.get("overdue_only"):
		conditions["review_overdue"] = 1
	plans, moves, titles, names = gather(conditions)
	report = builder.build(
		plans,
		moves,
		[state.name for state in read_workflow("intervention_plan").states],
		getdate(nowdate()),
		titles,
		names,
		functools.cache(_),  # each state translated once
	)
	# The counts per status are summary cards, not a chart: Frappe's chart, drawn twice while the
	# report page settles, can throw from the browser (removeChild), and cards read well on a phone.
	return report_columns(builder.COLUMNS), report.rows, None, None, summary(report.totals)


def gather(conditions: dict):
	"""The plans the reader may read that meet `conditions`, in the report's order (`PlanLine`s);
	the (plan, state, day) of the last move into each ended state of each (the only moves the builder
	reads: `core.plans.ended_on`); the title of each plan's class and the full name of each person
	named — in one query, scoped as `get_list` scopes plans (`permissions.child_records_in_scope`)."""
	if not frappe.has_permission(builder.PLAN, "read"):
		raise frappe.PermissionError
	plan = frappe.qb.DocType(builder.PLAN)
	care_class = frappe.qb.DocType("Care Class")
	teacher = frappe.qb.DocType("User").as_("teacher")
	leader = frappe.qb.DocType("User").as_("leader")
	move = frappe.qb.DocType("Intervention Plan Transition")
	ended = (
		frappe.qb.from_(move)
		.select(move.parent, move.to_state, Max(move.at).as_("at"))
		.where((move.parenttype == builder.PLAN) & move.to_state.isin(sorted(ENDED)))
		.groupby(move.parent, move.to_state)
	).as_("ended")
	query = (
		frappe.qb.from_(plan)
		.left_join(care_class)
		.on(care_class.name == plan.care_class)
		.left_join(teacher)
		.on(teacher.name == plan.responsible_teacher)
		.left_join(leader)
		.on(leader.name == plan.participating_leader)
		.left_join(ended)
		.on(ended.parent == plan.name)
		.select(
			*(plan[field] for field in builder.PlanLine._fields),
			care_class.class_title,
			teacher.full_name,
			leader.full_name,
			ended.to_state,
			ended.at,
		)
		.orderby(plan.review_overdue, order=frappe.qb.desc)
		.orderby(plan.drafted_on)
		.orderby(plan.name)
	)
	query = child_records_in_scope(query, plan, conditions)
	plans, moves, titles, names = [], [], {}, {}
	line, last, width = builder.PlanLine, None, len(builder.PlanLine._fields)
	for values in query.run():
		name = values[0]
		if name != last:  # a plan that ended twice (escalated, then closed) comes once per end
			found = line(*values[:width])
			plans.append(found)
			last = name
			class_title, teacher_name, leader_name = values[width : width + 3]
			if class_title:
				titles[found.care_class] = class_title
			if teacher_name:
				names[found.responsible_teacher] = teacher_name
			if leader_name:
				names[found.participating_leader] = leader_name
		to_state, at = values[width + 3 :]
		if to_state:
			moves.append((name, to_state, getdate(at)))
	return plans, moves, titles, names


def summary(totals: StatusTotals) -> list[dict]:
	return [
		*(
			{"label": _(state), "value": count, "indicator": "gray", "datatype": "Int"}
			for state, count in totals.by_state.items()
			if count
		),
		{"label": _("Open Plans"), "value": totals.open_plans, "indicator": "blue", "datatype": "Int"},
		{
			"label": _("Reviews Overdue"),
			"value": totals.overdue_reviews,
			"indicator": "red" if totals.overdue_reviews else "green",
			"datatype": "Int",
		},
		{
			"label": _("Average Days Open"),
			"value": totals.mean_days_open if totals.mean_days_open is not None else "–",
			"indicator": "gray",
		},
	]
