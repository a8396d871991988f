# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document

from leftbehind_care.core.settings import DEFAULTS


class CareSettings(Document):
	def validate(self) -> None:
		if self.risk_medium_threshold >= self.risk_high_threshold:
			frappe.throw(
				_("The medium risk threshold ({0}) must be below the high risk threshold ({1}).").format(
					self.risk_medium_threshold, self.risk_high_threshold
				),
				title=_("Invalid Thresholds"),
			)


def get_setting(key: str) -> int:
	"""A tunable number: the site's value, or the core default when it was never saved."""
	value = frappe.db.get_single_value("Care Settings", key)
	return int(value) if value not in (None, "") else DEFAULTS[key]
