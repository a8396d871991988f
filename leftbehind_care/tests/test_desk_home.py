"""What a care user lands on: the care workspace comes first for every role that works with
children (Frappe opens the first workspace a user may see when none is set)."""

from __future__ import annotations

from frappe.desk.desktop import get_workspace_sidebar_items

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
