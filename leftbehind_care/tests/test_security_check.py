"""The security check page reads System Settings and the care roles against what children's data
needs, says what to set, and changes nothing."""

from __future__ import annotations

import frappe

from leftbehind_care import security
from leftbehind_care.core.scope import CARE_ROLES
from leftbehind_care.tests import utils as u

WEAK = {
	"session_expiry": "170:00",
	"enable_password_policy": 0,
	"minimum_password_score": "2",
	"allow_consecutive_login_attempts": 0,
	"allow_login_after_fail": 60,
	"enable_two_factor_auth": 0,
	"encrypt_backup": 0,
}
STRONG = {
	"session_expiry": "06:00",
	"enable_password_policy": 1,
	"minimum_password_score": "3",
	"allow_consecutive_login_attempts": 5,
	"allow_login_after_fail": 600,
	"enable_two_factor_auth": 1,
	"encrypt_backup": 1,
}


class TestSecurityCheck(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		u.make_world()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def apply(self, settings: dict, two_factor_roles: bool) -> None:
		for field, value in settings.items():
			frappe.db.set_single_value("System Settings", field, value)
		for role in CARE_ROLES:
			frappe.db.set_value("Role", role, "two_factor_auth", int(two_factor_roles))
		frappe.clear_document_cache("System Settings", "System Settings")

	def findings(self) -> list[dict]:
		with self.set_user(u.ADMIN):
			return security.get_findings()

	def test_a_weak_site_is_told_what_to_set(self):
		self.apply(WEAK, two_factor_roles=False)
		findings = {f["code"]: f for f in self.findings()}
		self.assertEqual(
			set(findings),
			{
				"session_expiry",
				"password_policy_off",
				"login_attempts_unlimited",
				"two_factor_off",
				"two_factor_roles",
				"backup_not_encrypted",
			},
		)
		self.assertEqual(findings["session_expiry"]["current"], "170:00")
		self.assertIn("08:00", findings["session_expiry"]["advice"])
		self.assertIn("Care Mentor", findings["two_factor_roles"]["current"])
		# Reading changed nothing.
		self.assertEqual(frappe.db.get_single_value("System Settings", "session_expiry"), "170:00")

	def test_a_strong_site_has_no_findings(self):
		self.apply(STRONG, two_factor_roles=True)
		self.assertEqual(self.findings(), [])

	def test_only_administrators_run_it(self):
		for user in (u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(frappe.PermissionError, security.get_findings)

	def test_the_findings_read_in_chinese(self):
		self.apply(WEAK, two_factor_roles=False)
		frappe.local.lang = "zh"
		try:
			findings = {f["code"]: f for f in self.findings()}
		finally:
			frappe.local.lang = "en"
		self.assertIn("会话", findings["session_expiry"]["title"])
