"""个别教育管理方案 under its workflow, as real users of each role: the way through, and every way
around it (a wrong role, a direct save, REST, self-approval, locked fields, missing fields)."""

from __future__ import annotations

import datetime

import frappe
from frappe.model.workflow import apply_workflow

from leftbehind_care import install, plans
from leftbehind_care.core import scope as roles
from leftbehind_care.core import workflow
from leftbehind_care.tests import utils as u

PLAN = "Intervention Plan"
# Counsellor and leader of school A at once: drafts and submits, and may not approve that plan.
BOTH = "lbc-counselor-leader@test.invalid"


class TestInterventionPlan(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		u.make_user(BOTH, roles.COUNSELOR, roles.SCHOOL_LEADER)
		school = frappe.get_doc("Care School", u.SCHOOL_A)
		present = {(m.user, m.member_role) for m in school.members}
		for kind in (roles.MEMBER_COUNSELOR, roles.MEMBER_LEADER):
			if (BOTH, kind) not in present:
				school.append("members", {"user": BOTH, "member_role": kind})
		school.save(ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (REST requests see committed data)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def draft(self, user: str = u.TEACHER, **fields):
		with self.set_user(user):
			return frappe.get_doc(
				{
					"doctype": PLAN,
					"child": self.children["a1"],
					"problems": [{"problem_kind": "Not Studying", "details": "作业常不完成"}],
					"goals": "每天按时完成作业",
					"responsible_teacher": u.TEACHER,
					"participating_leader": u.LEADER,
					"actions": [{"action": "每周两次课后辅导", "action_owner": u.TEACHER}],
					**fields,
				}
			).insert()

	def move(self, user: str, plan, action: str):
		with self.set_user(user):
			return apply_workflow(frappe.get_doc(PLAN, plan.name), action)

	def approved(self):
		plan = self.draft()
		self.move(u.TEACHER, plan, "Submit for Approval")
		return self.move(u.LEADER, plan, "Approve")

	def assertRefused(self, user: str, plan, fragment: str, **changes):
		"""A save of `changes` by `user` is refused with `fragment` and writes nothing."""
		before = frappe.db.get_value(PLAN, plan.name, ["workflow_state", "modified"], as_dict=True)
		with self.set_user(user):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.update(changes)
			with self.assertRaises(frappe.ValidationError) as ctx:
				doc.save()
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(
			frappe.db.get_value(PLAN, plan.name, ["workflow_state", "modified"], as_dict=True), before
		)

	# ---- the workflow as Frappe records

	def test_the_workflow_file_becomes_frappes_workflow_once(self):
		spec = workflow.read("intervention_plan")
		doc = frappe.get_doc("Workflow", spec.name)
		self.assertEqual((doc.document_type, doc.is_active), (PLAN, 1))
		self.assertEqual({r.state for r in doc.states}, {s.name for s in spec.states})
		self.assertEqual(
			{(r.state, r.action, r.next_state, r.allowed, r.condition or None) for r in doc.transitions},
			{(t.from_state, t.action, t.to_state, role, None) for t in spec.transitions for role in t.roles}
			| {
				(t.from_state, t.action, t.to_state, role, "doc.approval_by_county")
				for t in spec.transitions
				for role in t.fallback_roles
			},
		)
		modified = doc.modified
		install.ensure_workflows()
		self.assertEqual(frappe.db.get_value("Workflow", spec.name, "modified"), modified)
		# Every state and action reads in Chinese.
		labels = {s.name for s in spec.states} | {t.action for t in spec.transitions}
		self.assertFalse([label for label in labels if frappe._(label, lang="zh") == label])

	def test_uninstalling_removes_the_workflow_and_a_reinstall_brings_it_back(self):
		spec = workflow.read("intervention_plan")
		install.remove_workflows()
		self.assertFalse(frappe.db.exists("Workflow", spec.name))
		for state in ("Pending Approval", "Under Review", "Escalated"):
			self.assertFalse(frappe.db.exists("Workflow State", state))
		self.assertFalse(frappe.db.exists("Workflow Action Master", "Submit for Approval"))
		# Frappe's own stay.
		self.assertTrue(frappe.db.exists("Workflow State", "Rejected"))
		self.assertTrue(frappe.db.exists("Workflow Action Master", "Approve"))
		install.ensure_workflows()
		self.assertTrue(frappe.db.get_value("Workflow", spec.name, "is_active"))
		self.assertTrue(frappe.db.exists("Workflow State", "Pending Approval"))
		frappe.db.rollback()
		frappe.clear_cache(doctype=PLAN)

	# ---- the way through

	def test_a_plan_goes_from_draft_through_approval_to_its_end(self):
		plan = self.draft()
		self.assertEqual(plan.workflow_state, "Draft")
		self.assertEqual(plan.drafted_by, u.TEACHER)
		plan = self.move(u.TEACHER, plan, "Submit for Approval")
		self.assertEqual((plan.workflow_state, plan.submitted_by), ("Pending Approval", u.TEACHER))
		plan = self.move(u.LEADER, plan, "Approve")
		self.assertEqual((plan.workflow_state, plan.approved_by), ("In Progress", u.LEADER))
		self.assertEqual(str(plan.next_review_on), str(u.TODAY + datetime.timedelta(days=30)))
		plan = self.move(u.TEACHER, plan, "Start Review")
		plan = self.move(u.COUNSELOR, plan, "End Review")
		with self.set_user(u.LEADER):
			plan = frappe.get_doc(PLAN, plan.name)
			plan.outcome = "作业已能按时完成，与同学相处融洽"
			plan.workflow_state = "Closed"
			plan.save()
		self.assertEqual(plan.next_review_on, None)
		self.assertEqual(
			[(r.from_state, r.to_state, r.by_user) for r in plan.transitions],
			[
				("Draft", "Pending Approval", u.TEACHER),
				("Pending Approval", "In Progress", u.LEADER),
				("In Progress", "Under Review", u.TEACHER),
				("Under Review", "In Progress", u.COUNSELOR),
				("In Progress", "Closed", u.LEADER),
			],
		)

	def test_a_rejected_plan_goes_back_to_draft_with_its_reason(self):
		plan = self.draft()
		self.move(u.TEACHER, plan, "Submit for Approval")
		self.assertRefused(u.LEADER, plan, "Reason for Rejection", workflow_state="Rejected")
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.update({"workflow_state": "Rejected", "rejection_reason": "目标太笼统，请写具体"})
			doc.save()
		plan = self.move(u.TEACHER, doc, "Revise")
		self.assertEqual((plan.workflow_state, plan.rejection_reason), ("Draft", "目标太笼统，请写具体"))

	# ---- every way around it

	def test_only_a_leader_approves(self):
		plan = self.draft()
		self.move(u.TEACHER, plan, "Submit for Approval")
		for user in (u.TEACHER, u.COUNSELOR):
			with self.subTest(user=user):
				with self.assertRaises(frappe.ValidationError):
					self.move(user, plan, "Approve")
				self.assertRefused(user, plan, "Care School Leader", workflow_state="In Progress")
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "workflow_state"), "Pending Approval")

	def test_a_plan_cannot_jump_or_start_past_draft(self):
		plan = self.draft()
		self.assertRefused(u.LEADER, plan, "Draft", workflow_state="In Progress")
		self.assertRefused(u.LEADER, plan, "Draft", workflow_state="Closed", outcome="x")
		with self.assertRaises(frappe.ValidationError):
			self.draft(workflow_state="In Progress")

	def test_a_plan_is_submitted_with_goals_and_a_participating_leader(self):
		plan = self.draft(participating_leader=None)
		self.assertRefused(u.TEACHER, plan, "Participating School Leader", workflow_state="Pending Approval")
		self.assertRefused(u.TEACHER, plan, "leadership group", participating_leader=u.TEACHER)

	def test_nobody_approves_a_plan_they_drafted_or_submitted(self):
		plan = self.draft(BOTH)
		self.move(BOTH, plan, "Submit for Approval")
		self.assertRefused(BOTH, plan, "yourself", workflow_state="In Progress")
		with self.assertRaises(frappe.ValidationError):
			self.move(BOTH, plan, "Approve")
		self.assertEqual(self.move(u.LEADER, plan, "Approve").workflow_state, "In Progress")

	def test_an_approved_plans_goals_are_locked_and_its_work_goes_on(self):
		plan = self.approved()
		self.assertRefused(u.TEACHER, plan, "Goals", goals="换一个目标")
		self.assertRefused(u.LEADER, plan, "Child", child=self.children["a2"])
		with self.set_user(u.TEACHER):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.actions[0].done = 1
			doc.append("reviews", {"review_date": u.TODAY, "progress": "本周作业全部完成"})
			doc.save()
		self.assertEqual(doc.reviews[0].reviewed_by, u.TEACHER)
		# Pending approval, the plan is what the leader decides on: nothing changes under them.
		pending = self.draft()
		self.move(u.TEACHER, pending, "Submit for Approval")
		self.assertRefused(u.TEACHER, pending, "Goals", goals="改")

	def test_a_plan_closes_with_an_outcome_and_escalates_with_a_referral(self):
		plan = self.approved()
		self.assertRefused(u.LEADER, plan, "Outcome", workflow_state="Closed")
		self.assertRefused(u.LEADER, plan, "Referred To", workflow_state="Escalated")
		self.assertRefused(u.TEACHER, plan, "Care School Leader", workflow_state="Closed", outcome="x")
		future = u.TODAY + datetime.timedelta(days=2)
		self.assertRefused(
			u.LEADER,
			plan,
			"future",
			workflow_state="Escalated",
			referral_target="Civil Affairs",
			referral_date=future,
		)
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.update(
				{"workflow_state": "Escalated", "referral_target": "Civil Affairs", "referral_date": u.TODAY}
			)
			doc.save()
		self.assertRefused(u.LEADER, doc, "Reviews", reviews=[{"review_date": u.TODAY, "progress": "x"}])

	def test_a_changed_status_over_rest_is_judged_the_same(self):
		plan = self.draft()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (REST requests see committed data)
		self.addCleanup(
			lambda: (frappe.db.delete(PLAN, {"name": plan.name}), frappe.db.commit())
		)  # nosemgrep
		status, _body = u.RestClient(u.TEACHER).send_json(
			"put", f"/api/resource/{PLAN}/{plan.name}", workflow_state="In Progress"
		)
		self.assertNotEqual(status, 200)
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "workflow_state"), "Draft")

	# ---- reviews come due

	def test_an_overdue_review_is_marked_and_reminded_once(self):
		plan = self.approved()
		due = u.TODAY - datetime.timedelta(days=3)
		frappe.db.set_value(PLAN, plan.name, {"next_review_on": due, "review_overdue": 0})
		about_plan = {"document_type": PLAN, "document_name": plan.name}
		frappe.db.delete("Notification Log", about_plan)  # the submission's and the approval's
		keys = plans.mark_overdue_reviews()
		self.assertIn(f"plan-review:{plan.name}:{due.isoformat()}", keys)
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "review_overdue"), 1)
		told = set(frappe.get_all("Notification Log", filters=about_plan, pluck="for_user"))
		self.assertEqual(told, {u.TEACHER, u.LEADER})
		self.assertEqual(plans.mark_overdue_reviews(), [])
		self.assertEqual(frappe.db.count("Notification Log", about_plan), 2)

	# ---- who hears of a move, and who decides when the school's only leader drafted the plan

	def told(self, plan) -> list[tuple[str, str]]:
		rows = frappe.get_all(
			"Notification Log",
			filters={"document_type": PLAN, "document_name": plan.name},
			fields=["for_user", "subject"],
			order_by="creation asc",
		)
		frappe.db.delete("Notification Log", {"document_type": PLAN, "document_name": plan.name})
		return [(row.for_user, row.subject) for row in rows]

	def test_each_move_tells_the_people_it_concerns_in_words_for_its_step(self):
		plan = self.draft()
		self.move(u.TEACHER, plan, "Submit for Approval")
		((user, subject),) = self.told(plan)
		self.assertEqual(user, u.LEADER)  # the participating leader, who may approve it
		self.assertIn("等待您审批", subject)
		with self.set_user(u.TEACHER):
			doc = frappe.get_doc(PLAN, plan.name)
			doc.run_method("onload")
		self.assertEqual(
			doc.get_onload().decided_by,
			frappe.utils.get_fullname(u.LEADER) + "、" + frappe.utils.get_fullname(BOTH),
		)

	def test_an_approval_and_a_rejection_reach_the_drafter(self):
		plan = self.draft()
		self.move(u.TEACHER, plan, "Submit for Approval")
		self.told(plan)
		self.move(u.LEADER, plan, "Approve")
		((user, subject),) = self.told(plan)
		self.assertEqual((user, "已批准" in subject), (u.TEACHER, True))
		other = self.draft()
		self.move(u.TEACHER, other, "Submit for Approval")
		self.told(other)
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(PLAN, other.name)
			doc.rejection_reason = "目标写得太笼统"
			doc.workflow_state = "Rejected"
			doc.save()
		((user, subject),) = self.told(other)
		self.assertEqual((user, "退回" in subject), (u.TEACHER, True))

	def test_the_county_approves_what_the_schools_only_leader_submitted(self):
		plan = self.draft(BOTH, participating_leader=BOTH)
		# While another leader of the school may approve it, the county may not.
		self.move(BOTH, plan, "Submit for Approval")
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "approval_by_county"), 0)
		with self.set_user(u.ADMIN):
			self.assertRaises(
				frappe.ValidationError, apply_workflow, frappe.get_doc(PLAN, plan.name), "Approve"
			)
		# The other leader leaves the leadership group: BOTH is the school's only leader.
		school = frappe.get_doc("Care School", u.SCHOOL_A)
		school.set("members", [m for m in school.members if m.user != u.LEADER])
		school.save(ignore_permissions=True)
		self.assertEqual(frappe.db.get_value(PLAN, plan.name, "approval_by_county"), 1)
		with self.set_user(BOTH):
			self.assertRaises(
				frappe.ValidationError, apply_workflow, frappe.get_doc(PLAN, plan.name), "Approve"
			)
			shown = frappe.get_doc(PLAN, plan.name)
			shown.run_method("onload")
			self.assertEqual(shown.get_onload().decided_by, frappe._(roles.ADMINISTRATOR))
		with self.set_user(u.ADMIN):
			doc = apply_workflow(frappe.get_doc(PLAN, plan.name), "Approve")
		self.assertEqual((doc.workflow_state, doc.approved_by), ("In Progress", u.ADMIN))

	# ---- scope

	def test_who_may_see_a_plan(self):
		plan = self.approved()
		for user, sees in (
			(u.TEACHER, True),
			(u.LEADER, True),
			(u.COUNSELOR, True),
			(u.ADMIN, True),
			(u.MENTOR, False),
			(u.INSPECTOR, False),
		):
			with self.subTest(user=user), self.set_user(user):
				self.assertEqual(frappe.has_permission(PLAN, "read", doc=plan.name), sees)
				if sees:
					self.assertIn(plan.name, frappe.get_list(PLAN, pluck="name"))
		# School B's plan (the world's b1) is outside every restricted persona's scope.
		b1_plan = frappe.db.get_value(PLAN, {"child": self.children["b1"]})
		for user in (u.TEACHER, u.LEADER, u.COUNSELOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission(PLAN, "read", doc=b1_plan))
				self.assertNotIn(b1_plan, frappe.get_list(PLAN, pluck="name"))
				rows = frappe.get_list("Intervention Plan Action", parent_doctype=PLAN, pluck="parent")
				self.assertNotIn(b1_plan, rows)
