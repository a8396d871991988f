"""What a care user lands on: 我的学生 for a class teacher and a mentor, the care workspace first
for every other role that works with children, and an inspector's own workspace, with the numbers
of their schools, for an inspector (Frappe opens the first workspace a user may see when none is
set). Frappe's own workspaces stay out of a care user's sidebar."""

from __future__ import annotations

import frappe
from frappe.desk.desktop import get_workspace_sidebar_items

from leftbehind_care import desk
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

	def test_class_teachers_and_mentors_land_on_my_students(self):
		for user, home in ((u.TEACHER, "my-students"), (u.MENTOR, "my-students"), (u.LEADER, "Workspaces")):
			with self.subTest(user=user), self.set_user(user):
				boot = frappe._dict(home_page="Workspaces", docs=[])
				desk.boot_desk(boot)
				self.assertEqual(boot.home_page, home)
				# The page comes with the boot, as Frappe's own home page does.
				self.assertEqual([d.name for d in boot.docs], [home] if home != "Workspaces" else [])
		# The app's desk styles know care staff (no "+ 新" workspace button) from the boot.
		self.assertTrue(boot.lbc_care_staff)
		# A site still in its setup wizard keeps the wizard.
		with self.set_user(u.TEACHER):
			boot = frappe._dict(home_page="setup-wizard", docs=[])
			desk.boot_desk(boot)
		self.assertEqual(boot.home_page, "setup-wizard")

	def test_frappes_own_workspaces_stay_out_of_care_users_sidebars(self):
		for user in (u.ADMIN, u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user):
				self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)
				with self.set_user(user):
					modules = {p.get("module") for p in get_workspace_sidebar_items()["pages"]}
				self.assertEqual(modules, {"Leftbehind Care"})

	def test_a_care_role_given_later_brings_the_profile_and_site_keepers_keep_the_desk(self):
		user = u.make_user("lbc-desk-later@test.invalid")
		self.assertFalse(frappe.db.get_value("User", user, "module_profile"))
		frappe.get_doc("User", user).add_roles("Care Counselor")
		doc = frappe.get_doc("User", user)
		self.assertEqual(doc.module_profile, desk.MODULE_PROFILE)
		self.assertIn("Core", {row.module for row in doc.block_modules})
		self.assertNotIn("Leftbehind Care", {row.module for row in doc.block_modules})
		# A site keeper among the care users keeps Frappe's desk.
		keeper = u.make_user("lbc-desk-keeper@test.invalid", "System Manager", "Care Administrator")
		self.assertFalse(frappe.db.get_value("User", keeper, "module_profile"))
		# Migrating keeps the profile current and gives it to care users who had none.
		frappe.db.set_value("User", user, "module_profile", None)
		frappe.db.delete("Block Module", {"parent": user})
		desk.ensure_module_profile()
		self.assertEqual(frappe.db.get_value("User", user, "module_profile"), desk.MODULE_PROFILE)
		self.assertTrue(frappe.db.exists("Block Module", {"parent": user, "module": "Core"}))
		self.assertFalse(frappe.db.get_value("User", keeper, "module_profile"))

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
