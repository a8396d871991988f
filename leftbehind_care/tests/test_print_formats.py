"""The two print formats of a child's file render through Frappe's print path, show whom to call,
and keep the permlevel-1 fields (ID number, health, family economy) for those who may read them.

Frappe hands a Jinja print format the whole document, permlevel-1 values included (only the
"Standard" layout drops fields the user may not read), so the Child File template checks
`doc.has_permlevel_access_to(...)` itself; these tests render it as users with and without
that access.
"""

from __future__ import annotations

import datetime

import frappe

from leftbehind_care.core import scope as roles
from leftbehind_care.core.identity import FEMALE
from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
SCHOOL = "打印测试中心小学"
TEACHER = "lbc-print-teacher@test.invalid"
MENTOR = "lbc-print-mentor@test.invalid"

SCHOOL_PHONE = "0370-8267788"
CLASS_TEACHER_PHONE = "13911112222"
SUBJECT_TEACHER_PHONE = "13722223333"
PARENT_PHONE = "13833334444"
GUARDIAN_PHONE = "15844445555"
VILLAGE_PHONE = "13555556666"
WORKPLACE = "义乌市 小商品城"
ID_NUMBER = u.valid_id_number(datetime.date(2015, 3, 8), sequence=731, gender=FEMALE)
HEALTH_NOTE = "轻度近视已配镜"
ECONOMY_NOTE = "父母务工收入不稳定"
ALERT = 'class="lbc-alert"'  # the markup of the red alert; the print style also names the class


def render(name: str, print_format: str) -> str:
	return frappe.get_print(CHILD, name, print_format)


