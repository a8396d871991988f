# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""重点关注儿童: the children the viewer looks after who need attention now — no adult guardian able
to care for them, a high-risk latest assessment, an incident not yet followed through, a plan
under way, or a month of this term without the class teacher's talk — the most serious first.

Children come from `frappe.get_list`, so the viewer's scope applies; their records are read for
those children only, in a fixed number of queries, their talks from the compliance ledger. The
rows and counts come from the builder (`leftbehind_care.reports.at_risk_children`); who is listed,
and in which order, is decided in `leftbehind_care.core.risk`."""

from __future__ import annotations

import functools
from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import Order
from frappe.utils import get_datetime, getdate, nowdate

from leftbehind_care import ledger
from leftbehind_care.compliance import CHILD, term_of
from leftbehind_care.core import risk as rules
from leftbehind_care.core.incidents import MANDATORY_REPORT_KINDS
from leftbehind_care.core.plans import ENDED
from leftbehind_care.core.scope import CareScope
from leftbehind_care.permissions import children_query, get_scope
from leftbehind_care.reports import at_risk_children as builder
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import care_report, class_titles, report_columns


def reason_labels() -> dict[str, str]:
	return {
		rules.UNSUPERVISED: _("No Guardian Able to Care"),
		rules.HIGH_RISK: _("Assessed at High Risk"),
		rules.OPEN_INCIDENT: _("Incident Not Followed Through"),
		rules.OPEN_PLAN: _("Intervention Plan Not Ended"),
		rules.OVERDUE_TALKS: _("Talks Overdue"),
	}


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	conditions = scope_conditions(filters, status="Active")
	children = frappe.get_list(
		CHILD,
		filters=conditions,
		fields=["name", "child_name", "school", "care_class", "unsupervised_alert"],
		order_by="school asc, care_class asc, child_name asc",
		limit_page_length=0,
	)
	scope = get_scope()
	titles = class_titles({c.care_class for c in children if c.care_class})
	labels = reason_labels()
	# The children's records are read through the same conditions; with no children, none.
	read = bool(children)
	report = builder.build(
		[
			builder.ChildLine(
				c.name, c.child_name, titles.get(c.care_class, c.care_class), bool(c.unsupervised_alert)
			)
			for c in children
		],
		latest_assessments(conditions, scope) if read else {},
		open_plans(conditions, scope) if read else {},
		open_incidents(conditions, scope) if read else {},
		missed_talk_months(filters, scope) if read else {},
		labels,
		functools.cache(_),  # each risk level and plan state translated once
		filters.get("reason"),
	)
	return report_columns(builder.COLUMNS), report.rows, None, None, summary(report, labels)


def latest_assessments(conditions: dict, scope: CareScope) -> dict[str, builder.Assessment]:
	"""The latest assessment of each of the children in scope meeting `conditions`."""
	latest = {}
	if frappe.has_permission("Care Assessment", "read"):
		assessment = frappe.qb.DocType("Care Assessment")
		for child, risk_level, assessed_on in (
			frappe.qb.from_(assessment)
			.select(assessment.child, assessment.risk_level, assessment.assessed_on)
			.where(assessment.child.isin(children_query(conditions, scope)))
			.orderby(assessment.assessed_on, order=Order.desc)
			.orderby(assessment.creation, order=Order.desc)
			.run()
		):
			latest.setdefault(child, builder.Assessment(risk_level, assessed_on))
	return latest


def open_plans(conditions: dict, scope: CareScope) -> dict[str, builder.OpenPlan]:
	"""The newest plan not ended of each of the children in scope meeting `conditions`."""
	plans = {}
	if frappe.has_permission("Intervention Plan", "read"):
		plan = frappe.qb.DocType("Intervention Plan")
		for name, child, state in (
			frappe.qb.from_(plan)
			.select(plan.name, plan.child, plan.workflow_state)
			.where(
				plan.child.isin(children_query(conditions, scope))
				& (plan.workflow_state.isnull() | plan.workflow_state.notin(ENDED))
			)
			.orderby(plan.creation, order=Order.desc)
			.run()
		):
			plans.setdefault(child, builder.OpenPlan(name, state))
	return plans


def open_incidents(conditions: dict, scope: CareScope) -> dict[str, int]:
	"""How many incidents of each of the children in scope meeting `conditions` are still open."""
	counts = defaultdict(int)
	if frappe.has_permission("Care Incident", "read"):
		incident = frappe.qb.DocType("Care Incident")
		for child, kind, occurred_at, notified_at, reported_at, follow_up in (
			frappe.qb.from_(incident)
			.select(
				incident.child,
				incident.incident_kind,
				incident.occurred_at,
				incident.parents_notified_at,
				incident.reported_at,
				incident.follow_up,
			)
			.where(incident.child.isin(children_query(conditions, scope)))
			.run()
		):
			state = rules.IncidentState(
				get_datetime(occurred_at),
				get_datetime(notified_at) if notified_at else None,
				kind in MANDATORY_REPORT_KINDS,
				get_datetime(reported_at) if reported_at else None,
				follow_up,
			)
			counts[child] += rules.incident_open(state)
	return counts


def missed_talk_months(filters, scope: CareScope) -> dict[str, int]:
	"""Months of this term whose talk with the class teacher was missed, per child (from the
	compliance ledger, within the reader's scope and the report's filters)."""
	today = getdate(nowdate())
	term = term_of(today)
	if not term:
		return {}
	results = ledger.read_in_scope(
		filters, term.start, today, today, terms=False, missed_talks_only=True, scope=scope
	)
	return {name: len(result.missed_talk_months) for name, result in results.items()}


def summary(report: builder.AtRiskChildren, labels: dict[str, str]) -> list[dict]:
	return [
		{
			"label": _("Children Needing Attention"),
			"value": f"{report.listed} / {report.children}",
			"indicator": "red" if report.listed else "green",
		},
		*(
			{
				"label": labels[reason],
				"value": count,
				"indicator": "orange" if count else "gray",
				"datatype": "Int",
			}
			for reason, count in report.by_reason.items()
		),
	]
