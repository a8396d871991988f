"""五有 on a site: the Care Coverage report and the child's form decide each of the five haves from
the records as they are saved, per child and per class and school, within each reader's scope."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_to_date, now_datetime

from leftbehind_care import api
from leftbehind_care.tests import utils as u
from leftbehind_care.tests.test_care_network import ComplianceCase

DAY = datetime.timedelta(days=1)
HAVES = ("study", "guardianship", "safety", "family", "activity")


def run(report_filters: dict, user: str) -> list[dict]:
	frappe.set_user(user)
	try:
		return frappe.get_attr("frappe.desk.query_report.run")("Care Coverage", report_filters)["result"]
	finally:
		frappe.set_user("Administrator")


class TestCareCoverage(ComplianceCase):
	def marks(self, child: str, user: str = u.TEACHER) -> tuple[tuple[int, ...], str]:
		rows = {row["child"]: row for row in run({"term": self.term}, user)}
		row = rows[child]
		return tuple(row[have] for have in HAVES), row["gaps"]

	def record(self, doctype: str, **fields):
		with self.set_user(u.TEACHER):
			return frappe.get_doc({"doctype": doctype, "child": self.forgotten, **fields}).insert()

	def test_each_have_follows_the_records_as_they_are_saved(self):
		child = self.forgotten
		# Filed with a grandparent able to care, with a phone; nothing else yet.
		marks, gaps = self.marks(child)
		self.assertEqual(marks, (0, 1, 1, 0, 0))
		self.assertEqual(
			gaps,
			"No study mentor and no tutoring this term；No contact with a parent on record；"
			"No care activity this term",
		)
		self.record("Priority Support", priority_kind="Tutoring", what_was_done="周末补习数学")
		self.record(
			"Family Contact",
			channel="Phone",
			with_whom="Mother",
			contact_date=u.TODAY - 40 * DAY,
			summary="询问近况",
		)
		self.assertEqual(self.marks(child)[0], (1, 1, 1, 0, 0))
		self.assertIn("Last contact with a parent 40 days ago", self.marks(child)[1])
		self.record("Family Contact", channel="Video", with_whom="Father", summary="视频聊学习")
		with self.set_user(u.TEACHER):
			frappe.get_doc(
				{
					"doctype": "Care Activity",
					"activity_kind": "Theme Class Meeting",
					"title": "感恩父母主题班会",
					"school": u.SCHOOL_A,
					"participants": [{"child": child}],
				}
			).insert()
		self.assertEqual(self.marks(child), ((1, 1, 1, 1, 1), ""))
		incident = self.record(
			"Care Incident",
			incident_kind="Injury",
			occurred_at=add_to_date(now_datetime(), hours=-3),
			description="课间摔伤膝盖",
			parents_notified_at=add_to_date(now_datetime(), hours=-2),
			notified_by="班主任",
		)
		self.assertEqual(self.marks(child), ((1, 1, 0, 1, 1), "Incidents without a follow-up: 1"))
		frappe.db.set_value("Care Incident", incident.name, "follow_up", "已送医复查，家长已知")
		self.assertEqual(self.marks(child)[0], (1, 1, 1, 1, 1))
		# The guardian can no longer care: 监护有人 is lost, and the gap says so.
		guardian = frappe.db.get_value(
			"Left Behind Child Guardian", {"parent": child, "parenttype": "Left Behind Child"}, "name"
		)
		frappe.db.set_value("Left Behind Child Guardian", guardian, "capacity", "None")
		self.assertEqual(self.marks(child), ((1, 0, 1, 1, 1), "No guardian able to care"))

	def test_the_form_shows_the_five_haves_to_who_may_open_the_file(self):
		with self.set_user(u.TEACHER):
			haves = api.child_care_status(self.forgotten)["five_haves"]
		self.assertEqual([h["have"] for h in haves], list(HAVES))
		self.assertEqual([h["met"] for h in haves], [False, True, True, False, False])
		self.assertEqual(haves[0]["gaps"], ["No study mentor and no tutoring this term"])
		self.assertEqual(haves[1]["gaps"], [])
		with self.set_user(u.TEACHER), self.assertRaises(frappe.PermissionError):
			api.child_care_status(self.world["b1"])
		with self.set_user(u.INSPECTOR), self.assertRaises(frappe.PermissionError):
			api.child_care_status(self.forgotten)

	def test_classes_and_schools_as_shares_in_each_readers_scope(self):
		leader = run({"term": self.term, "view": "Classes"}, u.LEADER)
		self.assertEqual({row["school"] for row in leader}, {u.SCHOOL_A})
		a1 = frappe.db.get_value("Care Class", self.class_a1, "class_title")
		row = next(r for r in leader if r["class_title"] == a1)
		children = frappe.db.count("Left Behind Child", {"care_class": self.class_a1, "status": "Active"})
		self.assertEqual(row["children"], children)
		for have in (*HAVES, "all_five"):
			self.assertTrue(0 <= row[have] <= 100, have)
		schools = run({"term": self.term, "view": "Schools"}, u.ADMIN)
		self.assertLessEqual({u.SCHOOL_A, u.SCHOOL_B}, {row["school"] for row in schools})
		# A teacher lists the children of their own class only; gaps only leaves out a child with all five.
		teacher = run({"term": self.term}, u.TEACHER)
		self.assertNotIn(self.world["b1"], {row["child"] for row in teacher})
		self.assertNotIn(self.world["a2"], {row["child"] for row in teacher})
		gaps = run({"term": self.term, "gaps_only": 1}, u.TEACHER)
		self.assertTrue(all(row["gaps"] for row in gaps))
		self.assertIn(self.forgotten, {row["child"] for row in gaps})

	def test_roles_without_the_report_are_refused(self):
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				run({"term": self.term}, user)

	def test_a_foreign_term_is_a_sentence_not_an_error(self):
		with self.set_user(u.LEADER):
			result = frappe.get_attr("frappe.desk.query_report.run")(
				"Care Coverage", {"term": "no such term"}
			)
		self.assertEqual(result["result"], [])
		self.assertIn("Choose a term", str(result.get("message")))
