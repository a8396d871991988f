"""What a care user lands on: the care workspace comes first for every role that works with
children, and an inspector's own workspace, with the numbers of their schools, for an inspector
(Frappe opens the first workspace a user may see when none is set)."""

from __future__ import annotations

import frappe
from frappe.desk.desktop import get_workspace_sidebar_items

from leftbehind_care.api import school_overview
from leftbehind_care.tests import utils as u

WORKSPACE = "Left-Behind Children Care"


class TestDeskHome(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		u.make_world()

	def test_the_care_workspace_comes_first(self):
		for user in (u.ADMIN, u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR):
			with self.subTest(user=user), self.set_user(user):
				pages = [p for p in get_workspace_sidebar_items()["pages"] if p.get("public")]
				self.assertEqual(pages[0]["name"], WORKSPACE)

	def test_an_inspector_does_not_get_the_childrens_workspace(self):
		with self.set_user(u.INSPECTOR):
			names = {p["name"] for p in get_workspace_sidebar_items()["pages"]}
		self.assertNotIn(WORKSPACE, names)


class TestInspectorOverview(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def test_an_inspector_lands_on_the_numbers_of_their_schools(self):
		with self.set_user(u.INSPECTOR):
			pages = [p["name"] for p in get_workspace_sidebar_items()["pages"] if p.get("public")]
			overview = school_overview()
		self.assertEqual(pages[0], "Care Inspection")
		self.assertEqual([row["school"] for row in overview], [u.SCHOOL_A])
		active = frappe.db.count("Left Behind Child", {"school": u.SCHOOL_A, "status": "Active"})
		self.assertEqual(overview[0]["children"], active)
		# Numbers only: no child's name or file number.
		text = frappe.as_json(overview, ensure_ascii=False)
		for key in ("a1", "a2"):
			self.assertNotIn(self.children[key], text)
			self.assertNotIn(frappe.db.get_value("Left Behind Child", self.children[key], "child_name"), text)

	def test_the_overview_follows_each_roles_schools(self):
		with self.set_user(u.ADMIN):
			self.assertLessEqual({u.SCHOOL_A, u.SCHOOL_B}, {row["school"] for row in school_overview()})
		with self.set_user(u.LEADER):
			self.assertEqual([row["school"] for row in school_overview()], [u.SCHOOL_A])
		for user in (u.TEACHER, u.MENTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertEqual(school_overview(), [])

	def test_the_overview_block_is_installed(self):
		block = frappe.get_doc("Custom HTML Block", "Care School Overview")
		self.assertIn("leftbehind_care.api.school_overview", block.script)


class TestPeopleNamedInLinks(u.CareTestCase):
	"""A link to a user (a class's teacher, a record's handler) shows the person's name, not the
	e-mail address the user is named by."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def test_a_form_names_the_teacher(self):
		from frappe.desk.form.load import getdoc

		self.assertTrue(frappe.get_meta("User").show_title_field_in_link)
		care_class = frappe.db.get_value("Left Behind Child", self.children["a1"], "care_class")
		full_name = frappe.db.get_value("User", u.TEACHER, "full_name")
		with self.set_user(u.TEACHER):
			frappe.response.pop("_link_titles", None)
			getdoc("Care Class", care_class)
			titles = frappe.response.pop("_link_titles", {})
		self.assertEqual(titles.get(f"User::{u.TEACHER}"), full_name)
		self.assertNotIn("@", full_name)
