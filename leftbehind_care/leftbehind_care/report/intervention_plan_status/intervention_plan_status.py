# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""帮扶方案进展: every intervention plan the viewer may see, with its status, its next review (and
whether it is overdue) and how long it has been open; totals per status above.

Plans come from `frappe.get_list`, so the viewer's scope applies; their status history is read for
those plans only. Days open and the totals are computed in `leftbehind_care.core.plans`."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.core import plans as rules
from leftbehind_care.core.workflow import read as read_workflow
from leftbehind_care.reports import SCOPE_FILTERS, scope_conditions
from leftbehind_care.utils import checks_in_words, class_titles, user_names

PLAN = "Intervention Plan"


@checks_in_words
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	today = getdate(nowdate())
	conditions = scope_conditions(filters, (*SCOPE_FILTERS, "workflow_state"))
	if filters.get("overdue_only"):
		conditions["review_overdue"] = 1
	plans = frappe.get_list(
		PLAN,
		filters=conditions,
		fields=[
			"name",
			"child",
			"child_name",
			"care_class",
			"workflow_state",
			"drafted_on",
			"responsible_teacher",
			"participating_leader",
			"approved_on",
			"next_review_on",
			"review_overdue",
		],
		order_by="review_overdue desc, drafted_on asc",
		limit_page_length=0,
	)
	moves = defaultdict(list)
	if plans:
		for parent, to_state, at in frappe.get_all(
			"Intervention Plan Transition",
			filters={"parenttype": PLAN, "parent": ("in", [p.name for p in plans])},
			fields=["parent", "to_state", "at"],
			as_list=True,
		):
			moves[parent].append((to_state, getdate(at)))
	titles = class_titles({p.care_class for p in plans if p.care_class})
	names = user_names({u for p in plans for u in (p.responsible_teacher, p.participating_leader) if u})
	data = []
	for plan in plans:
		state = plan.workflow_state or "Draft"
		ended = rules.ended_on(state, moves[plan.name])
		data.append(
			{
				**plan,
				"class_title": titles.get(plan.care_class, plan.care_class),
				"state": state,
				"state_label": _(state),
				"responsible_teacher_name": names.get(plan.responsible_teacher, plan.responsible_teacher),
				"participating_leader_name": names.get(plan.participating_leader, plan.participating_leader),
				"ended_on": ended,
				"days_open": rules.days_open(getdate(plan.drafted_on), ended, today),
				"review_overdue": int(bool(plan.review_overdue) and state not in rules.ENDED),
			}
		)
	states = [state.name for state in read_workflow("intervention_plan").states]
	totals = rules.status_totals([(r["state"], r["review_overdue"], r["days_open"]) for r in data], states)
	# The counts per status are summary cards, not a chart: Frappe's chart, drawn twice while the
	# report page settles, can throw from the browser (removeChild), and cards read well on a phone.
	return columns(), data, None, None, summary(totals)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "name",
			"label": _("Intervention Plan"),
			"fieldtype": "Link",
			"options": PLAN,
			"width": 140,
		},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 100},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "state_label", "label": _("Plan Status"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "responsible_teacher_name",
			"label": _("Responsible Teacher"),
			"fieldtype": "Data",
			"width": 110,
		},
		{
			"fieldname": "participating_leader_name",
			"label": _("Participating School Leader"),
			"fieldtype": "Data",
			"width": 130,
		},
		{"fieldname": "drafted_on", "label": _("Drafted On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "approved_on", "label": _("Approved On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "next_review_on", "label": _("Next Review On"), "fieldtype": "Date", "width": 120},
		{"fieldname": "review_overdue", "label": _("Review Overdue"), "fieldtype": "Check", "width": 100},
		{"fieldname": "ended_on", "label": _("Ended On"), "fieldtype": "Date", "width": 110},
		{"fieldname": "days_open", "label": _("Days Open"), "fieldtype": "Int", "width": 90},
	]


def summary(totals: rules.StatusTotals) -> list[dict]:
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
