"""Who read whose file: prints, exports and REST reads of a child leave an Access Log entry, and
the county administrator reads them in the Child File Access report."""

from __future__ import annotations

import frappe

from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"


class TestAccessLog(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		cls.a1 = cls.children["a1"]

	def tearDown(self):
		frappe.set_user("Administrator")

	def entries(self, user: str, **filters) -> list[dict]:
		frappe.db.rollback()  # see what the requests committed
		return frappe.get_all(
			"Access Log",
			filters={"user": user, "export_from": CHILD, **filters},
			fields=["reference_document", "method", "report_name", "file_type"],
			order_by="creation desc",
		)

	def test_printing_a_file_is_logged_with_its_format(self):
		with self.set_user(u.TEACHER):
			frappe.get_print(CHILD, self.a1, "Contact Card")
		logged = frappe.get_all(
			"Access Log",
			filters={"user": u.TEACHER, "reference_document": self.a1, "method": "Print"},
			fields=["report_name", "file_type"],
		)
		self.assertIn({"report_name": "Contact Card", "file_type": "HTML"}, logged)

	def test_reading_a_file_over_rest_is_logged_and_a_refused_read_is_not(self):
		before = len(self.entries(u.TEACHER, method="REST"))
		client = u.RestClient(u.TEACHER)
		status, _body = client.get_json(f"/api/resource/{CHILD}/{self.a1}")
		self.assertEqual(status, 200)
		status, _body = client.get_json(f"/api/resource/{CHILD}/{self.children['b1']}")
		self.assertEqual(status, 403)
		status, _body = client.get_json(
			"/api/method/frappe.desk.form.load.getdoc", doctype=CHILD, name=self.a1
		)
		self.assertEqual(status, 200)
		rest = self.entries(u.TEACHER, method="REST")
		self.assertEqual(len(rest), before + 1)
		self.assertEqual(rest[0].reference_document, self.a1)
		self.assertEqual(self.entries(u.TEACHER, method="Form")[0].reference_document, self.a1)
		self.assertEqual(self.entries(u.TEACHER, reference_document=self.children["b1"], method="REST"), [])

	def export_register(self, file_format: str, lang: str = "en") -> None:
		"""A school leader exports the register from the report's menu, reading `lang`."""
		from leftbehind_care import privacy

		with self.set_user(u.LEADER):
			frappe.local.form_dict = frappe._dict(
				report_name="Child Register",
				file_format_type=file_format,
				filters=frappe.as_json({"status": "Active"}),
				visible_idx="[]",
			)
			frappe.local.lang = lang
			try:
				privacy.export_report()
			finally:
				frappe.local.lang = "en"

	def test_exporting_the_register_is_logged(self):
		self.export_register("CSV")
		logged = frappe.get_all(
			"Access Log",
			filters={"user": u.LEADER, "report_name": "Child Register", "method": "Export"},
			fields=["file_type", "export_from"],
		)
		self.assertIn({"file_type": "CSV", "export_from": CHILD}, logged)

	def test_an_exported_register_says_yes_and_no_in_words(self):
		from io import BytesIO

		from openpyxl import load_workbook

		self.export_register("Excel", lang="zh")
		sheet = load_workbook(BytesIO(frappe.response.filecontent)).active
		rows = list(sheet.iter_rows(values_only=True))
		column = rows[0].index(frappe._("Unsupervised Child Alert", lang="zh"))
		values = {row[column] for row in rows[1:]}
		self.assertTrue(values)
		self.assertLessEqual(values, {"是", "否"})
		self.assertFalse(frappe.flags.lbc_exporting)

	def test_the_administrator_sees_who_read_whose_file(self):
		from frappe.core.doctype.access_log.access_log import make_access_log
		from frappe.desk.query_report import run

		with self.set_user(u.TEACHER):
			frappe.get_print(CHILD, self.a1, "Child File")
			# What Frappe's print view logs of every print, HTML or not.
			make_access_log(doctype=CHILD, document=self.a1, file_type="PDF", method="Print")
		today = frappe.utils.nowdate()
		with self.set_user(u.ADMIN):
			result = run("Child File Access", {"from_date": today, "to_date": today, "child": self.a1})
		rows = [r for r in result["result"] if r["user"] == u.TEACHER]
		# Each reader by name, as a person reads the list, not by their login.
		teacher_name = frappe.db.get_value("User", u.TEACHER, "full_name")
		self.assertEqual({r["user_name"] for r in rows}, {teacher_name})
		self.assertNotIn("user", [c["fieldname"] for c in result["columns"]])
		self.assertTrue(any(r["report_name"] == "Child File" and r["record_name"] == "赵小明" for r in rows))
		self.assertFalse(
			[r for r in rows if r["file_type"] == "PDF" and not r["report_name"]],
			"an HTML print listed as a PDF",
		)
		for user in (u.TEACHER, u.LEADER, u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(
					frappe.PermissionError, run, "Child File Access", {"from_date": today, "to_date": today}
				)
