"""结对帮扶: who may pair whom, the rules a pairing keeps, and what a mentor then sees."""

from __future__ import annotations

import datetime

import frappe

from leftbehind_care.core.scope import MENTOR
from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
SECOND_MENTOR = "lbc-mentor2@test.invalid"
# A status needs a date of its own; the children here were filed today.


class TestMentorPairing(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = u.make_world()
		u.make_user(SECOND_MENTOR, MENTOR)
		cls.school = u.make_school("测试结对小学", [(u.LEADER, "Leader")])
		cls.care_class = u.make_class(cls.school, 5, 1)
		guardian = u.make_guardian("结对奶奶").name
		cls.children = [
			u.child_doc(
				cls.care_class, name, [guardian], birth_date=u.TODAY - datetime.timedelta(days=3500 + i)
			)
			.insert()
			.name
			for i, name in enumerate(("结对一", "结对二", "结对三", "结对四"))
		]

	def setUp(self):
		frappe.db.savepoint("pairing_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="pairing_test")

	def pairing(self, child, **fields):
		return frappe.get_doc(
			{
				"doctype": "Mentor Pairing",
				"child": child,
				"mentor_kind": "Staff",
				"mentor_user": SECOND_MENTOR,
				"from_date": u.TODAY,
				**fields,
			}
		)

	def assertRefused(self, doc, *fragments):
		before = u.count("Mentor Pairing")
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.insert()
		for fragment in fragments:
			self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(u.count("Mentor Pairing"), before)

	def test_a_mentor_carries_at_most_the_capacity(self):
		for child in self.children[:3]:
			self.pairing(child).insert()
		self.assertRefused(self.pairing(self.children[3]), "3")
		frappe.db.set_single_value("Care Settings", "mentor_capacity", 4)
		self.pairing(self.children[3]).insert()

	def test_the_same_mentor_only_once_at_a_time(self):
		first = self.pairing(self.children[0]).insert()
		self.assertRefused(self.pairing(self.children[0]), first.name)
		first.status, first.to_date, first.end_reason = "Ended", u.TODAY, "学期结束"
		first.save()
		self.pairing(self.children[0]).insert()

	def test_who_a_mentor_is(self):
		self.assertRefused(self.pairing(self.children[0], mentor_user=None, mentor_name="王老师"))
		self.assertRefused(
			self.pairing(self.children[0], mentor_kind="Volunteer", mentor_user=None, mentor_name="李阿姨")
		)
		self.assertRefused(self.pairing(self.children[0], mentor_user=u.TEACHER), u.TEACHER)
		self.assertRefused(
			self.pairing(
				self.children[0],
				mentor_kind="Peer Student",
				mentor_user=None,
				mentor_name="张同学",
				mentor_phone="13912345678",
				mentor_school=u.SCHOOL_B,
			),
			u.SCHOOL_B,
		)
		self.pairing(
			self.children[0],
			mentor_kind="Volunteer",
			mentor_user=None,
			mentor_name="李阿姨",
			mentor_phone="138 1234 5678",
		).insert()

	def test_dates(self):
		self.assertRefused(self.pairing(self.children[0], from_date=u.TODAY + datetime.timedelta(days=1)))
		self.assertRefused(self.pairing(self.children[0], to_date=u.TODAY - datetime.timedelta(days=1)))

	def test_only_children_in_the_programme_and_in_scope(self):
		child = frappe.get_doc(CHILD, self.children[0])
		child.update(
			{
				"status": "Transferred",
				"status_date": u.TODAY - datetime.timedelta(days=1),
				"status_reason": "转学",
			}
		)
		child.save()
		self.assertRefused(self.pairing(self.children[0]))
		with self.set_user(u.TEACHER):
			self.assertRefused(self.pairing(self.children[1]), self.children[1])
		with self.set_user(u.LEADER):
			self.pairing(self.children[1]).insert()

	def test_a_child_who_leaves_leaves_their_mentors(self):
		pairing = self.pairing(self.children[0]).insert()
		child = frappe.get_doc(CHILD, self.children[0])
		child.update(
			{
				"status": "Parents Returned",
				"status_date": u.TODAY - datetime.timedelta(days=1),
				"status_reason": "父母返乡",
			}
		)
		child.save()
		pairing.reload()
		self.assertEqual((pairing.status, str(pairing.to_date)), ("Ended", str(u.TODAY)))

	def test_a_mentor_sees_exactly_the_children_paired_with_them(self):
		with self.set_user(SECOND_MENTOR):
			self.assertEqual(frappe.get_list(CHILD, pluck="name"), [])
		pairing = self.pairing(self.children[0]).insert()
		with self.set_user(SECOND_MENTOR):
			self.assertEqual(frappe.get_list(CHILD, pluck="name"), [self.children[0]])
			self.assertEqual(frappe.get_list("Mentor Pairing", pluck="name"), [pairing.name])
			doc = frappe.get_doc(CHILD, self.children[0])
			doc.apply_fieldlevel_read_permissions()
			self.assertFalse(doc.get("health_status"))
		pairing.update({"status": "Ended", "to_date": u.TODAY, "end_reason": "结束"})
		pairing.save()
		with self.set_user(SECOND_MENTOR):
			self.assertEqual(frappe.get_list(CHILD, pluck="name"), [])


class TestMentorPairingOverRest(u.CareTestCase):
	"""Requests see committed data only: this class holds no uncommitted rows they would wait on."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = u.make_world()

	def test_over_rest_as_a_teacher(self):
		client = u.RestClient(u.TEACHER)
		status, body = client.send_json(
			"post",
			"/api/resource/Mentor Pairing",
			data=frappe.as_json({"child": self.world["b1"], "mentor_kind": "Staff", "mentor_user": u.MENTOR}),
		)
		self.assertEqual(status, 417)
		self.assertIn(self.world["b1"], str(body))  # the file number the teacher typed…
		self.assertNotIn("孙小刚", frappe.as_json(body, ensure_ascii=False))  # …never what is on file
		self.assertFalse(
			frappe.db.exists("Mentor Pairing", {"child": self.world["b1"], "mentor_user": u.MENTOR})
		)
		status, body = client.get_json("/api/resource/Mentor Pairing", fields=["child"], limit_page_length=0)
		self.assertEqual({row["child"] for row in body["data"]}, {self.world["a1"]})
