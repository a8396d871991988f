# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""帮扶方案进展: every intervention plan the viewer may see, with its status, its next review (and
whether it is overdue) and how long it has been open; totals per status above.

Plans come from `frappe.get_list`, so the viewer's scope applies; their status history is read for
those plans only. The rows and totals come from the builder
(`leftbehind_care.reports.intervention_plan_status`); this gathers them in four queries and formats
them."""

from __future__ import annotations

import dataclasses
import datetime
import functools

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.core.plans import ENDED, StatusTotals
from leftbehind_care.core.workflow import read as read_workflow
from leftbehind_care.reports import SCOPE_FILTERS, scope_conditions
from leftbehind_care.reports import intervention_plan_status as builder
from leftbehind_care.utils import care_report, class_titles, report_columns, user_names

# The plan's fields the builder reads, in its order: each row read is a `PlanLine` as it stands.
FIELDS = [field.name for field in dataclasses.fields(builder.PlanLine)]


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = scope_conditions(filters, (*SCOPE_FILTERS, "workflow_state"))
	if filters.get("overdue_only"):
		conditions["review_overdue"] = 1
	plans = [
		builder.PlanLine(*values)
		for values in frappe.get_list(
			builder.PLAN,
			filters=conditions,
			fields=FIELDS,
			order_by="review_overdue desc, drafted_on asc",
			limit_page_length=0,
			as_list=True,
		)
	]
	report = builder.build(
		plans,
		moves([plan.name for plan in plans]),
		[state.name for state in read_workflow("intervention_plan").states],
		getdate(nowdate()),
		class_titles({p.care_class for p in plans if p.care_class}),
		user_names({u for p in plans for u in (p.responsible_teacher, p.participating_leader) if u}),
		functools.cache(_),  # each state translated once
	)
	# The counts per status are summary cards, not a chart: Frappe's chart, drawn twice while the
	# report page settles, can throw from the browser (removeChild), and cards read well on a phone.
	return report_columns(builder.COLUMNS), report.rows, None, None, summary(report.totals)


def moves(plans: list[str]) -> list[tuple[str, str, datetime.date]]:
	"""(plan, state moved to, day) of each move in the plans' status history that ended a plan
	(the only moves the builder reads: `core.plans.ended_on`), in one query."""
	if not plans:
		return []
	return [
		(parent, to_state, getdate(at))
		for parent, to_state, at in frappe.get_all(
			"Intervention Plan Transition",
			filters={"parenttype": builder.PLAN, "parent": ("in", plans), "to_state": ("in", sorted(ENDED))},
			fields=["parent", "to_state", "at"],
			as_list=True,
		)
	]


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
