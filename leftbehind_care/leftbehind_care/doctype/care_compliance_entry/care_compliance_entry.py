# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""One entry of the compliance ledger (leftbehind_care.ledger), written only by the ledger. School,
class and term are stored as names, not links: the ledger never stands in the way of deleting
them."""

from frappe.model.document import Document


class CareComplianceEntry(Document):
	pass
