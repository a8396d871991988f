# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""Who read whose file: the Access Log entries of children's and guardians' files (prints,
exports, REST and form reads), for the county administrator. The rows come from the builder
(`leftbehind_care.reports.child_file_access`); this reads the log and the names it shows in at
most four queries."""

from __future__ import annotations

import functools

import frappe
from frappe import _
from frappe.query_builder.functions import Date, IfNull
from frappe.utils import add_days, getdate, nowdate

from leftbehind_care.privacy import LOGGED
from leftbehind_care.reports import child_file_access as builder
from leftbehind_care.utils import care_report, report_columns, user_names

LIMIT = 5000


@care_report
def execute(filters=None):
	filters = frappe._dict(filters or {})
	entries = access_entries(filters)
	rows = builder.build(
		entries,
		user_names({entry.user for entry in entries if entry.user}),
		record_titles(entries),
		functools.cache(_),  # each DocType, method and format translated once
	)
	return report_columns(builder.COLUMNS), rows


def access_entries(filters) -> list[builder.AccessEntry]:
	log = frappe.qb.DocType("Access Log")
	to_date = getdate(filters.to_date or nowdate())
	from_date = getdate(filters.from_date or add_days(to_date, -30))
	query = (
		frappe.qb.from_(log)
		.select(
			log.creation,
			log.user,
			log.export_from,
			log.reference_document,
			log.method,
			log.report_name,
			log.file_type,
		)
		.where(log.export_from.isin(sorted(LOGGED)))
		.where(Date(log.creation).between(from_date, to_date))
		# Frappe logs every print view as a PDF, without its format; the app's own entry of the
		# same print says HTML or PDF and the format (privacy.log_print).
		.where(~((log.method == "Print") & (IfNull(log.report_name, "") == "")))
		.orderby(log.creation, order=frappe.qb.desc)
		.limit(LIMIT)
	)
	if filters.user:
		query = query.where(log.user == filters.user)
	if filters.child:
		query = query.where(log.reference_document == filters.child)
	return [builder.AccessEntry(*values) for values in query.run()]


def record_titles(entries: list[builder.AccessEntry]) -> dict[tuple[str, str], str]:
	"""The child's or guardian's name of each logged record, one query per DocType."""
	titles = {}
	for doctype, field in (("Left Behind Child", "child_name"), ("Child Guardian", "guardian_name")):
		names = {
			entry.reference_document
			for entry in entries
			if entry.export_from == doctype and entry.reference_document
		}
		if names:
			for name, title in frappe.get_all(
				doctype, filters={"name": ("in", list(names))}, fields=["name", field], as_list=True
			):
				titles[(doctype, name)] = title
	return titles
