# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.model.document import Document

from leftbehind_care.core.settings import DEFAULTS


class CareSettings(Document):
	"""The county's tunable numbers. The scores where risk becomes medium or high belong to each
	assessment template (they are locked once the template has scored children)."""


def get_setting(key: str) -> int:
	"""A tunable number: the site's value, or the core default when it was never saved."""
	value = frappe.db.get_single_value("Care Settings", key)
	return int(value) if value not in (None, "") else DEFAULTS[key]
