# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe import _
from frappe.model.document import Document

from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope


class CareEvaluationRound(Document):
	"""检查考核 of a school's term: its departments (one row per member); `make_evaluations` makes an
	evaluation for every class teacher, class and department in one action."""

	def validate(self) -> None:
		scope = get_scope()
		if not (scope.all_schools or self.school in scope.schools):
			raise_rule_error(RuleError("school_outside_scope", school=self.school), _(self.doctype))
