"""The Frappe side of records about one child (talks, family contacts, home visits): a base
controller that loads the child, checks the user may record for them, and names the recorder.
The rules themselves are in `leftbehind_care.core.records`."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import records as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import ShownToReader, get_scope


class ChildRecord(ShownToReader, Document):
	date_field = ""  # the day it happened
	recorder_field = ""  # who recorded it: the user saving it first
	# Fields only a parent's own pages set (家长端: an incident acknowledged, a call the parent
	# logged): what any other save sends for them is not taken.
	parent_fields: tuple[str, ...] = ()

	def validate(self) -> None:
		self.keep_parent_fields()
		try:
			child = self.validate_child()
			self.set_recorder()
			rules.check_recorded_on(
				self.date_field,
				getdate(self.get(self.date_field)),
				getdate(child.filed_on) if child.filed_on else None,
				getdate(nowdate()),
			)
			self.validate_record(child)
		except RuleError as err:
			if err.code == "future_date" and err.params.get("field") == self.date_field:
				err.params["field"] = _(self.meta.get_label(self.date_field))
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.child_name or self.child or ""))

	def keep_parent_fields(self) -> None:
		if self.flags.from_parent:
			return
		before = self.get_doc_before_save()
		for field in self.parent_fields:
			empty = 0 if self.meta.get_field(field).fieldtype == "Check" else None
			self.set(field, before.get(field) if before else empty)

	def validate_record(self, child) -> None:
		"""The record's own rules."""

	def validate_child(self):
		"""A record is made for a child the user looks after and who is in the programme. The
		refusal names the file number the user typed, never what is on file."""
		child = frappe.db.get_value(
			"Left Behind Child",
			self.child,
			["child_name", "school", "care_class", "status", "filed_on"],
			as_dict=True,
		)
		if self.is_new() or self.has_value_changed("child"):
			# A parent's own pages (家长端) record only for the children the parent reaches.
			if not self.flags.from_parent and not get_scope().sees_child(
				self.child, child.school, child.care_class
			):
				self.child_name = None
				raise RuleError("record_child_outside_scope", child=self.child)
			rules.check_child_in_programme(child.status)
		self.child_name, self.school, self.care_class = child.child_name, child.school, child.care_class
		return child

	def set_recorder(self) -> None:
		if self.is_new() or not self.get(self.recorder_field):
			self.set(self.recorder_field, frappe.session.user)
