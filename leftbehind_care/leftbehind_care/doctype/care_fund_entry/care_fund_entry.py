# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from decimal import Decimal

from frappe import _
from frappe.model.document import Document

from leftbehind_care.core import support as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope

USES = {"Boarding Improvement": "boarding", "Aid": "aid", "Activities": "activities"}


class CareFundEntry(Document):
	"""A school's term: its pupils and boarders, and the public funds allocated and spent on
	boarding, aid and activities for left-behind children, so the term summary states the share."""

	def validate(self) -> None:
		try:
			scope = get_scope()
			if not (scope.all_schools or self.school in scope.schools):
				raise RuleError("school_outside_scope", school=self.school)
			lines = self.lines()
			rules.check_funds(lines)
		except RuleError as err:
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.name or self.school))
		self.share_spent = rules.fund_share(Decimal(str(self.public_funds or 0)), lines)

	def lines(self) -> list[rules.FundLine]:
		return [
			rules.FundLine(
				use,
				Decimal(str(self.get(f"{key}_allocated") or 0)),
				Decimal(str(self.get(f"{key}_spent") or 0)),
			)
			for use, key in USES.items()
		]
