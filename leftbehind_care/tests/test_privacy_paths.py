"""One test per path the privacy issue closed: each one read or changed a child outside the
user's scope before. The audit (test_privacy_audit) finds the next such path by itself."""

from __future__ import annotations

import json

import frappe

from leftbehind_care import privacy
from leftbehind_care.permissions import CHILD_TABLES
from leftbehind_care.tests import utils as u
from leftbehind_care.utils import class_labels

CHILD = "Left Behind Child"
SEES = {user: keys for user, keys in u.SEES.items() if user != "Administrator"}


class TestClosedPaths(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		cls.key_of = {name: key for key, name in cls.children.items()}
		cls.own_class = frappe.db.get_value(CHILD, cls.children["a1"], "care_class")
		cls.b1 = frappe.get_doc(CHILD, cls.children["b1"])

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def keys(self, names) -> set[str]:
		return {self.key_of[n] for n in names if n in self.key_of}

	# ---- refusals read as one sentence

	def test_opening_a_child_outside_the_care_is_refused_in_one_sentence(self):
		status, body = u.RestClient(u.TEACHER).get_json(
			"/api/method/frappe.desk.form.load.getdoc", doctype=CHILD, name=self.children["b1"]
		)
		self.assertEqual(status, 403)
		self.assertIn(
			"不在您负责的儿童和记录之中，不能打开", body.get("_error_message", "")
		)  # a Chinese user
		# Frappe's own lines (its internal check, the user's login) are not added to it, nor
		# its Python traceback (which the desk prints into the browser's console).
		self.assertNotIn("_server_messages", body)
		self.assertNotIn(self.b1.child_name, json.dumps(body, ensure_ascii=False))
		self.assertNotIn("Traceback", json.dumps(body))
		self.assertNotIn("_debug_messages", body)

	def test_an_address_of_records_the_user_may_not_open_is_refused_in_one_sentence(self):
		# An inspector sees numbers, never a child: the children's list address (or a child's)
		# is refused as the form is, not as a page "left-behind-child" that was not found.
		status, body = u.RestClient(u.INSPECTOR).get_json(
			"/api/method/frappe.desk.desk_page.getpage", name="left-behind-child"
		)
		self.assertEqual(status, 403)
		self.assertIn("不在您负责的儿童和记录之中，不能打开", body.get("_error_message", ""))
		self.assertNotIn("left-behind-child", json.dumps(body, ensure_ascii=False))
		self.assertNotIn("Traceback", json.dumps(body))
		# A page that does not exist is still one that does not exist; a real one still loads.
		status, body = u.RestClient(u.INSPECTOR).get_json(
			"/api/method/frappe.desk.desk_page.getpage", name="no-such-page"
		)
		self.assertIn(status, (403, 404))
		self.assertNotIn("不在您负责", body.get("_error_message", ""))
		# A report of the app: Frappe v15 asks for its script first, v16 for its report page.
		client = u.RestClient(u.INSPECTOR)
		status, body = client.get_json(
			"/api/method/frappe.desk.query_report.get_script", report_name="Child Register"
		)
		self.assertEqual(status, 403)
		self.assertIn("留守儿童花名册 不在您负责的儿童和记录之中", body.get("_error_message", ""))
		status, body = client.get_json("/api/method/frappe.desk.desk_page.getpage", name="query-report")
		if status != 200:
			self.assertIn("不在您负责的儿童和记录之中", body.get("_error_message", ""))
		status, body = u.RestClient(u.TEACHER).get_json(
			"/api/method/frappe.desk.desk_page.getpage", name="my-students"
		)
		self.assertEqual(status, 200)
		self.assertEqual(body["docs"][0]["name"], "my-students")

	def test_printing_a_child_outside_the_care_is_refused_in_one_sentence(self):
		client = u.RestClient(u.TEACHER)
		for print_format in ("Child File", "Contact Card"):
			for name in (self.children["b1"], "LBC-1999-99999"):
				with self.subTest(print_format=print_format, name=name):
					response = client.request(
						"get",
						"/printview",
						query_string={"doctype": CHILD, "name": name, "format": print_format},
					)
					text = response.get_data(as_text=True)
					self.assertEqual(response.status_code, 403)
					self.assertIn("不在您负责的儿童和记录之中，不能打印", text)
					self.assertNotIn("Traceback", text)
					self.assertNotIn(self.b1.child_name, text)
		# What the address names is shown as text, never run as markup.
		response = client.request(
			"get",
			"/printview",
			query_string={"doctype": CHILD, "name": "<script>alert(1)</script>", "format": "Child File"},
		)
		self.assertNotIn("<script>alert(1)</script>", response.get_data(as_text=True))
		self.assertIn("&lt;script&gt;", response.get_data(as_text=True))
		# The teacher's own child prints.
		response = client.request(
			"get",
			"/printview",
			query_string={"doctype": CHILD, "name": self.children["a1"], "format": "Child File"},
		)
		self.assertEqual(response.status_code, 200)

	# ---- rows of a child's file read on their own

	def test_child_table_rows_follow_their_child(self):
		for user, expected in SEES.items():
			for table in CHILD_TABLES:
				with self.subTest(user=user, table=table), self.set_user(user):
					try:
						rows = frappe.get_list(
							table, parent_doctype=CHILD, fields=["parent"], limit_page_length=0
						)
					except frappe.PermissionError:
						rows = []
					self.assertEqual(self.keys(r.parent for r in rows), expected)

	def test_child_table_rows_over_rest(self):
		for user, expected in SEES.items():
			client = u.RestClient(user)
			with self.subTest(user=user):
				status, body = client.get_json(
					"/api/resource/Left Behind Child Parent",
					parent=CHILD,
					fields=["parent", "parent_name", "phone"],
					limit_page_length=0,
				)
				rows = body.get("data", []) if status == 200 else []
				self.assertEqual(self.keys(r["parent"] for r in rows), expected)
				if "b1" not in expected:
					self.assertNotIn("13955550003", json.dumps(body))

	def test_a_row_read_by_name_answers_for_its_child(self):
		row = self.b1.parents_away[0].name
		with self.set_user(u.TEACHER):
			self.assertRaises(
				frappe.PermissionError,
				privacy.get,
				"Left Behind Child Parent",
				name=row,
				parent=CHILD,
			)
			self.assertEqual(
				privacy.has_permission("Left Behind Child Parent", row), {"has_permission": False}
			)
		with self.set_user(u.LEADER):
			own_row = frappe.get_doc(CHILD, self.children["a2"]).parents_away[0].name
			self.assertEqual(
				privacy.get("Left Behind Child Parent", name=own_row, parent=CHILD)["name"], own_row
			)

	# ---- counts, lookups and titles

	def test_counts_stay_within_scope(self):
		schools = {"school": ["in", [u.SCHOOL_A, u.SCHOOL_B]]}
		for user, expected in SEES.items():
			with self.subTest(user=user):
				status, body = u.RestClient(user).get_json(
					"/api/method/frappe.client.get_count", doctype=CHILD, filters=schools
				)
				self.assertEqual(body.get("message", 0) if status == 200 else 0, len(expected))

	def test_a_count_is_no_oracle_for_an_inspector(self):
		with self.set_user(u.INSPECTOR):
			self.assertRaises(frappe.PermissionError, privacy.get_count, CHILD, {"name": self.b1.name})
			self.assertRaises(frappe.PermissionError, privacy.get_count, CHILD, {"id_number": "x"})

	def test_validate_link_answers_as_if_not_on_file(self):
		with self.set_user(u.TEACHER):
			self.assertEqual(privacy.validate_link(CHILD, self.b1.name), {"name": None})
			self.assertEqual(privacy.validate_link(CHILD, "LBC-NOT-ON-FILE"), {"name": None})
			self.assertEqual(privacy.validate_link(CHILD, self.children["a1"])["name"], self.children["a1"])
			guardian = self.b1.guardians[0].guardian
			self.assertEqual(privacy.validate_link("Child Guardian", guardian), {"name": None})

	def test_get_by_filters_finds_only_within_scope(self):
		with self.set_user(u.TEACHER):
			with self.assertRaises(frappe.DoesNotExistError):
				privacy.get(CHILD, filters={"name": self.b1.name})
			with self.assertRaises(frappe.DoesNotExistError):
				privacy.get(CHILD, filters={"address": u.CANARIES["b1"]["address"]})
			self.assertEqual(
				privacy.get(CHILD, filters={"name": self.children["a1"]})["child_name"], "赵小明"
			)

	def test_link_titles_only_for_readable_children(self):
		with self.set_user(u.TEACHER):
			self.assertIsNone(privacy.get_link_title(CHILD, self.b1.name))
			self.assertEqual(privacy.get_link_title(CHILD, self.children["a1"]), "赵小明")

	def test_assigned_to_counts_only_readable_children(self):
		frappe.get_doc(
			{
				"doctype": "ToDo",
				"allocated_to": u.TEACHER,
				"reference_type": CHILD,
				"reference_name": self.b1.name,
				"description": "审计",
			}
		).insert(ignore_permissions=True)
		with self.set_user(u.TEACHER):
			counts = privacy.get_group_by_count(CHILD, "{}", "assigned_to")
		self.assertEqual(counts, [])

	def test_workflow_state_counts_only_readable_children(self):
		with self.set_user(u.TEACHER):
			rows = privacy.get_workflow_state_count(CHILD, "child_name", "[]")
		self.assertEqual([r["child_name"] for r in rows], ["赵小明"])

	def test_likes_only_on_readable_records(self):
		with self.set_user(u.TEACHER):
			self.assertRaises(frappe.PermissionError, privacy.toggle_like, CHILD, self.b1.name, "Yes")
		self.assertFalse(frappe.db.get_value(CHILD, self.b1.name, "_liked_by"))

	# ---- fields above the user's permlevel

	def test_filters_on_hidden_fields_are_refused_on_every_list_path(self):
		from frappe.desk.reportview import get as reportview_get

		with self.set_user(u.MENTOR):
			for call in (
				lambda: frappe.get_list(CHILD, filters={"id_number": "411421201601011234"}),
				lambda: frappe.get_list(CHILD, or_filters=[["health_status", "=", "Healthy"]]),
				lambda: frappe.get_list(CHILD, order_by="family_economy desc"),
				lambda: frappe.get_list(CHILD, fields=["count(*) as n"], group_by="health_status"),
				lambda: frappe.get_list("Child Guardian", filters={"id_number": "x"}),
				lambda: privacy.get_count(CHILD, {"id_number": "x"}),
				lambda: privacy.get_group_by_count(CHILD, "{}", "health_status"),
				lambda: privacy.get_workflow_state_count(CHILD, "id_number", "[]"),
			):
				with self.assertRaises(frappe.PermissionError) as ctx:
					call()
				self.assertIn("may not filter", str(ctx.exception))
			frappe.local.form_dict = frappe._dict(
				doctype=CHILD, fields=["`tabLeft Behind Child`.`name`"], filters={"id_number": "x"}
			)
			self.assertRaises(frappe.PermissionError, reportview_get)
		# A role that reads the field filters by it.
		with self.set_user(u.COUNSELOR):
			self.assertEqual(frappe.get_list(CHILD, filters={"id_number": "411421201601011234"}), [])

	def test_hidden_field_filter_over_rest_is_a_clear_refusal(self):
		status, body = u.RestClient(u.MENTOR).get_json(
			"/api/resource/Left Behind Child", filters={"id_number": "411421201601011234"}
		)
		self.assertEqual(status, 403)
		self.assertIn("身份号码", u.messages_of(body))  # the mentor's language is zh
		self.assertNotIn("Traceback", json.dumps(body))

	# ---- writes that would take a child over

	def test_a_teacher_cannot_pull_another_schools_child_into_their_class(self):
		before = frappe.db.get_value(CHILD, self.b1.name, ["care_class", "modified"])
		client = u.RestClient(u.TEACHER)
		response = client.request(
			"put", f"/api/resource/{CHILD}/{self.b1.name}", json={"care_class": self.own_class}
		)
		self.assertEqual(response.status_code, 403)
		self.assertNotIn("孙小刚", response.get_data(as_text=True))
		status, _body = client.send_json(
			"post",
			"/api/method/frappe.client.set_value",
			doctype=CHILD,
			name=self.b1.name,
			fieldname="care_class",
			value=self.own_class,
		)
		self.assertEqual(status, 403)
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(CHILD, self.b1.name, ["care_class", "modified"]), before)

	def test_a_leader_cannot_move_a_child_out_of_reach_or_into_their_school(self):
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(CHILD, self.b1.name)
			doc.care_class = self.own_class
			self.assertRaises(frappe.PermissionError, doc.save)
			own = frappe.get_doc(CHILD, self.children["a2"])
			own.care_class = self.b1.care_class
			with self.assertRaises(frappe.ValidationError) as ctx:
				own.save()
			# Named as people know the class (school and 4年级(1)班), not by its internal name.
			self.assertIn(class_labels({self.b1.care_class})[self.b1.care_class], str(ctx.exception))

	def test_a_guardian_of_another_school_cannot_be_linked(self):
		foreign = self.b1.guardians[0].guardian
		with self.set_user(u.TEACHER):
			doc = frappe.get_doc(CHILD, self.children["a1"])
			doc.append("guardians", {"guardian": foreign})
			with self.assertRaises(frappe.ValidationError) as ctx:
				doc.save()
			self.assertIn(foreign, str(ctx.exception))
			self.assertNotIn(u.CANARIES["b1"]["guardian_phone"], str(ctx.exception))
		self.assertEqual(len(frappe.get_doc(CHILD, self.children["a1"]).guardians), 1)

	def test_classes_of_another_school_are_not_a_leaders_to_change(self):
		with self.set_user(u.LEADER):
			other = frappe.get_doc("Care Class", self.b1.care_class)
			other.class_teacher_phone = "13900000000"
			self.assertRaises(frappe.PermissionError, other.save)
			new = frappe.get_doc({"doctype": "Care Class", "school": u.SCHOOL_B, "grade": 6, "class_no": 9})
			with self.assertRaises(frappe.ValidationError) as ctx:
				new.insert()
			self.assertIn(u.SCHOOL_B, str(ctx.exception))
			own = frappe.get_doc("Care Class", self.own_class)
			own.class_teacher_phone = "13911112222"
			own.save()

	def test_an_upload_to_another_schools_child_is_refused(self):
		files_before = frappe.db.count("File", {"attached_to_name": self.b1.name})
		client = u.RestClient(u.TEACHER)
		response = client.request(
			"post",
			"/api/method/upload_file",
			data={
				"doctype": CHILD,
				"docname": self.b1.name,
				"is_private": "1",
				"file_name": "审计.txt",
				"file": (__import__("io").BytesIO("审计".encode()), "审计.txt"),
			},
			content_type="multipart/form-data",
		)
		self.assertNotEqual(response.status_code, 200)
		frappe.db.rollback()
		self.assertEqual(frappe.db.count("File", {"attached_to_name": self.b1.name}), files_before)

	def test_a_print_of_a_crafted_file_shows_no_foreign_guardian(self):
		from frappe.www.printview import get_html_and_style

		crafted = frappe.get_doc(CHILD, self.children["a1"]).as_dict()
		crafted["guardians"] = [
			{"guardian": self.b1.guardians[0].guardian, "doctype": "Left Behind Child Guardian"}
		]
		with self.set_user(u.TEACHER):
			html = get_html_and_style(json.dumps(crafted, default=str), print_format="Contact Card")["html"]
		self.assertIn("赵小明", html)
		self.assertNotIn(u.CANARIES["b1"]["guardian_phone"], html)

	def test_a_duplicate_elsewhere_is_not_named(self):
		number = u.valid_id_number(u.TODAY.replace(year=1960, month=5, day=1), 731, region="110101")
		other = u.make_guardian("审计外校奶奶", id_number=number)
		with self.set_user(u.TEACHER):
			with self.assertRaises(frappe.ValidationError) as ctx:
				u.make_guardian("审计重复奶奶", id_number=number)
		self.assertNotIn(other.name, str(ctx.exception))
		self.assertIn(number, str(ctx.exception))
