# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""One entry of the compliance ledger (leftbehind_care.ledger), written only by the ledger. School,
class and term are stored as names, not links: the ledger never stands in the way of deleting
them."""

import frappe
from frappe.model.document import Document


class CareComplianceEntry(Document):
	pass


def on_doctype_update():
	# At-Risk Children reads the months that may have missed their talk: ended, below the target.
	frappe.db.add_index("Care Compliance Entry", ["period_type", "talks", "period_end"])
	# A term summary counts the term entries by what they hold: read from the index alone.
	frappe.db.add_index(
		"Care Compliance Entry",
		["period_type", "term", "due_days", "visits", "meetings", "period_start", "period_end"],
		index_name="term_counts_index",
	)
