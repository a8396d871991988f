# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope


class CareDereliction(Document):
	"""失职: recorded by a school leader against an incident or a plan of the school, with what happened
	and its consequence; once confirmed, the teacher's evaluation of the term is 不合格."""

	def validate(self) -> None:
		try:
			scope = get_scope()
			if not (scope.all_schools or self.school in scope.schools):
				raise RuleError("school_outside_scope", school=self.school)
			if not (self.incident or self.intervention_plan):
				raise RuleError("dereliction_without_record")
			for doctype, name in (
				("Care Incident", self.incident),
				("Intervention Plan", self.intervention_plan),
			):
				if name and frappe.db.get_value(doctype, name, "school") != self.school:
					raise RuleError("dereliction_record_elsewhere", record=name, school=self.school)
		except RuleError as err:
			raise_rule_error(err, _(self.doctype))
		before = self.get_doc_before_save()
		if self.confirmed and not (before and before.confirmed):
			self.confirmed_by, self.confirmed_on = frappe.session.user, getdate(nowdate())
		elif not self.confirmed:
			self.confirmed_by = self.confirmed_on = None