class TestPrintFormats(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		u.make_user(TEACHER, roles.CLASS_TEACHER, first_name="周老师")
		u.make_user(MENTOR, roles.MENTOR, first_name="吴老师")
		school = u.make_school(SCHOOL, phone=SCHOOL_PHONE)
		care_class = u.make_class(
			school,
			5,
			3,
			TEACHER,
			class_teacher_phone=CLASS_TEACHER_PHONE,
			subject_teachers=[{"teacher_name": "郑老师", "subject": "语文", "phone": SUBJECT_TEACHER_PHONE}],
		)
		cls.guardian = u.make_guardian("欧阳桂兰", phone=GUARDIAN_PHONE, capacity="Good")
		cls.child = u.child_doc(
			care_class,
			"欧阳小雨",
			[cls.guardian.name],
			id_number=ID_NUMBER,
			village_contact_phone=VILLAGE_PHONE,
			parents_away=[
				{
					"relation": "Mother",
					"parent_name": "欧阳娟",
					"phone": PARENT_PHONE,
					"work_province": "浙江省",
					"work_place": WORKPLACE,
					"home_frequency": "Twice a Year",
				}
			],
			health_notes=HEALTH_NOTE,
			family_economy="Hardship",
			economy_notes=ECONOMY_NOTE,
		).insert()
		# No guardian at all: a child living alone raises the unsupervised alert.
		cls.alone = u.child_doc(care_class, "欧阳小风", [], birth_date=datetime.date(2016, 5, 1)).insert()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.flags.ignore_print_permissions = False

	def test_formats_are_installed_as_standard_jinja_formats(self):
		for name in ("Contact Card", "Child File"):
			with self.subTest(print_format=name):
				fmt = frappe.db.get_value(
					"Print Format",
					name,
					["doc_type", "module", "standard", "custom_format", "print_format_type", "disabled"],
					as_dict=True,
				)
				self.assertEqual(
					fmt,
					{
						"doc_type": CHILD,
						"module": "Leftbehind Care",
						"standard": "Yes",
						"custom_format": 1,
						"print_format_type": "Jinja",
						"disabled": 0,
					},
				)

	def test_the_child_file_is_what_print_opens_and_format_names_are_translated(self):
		"""Print and Ctrl+P open the Child File, not Frappe's Standard layout; the format picker
		shows the formats' names in the reader's language."""
		self.assertEqual(frappe.get_meta(CHILD).default_print_format, "Child File")
		self.assertTrue(frappe.get_meta("Print Format").translated_doctype)
		for name, chinese in {"Child File": "留守儿童档案", "Contact Card": "联系卡"}.items():
			self.assertEqual(frappe._(name, lang="zh"), chinese)
		# The Standard layout, still a choice in the picker, shows no naming series.
		self.assertTrue(frappe.get_meta(CHILD).get_field("naming_series").print_hide)

	def test_preconditions(self):
		self.assertEqual(self.child.id_number, ID_NUMBER)
		self.assertEqual(self.child.unsupervised_alert, 0)
		self.assertEqual(self.alone.unsupervised_alert, 1)

	def test_contact_card_lists_whom_to_call(self):
		html = render(self.child.name, "Contact Card")
		for expected in (
			"欧阳小雨",
			SCHOOL,
			SCHOOL_PHONE,
			CLASS_TEACHER_PHONE,
			SUBJECT_TEACHER_PHONE,
			"欧阳娟",
			PARENT_PHONE,
			WORKPLACE,
			"欧阳桂兰",
			GUARDIAN_PHONE,
			"张村长",  # village committee contact (tests.utils.child_doc)
			VILLAGE_PHONE,
			frappe.format_value(self.child.contact_card_issued_on, {"fieldtype": "Date"}),
		):
			with self.subTest(expected=expected):
				self.assertIn(expected, html)
		self.assertNotIn(ALERT, html)

	def test_contact_card_leaves_out_the_id_number_health_and_economy(self):
		html = render(self.child.name, "Contact Card")
		for secret in (ID_NUMBER, HEALTH_NOTE, ECONOMY_NOTE):
			with self.subTest(secret=secret):
				self.assertNotIn(secret, html)

	def test_guardian_phone_is_read_from_the_guardian_now(self):
		"""The card prints today's phone of the guardian, not the copy made when the file was saved."""
		frappe.db.set_value("Child Guardian", self.guardian.name, "phone", "15899990000")
		try:
			self.assertIn("15899990000", render(self.child.name, "Contact Card"))
		finally:
			frappe.db.set_value("Child Guardian", self.guardian.name, "phone", GUARDIAN_PHONE)

	def test_unsupervised_child_shows_the_alert_on_both_formats(self):
		for print_format in ("Contact Card", "Child File"):
			with self.subTest(print_format=print_format):
				self.assertIn(ALERT, render(self.alone.name, print_format))

	def test_child_file_shows_everything_to_those_who_may_read_it(self):
		for user in ("Administrator", TEACHER):
			with self.subTest(user=user), self.set_user(user):
				doc = frappe.get_doc(CHILD, self.child.name)
				self.assertTrue(doc.has_permlevel_access_to("id_number"))
				html = render(self.child.name, "Child File")
				for expected in (
					"欧阳小雨",
					ID_NUMBER,
					HEALTH_NOTE,
					ECONOMY_NOTE,
					PARENT_PHONE,
					WORKPLACE,
					"欧阳桂兰",
					GUARDIAN_PHONE,
					frappe._("Good"),  # guardianship capacity
					CLASS_TEACHER_PHONE,
					f"{int(self.child.completeness)}%",
				):
					self.assertIn(expected, html)

	def test_child_file_hides_sensitive_fields_without_permlevel_access(self):
		with self.set_user(MENTOR):
			doc = frappe.get_doc(CHILD, self.child.name)
			self.assertFalse(doc.has_permlevel_access_to("id_number"))
			self.assertFalse(doc.has_permlevel_access_to("health_notes"))
			self.assertFalse(doc.has_permlevel_access_to("economy_notes"))
			# A mentor not paired with the child may not print it at all...
			self.assertFalse(frappe.has_permission(CHILD, "print", doc))
			# ...and once pairing lets a mentor read a child, the file still leaves the
			# permlevel-1 fields out: render past the document check to see what they would get.
			frappe.flags.ignore_print_permissions = True
			html = render(self.child.name, "Child File")
		self.assertIn("欧阳小雨", html)
		self.assertIn(PARENT_PHONE, html)
		for secret in (ID_NUMBER, HEALTH_NOTE, ECONOMY_NOTE):
			with self.subTest(secret=secret):
				self.assertNotIn(secret, html)
