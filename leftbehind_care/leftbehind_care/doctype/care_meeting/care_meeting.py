# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""座谈会, 家长会, 研讨会 with their attendance. The rules are in `leftbehind_care.core.meetings`."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import meetings as rules
from leftbehind_care.core.child import check_not_future
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.records import check_child_in_programme
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import ShownToReader, get_scope
from leftbehind_care.utils import class_titles

CHILD = "Left Behind Child"


class CareMeeting(ShownToReader, Document):
	def validate(self) -> None:
		try:
			check_not_future("meeting_date", getdate(self.meeting_date), getdate(nowdate()))
			if self.is_new() or not self.host:
				self.host = frappe.session.user
			self.validate_place()
			rules.check_attendees(
				self.meeting_type,
				[
					rules.Attendee(row.idx, row.attendee_kind, row.child, row.user, row.attendee_name)
					for row in self.attendees
				],
			)
			self.validate_children()
			self.fill_names()
		except RuleError as err:
			if err.code == "future_date":
				err.params["field"] = _(self.meta.get_label("meeting_date"))
			raise_rule_error(err, _("Care Meeting {0}").format(self.topic or self.name))

	def validate_place(self) -> None:
		"""A class meeting is held in the class's school; a user holds meetings only where they
		look after children."""
		if self.care_class:
			self.school = frappe.db.get_value("Care Class", self.care_class, "school")
		if not (self.is_new() or self.has_value_changed("school") or self.has_value_changed("care_class")):
			return
		scope = get_scope()
		if scope.all_schools or self.school in scope.schools or self.care_class in scope.classes:
			return
		if scope.children and self.school in set(
			frappe.get_all(CHILD, filters={"name": ("in", sorted(scope.children))}, pluck="school")
		):
			return  # a mentor, with their paired children of this school
		raise RuleError("meeting_outside_scope", school=self.school, care_class=self.care_class_title())

	def validate_children(self) -> None:
		"""Each child listed (or whose guardian is) belongs to the meeting's school and class, and
		a child added now is one the user looks after and still in the programme."""
		before = self.get_doc_before_save()
		listed_before = {row.child for row in before.attendees} if before else set()
		children = {row.child for row in self.attendees if row.child}
		stored = {
			row.name: row
			for row in frappe.get_all(
				CHILD,
				filters={"name": ("in", sorted(children))},
				fields=["name", "child_name", "school", "care_class", "status"],
			)
		}
		scope = get_scope()
		for row in self.attendees:
			if not row.child or row.child in listed_before:
				continue
			child = stored.get(row.child)
			if not child or not scope.sees_child(child.name, child.school, child.care_class):
				raise RuleError("meeting_child_outside_scope", row=row.idx, child=row.child)
			if child.school != self.school or (self.care_class and child.care_class != self.care_class):
				raise RuleError(
					"meeting_child_elsewhere", row=row.idx, child=child.child_name, place=self.place_title()
				)
			check_child_in_programme(child.status)
		self.child_names = {name: row.child_name for name, row in stored.items()}

	def fill_names(self) -> None:
		"""A child is listed by name; a staff member who logs in, by their full name."""
		for row in self.attendees:
			if row.attendee_kind == rules.CHILD:
				row.attendee_name = self.child_names.get(row.child, row.attendee_name)
			elif row.user and not row.attendee_name:
				row.attendee_name = frappe.utils.get_fullname(row.user)

	def care_class_title(self) -> str | None:
		if not self.care_class:
			return None
		return class_titles({self.care_class}).get(self.care_class, self.care_class)

	def place_title(self) -> str:
		return self.care_class_title() or self.school
