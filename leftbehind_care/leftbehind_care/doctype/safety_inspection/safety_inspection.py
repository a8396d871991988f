# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import safety as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.records import check_recorded_on
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope


class SafetyInspection(Document):
	"""安全排查 of a school and its surroundings, with the hazards found: who fixes each by when, when
	it was fixed or to which department it was reported. A hazard past its deadline, neither fixed
	nor reported, alerts the school's leaders once (`support_jobs.alert_overdue_hazards`)."""

	def validate(self) -> None:
		today = getdate(nowdate())
		try:
			scope = get_scope()
			if not (scope.all_schools or self.school in scope.schools):
				raise RuleError("school_outside_scope", school=self.school)
			check_recorded_on("inspection_date", getdate(self.inspection_date), None, today)
			found = getdate(self.inspection_date)
			for row in self.hazards:
				hazard = hazard_of(row, found)
				rules.check_hazard(hazard, today)
				row.overdue = int(rules.is_overdue(hazard, today))
				row.affected_children = self.affected_children(row)
		except RuleError as err:
			if err.code == "future_date":
				err.params["field"] = _(self.meta.get_label("inspection_date"))
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.name or self.school))
		self.overdue_hazards = sum(row.overdue for row in self.hazards)
		self.open_hazards = sum(not rules.is_settled(hazard_of(row, found)) for row in self.hazards)

	def affected_children(self, row) -> str | None:
		"""The file numbers typed in, one per line, each a child of the inspected school."""
		names = [
			line.strip()
			for line in (row.affected_children or "").replace(",", "\n").splitlines()
			if line.strip()
		]
		for name in names:
			if frappe.db.get_value("Left Behind Child", name, "school") != self.school:
				raise RuleError("hazard_child_elsewhere", row=row.idx, child=name, school=self.school)
		return "\n".join(dict.fromkeys(names)) or None


def hazard_of(row, found) -> rules.Hazard:
	return rules.Hazard(
		row.idx,
		found,
		getdate(row.deadline) if row.deadline else None,
		getdate(row.fixed_on) if row.fixed_on else None,
		row.reported_to,
		getdate(row.reported_on) if row.reported_on else None,
	)
