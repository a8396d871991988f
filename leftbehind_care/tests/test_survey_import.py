"""The survey (调查摸底) arrives through Frappe's Data Import: each bad row is reported with its row
number, the field and the fix; good rows are imported."""

from __future__ import annotations

import csv
import io
import json

import frappe
from frappe.core.doctype.data_import.exporter import Exporter

from leftbehind_care.tests import utils as u

GUARDIAN_FIELDS = ["guardian_name", "relation", "phone", "capacity", "age"]
CHILD_FIELDS = ["child_name", "id_number", "care_class", "ethnicity", "left_behind_type"]
PARENT_FIELDS = ["relation", "parent_name", "phone", "work_province", "work_place"]


def template(doctype: str, fields: dict) -> list[str]:
	return Exporter(doctype, export_fields=fields, file_type="CSV").get_csv_array()[0]


def run_import(doctype: str, rows: list[list]) -> tuple[frappe._dict, list[frappe._dict]]:
	out = io.StringIO()
	csv.writer(out).writerows(rows)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"survey-{frappe.generate_hash(length=6)}.csv",
			"content": out.getvalue(),
			"is_private": 1,
		}
	).insert()
	data_import = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": "Insert New Records",
			"import_file": file.file_url,
		}
	).insert()
	data_import.start_import()
	data_import.reload()
	logs = frappe.get_all(
		"Data Import Log",
		filters={"data_import": data_import.name},
		fields=["success", "docname", "row_indexes", "messages", "exception"],
		order_by="log_index asc",
	)
	return data_import, logs


class TestSurveyImport(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.school = u.make_school("测试导入小学")
		cls.care_class = u.make_class(cls.school, 2, 1)
		frappe.db.commit()

	@classmethod
	def tearDownClass(cls):
		# The importer commits each row; remove what this test imported.
		for child in frappe.get_all(
			"Left Behind Child", filters={"care_class": cls.care_class}, pluck="name"
		):
			frappe.db.delete("Left Behind Child Parent", {"parent": child})
			frappe.db.delete("Left Behind Child Status Log", {"parent": child})
			frappe.db.delete("Left Behind Child", {"name": child})
		frappe.db.delete("Child Guardian", {"guardian_name": ("like", "导入%")})
		frappe.db.commit()
		super().tearDownClass()

	def test_guardian_template_and_import(self):
		header = template("Child Guardian", {"Child Guardian": GUARDIAN_FIELDS})
		self.assertEqual(
			header, ["Guardian Name", "Relation to Child", "Phone", "Guardianship Capacity", "Age"]
		)
		data_import, logs = run_import(
			"Child Guardian",
			[
				header,
				["导入王奶奶", "Grandmother", "13812345678", "Good", 67],
				["导入李爷爷", "Grandfather", "12345", "Weak", 71],
				["导入赵姑姑", "Aunt", "0370-8261234", "Good", 40],
			],
		)
		self.assertEqual(data_import.status, "Partial Success")
		failed = [log for log in logs if not log.success]
		self.assertEqual(len(failed), 1)
		self.assertEqual(json.loads(failed[0].row_indexes), [3])
		self.assertIn("12345", failed[0].messages)
		self.assertIn("13812345678", failed[0].messages)  # the fix: what a valid number looks like
		self.assertEqual(
			set(
				frappe.get_all(
					"Child Guardian", filters={"guardian_name": ("like", "导入%")}, pluck="guardian_name"
				)
			),
			{"导入王奶奶", "导入赵姑姑"},
		)

	def test_children_with_parents_rows(self):
		header = template(
			"Left Behind Child",
			{"Left Behind Child": CHILD_FIELDS, "parents_away": PARENT_FIELDS},
		)
		self.assertIn("Child Name", header)
		self.assertIn("Relation (Parents Working Away)", header)
		good_id = u.valid_id_number(u.TODAY.replace(day=1, year=u.TODAY.year - 8), 201)
		bad_id = good_id[:17] + ("0" if good_id[17] != "0" else "1")
		parent = ["Father", "导入父亲", "13812345678", "浙江省", "宁波市 建筑工地"]
		data_import, logs = run_import(
			"Left Behind Child",
			[
				header,
				["导入小明", good_id, self.care_class, "汉族", "Both Parents Away", *parent],
				["导入小红", bad_id, self.care_class, "汉族", "Both Parents Away", *parent],
				["导入小刚", "", self.care_class, "回族", "One Parent Away", *parent],
			],
		)
		self.assertEqual(data_import.status, "Partial Success")
		failed = [log for log in logs if not log.success]
		self.assertEqual([json.loads(log.row_indexes) for log in failed], [[3]])
		self.assertIn(bad_id, failed[0].messages)
		self.assertIn("check digit", failed[0].messages)
		imported = frappe.get_all(
			"Left Behind Child", filters={"care_class": self.care_class}, fields=["child_name", "gender"]
		)
		self.assertEqual({r.child_name for r in imported}, {"导入小明", "导入小刚"})
		child = frappe.get_doc("Left Behind Child", {"child_name": "导入小明", "care_class": self.care_class})
		self.assertEqual(child.parents_away[0].work_province, "浙江省")
		self.assertEqual(child.gender, "Male")
