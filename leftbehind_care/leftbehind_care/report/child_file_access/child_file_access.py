# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""Who read whose file: the Access Log entries of children's and guardians' files (prints,
exports, REST and form reads), for the county administrator."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.query_builder.functions import Date, IfNull
from frappe.utils import add_days, getdate, nowdate

from leftbehind_care.privacy import LOGGED
from leftbehind_care.utils import user_names

LIMIT = 5000


def execute(filters=None):
	filters = frappe._dict(filters or {})
	return columns(), rows(filters)


def columns() -> list[dict]:
	return [
		{"fieldname": "creation", "label": _("When"), "fieldtype": "Datetime", "width": 180},
		# The person's name, not their login (an e-mail address); the filter takes the login.
		{"fieldname": "user_name", "label": _("User"), "fieldtype": "Data", "width": 100},
		{"fieldname": "export_from", "label": _("Document Type"), "fieldtype": "Data", "width": 100},
		{"fieldname": "reference_document", "label": _("Record"), "fieldtype": "Data", "width": 150},
		{"fieldname": "record_name", "label": _("Child or Guardian"), "fieldtype": "Data", "width": 110},
		{"fieldname": "method", "label": _("How"), "fieldtype": "Data", "width": 80},
		{"fieldname": "report_name", "label": _("Format or Report"), "fieldtype": "Data", "width": 140},
		{"fieldname": "file_type", "label": _("File Type"), "fieldtype": "Data", "width": 80},
	]


def rows(filters) -> list[dict]:
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
	data = query.run(as_dict=True)
	titles = record_titles(data)
	people = user_names({row.user for row in data if row.user})
	for row in data:
		row.user_name = people.get(row.user) or row.user
		row.record_name = titles.get((row.export_from, row.reference_document), "")
		row.export_from = _(row.export_from)
		row.method = _(row.method) if row.method else ""
		row.report_name = _(row.report_name) if row.report_name else ""
		# A print read in the browser is a web page to its reader; PDF, CSV and Excel keep their names.
		row.file_type = _("Web Page") if row.file_type == "HTML" else row.file_type
	return data


def record_titles(data) -> dict:
	"""The child's or guardian's name of each logged record, one query per DocType."""
	titles = {}
	for doctype, field in (("Left Behind Child", "child_name"), ("Child Guardian", "guardian_name")):
		names = {
			row.reference_document for row in data if row.export_from == doctype and row.reference_document
		}
		if names:
			for name, title in frappe.get_all(
				doctype, filters={"name": ("in", list(names))}, fields=["name", field], as_list=True
			):
				titles[(doctype, name)] = title
	return titles
