import pytest

from leftbehind_care.core.security import security_findings, session_hours

STRONG = {
	"session_expiry": "08:00",
	"enable_password_policy": 1,
	"minimum_password_score": "3",
	"allow_consecutive_login_attempts": 5,
	"allow_login_after_fail": 600,
	"enable_two_factor_auth": 1,
	"encrypt_backup": 1,
}

# Frappe v15's defaults for a new site.
NEW_SITE = {
	"session_expiry": "170:00",
	"enable_password_policy": 1,
	"minimum_password_score": "2",
	"allow_consecutive_login_attempts": 10,
	"allow_login_after_fail": 60,
	"enable_two_factor_auth": 0,
	"encrypt_backup": 0,
}


def codes(settings, roles=()):
	return [f.code for f in security_findings(settings, roles)]


def test_a_strong_site_has_no_findings():
	assert security_findings(STRONG, []) == []


def test_a_new_site_falls_short_on_every_count():
	assert codes(NEW_SITE, ["Care Mentor", "Care Class Teacher"]) == [
		"session_expiry",
		"password_score_weak",
		"login_attempts_high",
		"lockout_short",
		"two_factor_off",
		"two_factor_roles",
		"backup_not_encrypted",
	]
	by_code = {f.code: f for f in security_findings(NEW_SITE, ["Care Mentor", "Care Class Teacher"])}
	assert by_code["session_expiry"].current == "170:00"
	assert by_code["session_expiry"].recommended == "08:00"
	assert by_code["two_factor_roles"].current == "Care Class Teacher、Care Mentor"


@pytest.mark.parametrize(
	"change, code",
	[
		({"enable_password_policy": 0}, "password_policy_off"),
		({"allow_consecutive_login_attempts": 0}, "login_attempts_unlimited"),
		({"session_expiry": "8:30"}, "session_expiry"),
		({"session_expiry": "nonsense"}, "session_expiry"),
		({"allow_login_after_fail": 30}, "lockout_short"),
	],
)
def test_each_weak_setting_is_found(change, code):
	assert codes({**STRONG, **change}) == [code]


def test_no_lockout_finding_when_attempts_are_unlimited():
	# The unlimited-attempts finding already says what to set.
	assert codes({**STRONG, "allow_consecutive_login_attempts": 0, "allow_login_after_fail": 0}) == [
		"login_attempts_unlimited"
	]


def test_session_hours():
	assert session_hours("170:00") == 170
	assert session_hours("06:30") == 6.5
	assert session_hours("8") == 8
	assert session_hours(None) is None
	assert session_hours("") is None
