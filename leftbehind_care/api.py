"""Whitelisted methods. Each one is scoped through `frappe.get_list` or the scoping helper."""

from __future__ import annotations

import frappe
from frappe import _

from leftbehind_care.permissions import class_criterion, get_scope
from leftbehind_care.utils import class_titles


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
		fields=["name", "child_name", "care_class", "school", "unsupervised_alert"],
		order_by="child_name asc",
		limit_start=start,
		limit_page_length=page_len,
	)
	titles = class_titles({r.care_class for r in rows})
	return [(r.name, r.child_name, describe_child(r, titles.get(r.care_class, ""))) for r in rows]


def describe_child(row, class_title: str) -> str:
	"""School and class, and the unsupervised-child alert wherever the child is picked."""
	description = _("{0} {1}").format(row.school, class_title)
	if row.unsupervised_alert:
		description = _("{0} · Unsupervised").format(description)
	return description


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def search_filing_classes(doctype, txt, searchfield, start, page_len, filters):
	"""The classes the user may file children in: all for an administrator, the school's for a
	leader or counsellor, their own for a class teacher — the scope that validation enforces."""
	scope = get_scope()
	if not (scope.all_schools or scope.schools or scope.classes):
		return []
	care_class = frappe.qb.DocType("Care Class")
	query = (
		frappe.qb.from_(care_class)
		.select(care_class.name, care_class.class_title, care_class.school)
		.where(care_class.is_active == 1)
		.orderby(care_class.school)
		.orderby(care_class.grade)
		.orderby(care_class.class_no)
		.limit(page_len)
		.offset(start)
	)
	criterion = class_criterion(scope, care_class)
	if criterion is not None:
		query = query.where(criterion)
	text = (txt or "").strip()
	if text:
		like = f"%{text}%"
		query = query.where(
			care_class.name.like(like) | care_class.class_title.like(like) | care_class.school.like(like)
		)
	if isinstance(filters, dict) and filters.get("school"):
		query = query.where(care_class.school == filters["school"])
	return query.run()
