"""Scheduled jobs."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import add_years, getdate, nowdate

from leftbehind_care.core.child import ACTIVE, AGE_LIMIT, AGED_OUT, changed_ages


def close_aged_out_children() -> None:
	"""A child who turned 16 leaves the programme as Aged Out, with the birthday as the date."""
	today = getdate(nowdate())
	names = frappe.get_all(
		"Left Behind Child",
		filters={"status": ACTIVE, "birth_date": ("<=", add_years(today, -AGE_LIMIT))},
		pluck="name",
	)
	for name in names:
		child = frappe.get_doc("Left Behind Child", name)
		child.status = AGED_OUT
		child.status_date = add_years(getdate(child.birth_date), AGE_LIMIT)
		child.status_reason = _("Turned {0}").format(AGE_LIMIT)
		child.flags.ignore_permissions = True
		child.save()


def refresh_ages() -> None:
	"""The stored age (shown in lists and reports) follows each child's birthday."""
	rows = frappe.get_all(
		"Left Behind Child",
		filters={"status": ACTIVE, "birth_date": ("is", "set")},
		fields=["name", "birth_date", "age"],
		as_list=True,
	)
	for name, age in changed_ages(rows, getdate(nowdate())).items():
		frappe.db.set_value("Left Behind Child", name, "age", age, update_modified=False)
