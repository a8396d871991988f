"""心理辅导 and 重大事项 as real users: counselling notes only for counsellors and leaders; an
incident's times, its parents told within 24 hours, the mandatory report, and the leaders
alerted once when the parents are not told."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_to_date, now_datetime

from leftbehind_care import incidents
from leftbehind_care.tests import utils as u

SESSION = "Counseling Session"
INCIDENT = "Care Incident"
NOTES = "甲校心理辅导：孩子说想妈妈"


class TestCounselingSession(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def session(self):
		with self.set_user(u.COUNSELOR):
			return frappe.get_doc(
				{
					"doctype": SESSION,
					"child": self.children["a1"],
					"session_kind": "Emotional Education",
					"notes": NOTES,
					"follow_up": "下周再谈",
				}
			).insert()

	def test_a_counsellor_records_and_reads_the_notes(self):
		doc = self.session()
		self.assertEqual(doc.counselor, u.COUNSELOR)
		with self.set_user(u.LEADER):
			self.assertEqual(frappe.get_doc(SESSION, doc.name).notes, NOTES)

	def test_the_notes_are_stripped_for_everyone_else(self):
		doc = self.session()
		with self.set_user(u.TEACHER):
			self.assertTrue(frappe.has_permission(SESSION, "read", doc=doc.name))
			row = frappe.get_list(SESSION, filters={"name": doc.name}, fields=["name", "notes"])
			self.assertEqual(row[0].get("notes"), None)
			read = frappe.get_doc(SESSION, doc.name)
			read.apply_fieldlevel_read_permissions()
			self.assertIsNone(read.get("notes"))
			self.assertFalse(frappe.has_permission(SESSION, "write", doc=doc.name))
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (REST requests see committed data)
		self.addCleanup(
			lambda: (frappe.db.delete(SESSION, {"name": doc.name}), frappe.db.commit())
		)  # nosemgrep
		status, body = u.RestClient(u.TEACHER).get_json(f"/api/resource/{SESSION}/{doc.name}")
		self.assertEqual(status, 200)
		self.assertNotIn(NOTES, frappe.as_json(body, ensure_ascii=False))
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission(SESSION, "read", doc=doc.name))


class TestCareIncident(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def setUp(self):
		# The world's child was filed today; these incidents happened in the last two days.
		frappe.db.set_value(
			"Left Behind Child", self.children["a1"], "filed_on", u.TODAY - datetime.timedelta(days=30)
		)

	def incident(self, user: str = u.TEACHER, **fields):
		with self.set_user(user):
			return frappe.get_doc(
				{
					"doctype": INCIDENT,
					"child": self.children["a1"],
					"incident_kind": "Injury",
					"occurred_at": add_to_date(now_datetime(), hours=-5),
					"description": "课间在操场摔倒",
					**fields,
				}
			).insert()

	def assertRefused(self, fragment: str, **fields):
		before = frappe.db.count(INCIDENT)
		with self.assertRaises(frappe.ValidationError) as ctx:
			self.incident(**fields)
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(frappe.db.count(INCIDENT), before)

	def test_parents_told_within_a_day(self):
		told = self.incident(parents_notified_at=add_to_date(now_datetime(), hours=-4), notified_by="班主任")
		self.assertEqual((told.notified_in_time, told.notification_overdue), (1, 0))
		late = self.incident(
			occurred_at=add_to_date(now_datetime(), hours=-30),
			parents_notified_at=add_to_date(now_datetime(), hours=-1),
			notified_by="班主任",
		)
		self.assertEqual((late.notified_in_time, late.notification_overdue), (0, 0))
		untold = self.incident(occurred_at=add_to_date(now_datetime(), hours=-25))
		self.assertEqual((untold.notified_in_time, untold.notification_overdue), (0, 1))

	def test_what_only_a_parent_sets_is_not_taken_from_a_staff_save(self):
		"""家长端: the parents' acknowledgement of an incident, and that a contact was logged by a
		parent, come from the parents' own pages only."""
		incident = self.incident(parents_acknowledged_at=now_datetime())
		self.assertIsNone(frappe.db.get_value(INCIDENT, incident.name, "parents_acknowledged_at"))
		incident.parents_acknowledged_at = now_datetime()
		incident.save()
		self.assertIsNone(frappe.db.get_value(INCIDENT, incident.name, "parents_acknowledged_at"))
		incident.flags.from_parent = True
		incident.parents_acknowledged_at = now_datetime()
		incident.save()
		self.assertIsNotNone(frappe.db.get_value(INCIDENT, incident.name, "parents_acknowledged_at"))
		contact = frappe.get_doc(
			{
				"doctype": "Family Contact",
				"child": incident.child,
				"channel": "Family Phone",
				"with_whom": "Mother",
				"minutes": 12,
				"summary": "亲情电话",
				"logged_by_parent": 1,
			}
		).insert()
		self.assertEqual(
			frappe.db.get_value("Family Contact", contact.name, ["logged_by_parent", "minutes"]), (0, 12)
		)

	def test_bad_times_are_refused(self):
		self.assertRefused(
			"before the incident", parents_notified_at=add_to_date(now_datetime(), hours=-6), notified_by="x"
		)
		self.assertRefused("future", occurred_at=add_to_date(now_datetime(), hours=2))
		self.assertRefused("who told the parents", parents_notified_at=add_to_date(now_datetime(), hours=-1))

	def test_suspected_abuse_needs_the_mandatory_report(self):
		self.assertRefused("强制报告", incident_kind="Suspected Abuse or Neglect")
		doc = self.incident(
			incident_kind="Suspected Abuse or Neglect",
			reported_to="城关派出所",
			reported_at=add_to_date(now_datetime(), hours=-1),
		)
		self.assertEqual(doc.reported_to, "城关派出所")

	def test_leaders_are_alerted_once_when_the_parents_are_not_told(self):
		untold = self.incident(occurred_at=add_to_date(now_datetime(), hours=-26))
		told = self.incident(
			occurred_at=add_to_date(now_datetime(), hours=-26),
			parents_notified_at=add_to_date(now_datetime(), hours=-20),
			notified_by="班主任",
		)
		fresh = self.incident(occurred_at=add_to_date(now_datetime(), hours=-2))
		alerted = incidents.alert_unnotified_incidents()
		self.assertIn(untold.name, alerted)
		self.assertNotIn(told.name, alerted)
		self.assertNotIn(fresh.name, alerted)
		leaders = set(
			frappe.get_all(
				"Notification Log",
				filters={"document_type": INCIDENT, "document_name": untold.name},
				pluck="for_user",
			)
		)
		self.assertIn(u.LEADER, leaders)
		self.assertEqual(incidents.alert_unnotified_incidents(), [])
		self.assertEqual(frappe.db.get_value(INCIDENT, untold.name, "leader_alerted"), 1)

	def test_who_may_see_an_incident(self):
		doc = self.incident()
		for user, sees in ((u.LEADER, True), (u.COUNSELOR, True), (u.MENTOR, False), (u.INSPECTOR, False)):
			with self.subTest(user=user), self.set_user(user):
				self.assertEqual(frappe.has_permission(INCIDENT, "read", doc=doc.name), sees)
		b1 = frappe.db.get_value(INCIDENT, {"child": self.children["b1"]})
		with self.set_user(u.TEACHER):
			self.assertFalse(frappe.has_permission(INCIDENT, "read", doc=b1))
			self.assertNotIn(b1, frappe.get_list(INCIDENT, pluck="name"))
