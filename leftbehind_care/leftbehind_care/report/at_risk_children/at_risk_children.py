# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""重点关注儿童: the children the viewer looks after who need attention now — no adult guardian able
to care for them, a high-risk latest assessment, an incident not yet followed through, a plan
under way, or a month of this term without the class teacher's talk — the most serious first.

Children come from `frappe.get_list`, so the viewer's scope applies; their records are read for
those children only, in a fixed number of queries, their talks from the compliance ledger. Who is listed, and in which order, is decided in
`leftbehind_care.core.risk`."""

from __future__ import annotations

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate, nowdate

from leftbehind_care import ledger
from leftbehind_care.compliance import CHILD, term_of
from leftbehind_care.core import risk as rules
from leftbehind_care.core.incidents import MANDATORY_REPORT_KINDS
from leftbehind_care.core.plans import ENDED
from leftbehind_care.reports import scope_conditions
from leftbehind_care.utils import checks_in_words, class_titles


def reason_labels() -> dict[str, str]:
	return {
		rules.UNSUPERVISED: _("No Guardian Able to Care"),
		rules.HIGH_RISK: _("Assessed at High Risk"),
		rules.OPEN_INCIDENT: _("Incident Not Followed Through"),
		rules.OPEN_PLAN: _("Intervention Plan Not Ended"),
		rules.OVERDUE_TALKS: _("Talks Overdue"),
	}


@checks_in_words
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
	names = [c.name for c in children]
	latest = latest_assessments(names)
	plans = open_plans(names)
	incidents = open_incidents(names)
	missed = missed_talk_months(filters, bool(children))
	facts = [
		rules.ChildFacts(
			c.name,
			bool(c.unsupervised_alert),
			latest.get(c.name, {}).get("risk_level"),
			incidents.get(c.name, 0),
			len(plans.get(c.name, [])),
			missed.get(c.name, 0),
		)
		for c in children
	]
	listed = rules.at_risk(facts)
	if filters.get("reason"):
		listed = [row for row in listed if filters.reason in row.reasons]
	by_name = {c.name: c for c in children}
	titles = class_titles({c.care_class for c in children if c.care_class})
	labels = reason_labels()
	data = []
	for row in listed:
		child = by_name[row.facts.child]
		assessment = latest.get(child.name, {})
		plan = (plans.get(child.name) or [{}])[0]
		level, state = assessment.get("risk_level"), plan.get("workflow_state") or "Draft"
		data.append(
			{
				"child": child.name,
				"child_name": child.child_name,
				"class_title": titles.get(child.care_class, child.care_class),
				"reasons": "、".join(labels[reason] for reason in row.reasons),
				"unsupervised": int(row.facts.unsupervised),
				"risk_level": _(level) if level else "",
				"assessed_on": assessment.get("assessed_on"),
				"intervention_plan": plan.get("name"),
				"plan_status": _(state) if plan else "",
				"open_incidents": row.facts.open_incidents,
				"missed_talk_months": row.facts.missed_talk_months,
			}
		)
	return columns(), data, None, None, summary(listed, len(children))


def latest_assessments(children: list[str]) -> dict[str, dict]:
	latest = {}
	if children and frappe.has_permission("Care Assessment", "read"):
		for row in frappe.get_all(
			"Care Assessment",
			filters={"child": ("in", children)},
			fields=["child", "risk_level", "assessed_on"],
			order_by="assessed_on desc, creation desc",
		):
			latest.setdefault(row.child, row)
	return latest


def open_plans(children: list[str]) -> dict[str, list[dict]]:
	plans = defaultdict(list)
	if children and frappe.has_permission("Intervention Plan", "read"):
		for row in frappe.get_all(
			"Intervention Plan",
			filters={"child": ("in", children), "workflow_state": ("not in", ENDED)},
			fields=["name", "child", "workflow_state"],
			order_by="creation desc",
		):
			plans[row.child].append(row)
	return plans


def open_incidents(children: list[str]) -> dict[str, int]:
	counts = defaultdict(int)
	if children and frappe.has_permission("Care Incident", "read"):
		for row in frappe.get_all(
			"Care Incident",
			filters={"child": ("in", children)},
			fields=[
				"child",
				"incident_kind",
				"occurred_at",
				"parents_notified_at",
				"reported_at",
				"follow_up",
			],
		):
			state = rules.IncidentState(
				get_datetime(row.occurred_at),
				get_datetime(row.parents_notified_at) if row.parents_notified_at else None,
				row.incident_kind in MANDATORY_REPORT_KINDS,
				get_datetime(row.reported_at) if row.reported_at else None,
				row.follow_up,
			)
			counts[row.child] += rules.incident_open(state)
	return counts


def missed_talk_months(filters, any_children: bool) -> dict[str, int]:
	"""Months of this term whose talk with the class teacher was missed, per child (from the
	compliance ledger, within the reader's scope and the report's filters)."""
	today = getdate(nowdate())
	term = term_of(today)
	if not term or not any_children:
		return {}
	results = ledger.read_in_scope(filters, term.start, today, today)
	return {name: len(result.missed_talk_months) for name, result in results.items()}


def columns() -> list[dict]:
	return [
		{"fieldname": "child", "label": _("Child"), "fieldtype": "Link", "options": CHILD, "width": 140},
		{"fieldname": "child_name", "label": _("Child Name"), "fieldtype": "Data", "width": 90},
		{"fieldname": "class_title", "label": _("Class"), "fieldtype": "Data", "width": 150},
		{"fieldname": "reasons", "label": _("Why Listed"), "fieldtype": "Data", "width": 260},
		{
			"fieldname": "unsupervised",
			"label": _("No Guardian Able to Care"),
			"fieldtype": "Check",
			"width": 90,
		},
		{"fieldname": "risk_level", "label": _("Latest Risk Level"), "fieldtype": "Data", "width": 90},
		{"fieldname": "assessed_on", "label": _("Assessed On"), "fieldtype": "Date", "width": 110},
		{
			"fieldname": "intervention_plan",
			"label": _("Intervention Plan"),
			"fieldtype": "Link",
			"options": "Intervention Plan",
			"width": 140,
		},
		{"fieldname": "plan_status", "label": _("Plan Status"), "fieldtype": "Data", "width": 90},
		{"fieldname": "open_incidents", "label": _("Open Incidents"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "missed_talk_months",
			"label": _("Months Without a Talk"),
			"fieldtype": "Int",
			"width": 100,
		},
	]


def summary(listed: list[rules.AtRisk], children: int) -> list[dict]:
	labels = reason_labels()
	cards = [
		{
			"label": _("Children Needing Attention"),
			"value": f"{len(listed)} / {children}",
			"indicator": "red" if listed else "green",
		}
	]
	for reason in rules.REASONS:
		count = sum(1 for row in listed if reason in row.reasons)
		cards.append(
			{
				"label": labels[reason],
				"value": count,
				"indicator": "orange" if count else "gray",
				"datatype": "Int",
			}
		)
	return cards
