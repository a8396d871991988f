# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.settings import DEFAULTS, check_evaluation
from leftbehind_care.messages import raise_rule_error


class CareSettings(Document):
	"""The county's tunable numbers. The scores where risk becomes medium or high belong to each
	assessment template (they are locked once the template has scored children)."""

	def validate(self) -> None:
		values = {
			key: int(self.get(key) if self.get(key) not in (None, "") else default)
			for key, default in DEFAULTS.items()
		}
		try:
			check_evaluation(values)
		except RuleError as err:
			raise_rule_error(err, _(self.doctype))


def get_setting(key: str) -> int:
	"""A tunable number: the site's value, or the core default when it was never saved."""
	value = frappe.db.get_single_value("Care Settings", key)
	return int(value) if value not in (None, "") else DEFAULTS[key]
