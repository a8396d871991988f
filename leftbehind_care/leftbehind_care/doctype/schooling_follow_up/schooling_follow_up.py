# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from leftbehind_care.core import keep_in_school as rules
from leftbehind_care.records import ChildRecord


class SchoolingFollowup(ChildRecord):
	"""控辍保学: opened by itself when a child's schooling stops; the persuasion attempts (劝返); closed
	only with the child back in school on a date, or recorded as gone (transferred, graduated)."""

	date_field = "opened_on"
	recorder_field = "opened_by"

	def validate_child(self):
		# A case follows its child wherever the child goes: a transferred child's case is closed by
		# the school that opened it.
		if not self.is_new() and not self.has_value_changed("child"):
			child = frappe.db.get_value(
				"Left Behind Child",
				self.child,
				["child_name", "school", "care_class", "status", "filed_on", "schooling_status"],
				as_dict=True,
			)
			self.child_name = child.child_name
			return child
		return super().validate_child()

	def validate_record(self, child) -> None:
		today = getdate(nowdate())
		opened = getdate(self.opened_on)
		for row in self.attempts:
			rules.check_attempt(getdate(row.attempt_date), opened, today)
		schooling = frappe.db.get_value("Left Behind Child", self.child, "schooling_status")
		status = frappe.db.get_value("Left Behind Child", self.child, "status")
		self.schooling_status = schooling
		rules.check_close(
			self.case_status,
			getdate(self.return_date) if self.return_date else None,
			schooling,
			status,
			opened,
			today,
		)
		if self.case_status == rules.OPEN:
			self.closed_on = None
		elif not self.closed_on or self.has_value_changed("case_status"):
			self.closed_on = today
