# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe.utils import getdate

from leftbehind_care.core.records import check_follow_up, check_visitors
from leftbehind_care.records import ChildRecord


class HomeVisit(ChildRecord):
	"""家访: who went, who was at home, how the child lives, what was found."""

	date_field = "visit_date"
	recorder_field = "recorded_by"

	def validate_record(self, child) -> None:
		check_visitors(self.visitors)
		check_follow_up(
			getdate(self.follow_up_date) if self.follow_up_date else None, getdate(self.visit_date)
		)
