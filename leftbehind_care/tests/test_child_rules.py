"""Each bad input is refused with a clear message, and nothing is written."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_years

from leftbehind_care.core.identity import FEMALE, MALE
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import missing_item_labels
from leftbehind_care.tests import utils as u
from leftbehind_care.utils import class_labels

BIRTH = u.TODAY - datetime.timedelta(days=10 * 365)


class TestChildFile(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		u.make_world()
		cls.school = u.make_school("测试规则小学")
		cls.care_class = u.make_class(cls.school, 4, 1)
		cls.guardian = u.make_guardian().name

	def tearDown(self):
		frappe.set_user("Administrator")

	def assertRefused(self, doc, *fragments: str):
		"""The save fails with a message containing each fragment, and no child is written."""
		before = u.count("Left Behind Child")
		with self.assertRaises(frappe.ValidationError) as ctx:
			doc.insert() if doc.is_new() else doc.save()
		message = str(ctx.exception)
		for fragment in fragments:
			self.assertIn(fragment, message)
		self.assertEqual(u.count("Left Behind Child"), before)
		return message

	def child(self, **fields):
		fields.setdefault("guardians", [self.guardian])
		return u.child_doc(self.care_class, **fields)

	def test_a_complete_file(self):
		number = u.valid_id_number(BIRTH, 11, FEMALE)
		doc = self.child(child_name="王芳", id_number=number.lower()).insert()
		self.assertEqual(doc.id_number, number)
		self.assertEqual(str(doc.birth_date), str(BIRTH))
		self.assertEqual(doc.gender, FEMALE)
		self.assertEqual(doc.school, self.school)
		self.assertEqual(doc.age, 9 if (u.TODAY.month, u.TODAY.day) < (BIRTH.month, BIRTH.day) else 10)
		self.assertEqual(doc.completeness, 100)
		self.assertFalse(doc.missing_items)
		self.assertEqual(doc.search_key, "王芳 wangfang wf")
		self.assertEqual(doc.unsupervised_alert, 0)
		self.assertEqual([row.status for row in doc.status_log], ["Active"])

	def test_invalid_id_numbers(self):
		good = u.valid_id_number(BIRTH, 21)
		bad_check = good[:17] + ("0" if good[17] != "0" else "1")
		self.assertRefused(self.child(child_name="甲", id_number=bad_check), bad_check, "check digit")
		self.assertRefused(self.child(child_name="甲", id_number=good[:10]), "18")

	def test_duplicate_id_number(self):
		number = u.valid_id_number(BIRTH, 31)
		first = self.child(child_name="李雷", id_number=number).insert()
		self.assertRefused(self.child(child_name="李雷雷", id_number=number), number, first.name)

	def test_birth_date_and_gender_may_not_contradict_the_id_number(self):
		number = u.valid_id_number(BIRTH, 41, MALE)
		self.assertRefused(self.child(child_name="乙", id_number=number, gender=FEMALE), "gender")
		self.assertRefused(
			self.child(child_name="乙", id_number=number, birth_date=BIRTH - datetime.timedelta(days=1)),
			"date of birth",
		)

	def test_correcting_the_id_number_takes_birth_date_and_gender_again(self):
		doc = self.child(child_name="秦小川", id_number=u.valid_id_number(BIRTH, 43, MALE)).insert()
		corrected = u.valid_id_number(BIRTH - datetime.timedelta(days=3), 44, FEMALE)
		doc.id_number = corrected
		doc.save()
		self.assertEqual((str(doc.birth_date), doc.gender), (str(BIRTH - datetime.timedelta(days=3)), FEMALE))
		doc.gender = MALE
		self.assertRefused(doc, "gender")

	def test_future_dates(self):
		tomorrow = u.TODAY + datetime.timedelta(days=1)
		self.assertRefused(self.child(child_name="丙", birth_date=tomorrow), "future")
		self.assertRefused(
			self.child(child_name="丙", birth_date=BIRTH, contact_card_issued_on=tomorrow),
			"Contact Card Issued On",
		)

	def test_invalid_phones(self):
		self.assertRefused(self.child(child_name="丁", village_contact_phone="12345"), "12345", "13812345678")
		doc = self.child(child_name="丁")
		doc.parents_away[0].phone = "0000"
		self.assertRefused(doc, "0000", "张大山")

	def test_every_problem_of_a_file_is_refused_in_one_message(self):
		"""A mistyped ID number, a phone and a future date: one message names all three."""
		good = u.valid_id_number(BIRTH, 23)
		bad_check = good[:17] + ("0" if good[17] != "0" else "1")
		doc = self.child(
			child_name="庚",
			id_number=bad_check,
			village_contact_phone="12345",
			left_behind_since=u.TODAY + datetime.timedelta(days=2),
		)
		doc.parents_away[0].phone = "0000"
		self.assertRefused(doc, bad_check, "12345", "0000", "张大山", "Left Behind Since")

	def test_the_form_reads_the_id_number_as_it_is_typed(self):
		"""The form's one call to the core: birth date and gender from a complete ID number, and
		every problem with the field to mark, without saving anything."""
		from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import check_entry

		number = u.valid_id_number(BIRTH, 25, FEMALE)
		before = u.count("Left Behind Child")
		with self.set_user(u.TEACHER):
			draft = self.world_child_draft(id_number=number, village_contact_phone="12345")
			result = check_entry(draft)
		self.assertEqual(result["identity"]["birth_date"], BIRTH)
		self.assertEqual(result["identity"]["gender"], FEMALE)
		self.assertEqual([p["field"] for p in result["problems"]], ["village_contact_phone"])
		self.assertIn("12345", result["message"])
		self.assertEqual(u.count("Left Behind Child"), before)

	def test_only_those_who_may_file_a_child_may_check_one(self):
		from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import check_entry

		draft = self.world_child_draft()
		for user in (u.INSPECTOR, u.MENTOR):
			with self.subTest(user=user), self.set_user(user), self.assertRaises(frappe.PermissionError):
				check_entry(draft)

	def world_child_draft(self, **fields) -> dict:
		"""An unsaved file in the class of the persona teacher, as the form sends it."""
		care_class = frappe.db.get_value("Care Class", {"class_teacher": u.TEACHER}, "name")
		return {**u.child_doc(care_class, "草稿", [], **fields).as_dict(), "__islocal": 1}

	def test_phones_are_stored_in_one_form(self):
		doc = self.child(child_name="戊", village_contact_phone="+86 135-1234-5678").insert()
		self.assertEqual(doc.village_contact_phone, "13512345678")

	def test_a_child_of_16_cannot_be_active(self):
		old = u.TODAY - datetime.timedelta(days=16 * 366)
		self.assertRefused(self.child(child_name="己", birth_date=old), "16", "Aged Out")
		doc = self.child(
			child_name="己",
			birth_date=old,
			status="Aged Out",
			status_date=u.TODAY,
			status_reason="年满16周岁",
		).insert()
		self.assertEqual(doc.unsupervised_alert, 0)

	def test_leaving_needs_a_date_and_a_reason_and_is_logged(self):
		doc = self.child(
			child_name="庚", birth_date=BIRTH, filed_on=u.TODAY - datetime.timedelta(days=30)
		).insert()
		doc.status = "Transferred"
		self.assertRefused(doc, "Status Since")
		doc.reload()
		doc.status, doc.status_date = "Transferred", u.TODAY
		self.assertRefused(doc, "reason")
		doc.reload()
		doc.update({"status": "Transferred", "status_date": u.TODAY, "status_reason": "转学到县城实验小学"})
		doc.save()
		self.assertEqual([row.status for row in doc.status_log], ["Active", "Transferred"])
		self.assertEqual(doc.status_log[-1].reason, "转学到县城实验小学")

	def test_possible_duplicate_without_id_number(self):
		first = self.child(child_name="周八", birth_date=BIRTH).insert()
		self.assertRefused(self.child(child_name="周八", birth_date=BIRTH), first.name, "ID number")
		self.child(child_name="周八", birth_date=BIRTH - datetime.timedelta(days=1)).insert()

	def test_a_class_teacher_files_only_in_their_own_classes(self):
		with self.set_user(u.TEACHER):
			own = frappe.db.get_value("Care Class", {"class_teacher": u.TEACHER})
			# The refusal names classes as people know them, never by their internal names.
			labels = class_labels({self.care_class, own})
			message = self.assertRefused(
				self.child(child_name="吴九", birth_date=BIRTH), labels[self.care_class], labels[own]
			)
			self.assertNotIn(own, message)
			doc = u.child_doc(own, "吴九", birth_date=BIRTH)
			doc.insert()
			self.assertEqual(doc.owner, u.TEACHER)

	def test_class_titles_do_not_depend_on_the_sites_language(self):
		"""Saved with the site in English (or its language left empty): still 3年级(2)班."""
		self.addCleanup(frappe.db.set_default, "lang", frappe.db.get_default("lang"))
		for lang in ("en", None):
			frappe.db.set_default("lang", lang)
			care_class = frappe.get_doc("Care Class", self.care_class)
			care_class.save()
			self.assertEqual(care_class.class_title, f"{care_class.grade}年级({care_class.class_no})班")

	def test_what_a_file_lacks_is_shown_in_the_readers_language(self):
		"""Stored as keys, whatever the site's language; each reader sees labels in their own."""
		self.addCleanup(frappe.db.set_default, "lang", frappe.db.get_default("lang"))
		self.addCleanup(setattr, frappe.local, "lang", frappe.local.lang)
		frappe.db.set_default("lang", "en")
		child = self.child(child_name="冯十二", birth_date=BIRTH, family_economy=None).insert()
		self.assertIn("family_economy", child.missing_items.split(","))
		frappe.local.lang = "zh"
		self.assertIn("家庭经济", missing_item_labels(child.missing_items))
		child.run_method("onload")
		self.assertEqual(child.get_onload().missing_labels, missing_item_labels(child.missing_items))
		frappe.local.lang = "en"
		self.assertIn("Family Economy", missing_item_labels(child.missing_items))

	def test_unsupervised_alert_follows_the_guardians(self):
		nobody = self.child(child_name="郑十", birth_date=BIRTH, guardians=[]).insert()
		self.assertEqual(nobody.unsupervised_alert, 1)
		self.assertIn("guardian", nobody.missing_items.split(","))

		weak = u.make_guardian("郑爷爷", capacity="Weak")
		child = self.child(child_name="郑十一", birth_date=BIRTH, guardians=[weak.name]).insert()
		self.assertEqual(child.unsupervised_alert, 0)

		weak.capacity = "None"
		weak.save()
		self.assertEqual(frappe.db.get_value("Left Behind Child", child.name, "unsupervised_alert"), 1)

	def test_guardian_rules(self):
		self.assertRaises(frappe.ValidationError, u.make_guardian, "坏号码", phone="999")
		number = u.valid_id_number(datetime.date(1960, 5, 1), 55, FEMALE, region="110101")
		guardian = u.make_guardian("陈奶奶", id_number=number, age=None)
		self.assertEqual(guardian.age, u.TODAY.year - 1960 - ((u.TODAY.month, u.TODAY.day) < (5, 1)))
		self.assertRaises(frappe.ValidationError, u.make_guardian, "陈奶奶二", id_number=number)

	def test_classes_keep_their_name_when_they_move_up(self):
		name = u.make_class(self.school, 3, 2)
		entered = u.TODAY.year - 2 if u.TODAY.month >= 9 else u.TODAY.year - 3
		self.assertEqual(name, f"{self.school}-{entered}-2")
		care_class = frappe.get_doc("Care Class", name)
		care_class.grade = 4
		care_class.save()
		self.assertEqual(care_class.name, name)
		# Next year's grade 3 class 2 is another class; two active grade 4 class 2 are refused.
		self.assertEqual(
			u.make_class(self.school, 3, 2, year_of_entry=entered + 1), f"{self.school}-{entered + 1}-2"
		)
		duplicate = frappe.get_doc(
			{"doctype": "Care Class", "school": self.school, "grade": 4, "class_no": 2, "year_of_entry": 2001}
		)
		self.assertRaises(frappe.ValidationError, duplicate.insert)

	def test_classes_and_terms(self):
		self.assertRaises(frappe.ValidationError, u.make_class, self.school, 10, 1)
		self.assertRaises(frappe.ValidationError, u.make_class, self.school, 5, 1, u.INSPECTOR)
		frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试学期一",
				"academic_year": "2090-2091",
				"semester": "First Semester",
				"start_date": "2090-09-01",
				"end_date": "2091-01-20",
			}
		).insert()
		overlapping = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试学期二",
				"academic_year": "2090-2091",
				"semester": "Second Semester",
				"start_date": "2091-01-10",
				"end_date": "2091-07-01",
			}
		)
		self.assertRaises(frappe.ValidationError, overlapping.insert)

	def test_link_search_shows_the_alert(self):
		child = self.child(child_name="冯小雨", birth_date=BIRTH, guardians=[]).insert()
		from frappe.desk.search import search_link

		results = search_link("Left Behind Child", "fxy")
		match = next(r for r in results if r["value"] == child.name)
		self.assertIn("Unsupervised", match["description"])

	def test_ages_follow_birthdays(self):
		from leftbehind_care.tasks import refresh_ages

		child = self.child(child_name="韩小年", birth_date=BIRTH).insert()
		frappe.db.set_value("Left Behind Child", child.name, "age", 3)
		refresh_ages()
		self.assertEqual(frappe.db.get_value("Left Behind Child", child.name, "age"), child.age)

	def test_guardian_changes_reach_the_childrens_rows(self):
		guardian = u.make_guardian("褚奶奶")
		child = self.child(child_name="褚小北", birth_date=BIRTH, guardians=[guardian.name]).insert()
		guardian.update({"phone": "13987654321", "capacity": "Weak"})
		guardian.save()
		row = frappe.db.get_value(
			"Left Behind Child Guardian", {"parent": child.name}, ["phone", "capacity"], as_dict=True
		)
		self.assertEqual((row.phone, row.capacity), ("13987654321", "Weak"))

	def test_children_who_turn_16_are_closed_by_the_daily_job(self):
		from leftbehind_care.tasks import close_aged_out_children

		child = self.child(child_name="蒋十六", birth_date=BIRTH).insert()
		birth = add_years(u.TODAY - datetime.timedelta(days=2), -16)
		frappe.db.set_value("Left Behind Child", child.name, "birth_date", birth)
		sixteenth_birthday = add_years(birth, 16)
		close_aged_out_children()
		child.reload()
		self.assertEqual(child.status, "Aged Out")
		self.assertEqual(str(child.status_date), str(sixteenth_birthday))
		self.assertEqual(child.status_log[-1].status, "Aged Out")
