# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import getdate

from leftbehind_care.compliance import term_of
from leftbehind_care.core import support as rules
from leftbehind_care.records import ChildRecord


class PrioritySupport(ChildRecord):
	"""三个优先: tutoring, daily-life care or an activity place given to a left-behind child first."""

	date_field = "support_date"
	recorder_field = "given_by"

	def validate_record(self, child) -> None:
		rules.check_priority_kind(self.priority_kind)
		term = term_of(getdate(self.support_date))
		self.term = term.name if term else None


def on_doctype_update():
	# Three Priorities and Care Coverage read a term's priorities (tutoring, for the five haves).
	frappe.db.add_index("Priority Support", ["term", "priority_kind", "child"])
