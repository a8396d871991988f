# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe

from leftbehind_care.records import ChildRecord


class FamilyContact(ChildRecord):
	"""家校联系: a call, video, letter or meeting with the parents away or the guardian."""

	date_field = "contact_date"
	recorder_field = "contacted_by"
	parent_fields = ("logged_by_parent",)


def on_doctype_update():
	# 亲情有护 (Care Coverage) reads each child's latest contact with a parent.
	frappe.db.add_index("Family Contact", ["child", "with_whom", "contact_date"])
