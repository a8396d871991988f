"""Who may read which child, on every path: a table of personas and the children they see."""

from __future__ import annotations

import frappe
from frappe.desk.search import search_link

from leftbehind_care.tests import utils as u

SEES = u.SEES


class TestChildScoping(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		cls.names = {name: key for key, name in cls.children.items()}

	def tearDown(self):
		frappe.set_user("Administrator")

	def readable(self, doctype: str) -> list[str]:
		"""Names a user lists; a role with no read right on the DocType lists nothing."""
		try:
			return frappe.get_list(doctype, pluck="name", limit_page_length=0)
		except frappe.PermissionError:
			return []

	def visible(self, names) -> set[str]:
		return {self.names[n] for n in names if n in self.names}

	def test_list(self):
		for user, expected in SEES.items():
			with self.subTest(user=user), self.set_user(user):
				self.assertEqual(self.visible(self.readable("Left Behind Child")), expected)

	def test_form_print_and_document_checks(self):
		for user, expected in SEES.items():
			for key, name in self.children.items():
				with self.subTest(user=user, child=key), self.set_user(user):
					doc = frappe.get_doc("Left Behind Child", name)
					for ptype in ("read", "print"):
						self.assertEqual(
							frappe.has_permission("Left Behind Child", ptype, doc), key in expected
						)
					if key in expected:
						doc.check_permission("read")
					else:
						self.assertRaises(frappe.PermissionError, doc.check_permission, "read")

	def test_link_search(self):
		# Each world child has a unique name; search it by its pinyin initials.
		initials = {
			key: frappe.db.get_value("Left Behind Child", name, "search_key").split()[-1]
			for key, name in self.children.items()
		}
		for user, expected in SEES.items():
			for key, text in initials.items():
				with self.subTest(user=user, child=key), self.set_user(user):
					try:
						found = {r["value"] for r in search_link("Left Behind Child", text, page_length=100)}
					except frappe.PermissionError:
						found = set()
					self.assertEqual(self.children[key] in found, key in expected)

	def test_pinyin_initials_find_the_child(self):
		with self.set_user(u.TEACHER):
			results = search_link("Left Behind Child", "zxm")
			self.assertEqual([r["value"] for r in results], [self.children["a1"]])
			self.assertEqual(search_link("Left Behind Child", "qxh"), [])  # 钱小红 is in another class
		with self.set_user(u.ADMIN):
			names = frappe.get_list(
				"Left Behind Child", filters={"search_key": ("like", "%zhaoxiaoming%")}, pluck="name"
			)
			self.assertEqual(names, [self.children["a1"]])

	def test_search_text_starting_with_s(self):
		"""孙小刚 (sunxiaogang, sxg): on SQLite a LIKE pattern written into the SQL text ('%sun%')
		breaks; the app's searches pass it as a parameter."""
		from leftbehind_care.api import find_children

		b1 = self.children["b1"]
		with self.set_user(u.ADMIN):
			for text in ("sxg", "sunxiao", "孙小刚"):
				self.assertIn(b1, [r["value"] for r in search_link("Left Behind Child", text)], text)
				self.assertIn(b1, find_children(text), text)
		with self.set_user(u.TEACHER):
			self.assertEqual(find_children("sunxiao"), [])
			self.assertEqual(find_children("zxm"), [self.children["a1"]])
		# A filter on a field the mentor may not read is refused, as in every list (link search
		# shows the refusal and returns nothing).
		frappe.local.message_log = []
		with self.set_user(u.MENTOR):
			self.assertEqual(
				search_link("Left Behind Child", "s", filters={"id_number": ("like", "41%")}), []
			)
		self.assertIn(frappe._("Field Not Allowed"), str(frappe.local.message_log))

	def test_report_view(self):
		from frappe.desk.reportview import get

		for user, expected in SEES.items():
			with self.subTest(user=user), self.set_user(user):
				frappe.local.form_dict = frappe._dict(
					doctype="Left Behind Child", fields=["name"], limit_page_length=0
				)
				try:
					result = get()
					rows = result["values"] if result else []
				except frappe.PermissionError:
					rows = []
				self.assertEqual(self.visible(row[0] for row in rows), expected)

	def test_rest_api(self):
		for user, expected in SEES.items():
			if user == "Administrator":
				continue
			with self.subTest(user=user):
				client = u.RestClient(user)
				status, body = client.get_json(
					"/api/resource/Left Behind Child", fields=["name"], limit_page_length=0
				)
				listed = self.visible(row["name"] for row in body.get("data", [])) if status == 200 else set()
				self.assertEqual(listed, expected)
				status, body = client.get_json(
					"/api/method/frappe.client.get_list", doctype="Left Behind Child", limit_page_length=0
				)
				listed = (
					self.visible(row["name"] for row in body.get("message", [])) if status == 200 else set()
				)
				self.assertEqual(listed, expected)
				for key, name in self.children.items():
					status, body = client.get_json(f"/api/resource/Left Behind Child/{name}")
					self.assertEqual(status == 200, key in expected, (user, key, status))
					if status == 200:
						self.assertEqual(body["data"]["name"], name)
					status, body = client.get_json(
						"/api/method/frappe.client.get_value",
						doctype="Left Behind Child",
						fieldname="child_name",
						filters={"name": name},
					)
					self.assertEqual(
						bool(status == 200 and body.get("message")), key in expected, (user, key)
					)
					status, _body = client.get_json(
						"/api/method/frappe.client.get", doctype="Left Behind Child", name=name
					)
					self.assertEqual(status == 200, key in expected, (user, key, status))
					status, _body = client.get_json(
						"/printview", doctype="Left Behind Child", name=name, format="Contact Card"
					)
					self.assertEqual(status == 200, key in expected, (user, key, status))

	def test_sensitive_fields_are_stripped_for_mentors_and_present_for_teachers(self):
		name = self.children["a1"]
		frappe.db.set_value(
			"Left Behind Child", name, "id_number", u.valid_id_number(u.TODAY.replace(day=1, year=2016), 337)
		)
		with self.set_user(u.TEACHER):
			doc = frappe.get_doc("Left Behind Child", name)
			doc.apply_fieldlevel_read_permissions()
			self.assertTrue(doc.id_number)
			self.assertTrue(doc.health_status)
		# A mentor paired with the child reads it at permlevel 0 only: what Frappe sends them
		# (form, REST, get_list fields) has the sensitive values removed.
		with self.set_user(u.MENTOR):
			doc = frappe.get_doc("Left Behind Child", name)
			doc.apply_fieldlevel_read_permissions()
			self.assertEqual(doc.child_name, "赵小明")
			for field in ("id_number", "health_status", "family_economy", "is_dibao", "health_notes"):
				self.assertFalse(doc.get(field), field)
		mentor_levels = frappe.get_meta("Left Behind Child").get_permlevel_access("read", user=u.MENTOR)
		self.assertEqual(mentor_levels, [0])
		inspector_levels = frappe.get_meta("Left Behind Child").get_permlevel_access("read", user=u.INSPECTOR)
		self.assertEqual(inspector_levels, [])
		frappe.db.rollback()

	def test_guardians_follow_their_children(self):
		guardian_of = {
			key: frappe.db.get_value("Left Behind Child Guardian", {"parent": name}, "guardian")
			for key, name in self.children.items()
		}
		for user, expected in SEES.items():
			with self.subTest(user=user), self.set_user(user):
				listed = set(self.readable("Child Guardian"))
				for key, guardian in guardian_of.items():
					self.assertEqual(guardian in listed, key in expected, (user, key))
					doc = frappe.get_doc("Child Guardian", guardian)
					self.assertEqual(frappe.has_permission("Child Guardian", "read", doc), key in expected)

	def test_nobody_deletes_a_child(self):
		for user in SEES:
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(
					(frappe.PermissionError, frappe.ValidationError),
					frappe.delete_doc,
					"Left Behind Child",
					self.children["a1"],
				)
		self.assertTrue(frappe.db.exists("Left Behind Child", self.children["a1"]))

	def test_class_picker_offers_the_classes_a_user_may_file_in(self):
		from leftbehind_care.api import search_filing_classes

		school_a = set(frappe.get_all("Care Class", filters={"school": u.SCHOOL_A}, pluck="name"))
		expected = {
			u.TEACHER: {frappe.db.get_value("Left Behind Child", self.children["a1"], "care_class")},
			u.LEADER: school_a,
			u.MENTOR: set(),
			u.INSPECTOR: set(),
		}
		for user, classes in expected.items():
			with self.subTest(user=user), self.set_user(user):
				rows = search_filing_classes("Care Class", "", "name", 0, 100, {})
				self.assertEqual({row[0] for row in rows}, classes)

	def test_number_cards_count_within_scope(self):
		from frappe.desk.doctype.number_card.number_card import get_result

		card = frappe.get_doc("Number Card", "Active Left-Behind Children")
		with self.set_user(u.TEACHER):
			teacher_count = get_result(card.as_dict(), card.filters_json)
		with self.set_user(u.ADMIN):
			admin_count = get_result(card.as_dict(), card.filters_json)
		visible_active = frappe.db.count(
			"Left Behind Child",
			{
				"status": "Active",
				"care_class": frappe.db.get_value("Left Behind Child", self.children["a1"], "care_class"),
			},
		)
		self.assertEqual(teacher_count, visible_active)
		self.assertEqual(admin_count, frappe.db.count("Left Behind Child", {"status": "Active"}))
