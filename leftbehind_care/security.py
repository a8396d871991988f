"""The security check page: System Settings and the care roles' two-factor flags, read against
what children's data needs (`leftbehind_care.core.security`). It changes nothing."""

from __future__ import annotations

import frappe
from frappe import _

from leftbehind_care.core.scope import ADMINISTRATOR, CARE_ROLES, SUPERUSER_ROLES
from leftbehind_care.core.security import (
	MAX_LOGIN_ATTEMPTS,
	MAX_SESSION_HOURS,
	MIN_LOCKOUT_SECONDS,
	Finding,
	security_findings,
)

# Findings about a setting that is a switch: "0" reads as "Off".
SWITCHED_OFF = {"password_policy_off", "two_factor_off", "backup_not_encrypted"}

SETTINGS_FIELDS = (
	"session_expiry",
	"enable_password_policy",
	"minimum_password_score",
	"allow_consecutive_login_attempts",
	"allow_login_after_fail",
	"enable_two_factor_auth",
	"encrypt_backup",
)


@frappe.whitelist()
def get_findings() -> list[dict]:
	if not set(frappe.get_roles()) & {ADMINISTRATOR, *SUPERUSER_ROLES}:
		frappe.throw(
			_("Only a care administrator or system manager may run the security check."),
			frappe.PermissionError,
		)
	return [describe(finding) for finding in site_findings()]


def site_findings() -> list[Finding]:
	settings = frappe.get_single("System Settings")
	values = {field: settings.get(field) for field in SETTINGS_FIELDS}
	roles_without_2fa = [
		role for role in CARE_ROLES if not frappe.db.get_value("Role", role, "two_factor_auth")
	]
	return security_findings(values, roles_without_2fa)


def describe(finding: Finding) -> dict:
	title, advice = texts()[finding.code]
	current = finding.current
	if finding.code == "two_factor_roles":
		current = "、".join(_(role) for role in finding.current.split("、"))
	elif finding.code in SWITCHED_OFF:
		current = _("Off")
	return {"code": finding.code, "title": title, "current": current, "advice": advice}


def texts() -> dict[str, tuple[str, str]]:
	"""What falls short, and what to set where, per finding."""
	return {
		"session_expiry": (
			_("Sessions stay open too long"),
			_(
				"System Settings → Session Expiry: set {0} or less, so a phone left logged in does not keep children's files open for days."
			).format(f"{MAX_SESSION_HOURS:02d}:00"),
		),
		"password_policy_off": (
			_("Password policy is off"),
			_(
				"System Settings → Enable Password Policy: turn it on, with Minimum Password Score 3 (strong)."
			),
		),
		"password_score_weak": (
			_("Weak passwords are accepted"),
			_("System Settings → Minimum Password Score: set 3 (strong) or 4."),
		),
		"login_attempts_unlimited": (
			_("Password guessing is not limited"),
			_(
				"System Settings → Allow Consecutive Login Attempts: set {0}, and Allow Login After Fail to {1} seconds or more."
			).format(MAX_LOGIN_ATTEMPTS, MIN_LOCKOUT_SECONDS),
		),
		"login_attempts_high": (
			_("Too many login attempts are allowed"),
			_("System Settings → Allow Consecutive Login Attempts: set {0} or fewer.").format(
				MAX_LOGIN_ATTEMPTS
			),
		),
		"lockout_short": (
			_("The lockout after failed logins is too short"),
			_("System Settings → Allow Login After Fail: set {0} seconds or more.").format(
				MIN_LOCKOUT_SECONDS
			),
		),
		"two_factor_off": (
			_("Two-factor authentication is off"),
			_(
				"System Settings → Enable Two Factor Auth: turn it on (OTP App or SMS), then require it in each care role."
			),
		),
		"two_factor_roles": (
			_("Care roles do not require two-factor authentication"),
			_("Open each of these roles (Role list) and tick Two Factor Authentication."),
		),
		"backup_not_encrypted": (
			_("Backups are not encrypted"),
			_(
				"System Settings → Encrypt Backups: turn it on, and keep the site's encryption key somewhere safe apart from the backups."
			),
		),
	}
