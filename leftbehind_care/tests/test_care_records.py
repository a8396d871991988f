"""Family contacts (家校联系) and home visits (家访): recorded by those who look after the child,
for children in the programme, on days that happened."""

from __future__ import annotations

import datetime

import frappe

from leftbehind_care.tests import utils as u

DAY = datetime.timedelta(days=1)


def contact(child, **fields):
	return frappe.get_doc(
		{
			"doctype": "Family Contact",
			"child": child,
			"contact_date": u.TODAY,
			"channel": "Family Phone",
			"with_whom": "Mother",
			"summary": "妈妈询问期中考试情况",
			**fields,
		}
	).insert()


def visit(child, **fields):
	return frappe.get_doc(
		{
			"doctype": "Home Visit",
			"child": child,
			"visit_date": u.TODAY,
			"visitors": "班主任、副校长",
			"who_was_home": "奶奶",
			"living_conditions": "Fair",
			**fields,
		}
	).insert()


class TestCareRecords(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = u.make_world()

	def setUp(self):
		frappe.db.savepoint("records_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="records_test")

	def assertRefused(self, user, make, *fragments, **fields):
		doctype = {contact: "Family Contact", visit: "Home Visit"}[make]
		before = u.count(doctype)
		with self.set_user(user), self.assertRaises(frappe.ValidationError) as ctx:
			make(**fields)
		for fragment in fragments:
			self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(u.count(doctype), before)
		return str(ctx.exception)

	def test_the_teacher_records_a_contact_and_a_visit(self):
		with self.set_user(u.TEACHER):
			made_contact = contact(self.world["a1"])
			made_visit = visit(self.world["a1"])
		self.assertEqual((made_contact.contacted_by, made_contact.child_name), (u.TEACHER, "赵小明"))
		self.assertEqual(made_visit.recorded_by, u.TEACHER)

	def test_a_mentor_records_for_their_paired_child_only(self):
		with self.set_user(u.MENTOR):
			contact(self.world["a1"])
		self.assertRefused(u.MENTOR, contact, self.world["a2"], child=self.world["a2"])

	def test_dates(self):
		filed_on = frappe.utils.getdate(
			frappe.db.get_value("Left Behind Child", self.world["a1"], "filed_on")
		)
		for make, field in ((contact, "contact_date"), (visit, "visit_date")):
			self.assertRefused(u.TEACHER, make, child=self.world["a1"], **{field: u.TODAY + DAY})
			self.assertRefused(u.TEACHER, make, child=self.world["a1"], **{field: filed_on - DAY})
		self.assertRefused(u.TEACHER, visit, child=self.world["a1"], follow_up_date=u.TODAY - DAY)

	def test_a_visit_without_visitors_is_refused(self):
		self.assertRefused(u.TEACHER, visit, child=self.world["a1"], visitors="  ")

	def test_another_schools_child_is_refused_without_naming_them(self):
		for make in (contact, visit):
			message = self.assertRefused(u.TEACHER, make, self.world["b1"], child=self.world["b1"])
			self.assertNotIn("孙小刚", message)

	def test_a_closed_file_takes_no_more_records(self):
		frappe.db.set_value("Left Behind Child", self.world["a2"], "status", "Transferred")
		self.assertRefused(u.LEADER, contact, child=self.world["a2"])

	def test_an_inspector_records_nothing(self):
		with self.set_user(u.INSPECTOR):
			self.assertRaises(frappe.PermissionError, contact, self.world["a1"])

	def test_each_role_lists_the_records_of_its_children(self):
		for user, keys in u.SEES.items():
			with self.subTest(user=user), self.set_user(user):
				for doctype in ("Family Contact", "Home Visit"):
					try:
						children = set(frappe.get_list(doctype, pluck="child", limit_page_length=0))
					except frappe.PermissionError:
						children = set()
					self.assertLessEqual(children & set(self.world.values()), {self.world[k] for k in keys})
