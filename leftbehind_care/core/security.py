"""The site settings that children's data needs, and where a site falls short of them.

The Frappe shell reads System Settings and the care roles' two-factor flags and shows each
finding with what to set (`leftbehind_care.security`); nothing here changes a setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# What the app asks of a site that holds children's files.
MIN_PASSWORD_SCORE = 3  # zxcvbn score: 3 is "strong" in System Settings
MAX_LOGIN_ATTEMPTS = 5
MIN_LOCKOUT_SECONDS = 300
MAX_SESSION_HOURS = 8


@dataclass(frozen=True)
class Finding:
	code: str
	current: str
	recommended: str


def security_findings(settings: Mapping[str, object], roles_without_2fa: Iterable[str]) -> list[Finding]:
	"""Each setting that falls short, in the order the System Settings form shows them.

	`settings` holds the System Settings values by fieldname; `roles_without_2fa` the care roles
	whose Role record does not require two-factor authentication.
	"""
	findings = []
	hours = session_hours(settings.get("session_expiry"))
	if hours is None or hours > MAX_SESSION_HOURS:
		findings.append(
			Finding(
				"session_expiry", str(settings.get("session_expiry") or ""), f"{MAX_SESSION_HOURS:02d}:00"
			)
		)
	if not _int(settings.get("enable_password_policy")):
		findings.append(Finding("password_policy_off", "0", "1"))
	elif _int(settings.get("minimum_password_score")) < MIN_PASSWORD_SCORE:
		findings.append(
			Finding(
				"password_score_weak", str(settings.get("minimum_password_score")), str(MIN_PASSWORD_SCORE)
			)
		)
	attempts = _int(settings.get("allow_consecutive_login_attempts"))
	if attempts <= 0:
		findings.append(Finding("login_attempts_unlimited", str(attempts), str(MAX_LOGIN_ATTEMPTS)))
	elif attempts > MAX_LOGIN_ATTEMPTS:
		findings.append(Finding("login_attempts_high", str(attempts), str(MAX_LOGIN_ATTEMPTS)))
	if attempts > 0 and _int(settings.get("allow_login_after_fail")) < MIN_LOCKOUT_SECONDS:
		findings.append(
			Finding(
				"lockout_short", str(_int(settings.get("allow_login_after_fail"))), str(MIN_LOCKOUT_SECONDS)
			)
		)
	if not _int(settings.get("enable_two_factor_auth")):
		findings.append(Finding("two_factor_off", "0", "1"))
	missing_roles = sorted(roles_without_2fa)
	if missing_roles:
		findings.append(Finding("two_factor_roles", "、".join(missing_roles), ""))
	if not _int(settings.get("encrypt_backup")):
		findings.append(Finding("backup_not_encrypted", "0", "1"))
	return findings


def session_hours(expiry: object) -> float | None:
	"""Hours of a Frappe session expiry written "HH:MM" (e.g. "170:00"); None if unreadable."""
	try:
		hours, _, minutes = str(expiry).strip().partition(":")
		return int(hours) + int(minutes or 0) / 60
	except ValueError:
		return None


def _int(value: object) -> int:
	try:
		return int(value or 0)
	except (TypeError, ValueError):
		return 0
