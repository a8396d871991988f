# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import pairing as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.scope import MENTOR
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope
from leftbehind_care.utils import ensure_user_has_role, normalize_phone_field


class MentorPairing(Document):
	def validate(self) -> None:
		try:
			child = self.load_child()
			self.validate_child_in_scope(child)
			self.child_name, self.school, self.care_class = child.child_name, child.school, child.care_class
			self.set_mentor()
			mentor = self.mentor()
			rules.check_mentor(mentor, child.school)
			rules.check_dates(self.start(), self.end(), getdate(nowdate()))
			if self.status == rules.ACTIVE:
				if self.is_new() or self.has_value_changed("child"):
					rules.check_child_active(child.status)
				others = self.other_pairings(mentor)
				rules.check_not_paired_twice(self.child, mentor, self.start(), self.end(), others)
				rules.check_capacity(mentor, others, self.start(), self.capacity())
		except RuleError as err:
			if err.code == "future_date":
				err.params["field"] = _("Paired From")
			raise_rule_error(err, _("Mentor Pairing {0}").format(self.child_name or self.child or self.name))

	def load_child(self):
		return frappe.db.get_value(
			"Left Behind Child", self.child, ["child_name", "school", "care_class", "status"], as_dict=True
		)

	def validate_child_in_scope(self, child) -> None:
		"""A teacher pairs their own children, a leader their school's. The refusal names the file
		number the user typed, never what is on file."""
		if not (self.is_new() or self.has_value_changed("child")):
			return
		if not get_scope().sees_child(self.child, child.school, child.care_class):
			self.child_name = None
			raise RuleError("pairing_child_outside_scope", child=self.child)

	def set_mentor(self) -> None:
		if self.mentor_user:
			ensure_user_has_role(self.mentor_user, MENTOR)
			self.mentor_name = self.mentor_name or frappe.utils.get_fullname(self.mentor_user)
		if self.mentor_phone:
			self.mentor_phone = normalize_phone_field(self.mentor_phone, _("Mentor Phone"))

	def mentor(self) -> rules.Mentor:
		return rules.Mentor(
			self.mentor_kind, self.mentor_user, self.mentor_name, self.mentor_phone, self.mentor_school
		)

	def start(self):
		return getdate(self.from_date)

	def end(self):
		return getdate(self.to_date) if self.to_date else None

	def capacity(self) -> int:
		return frappe.db.get_single_value("Care Settings", "mentor_capacity") or 3

	def other_pairings(self, mentor: rules.Mentor) -> list[rules.Pairing]:
		"""The mentor's other active pairings, in one query."""
		who = {"mentor_user": mentor.user} if mentor.user else {"mentor_phone": mentor.phone}
		rows = frappe.get_all(
			"Mentor Pairing",
			filters={"status": rules.ACTIVE, "name": ("!=", self.name or ""), **who},
			fields=["name", "child", "from_date", "to_date", "status"],
		)
		return [
			rules.Pairing(
				row.name,
				row.child,
				mentor.key,
				getdate(row.from_date),
				getdate(row.to_date) if row.to_date else None,
				row.status,
			)
			for row in rows
		]


def end_pairings_of(child: str, left_on, reason: str) -> None:
	"""A child who leaves the programme leaves their mentors too."""
	for row in frappe.get_all(
		"Mentor Pairing", filters={"child": child, "status": rules.ACTIVE}, fields=["name", "from_date"]
	):
		frappe.db.set_value(
			"Mentor Pairing",
			row.name,
			{
				"status": rules.ENDED,
				"to_date": rules.end_date_on_leaving(getdate(row.from_date), getdate(left_on)),
				"end_reason": reason,
			},
		)
