"""Care incidents (重大事项): what happened to a child, and the duty to tell the parents within 24 hours.

Parents working far away learn of an illness, an injury or a missing child from the school, so the
school notifies them within a day; an overdue notification alerts the school leader. Suspected abuse
or neglect is also reported to the authorities (强制报告, mandatory reporting).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError

ILLNESS = "Illness"  # 疾病
INJURY = "Injury"  # 受伤
ACCIDENT = "Accident"  # 意外事故
BULLYING = "Bullying"  # 欺凌
MISSING = "Gone Missing"  # 走失
PSYCHOLOGICAL_CRISIS = "Psychological Crisis"  # 心理危机
SUSPECTED_ABUSE = "Suspected Abuse or Neglect"  # 疑似遭受侵害、虐待或监护缺失
KINDS = (ILLNESS, INJURY, ACCIDENT, BULLYING, MISSING, PSYCHOLOGICAL_CRISIS, SUSPECTED_ABUSE)

# Kinds the school must report to the authorities (公安、民政等) as well as to the parents.
MANDATORY_REPORT_KINDS = frozenset({SUSPECTED_ABUSE})

NOTIFY_WITHIN = datetime.timedelta(hours=24)


@dataclass(frozen=True)
class IncidentFacts:
	name: str
	occurred_at: datetime.datetime
	notified_at: datetime.datetime | None
	alerted: bool  # the school leader has already been alerted about the late notification


def check_kind(kind: str) -> None:
	if kind not in KINDS:
		raise RuleError("incident_kind_unknown", kind=kind)


def check_times(
	occurred_at: datetime.datetime, notified_at: datetime.datetime | None, now: datetime.datetime
) -> None:
	"""An incident is recorded after it happens, and the parents are told after it happens."""
	if occurred_at > now:
		raise RuleError("incident_in_future", occurred_at=occurred_at)
	if notified_at is None:
		return
	if notified_at < occurred_at:
		raise RuleError("incident_notified_before_occurred", occurred_at=occurred_at, notified_at=notified_at)
	if notified_at > now:
		raise RuleError("incident_notified_in_future", notified_at=notified_at)


def check_notified_by(notified_at: datetime.datetime | None, notified_by: str | None) -> None:
	"""A notification says when and by whom, so the parents' call can be traced back."""
	has_notifier = bool((notified_by or "").strip())
	if notified_at and not has_notifier:
		raise RuleError("incident_notifier_missing")
	if has_notifier and not notified_at:
		raise RuleError("incident_notified_at_missing")


def notified_in_time(occurred_at: datetime.datetime, notified_at: datetime.datetime | None) -> bool | None:
	"""Whether the parents heard within 24 hours; None while they have not been told."""
	if notified_at is None:
		return None
	return notified_at - occurred_at <= NOTIFY_WITHIN


def notification_overdue(
	occurred_at: datetime.datetime, notified_at: datetime.datetime | None, now: datetime.datetime
) -> bool:
	"""More than 24 hours have passed and the parents are still not told. A late notification is no
	longer overdue: it shows as not in time instead."""
	return notified_at is None and now - occurred_at > NOTIFY_WITHIN


def check_mandatory_report(
	kind: str,
	reported_at: datetime.datetime | None,
	reported_to: str | None,
	occurred_at: datetime.datetime,
	now: datetime.datetime,
) -> None:
	"""Suspected abuse or neglect is reported to the authorities at once (强制报告), so the record
	says to whom and when. Other kinds may record a report too; its time is then checked alike."""
	if kind in MANDATORY_REPORT_KINDS and not (reported_at and (reported_to or "").strip()):
		raise RuleError("incident_report_missing", kind=kind)
	if reported_at is None:
		return
	if reported_at < occurred_at:
		raise RuleError("incident_reported_before_occurred", occurred_at=occurred_at, reported_at=reported_at)
	if reported_at > now:
		raise RuleError("incident_reported_in_future", reported_at=reported_at)


def overdue_incidents(incidents: Iterable[IncidentFacts], now: datetime.datetime) -> list[str]:
	"""Incidents to alert the school leader about: overdue and not alerted yet, so a job that runs
	every hour alerts once per incident."""
	return [
		incident.name
		for incident in incidents
		if not incident.alerted and notification_overdue(incident.occurred_at, incident.notified_at, now)
	]
