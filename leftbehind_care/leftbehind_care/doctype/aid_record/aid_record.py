# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from decimal import Decimal

from frappe.utils import getdate

from leftbehind_care.compliance import term_of
from leftbehind_care.core import support as rules
from leftbehind_care.records import ChildRecord


class AidRecord(ChildRecord):
	"""资助: money or goods given to a child, from the compulsory-education guarantee to a donation."""

	date_field = "aid_date"
	recorder_field = "handed_over_by"

	def validate_record(self, child) -> None:
		# A Currency field left empty is stored as 0: for money, 0 is refused as not positive; goods
		# may come without an amount.
		amount = Decimal(str(self.amount or 0))
		if self.aid_kind == rules.GOODS and not amount:
			amount = None
		rules.check_aid(self.aid_kind, amount, self.items, self.donor)
		term = term_of(getdate(self.aid_date))
		self.term = term.name if term else None
