"""The Frappe side of the support around the child (issue: three priorities, boarding, aid, keeping
every child in school, safety, care activities): the dropout case that opens by itself, the jobs
that remind school leaders, and what the child's form shows of it. The rules are in
`leftbehind_care.core.support`, `core.keep_in_school`, `core.safety` and `core.activities`."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import term_of
from leftbehind_care.core import keep_in_school, safety
from leftbehind_care.core import support as rules
from leftbehind_care.reminders import alert_about, leaders_by_school

CASE = "Schooling Follow-up"
INSPECTION = "Safety Inspection"


def open_dropout_case(child) -> str | None:
	"""When a child's schooling becomes Suspended or Dropped Out, a follow-up case opens, the leaders
	of the school responsible (the first of them named on the case) and told."""
	before = child.get_doc_before_save()
	has_open = bool(frappe.db.exists(CASE, {"child": child.name, "case_status": keep_in_school.OPEN}))
	if not keep_in_school.opens_case(
		before.schooling_status if before else None, child.schooling_status, has_open
	):
		return None
	leaders = leaders_by_school().get(child.school, [])
	case = frappe.get_doc(
		{
			"doctype": CASE,
			"child": child.name,
			"opened_on": nowdate(),
			"responsible_leader": leaders[0] if leaders else None,
			"reason": _("Schooling status set to {0}").format(_(child.schooling_status)),
		}
	)
	case.insert(ignore_permissions=True)
	for user in leaders:
		alert_about(
			user,
			frappe.db.get_value("User", user, "language"),
			lambda: _("{0} has stopped coming to school ({1}): a dropout follow-up case is open").format(
				child.child_name, _(child.schooling_status)
			),
			CASE,
			case.name,
		)
	return case.name


def remind_open_dropout_cases() -> list[str]:
	"""Weekly: each open case reminds its responsible leader (else the school's leaders), once a week."""
	today = getdate(nowdate())
	cases = frappe.get_all(
		CASE,
		filters={"case_status": keep_in_school.OPEN},
		fields=["name", "child_name", "school", "opened_on", "responsible_leader"],
	)
	sent = set(
		frappe.get_all(
			"Care Reminder",
			filters={
				"reminder_key": ("in", [keep_in_school.reminder_key(c.name, today) for c in cases] or [""])
			},
			pluck="reminder_key",
		)
	)
	leaders = leaders_by_school()
	reminded = []
	for case in cases:
		key = keep_in_school.reminder_key(case.name, today)
		if key in sent:
			continue
		recipients = [case.responsible_leader] if case.responsible_leader else leaders.get(case.school, [])
		for user in recipients:
			alert_about(
				user,
				frappe.db.get_value("User", user, "language"),
				lambda case=case: _(
					"{0} is still out of school (case opened {1}): persuade the family and record it"
				).format(case.child_name, frappe.format(case.opened_on, "Date")),
				CASE,
				case.name,
			)
		record_reminder(
			key, "Schooling Follow-up", recipients[0] if recipients else "Administrator", case.school
		)
		reminded.append(case.name)
	return reminded


def alert_overdue_hazards() -> list[str]:
	"""Daily: a hazard past its deadline, neither fixed nor reported, alerts the school's leaders once;
	every inspection's overdue count is brought up to date for the number card."""
	today = getdate(nowdate())
	rows = frappe.get_all(
		"Safety Hazard",
		filters={"parenttype": INSPECTION},
		fields=[
			"name",
			"parent",
			"idx",
			"deadline",
			"fixed_on",
			"reported_to",
			"reported_on",
			"overdue",
			"leader_alerted",
			"description",
		],
	)
	inspections = {
		r.name: r
		for r in frappe.get_all(
			INSPECTION,
			filters={"name": ("in", sorted({r.parent for r in rows}) or [""])},
			fields=["name", "school", "inspection_date", "overdue_hazards"],
		)
	}
	leaders = leaders_by_school()
	alerted = []
	overdue_count: dict[str, int] = {}
	for row in rows:
		inspection = inspections[row.parent]
		hazard = safety.Hazard(
			row.idx,
			getdate(inspection.inspection_date),
			getdate(row.deadline) if row.deadline else None,
			getdate(row.fixed_on) if row.fixed_on else None,
			row.reported_to,
			getdate(row.reported_on) if row.reported_on else None,
		)
		overdue = safety.is_overdue(hazard, today)
		overdue_count[row.parent] = overdue_count.get(row.parent, 0) + overdue
		if int(overdue) != row.overdue:
			frappe.db.set_value("Safety Hazard", row.name, "overdue", int(overdue), update_modified=False)
		if overdue and not row.leader_alerted:
			for user in leaders.get(inspection.school, []):
				alert_about(
					user,
					frappe.db.get_value("User", user, "language"),
					lambda row=row: _("A safety hazard is past its deadline and not fixed: {0}").format(
						row.description
					),
					INSPECTION,
					row.parent,
				)
			frappe.db.set_value("Safety Hazard", row.name, "leader_alerted", 1, update_modified=False)
			alerted.append(row.name)
	for name, inspection in inspections.items():
		if overdue_count.get(name, 0) != inspection.overdue_hazards:
			frappe.db.set_value(
				INSPECTION, name, "overdue_hazards", overdue_count.get(name, 0), update_modified=False
			)
	return alerted


@frappe.whitelist()
def overdue_hazards_card(filters=None) -> dict:
	"""The school leader's number card: the hazards past their deadline in the inspections the user
	reads (a Sum card would ask Frappe for an SQL function, which v16 refuses to a restricted user)."""
	if not frappe.has_permission(INSPECTION, "read"):
		return {"value": 0, "fieldtype": "Int"}
	counts = frappe.get_list(
		INSPECTION, filters={"overdue_hazards": (">", 0)}, pluck="overdue_hazards", limit_page_length=0
	)
	return {
		"value": sum(counts),
		"fieldtype": "Int",
		"route": ["query-report", "Schooling and Safety Follow-ups"],
		"route_options": {"view": "Hazards"},
	}


def record_reminder(key: str, kind: str, recipient: str, school: str | None) -> None:
	frappe.get_doc(
		{
			"doctype": "Care Reminder",
			"reminder_key": key,
			"kind": kind,
			"recipient": recipient,
			"school": school,
		}
	).insert(ignore_permissions=True)


def this_term_support(child: str) -> dict:
	"""For the child's form: this term's three priorities, boarding, aid and activities, and the open
	dropout case — each only where the reader may read it."""
	term = term_of(getdate(nowdate()))
	out = {
		"term": term.name if term else None,
		"priorities": {},
		"boarding": None,
		"aid": [],
		"activities": 0,
		"open_cases": [],
	}
	if not term:
		return out
	if frappe.has_permission("Priority Support", "read"):
		kinds = frappe.get_list(
			"Priority Support",
			filters={"child": child, "term": term.name},
			pluck="priority_kind",
			limit_page_length=0,
		)
		out["priorities"] = rules.priorities_received(kinds)
	if frappe.has_permission("Boarding Record", "read"):
		rows = frappe.get_list(
			"Boarding Record",
			filters={"child": child, "term": term.name},
			fields=["name", "dormitory", "bed"],
			limit_page_length=1,
		)
		out["boarding"] = rows[0] if rows else None
	if frappe.has_permission("Aid Record", "read"):
		out["aid"] = frappe.get_list(
			"Aid Record",
			filters={"child": child, "term": term.name},
			fields=["name", "aid_kind", "amount", "items"],
			limit_page_length=20,
		)
	if frappe.has_permission("Care Activity", "read"):
		names = frappe.get_list(
			"Care Activity", filters={"term": term.name}, pluck="name", limit_page_length=0
		)
		if names:
			out["activities"] = frappe.db.count(
				"Care Activity Participant",
				{"parenttype": "Care Activity", "parent": ("in", names), "child": child},
			)
	if frappe.has_permission(CASE, "read"):
		out["open_cases"] = frappe.get_list(
			CASE, filters={"child": child, "case_status": keep_in_school.OPEN}, fields=["name", "opened_on"]
		)
	return out
