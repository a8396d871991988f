"""`missing_items` was stored as labels in the site's language at saving time ("Family Economy" on
a site whose language was left empty); it is stored as item keys now and labelled for each reader.
Stored labels of English and Chinese sites are mapped back to their keys; a file whose text cannot
be mapped is recomputed."""

import frappe

from leftbehind_care.core.child import COMPLETENESS_ITEMS, stored_missing
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import (
	completeness_labels,
	refresh_care_flags,
)


def execute():
	keys = {}
	for lang in ("en", "zh", frappe.db.get_default("lang")):
		keys.update({label: key for key, label in completeness_labels(lang).items()})
	keys.update({key: key for key in COMPLETENESS_ITEMS})
	unmapped = []
	for name, text in frappe.get_all(
		"Left Behind Child",
		filters={"missing_items": ("is", "set")},
		fields=["name", "missing_items"],
		as_list=True,
	):
		parts = [part.strip() for part in text.replace(",", "、").split("、") if part.strip()]
		if all(part in keys for part in parts):
			frappe.db.set_value(
				"Left Behind Child",
				name,
				"missing_items",
				stored_missing(keys[part] for part in parts),
				update_modified=False,
			)
		else:
			unmapped.append(name)
	refresh_care_flags(unmapped)
