import datetime

import pytest

from leftbehind_care.core import incidents as i
from leftbehind_care.core.errors import RuleError

DT = datetime.datetime
HOUR = datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)
OCCURRED = DT(2026, 11, 20, 16, 30)  # 放学路上摔伤
NOW = DT(2026, 11, 29, 9, 0)


def failure(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code, err.value.params


def test_known_kinds():
	for kind in i.KINDS:
		i.check_kind(kind)
	assert failure(i.check_kind, "Lost Homework") == ("incident_kind_unknown", {"kind": "Lost Homework"})


def test_times_in_order():
	i.check_times(OCCURRED, None, NOW)
	i.check_times(OCCURRED, OCCURRED, NOW)  # told at once
	i.check_times(OCCURRED, OCCURRED + 2 * HOUR, NOW)
	i.check_times(NOW, NOW, NOW)


def test_an_incident_is_not_recorded_before_it_happens():
	assert failure(i.check_times, NOW + MINUTE, None, NOW) == (
		"incident_in_future",
		{"occurred_at": NOW + MINUTE},
	)


def test_parents_are_not_notified_before_the_incident():
	assert failure(i.check_times, OCCURRED, OCCURRED - MINUTE, NOW) == (
		"incident_notified_before_occurred",
		{"occurred_at": OCCURRED, "notified_at": OCCURRED - MINUTE},
	)


def test_a_notification_is_not_in_the_future():
	assert failure(i.check_times, OCCURRED, NOW + HOUR, NOW) == (
		"incident_notified_in_future",
		{"notified_at": NOW + HOUR},
	)


def test_a_notification_says_when_and_by_whom():
	i.check_notified_by(None, None)
	i.check_notified_by(OCCURRED + HOUR, "王老师")
	assert failure(i.check_notified_by, OCCURRED + HOUR, " ")[0] == "incident_notifier_missing"
	assert failure(i.check_notified_by, None, "王老师")[0] == "incident_notified_at_missing"


def test_notified_within_24_hours():
	assert i.notified_in_time(OCCURRED, None) is None
	assert i.notified_in_time(OCCURRED, OCCURRED + 2 * HOUR) is True
	assert i.notified_in_time(OCCURRED, OCCURRED + 24 * HOUR) is True
	assert i.notified_in_time(OCCURRED, OCCURRED + 24 * HOUR + MINUTE) is False


def test_a_notification_is_overdue_after_24_hours():
	assert not i.notification_overdue(OCCURRED, None, OCCURRED + 2 * HOUR)
	assert not i.notification_overdue(OCCURRED, None, OCCURRED + 24 * HOUR)
	assert i.notification_overdue(OCCURRED, None, OCCURRED + 24 * HOUR + MINUTE)
	# Told late is late, but no longer overdue.
	assert not i.notification_overdue(OCCURRED, OCCURRED + 30 * HOUR, OCCURRED + 31 * HOUR)


def test_suspected_abuse_is_reported_to_the_authorities():
	reported = OCCURRED + 3 * HOUR
	i.check_mandatory_report(i.SUSPECTED_ABUSE, reported, "镇派出所", OCCURRED, NOW)
	missing = ("incident_report_missing", {"kind": i.SUSPECTED_ABUSE})
	assert failure(i.check_mandatory_report, i.SUSPECTED_ABUSE, None, None, OCCURRED, NOW) == missing
	assert failure(i.check_mandatory_report, i.SUSPECTED_ABUSE, reported, "  ", OCCURRED, NOW) == missing
	assert failure(i.check_mandatory_report, i.SUSPECTED_ABUSE, None, "镇派出所", OCCURRED, NOW) == missing
	assert failure(
		i.check_mandatory_report, i.SUSPECTED_ABUSE, OCCURRED - HOUR, "镇派出所", OCCURRED, NOW
	) == (
		"incident_reported_before_occurred",
		{"occurred_at": OCCURRED, "reported_at": OCCURRED - HOUR},
	)
	assert failure(i.check_mandatory_report, i.SUSPECTED_ABUSE, NOW + HOUR, "镇派出所", OCCURRED, NOW) == (
		"incident_reported_in_future",
		{"reported_at": NOW + HOUR},
	)


def test_other_kinds_need_no_report_but_a_recorded_one_is_checked():
	for kind in set(i.KINDS) - {i.SUSPECTED_ABUSE}:
		i.check_mandatory_report(kind, None, None, OCCURRED, NOW)
	i.check_mandatory_report(i.MISSING, OCCURRED + HOUR, "镇派出所", OCCURRED, NOW)
	assert (
		failure(i.check_mandatory_report, i.MISSING, OCCURRED - HOUR, "镇派出所", OCCURRED, NOW)[0]
		== "incident_reported_before_occurred"
	)


def test_overdue_incidents_to_alert_once():
	now = OCCURRED + 24 * HOUR + MINUTE
	incidents = [
		i.IncidentFacts("INC-1", OCCURRED, None, alerted=False),  # overdue
		i.IncidentFacts("INC-2", OCCURRED, None, alerted=True),  # the leader already knows
		i.IncidentFacts("INC-3", OCCURRED, OCCURRED + 25 * HOUR, alerted=False),  # told, late
		i.IncidentFacts("INC-4", OCCURRED + MINUTE, None, alerted=False),  # exactly 24 hours
		i.IncidentFacts("INC-5", OCCURRED - HOUR, None, alerted=False),  # overdue
	]
	assert i.overdue_incidents(incidents, now) == ["INC-1", "INC-5"]
	assert i.overdue_incidents([], now) == []
