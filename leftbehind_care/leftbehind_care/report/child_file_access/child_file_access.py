# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""Who read whose file: the Access Log entries of children's and guardians' files (prints,
exports, REST and form reads), for the county administrator. The rows come from the builder
(`leftbehind_care.reports.child_file_access`); this reads the log and the names it shows in one
query."""

from __future__ import annotations

import functools

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, IfNull
from frappe.utils import add_days, getdate, nowdate

from leftbehind_care.compliance import CHILD
from leftbehind_care.core.scope import sees_all
from leftbehind_care.privacy import LOGGED
from leftbehind_care.reports import child_file_access as builder
from leftbehind_care.utils import care_report, report_columns

LIMIT = 5000
GUARDIAN = "Child Guardian"


@care_report
def execute(filters=None):
	if not sees_all(frappe.get_roles()):
		# Whoever reaches this function (the report's roles say the same for the report page): the
		# log of every school's reads is the county administrator's.
		raise frappe.PermissionError
	filters = frappe._dict(filters or {})
	entries, names, titles = gather(filters)
	rows = builder.build(entries, names, titles, functools.cache(_))  # each word translated once
	return report_columns(builder.COLUMNS), rows


def gather(filters):
	"""The newest entries (at most LIMIT) of the chosen days about children's and guardians'
	files, each reader's full name and each record's person, in one query."""
	log = frappe.qb.DocType("Access Log")
	user = frappe.qb.DocType("User")
	child = frappe.qb.DocType(CHILD)
	guardian = frappe.qb.DocType(GUARDIAN)
	to_date = getdate(filters.to_date or nowdate())
	from_date = getdate(filters.from_date or add_days(to_date, -30))
	query = (
		frappe.qb.from_(log)
		.left_join(user)
		.on(user.name == log.user)
		.left_join(child)
		.on((log.export_from == CHILD) & (child.name == log.reference_document))
		.left_join(guardian)
		.on((log.export_from == GUARDIAN) & (guardian.name == log.reference_document))
		.select(
			log.creation,
			log.user,
			log.export_from,
			log.reference_document,
			log.method,
			log.report_name,
			log.file_type,
			user.full_name,
			Coalesce(child.child_name, guardian.guardian_name),
		)
		.where(log.export_from.isin(sorted(LOGGED)))
		# the days chosen, whole, as a range of the indexed column
		.where(log.creation >= from_date)
		.where(log.creation < add_days(to_date, 1))
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
	entries, names, titles = [], {}, {}
	entry = builder.AccessEntry
	for *values, full_name, title in query.run():
		found = entry(*values)
		entries.append(found)
		if full_name:
			names[found.user] = full_name
		if title:
			titles[(found.export_from, found.reference_document)] = title
	return entries, names, titles
