# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cstr, getdate, now_datetime, nowdate

from leftbehind_care.core import plans, workflow
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.records import check_recorded_on
from leftbehind_care.core.scope import ADMINISTRATOR, MEMBER_LEADER
from leftbehind_care.plans import notify_move
from leftbehind_care.records import ChildRecord
from leftbehind_care.reminders import leaders_by_school
from leftbehind_care.utils import user_names

PLAN_WORKFLOW = workflow.read("intervention_plan")
PENDING = "Pending Approval"


class InterventionPlan(ChildRecord):
	"""个别教育管理方案: a plan for a child in trouble, under the workflow of
	`leftbehind_care/workflows/intervention_plan.json`, which is enforced here on every save —
	the form, `apply_workflow`, a direct save and REST alike."""

	date_field = "drafted_on"
	recorder_field = "drafted_by"

	def validate_record(self, child) -> None:
		self.validate_leader()
		self.validate_source_assessment()
		transition = self.validate_workflow_move()
		self.record_transition(transition)
		self.set_approval_by_county()
		self.validate_review_dates()
		self.set_review_schedule()

	# ---- the workflow

	def validate_workflow_move(self) -> workflow.Transition | None:
		"""A new plan is a draft; afterwards each save may make one move of the workflow and
		change only what the state it starts from (or the move itself) lets change."""
		if self.is_new():
			if (self.workflow_state or PLAN_WORKFLOW.initial) != PLAN_WORKFLOW.initial:
				raise RuleError(
					"workflow_move_illegal", from_state=PLAN_WORKFLOW.initial, to_state=self.workflow_state
				)
			self.workflow_state = PLAN_WORKFLOW.initial
			return None
		before = self.get_doc_before_save()
		from_state = before.workflow_state or PLAN_WORKFLOW.initial
		self.workflow_state = self.workflow_state or from_state
		roles = frappe.get_roles()
		try:
			return self.check_workflow(before, from_state, roles)
		except RuleError as err:
			if "fields" in err.params:  # the fields' labels, as the person sees them on the form
				err.params["fields"] = "、".join(_(self.meta.get_label(f)) for f in err.params["fields"])
			raise

	def check_workflow(self, before, from_state: str, roles: list[str]) -> workflow.Transition | None:
		transition = workflow.check_move(
			PLAN_WORKFLOW,
			from_state,
			self.workflow_state,
			roles,
			{field: bool(self.get(field)) for field in PLAN_WORKFLOW.content_fields},
			frappe.session.user,
			self.earlier_actors(before),
			others_may=bool(self.approvers(before)),
		)
		workflow.check_edits(PLAN_WORKFLOW, from_state, transition, self.changed_content(before), roles)
		return transition

	@staticmethod
	def earlier_actors(doc) -> list[str]:
		return [doc.drafted_by, doc.submitted_by, doc.owner]

	def approvers(self, doc=None) -> list[str]:
		"""The leaders of the child's school who may approve the plan: all but its drafter and
		submitter. None left, the county's care administrator decides (the workflow's fallback)."""
		doc = doc or self
		earlier = set(self.earlier_actors(doc))
		return [leader for leader in leaders_by_school().get(self.school, []) if leader not in earlier]

	def set_approval_by_county(self) -> None:
		"""The workflow's `fallback_field`: a plan waiting for approval that no leader of its school
		may approve (Frappe's workflow then shows the care administrator Approve and Reject)."""
		self.set(PLAN_WORKFLOW.fallback_field, int(self.workflow_state == PENDING and not self.approvers()))

	def store_approval_by_county(self) -> None:
		self.set_approval_by_county()
		field = PLAN_WORKFLOW.fallback_field
		self.db_set(field, self.get(field), update_modified=False)

	def onload(self) -> None:
		"""Who decides a plan waiting for approval, for the person who cannot: named, or the county."""
		if self.workflow_state != PENDING:
			return
		self.set_approval_by_county()  # as the school's leadership group stands now
		approvers = self.approvers()
		if approvers:
			names = user_names(set(approvers))
			who = "、".join(names.get(user, user) for user in approvers)
		else:
			who = _(ADMINISTRATOR)
		self.set_onload("decided_by", who)

	def changed_content(self, before) -> list[str]:
		return [
			field
			for field in PLAN_WORKFLOW.content_fields
			if comparable(self, before, field) != comparable(before, before, field)
		]

	def record_transition(self, transition: workflow.Transition | None) -> None:
		"""Who made each move and when; the submitter and the approver by name."""
		if not transition:
			return
		user = frappe.session.user
		self.append(
			"transitions",
			{
				"from_state": transition.from_state,
				"action": transition.action,
				"to_state": transition.to_state,
				"by_user": user,
				"at": now_datetime(),
			},
		)
		if transition.to_state == "Pending Approval":
			self.submitted_by = user
		elif transition.from_state == "Pending Approval" and transition.to_state == "In Progress":
			self.approved_by, self.approved_on = user, getdate(nowdate())
		self.flags.transition = transition

	def on_update(self) -> None:
		if self.flags.transition:
			notify_move(self, self.flags.pop("transition"))

	# ---- people and dates

	def validate_leader(self) -> None:
		"""The participating leader is a leader of the child's school (领导小组)."""
		if not self.participating_leader or not self.school:
			return
		if not frappe.db.exists(
			"Care School Member",
			{"parent": self.school, "user": self.participating_leader, "member_role": MEMBER_LEADER},
		):
			raise RuleError("plan_leader_not_of_school", leader=self.participating_leader, school=self.school)

	def validate_source_assessment(self) -> None:
		"""The plan's source is an assessment of the same child."""
		if self.source_assessment and (
			frappe.db.get_value("Care Assessment", self.source_assessment, "child") != self.child
		):
			raise RuleError("plan_assessment_of_other_child", assessment=self.source_assessment)

	def validate_review_dates(self) -> None:
		"""A referral and a review happened: neither is dated in the future."""
		today = getdate(nowdate())
		dates = [(_(self.meta.get_label("referral_date")), self.referral_date)]
		for row in self.reviews:
			label = _("{0} row {1}: {2}").format(
				_(self.meta.get_label("reviews")), row.idx, _(row.meta.get_label("review_date"))
			)
			dates.append((label, row.review_date))
			row.reviewed_by = row.reviewed_by or frappe.session.user
		for label, day in dates:
			if day:
				try:
					check_recorded_on("date", getdate(day), None, today)
				except RuleError as err:
					err.params["field"] = label
					raise

	def set_review_schedule(self) -> None:
		"""An approved plan is reviewed every `review_interval_days`, counted from its last review
		(or its approval); the daily job marks the ones past due."""
		self.next_review_on = plans.next_review_on(
			self.workflow_state,
			getdate(self.approved_on) if self.approved_on else None,
			[getdate(r.review_date) for r in self.reviews],
			self.review_interval_days,
		)
		self.review_overdue = int(
			bool(self.next_review_on and getdate(self.next_review_on) < getdate(nowdate()))
		)


def comparable(doc, before, field: str):
	"""A content field's value as saved, so that an unchanged field compares equal: table rows by
	their data, dates and numbers as text."""
	df = before.meta.get_field(field)
	if df.fieldtype == "Table":
		columns = [f.fieldname for f in frappe.get_meta(df.options).fields if f.fieldtype not in NO_VALUE]
		return [tuple(cstr(row.get(c)) for c in columns) for row in doc.get(field)]
	value = doc.get(field)
	if df.fieldtype == "Date":
		return cstr(getdate(value)) if value else ""
	return cstr(value)


NO_VALUE = frozenset(frappe.model.no_value_fields)
