"""Whitelisted methods. Each one is scoped through `frappe.get_list` or the scoping helper."""

from __future__ import annotations

import frappe
from frappe import _


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def search_children(doctype, txt, searchfield, start, page_len, filters):
	"""Link search for children: matches the name, its pinyin (zhangsan) or initials (zs).

	`frappe.get_list` applies the user's scope, so a teacher finds only their own children.
	"""
	text = (txt or "").strip().lower()
	or_filters = {"search_key": ("like", f"%{text}%"), "name": ("like", f"%{text}%")} if text else None
	rows = frappe.get_list(
		"Left Behind Child",
		filters=filters or {},
		or_filters=or_filters,
		fields=["name", "child_name", "care_class", "school"],
		order_by="child_name asc",
		limit_start=start,
		limit_page_length=page_len,
	)
	titles = (
		dict(
			frappe.get_all(
				"Care Class",
				filters={"name": ("in", list({r.care_class for r in rows}))},
				fields=["name", "class_title"],
				as_list=True,
			)
		)
		if rows
		else {}
	)
	return [(r.name, r.child_name, _("{0} {1}").format(r.school, titles.get(r.care_class, ""))) for r in rows]
