import frappe
from frappe.core.doctype.doctype.doctype import validate_fields_for_doctype

from leftbehind_care.core.scope import CARE_ROLES
from leftbehind_care.tests.utils import CareTestCase


class TestShippedDocTypes(CareTestCase):
	def test_every_doctype_passes_frappe_validation(self):
		doctypes = frappe.get_all("DocType", filters={"module": "Leftbehind Care"}, pluck="name")
		self.assertGreaterEqual(len(doctypes), 11)
		for doctype in doctypes:
			with self.subTest(doctype=doctype):
				validate_fields_for_doctype(doctype)

	def test_roles_are_installed_with_desk_access(self):
		for role in CARE_ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)

	def test_settings_hold_their_defaults(self):
		from leftbehind_care.core.settings import DEFAULTS
		from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting

		for key, default in DEFAULTS.items():
			self.assertEqual(get_setting(key), frappe.db.get_single_value("Care Settings", key) or default)
		self.assertEqual(
			frappe.db.get_single_value("Care Settings", "mentor_capacity"), DEFAULTS["mentor_capacity"]
		)

	def test_settings_refuse_evaluation_thresholds_out_of_order(self):
		settings = frappe.get_doc("Care Settings")
		before = frappe.db.get_single_value("Care Settings", "eval_good")
		settings.eval_good = 95  # above Excellent
		with self.assertRaises(frappe.ValidationError) as ctx:
			settings.save()
		self.assertIn("must descend", str(ctx.exception))
		self.assertEqual(frappe.db.get_single_value("Care Settings", "eval_good"), before)
		settings.reload()
		settings.save()  # the shipped defaults pass
