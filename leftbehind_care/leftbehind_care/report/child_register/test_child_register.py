import frappe

from leftbehind_care.leftbehind_care.report.child_register.child_register import execute
from leftbehind_care.tests import utils as u


class TestChildRegister(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def tearDown(self):
		frappe.set_user("Administrator")

	def run_report(self, **filters):
		columns, rows, _message, _chart, summary = execute(filters)
		return columns, rows, {s["label"]: s["value"] for s in summary}

	def test_a_class_teacher_sees_their_class_only(self):
		with self.set_user(u.TEACHER):
			_columns, rows, summary = self.run_report()
		self.assertEqual([r["name"] for r in rows], [self.children["a1"]])
		self.assertEqual(rows[0]["guardian_name"], "赵奶奶")
		self.assertEqual(summary[frappe._("Number of Children")], 1)

	def test_a_leader_sees_their_school_and_counts_alerts(self):
		with self.set_user(u.LEADER):
			_columns, rows, summary = self.run_report(school=u.SCHOOL_A)
			self.assertEqual({r["name"] for r in rows}, {self.children["a1"], self.children["a2"]})
			self.assertEqual(
				summary[frappe._("Unsupervised Children")], sum(r["unsupervised_alert"] for r in rows)
			)
			_columns, rows, _summary = self.run_report(school=u.SCHOOL_B)
			self.assertEqual(rows, [])

	def test_roles_without_the_report_are_refused(self):
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				from frappe.desk.query_report import run

				self.assertRaises(frappe.PermissionError, run, "Child Register", {})

	def test_bounded_queries(self):
		with self.set_user(u.ADMIN):
			self.run_report()  # first run fills Frappe's caches (metadata, translations)
			with u.assert_query_count(self, 30):
				self.run_report()
