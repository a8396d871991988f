# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.terms import Term, check_term
from leftbehind_care.messages import raise_rule_error


class CareTerm(Document):
	def validate(self) -> None:
		others = [
			Term(row.name, getdate(row.start_date), getdate(row.end_date))
			for row in frappe.get_all("Care Term", fields=["name", "start_date", "end_date"])
		]
		try:
			check_term(Term(self.name, getdate(self.start_date), getdate(self.end_date)), others)
		except RuleError as err:
			raise_rule_error(err, _("Term {0}").format(self.term_name))
