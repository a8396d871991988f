"""Intervention plans in the desk: each move tells the people it concerns (a submitted plan its
approver, a decision its drafter), and the daily job marks a review past its day and tells the
plan's responsible teacher and participating leader, once for that day (a Care Reminder with a
unique key, as the care reminders)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care.core import plans as rules
from leftbehind_care.core.scope import ADMINISTRATOR
from leftbehind_care.reminders import alert_about

PLAN = "Intervention Plan"


def mark_overdue_reviews() -> list[str]:
	"""Mark every running plan whose review is past due, and remind its people once; returns
	the reminder keys sent."""
	today = getdate(nowdate())
	rows = frappe.get_all(
		PLAN,
		filters={"workflow_state": ("in", rules.RUNNING), "next_review_on": ("<", today)},
		fields=[
			"name",
			"workflow_state",
			"next_review_on",
			"child_name",
			"responsible_teacher",
			"participating_leader",
			"school",
		],
	)
	if not rows:
		return []
	sent = set(
		frappe.get_all(
			"Care Reminder", filters={"reminder_key": ("like", "plan-review:%")}, pluck="reminder_key"
		)
	)
	by_name = {row.name: row for row in rows}
	facts = [rules.PlanFacts(r.name, r.workflow_state, getdate(r.next_review_on)) for r in rows]
	frappe.db.set_value(PLAN, {"name": ("in", list(by_name))}, "review_overdue", 1, update_modified=False)
	keys = []
	for plan in rules.overdue_reviews(facts, today, sent):
		row = by_name[plan.name]
		key = rules.review_key(plan.name, plan.next_review_on)
		for user in sorted({row.responsible_teacher, row.participating_leader} - {None, ""}):
			notify(user, row, plan.next_review_on)
		frappe.get_doc(
			{
				"doctype": "Care Reminder",
				"reminder_key": key,
				"kind": "Plan Review",
				"recipient": row.participating_leader or row.responsible_teacher,
				"period": plan.next_review_on.isoformat(),
				"school": row.school,
				"children_count": 1,
			}
		).insert(ignore_permissions=True)
		keys.append(key)
	return keys


def notify(user: str, row, due) -> None:
	recipient = frappe.db.get_value("User", user, ["language", "enabled"], as_dict=True)
	if not recipient or not recipient.enabled:
		return
	alert_about(
		user,
		recipient.language,
		lambda: _("The intervention plan of {0} was due for review on {1}").format(
			row.child_name, frappe.format(due, "Date")
		),
		PLAN,
		row.name,
	)


def notify_move(plan, transition) -> None:
	"""Tell the people a plan's move concerns (`core.plans.told_of_move`), in their language, in
	words for the step it is at."""
	county = frappe.get_all(
		"Has Role", filters={"role": ADMINISTRATOR, "parenttype": "User"}, pluck="parent", distinct=True
	)
	people = rules.told_of_move(
		transition.from_state,
		transition.to_state,
		actor=frappe.session.user,
		participating_leader=plan.participating_leader,
		approvers=plan.approvers(),
		county=[user for user in county if user != "Administrator"],
		drafter=plan.drafted_by,
		submitter=plan.submitted_by,
	)
	words = {
		rules.PENDING: lambda: _("The intervention plan of {0} is submitted and waits for your approval"),
		"In Progress": lambda: _("The intervention plan of {0} is approved: carry out its measures"),
		"Rejected": lambda: _(
			"The intervention plan of {0} is sent back: read the reason, revise it and submit it again"
		),
	}
	subject = words.get(transition.to_state)
	if not subject:
		return
	for user, language in frappe.get_all(
		"User", filters={"name": ("in", people), "enabled": 1}, fields=["name", "language"], as_list=True
	):
		alert_about(user, language, lambda: subject().format(plan.child_name), PLAN, plan.name)


def refresh_approval_by_county(school: str) -> None:
	"""The plans of a school waiting for approval learn again whether a leader of the school may
	approve them, or the county decides (the workflow's fallback)."""
	for name in frappe.get_all(
		PLAN, filters={"school": school, "workflow_state": rules.PENDING}, pluck="name"
	):
		frappe.get_doc(PLAN, name).store_approval_by_county()
