# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe.utils import get_datetime, now_datetime

from leftbehind_care.core import incidents as rules
from leftbehind_care.records import ChildRecord


class CareIncident(ChildRecord):
	"""重大事项: what happened to the child, when the parents working away were told and by
	whom, and, for suspected abuse or neglect, the mandatory report (强制报告)."""

	date_field = "occurred_at"
	recorder_field = "recorded_by"
	parent_fields = ("parents_acknowledged_at",)

	def validate_record(self, child) -> None:
		occurred = get_datetime(self.occurred_at)
		notified = get_datetime(self.parents_notified_at) if self.parents_notified_at else None
		now = now_datetime()
		rules.check_kind(self.incident_kind)
		rules.check_times(occurred, notified, now)
		rules.check_notified_by(notified, self.notified_by)
		rules.check_mandatory_report(
			self.incident_kind,
			get_datetime(self.reported_at) if self.reported_at else None,
			self.reported_to,
			occurred,
			now,
		)
		self.notified_in_time = int(bool(rules.notified_in_time(occurred, notified)))
		self.notification_overdue = int(rules.notification_overdue(occurred, notified, now))
