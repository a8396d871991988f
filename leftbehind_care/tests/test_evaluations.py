"""检查考核 on a site: a round makes every evaluation of the school in one action; the metrics come
from the records; the leader's score and a confirmed dereliction decide the result; the workflow
runs in order, and the teacher acknowledges; each person reads only what is theirs to read."""

from __future__ import annotations

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, now_datetime

from leftbehind_care import evaluations
from leftbehind_care.core import evaluation as rules
from leftbehind_care.tests import utils as u
from leftbehind_care.tests.test_care_network import ComplianceCase

EVALUATION = "Care Evaluation"
ROUND = "Care Evaluation Round"
DEPARTMENT = "三年级组"
# Queries to read an evaluation's metrics: a query per child would pass it by ten when ten
# children are added.
METRIC_QUERIES = 20


class TestEvaluations(ComplianceCase):
	def make_round(self) -> str:
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(
				{
					"doctype": ROUND,
					"school": u.SCHOOL_A,
					"term": self.term,
					"departments": [
						{
							"department_name": DEPARTMENT,
							"department_kind": "Grade Group",
							"member": u.TEACHER,
						},
						{"department_name": DEPARTMENT, "department_kind": "Grade Group", "member": u.LEADER},
					],
				}
			).insert()
			self.made = evaluations.make_evaluations(doc.name)
		return doc.name

	def evaluation(self, round_name: str, **filters) -> frappe.model.document.Document:
		return frappe.get_doc(
			EVALUATION, frappe.db.get_value(EVALUATION, {"evaluation_round": round_name, **filters})
		)

	def move(self, name: str, user: str, action: str) -> None:
		with self.set_user(user):
			apply_workflow(frappe.get_doc(EVALUATION, name), action)

	def assertRefused(self, fragment: str, user: str, name: str, **changes) -> None:
		before = frappe.db.get_value(EVALUATION, name, ["workflow_state", "leader_score"])
		with self.assertRaises(frappe.ValidationError) as ctx, self.set_user(user):
			doc = frappe.get_doc(EVALUATION, name)
			doc.update(changes)
			doc.save()
		frappe.set_user("Administrator")
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(frappe.db.get_value(EVALUATION, name, ["workflow_state", "leader_score"]), before)

	def test_a_round_makes_every_evaluation_once(self):
		name = self.make_round()
		made = frappe.get_all(
			EVALUATION,
			filters={"evaluation_round": name},
			fields=["subject_kind", "teacher", "care_class", "department"],
		)
		classes = frappe.get_all(
			"Care Class", filters={"school": u.SCHOOL_A}, fields=["name", "class_teacher"]
		)
		teachers = {c.class_teacher for c in classes if c.class_teacher}
		self.assertEqual(self.made, len(teachers) + len(classes) + 1)
		self.assertEqual(len(made), self.made)
		self.assertIn((rules.CLASS_TEACHER, u.TEACHER), {(m.subject_kind, m.teacher) for m in made})
		self.assertIn(self.class_a1, {m.care_class for m in made})
		self.assertEqual([m.department for m in made if m.subject_kind == rules.DEPARTMENT], [DEPARTMENT])
		with self.set_user(u.LEADER):
			self.assertEqual(evaluations.make_evaluations(name), 0)
		self.assertEqual(frappe.db.get_value(ROUND, name, "evaluations_made"), self.made)
		with self.set_user(u.TEACHER), self.assertRaises(frappe.PermissionError):
			evaluations.make_evaluations(name)

	def test_metrics_are_read_in_a_fixed_number_of_queries(self):
		doc = self.evaluation(self.make_round(), subject_kind=rules.CLASS, care_class=self.class_a1)

		def counted() -> int:
			evaluations.metrics_of(doc, u.TODAY)  # fills the caches a desk process has warm
			with u.assert_query_count(self, METRIC_QUERIES):
				return evaluations.metrics_of(doc, u.TODAY)[0]

		before = counted()
		for n in range(10):
			self.child(f"测试{'甲乙丙丁戊己庚辛壬癸'[n]}童", self.first_month)
		self.assertEqual(counted(), before + 10)

	def test_metrics_score_and_result(self):
		name = self.make_round()
		doc = self.evaluation(name, subject_kind=rules.CLASS_TEACHER, teacher=u.TEACHER)
		children = frappe.db.count("Left Behind Child", {"care_class": self.class_a1, "status": "Active"})
		self.assertEqual(doc.children_looked_after, children)
		for metric, _weight in rules.METRICS:
			value = doc.get(metric)
			self.assertTrue(value is None or 0 <= value <= 100, metric)
		none = set((doc.metrics_without_basis or "").split(","))
		values = {metric: None if metric in none else doc.get(metric) for metric, _weight in rules.METRICS}
		self.assertIn("incidents_told", none)  # no incident in the term: nothing was due
		self.assertEqual(doc.metric_score, rules.metric_score(values, evaluations.weights()))
		self.assertEqual(doc.total_score, doc.metric_score)  # no leader's score yet
		with self.set_user(u.LEADER):
			doc.leader_score = 100
			doc.leader_remarks = "谈心记录认真"
			doc.save()
		self.assertEqual(doc.total_score, round(doc.metric_score * 0.7 + 30, 1))
		# Saved again without a score (it reads 0): the metrics alone count, not a score of 0.
		with self.set_user(u.LEADER):
			doc.leader_score = 0
			doc.save()
		self.assertEqual(doc.total_score, doc.metric_score)
		with self.set_user(u.LEADER):
			doc.leader_score = 100
			doc.save()
		self.assertEqual(doc.result, rules.rate(doc.total_score, evaluations.thresholds(), False).result)
		self.assertEqual(doc.result_from, "Score")
		self.assertRefused("from 0 to 100", u.LEADER, doc.name, leader_score=120)
		# A confirmed dereliction: 不合格 whatever the score, and the form says why.
		incident = frappe.get_doc(
			{
				"doctype": "Care Incident",
				"child": self.talked,
				"incident_kind": "Injury",
				"occurred_at": add_to_date(now_datetime(), hours=-30),
				"description": "放学路上落水",
				"parents_notified_at": add_to_date(now_datetime(), hours=-1),
				"notified_by": "班主任",
			}
		).insert()
		with self.set_user(u.LEADER):
			dereliction = frappe.get_doc(
				{
					"doctype": "Care Dereliction",
					"school": u.SCHOOL_A,
					"term": self.term,
					"teacher": u.TEACHER,
					"incident": incident.name,
					"what_happened": "未按规定护送学生过河",
					"consequence": "学生落水受伤",
				}
			).insert()
			doc.save()
			self.assertNotEqual(doc.result_from, "Dereliction")  # recorded, not yet confirmed
			dereliction.confirmed = 1
			dereliction.save()
			doc.save()
		self.assertEqual(
			(doc.result, doc.result_from, doc.dereliction), ("Fail", "Dereliction", dereliction.name)
		)
		self.assertEqual(dereliction.confirmed_by, u.LEADER)

	def test_a_dereliction_names_a_record_of_the_school(self):
		with self.set_user(u.LEADER), self.assertRaises(frappe.ValidationError) as ctx:
			frappe.get_doc(
				{
					"doctype": "Care Dereliction",
					"school": u.SCHOOL_A,
					"term": self.term,
					"teacher": u.TEACHER,
					"what_happened": "x",
					"consequence": "y",
				}
			).insert()
		frappe.set_user("Administrator")
		self.assertIn("against an incident or an intervention plan", str(ctx.exception))

	def test_the_workflow_and_who_reads_what(self):
		name = self.make_round()
		mine = self.evaluation(name, subject_kind=rules.CLASS_TEACHER, teacher=u.TEACHER).name
		department = self.evaluation(name, subject_kind=rules.DEPARTMENT).name
		other_class = self.evaluation(name, care_class=self.class_a2).name
		readable = lambda user: {  # noqa: E731
			n
			for n in (mine, department, other_class)
			if frappe.has_permission(EVALUATION, "read", doc=n, user=user)
		}
		self.assertEqual(readable(u.LEADER), {mine, department, other_class})
		self.assertEqual(readable(u.TEACHER), set())  # not final yet
		for user in (u.COUNSELOR, u.MENTOR, u.INSPECTOR):
			self.assertEqual(readable(user), set(), user)
		self.assertRefused("cannot go from Draft to Final", u.LEADER, mine, workflow_state="Final")
		self.move(mine, u.LEADER, "Confirm")
		self.assertRefused("may not be changed", u.LEADER, mine, leader_score=50)
		self.move(mine, u.LEADER, "Make Final")
		self.move(department, u.LEADER, "Confirm")
		self.move(department, u.LEADER, "Make Final")
		self.assertEqual(readable(u.TEACHER), {mine, department})
		with self.set_user(u.TEACHER):
			listed = set(frappe.get_list(EVALUATION, filters={"evaluation_round": name}, pluck="name"))
		self.assertEqual(listed, {mine, department})
		self.assertRefused("Only the teacher evaluated", u.LEADER, mine, workflow_state="Acknowledged")
		# What the teacher may do to their final evaluation is acknowledge it: a result sent with
		# a save is not taken.
		result = frappe.db.get_value(EVALUATION, mine, "result")
		with self.set_user(u.TEACHER):
			tampered = frappe.get_doc(EVALUATION, mine)
			tampered.update({"result": "Excellent" if result != "Excellent" else "Fail", "total_score": 99})
			tampered.save()
		self.assertEqual(frappe.db.get_value(EVALUATION, mine, "result"), result)
		self.move(mine, u.TEACHER, "Acknowledge")
		doc = frappe.get_doc(EVALUATION, mine)
		self.assertEqual((doc.workflow_state, str(doc.acknowledged_on)), ("Acknowledged", str(u.TODAY)))
		with self.set_user(u.TEACHER):
			self.assertFalse(frappe.has_permission(EVALUATION, "read", doc=other_class))
			self.assertFalse(frappe.has_permission(ROUND, "read", doc=name))
