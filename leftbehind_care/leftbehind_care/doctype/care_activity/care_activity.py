# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.compliance import term_of
from leftbehind_care.core import activities as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import ShownToReader, get_scope, sees_meeting


class CareActivity(ShownToReader, Document):
	"""关爱活动: a theme class meeting, group activity, show, contest or performance, at a school or a
	township venue, with the children who took part — each one a child the organiser looks after."""

	def validate(self) -> None:
		user = frappe.session.user
		if self.is_new() or not self.host:
			self.host = user
		scope = get_scope()
		try:
			if not sees_meeting(scope, user, self.school, self.care_class, self.host, self.owner):
				raise RuleError("school_outside_scope", school=self.care_class or self.school)
			if (
				self.care_class
				and frappe.db.get_value("Care Class", self.care_class, "school") != self.school
			):
				self.school = frappe.db.get_value("Care Class", self.care_class, "school")
			rules.check_activity(
				self.activity_kind, getdate(self.activity_date), getdate(nowdate()), len(self.participants)
			)
			rules.check_participants(
				[(row.idx, row.child) for row in self.participants], self.children_in_scope(scope)
			)
		except RuleError as err:
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.title or ""))
		term = term_of(getdate(self.activity_date))
		self.term = term.name if term else None
		self.participant_count = len(self.participants)

	def children_in_scope(self, scope) -> set[str]:
		"""The listed children the user looks after (children kept from before a change count too:
		someone else may have listed them)."""
		names = [row.child for row in self.participants if row.child]
		if not names:
			return set()
		before = self.get_doc_before_save()
		kept = {row.child for row in before.participants} if before else set()
		rows = frappe.get_all(
			"Left Behind Child", filters={"name": ("in", names)}, fields=["name", "school", "care_class"]
		)
		return {r.name for r in rows if r.name in kept or scope.sees_child(r.name, r.school, r.care_class)}


@frappe.whitelist()
def class_children(care_class: str) -> list[dict]:
	"""The active children of a class the user sees, to add a class at once."""
	return frappe.get_list(
		"Left Behind Child",
		filters={"care_class": care_class, "status": "Active"},
		fields=["name as child", "child_name", "care_class", "school"],
		order_by="child_name asc",
		limit_page_length=0,
	)


def on_doctype_update():
	# Care Activity Counts and Care Coverage read a term's activities.
	frappe.db.add_index("Care Activity", ["term", "activity_date"])
