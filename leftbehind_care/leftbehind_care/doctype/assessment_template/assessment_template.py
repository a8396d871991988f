# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document

from leftbehind_care.assessments import ASSESSMENT, TEMPLATE, item_label, template_items, thresholds
from leftbehind_care.core import assessment as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error


class AssessmentTemplate(Document):
	"""关爱评估模板: questions in six domains, their answer scales, weights and red flags, and the
	scores at which medium and high risk begin. Once children are scored with it, its scoring stays."""

	def validate(self) -> None:
		for row in self.items:
			row.item_key = (row.item_key or "").strip()
		items = template_items(self)
		try:
			rules.check_template(items, thresholds(self))
			rules.check_answerable(items)
			if not self.is_new():
				before = self.get_doc_before_save()
				rules.check_template_change(
					frappe.db.count(ASSESSMENT, {"template": self.name}),
					rules.scoring(template_items(before), thresholds(before)),
					rules.scoring(items, thresholds(self)),
				)
		except RuleError as err:
			if "key" in err.params:
				err.params["item"] = item_label(self.items, err.params["key"])
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.template_name))

	def on_update(self) -> None:
		"""One default template."""
		if self.is_default:
			for other in frappe.get_all(
				TEMPLATE, filters={"is_default": 1, "name": ("!=", self.name)}, pluck="name"
			):
				frappe.db.set_value(TEMPLATE, other, "is_default", 0)
