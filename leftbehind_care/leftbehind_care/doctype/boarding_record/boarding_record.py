# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import getdate, nowdate

from leftbehind_care.core import support as rules
from leftbehind_care.core.compliance import active_periods
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.terms import Term
from leftbehind_care.records import ChildRecord


class BoardingRecord(ChildRecord):
	"""寄宿: a child's dormitory, bed, evening-study group and meals in one term. The record of the
	running term is the child's boarding as the file shows it."""

	date_field = "boarding_from"
	recorder_field = "recorded_by"

	def validate_record(self, child) -> None:
		stored = frappe.db.get_value("Care Term", self.term, ["name", "start_date", "end_date"], as_dict=True)
		term = Term(stored.name, getdate(stored.start_date), getdate(stored.end_date))
		log = frappe.get_all(
			"Left Behind Child Status Log",
			filters={"parent": self.child, "parenttype": "Left Behind Child"},
			fields=["status", "status_date"],
			order_by="status_date asc, idx asc",
			as_list=True,
		)
		periods = active_periods(
			[(status, getdate(day)) for status, day in log],
			getdate(child.filed_on) if child.filed_on else None,
			child.status,
			None,
		)
		rules.check_boarding_term(term, periods)
		if frappe.db.exists(
			self.doctype, {"child": self.child, "term": self.term, "name": ("!=", self.name)}
		):
			raise RuleError("boarding_twice_in_term", term=self.term)

	def on_update(self) -> None:
		"""The running term's record shows on the child's file (寄宿生, 宿舍)."""
		today = getdate(nowdate())
		start, end = frappe.db.get_value("Care Term", self.term, ["start_date", "end_date"])
		if getdate(start) <= today <= getdate(end):
			frappe.db.set_value(
				"Left Behind Child",
				self.child,
				{"is_boarding": 1, "dormitory": self.dormitory},
				update_modified=False,
			)
