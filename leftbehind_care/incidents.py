"""The hourly job of major incidents (重大事项): parents still not told a day after an incident
alert the school's leaders, once per incident."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_datetime, now_datetime

from leftbehind_care.core import incidents as rules
from leftbehind_care.reminders import alert_about, leaders_by_school

INCIDENT = "Care Incident"


def alert_unnotified_incidents() -> list[str]:
	"""Alert the leaders of each incident whose parents are not told after 24 hours; returns the
	incidents alerted."""
	now = now_datetime()
	rows = frappe.get_all(
		INCIDENT,
		filters={"parents_notified_at": ("is", "not set"), "leader_alerted": 0},
		fields=["name", "occurred_at", "child_name", "school", "incident_kind"],
	)
	facts = [rules.IncidentFacts(r.name, get_datetime(r.occurred_at), None, False) for r in rows]
	overdue = set(rules.overdue_incidents(facts, now))
	if not overdue:
		return []
	leaders = leaders_by_school()
	alerted = []
	for row in rows:
		if row.name not in overdue:
			continue
		for user in leaders.get(row.school, []):
			notify(user, row)
		frappe.db.set_value(
			INCIDENT, row.name, {"leader_alerted": 1, "notification_overdue": 1}, update_modified=False
		)
		alerted.append(row.name)
	return alerted


def notify(user: str, row) -> None:
	alert_about(
		user,
		frappe.db.get_value("User", user, "language"),
		lambda: _("{0}'s parents have not been told about the incident ({1}) of {2}: tell them now").format(
			row.child_name, _(row.incident_kind), frappe.format(row.occurred_at, "Datetime")
		),
		INCIDENT,
		row.name,
	)
