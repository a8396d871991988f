# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import talks as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope


class TalkRecord(Document):
	def validate(self) -> None:
		try:
			child = frappe.db.get_value(
				"Left Behind Child",
				self.child,
				["child_name", "school", "care_class", "status", "filed_on"],
				as_dict=True,
			)
			self.validate_child(child)
			self.child_name, self.school, self.care_class = child.child_name, child.school, child.care_class
			self.set_talker()
			rules.check_talk(
				getdate(self.talk_date),
				getdate(child.filed_on) if child.filed_on else None,
				getdate(self.follow_up_date) if self.follow_up_date else None,
				getdate(nowdate()),
			)
		except RuleError as err:
			if err.code == "future_date":
				err.params["field"] = _("Talk Date")
			raise_rule_error(err, _("Talk Record {0}").format(self.child_name or self.child or self.name))

	def validate_child(self, child) -> None:
		"""A talk is recorded for a child the user looks after and who is in the programme. The
		refusal names the file number the user typed, never what is on file."""
		if not (self.is_new() or self.has_value_changed("child")):
			return
		if not get_scope().sees_child(self.child, child.school, child.care_class):
			self.child_name = None
			raise RuleError("record_child_outside_scope", child=self.child)
		rules.check_child_in_programme(child.status)

	def set_talker(self) -> None:
		"""The talker is whoever records the talk; the monthly talk is the class teacher's."""
		if self.is_new() or not self.talker:
			self.talker = frappe.session.user
		self.by_class_teacher = int(
			frappe.db.get_value("Care Class", self.care_class, "class_teacher") == self.talker
		)
