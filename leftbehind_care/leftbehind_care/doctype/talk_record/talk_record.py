# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import getdate

from leftbehind_care.core.records import check_follow_up
from leftbehind_care.records import ChildRecord


class TalkRecord(ChildRecord):
	date_field = "talk_date"
	recorder_field = "talker"

	def validate_record(self, child) -> None:
		check_follow_up(
			getdate(self.follow_up_date) if self.follow_up_date else None, getdate(self.talk_date)
		)
		# The monthly talk (谈心制度) is the class teacher's.
		self.by_class_teacher = int(
			frappe.db.get_value("Care Class", self.care_class, "class_teacher") == self.talker
		)
