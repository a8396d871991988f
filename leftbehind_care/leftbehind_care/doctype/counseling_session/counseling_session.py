# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe.utils import getdate

from leftbehind_care.core.records import check_follow_up
from leftbehind_care.records import ChildRecord


class CounselingSession(ChildRecord):
	"""心理辅导: individual or group counselling, correction, emotional, independent-living and
	体谅父母 education. What was said sits at permlevel 1, which only counsellors and school
	leaders have."""

	date_field = "session_date"
	recorder_field = "counselor"

	def validate_record(self, child) -> None:
		check_follow_up(
			getdate(self.follow_up_date) if self.follow_up_date else None, getdate(self.session_date)
		)
