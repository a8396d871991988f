"""谈心记录卡: who may record a talk with whom, and the dates a talk keeps."""

from __future__ import annotations

import datetime

import frappe

from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
DAY = datetime.timedelta(days=1)


class TestTalkRecord(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = u.make_world()

	def setUp(self):
		frappe.db.savepoint("talk_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="talk_test")

	def assertRefused(self, user, *fragments, **fields):
		before = u.count("Talk Record")
		with self.set_user(user), self.assertRaises(frappe.ValidationError) as ctx:
			u.make_talk(**fields)
		for fragment in fragments:
			self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(u.count("Talk Record"), before)
		return str(ctx.exception)

	def test_the_class_teacher_records_the_monthly_talk(self):
		with self.set_user(u.TEACHER):
			talk = u.make_talk(self.world["a1"], findings="作业按时完成")
		self.assertEqual((talk.talker, talk.by_class_teacher), (u.TEACHER, 1))
		self.assertEqual(talk.child_name, "赵小明")

	def test_a_mentor_records_talks_with_their_paired_child_only(self):
		with self.set_user(u.MENTOR):
			talk = u.make_talk(self.world["a1"], talker=u.TEACHER)  # the talker is who records it
		self.assertEqual((talk.talker, talk.by_class_teacher), (u.MENTOR, 0))
		self.assertRefused(u.MENTOR, self.world["a2"], child=self.world["a2"])

	def test_dates(self):
		filed_on = frappe.db.get_value(CHILD, self.world["a1"], "filed_on")
		self.assertRefused(u.TEACHER, child=self.world["a1"], talk_date=u.TODAY + DAY)
		self.assertRefused(u.TEACHER, child=self.world["a1"], talk_date=frappe.utils.getdate(filed_on) - DAY)
		self.assertRefused(u.TEACHER, child=self.world["a1"], follow_up_date=u.TODAY - DAY)

	def test_another_schools_child_is_refused_without_naming_them(self):
		message = self.assertRefused(u.TEACHER, self.world["b1"], child=self.world["b1"])
		self.assertNotIn("孙小刚", message)

	def test_a_closed_file_takes_no_more_talks(self):
		frappe.db.set_value(CHILD, self.world["a2"], "status", "Transferred")
		self.assertRefused(u.LEADER, child=self.world["a2"])

	def test_roles_that_may_not_record(self):
		with self.set_user(u.INSPECTOR):
			self.assertRaises(frappe.PermissionError, u.make_talk, self.world["a1"])

	def test_each_role_lists_the_talks_of_its_children(self):
		with self.set_user(u.TEACHER):
			u.make_talk(self.world["a1"])
		b1_talks = frappe.get_all("Talk Record", filters={"child": self.world["b1"]}, pluck="name")
		self.assertTrue(b1_talks)
		for user, sees_b1 in ((u.ADMIN, True), (u.LEADER, False), (u.TEACHER, False), (u.MENTOR, False)):
			with self.subTest(user=user), self.set_user(user):
				listed = set(frappe.get_list("Talk Record", pluck="name", limit_page_length=0))
				self.assertEqual(bool(listed & set(b1_talks)), sees_b1)
				if user != u.ADMIN:
					children = set(frappe.get_list("Talk Record", pluck="child", limit_page_length=0))
					self.assertLessEqual(children, {self.world["a1"], self.world["a2"]})
