# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe.model.document import Document
from frappe.utils import nowdate

from leftbehind_care.core import parents as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope


class CareParentArticle(Document):
	"""家长课堂: a short guidance article for the parents, published by the bureau to every school
	(no school) or by a school's leader to that school's parents."""

	def validate(self) -> None:
		scope = get_scope()
		try:
			rules.check_article_school(self.school, scope.schools, scope.all_schools)
		except RuleError as err:
			raise_rule_error(err, self.title)
		if self.published and not self.published_on:
			self.published_on = nowdate()
		if not self.published:
			self.published_on = None
