# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.school import check_grade, class_name, class_title, entry_year
from leftbehind_care.core.scope import CLASS_TEACHER
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope
from leftbehind_care.utils import ensure_user_has_role, normalize_phone_field


class CareClass(Document):
	def autoname(self) -> None:
		if not self.year_of_entry:
			school_type = frappe.db.get_value("Care School", self.school, "school_type")
			self.year_of_entry = entry_year(self.grade, school_type, getdate(nowdate()))
		self.name = class_name(self.school, self.year_of_entry, self.class_no)

	def validate(self) -> None:
		try:
			check_grade(self.grade)
			self.validate_school_in_scope()
			self.validate_not_duplicate()
			if self.class_teacher:
				ensure_user_has_role(self.class_teacher, CLASS_TEACHER)
			self.normalize_phones()
		except RuleError as err:
			raise_rule_error(err, _("Class {0}").format(self.name or self.school))
		self.class_title = class_title(self.grade, self.class_no)

	def validate_school_in_scope(self) -> None:
		"""A school leader opens and changes classes of their own schools only."""
		scope = get_scope()
		if scope.all_schools or self.school in scope.schools:
			return
		raise RuleError(
			"class_school_outside_scope", school=self.school, yours="、".join(sorted(scope.schools)) or "-"
		)

	def validate_not_duplicate(self) -> None:
		"""One active class per school, grade and number (two 3年级(1)班 would confuse everyone)."""
		if not self.is_active:
			return
		existing = frappe.db.get_value(
			"Care Class",
			{
				"school": self.school,
				"grade": self.grade,
				"class_no": self.class_no,
				"is_active": 1,
				"name": ("!=", self.name),
			},
		)
		if existing:
			raise RuleError("class_duplicate", grade=self.grade, class_no=self.class_no, existing=existing)

	def normalize_phones(self) -> None:
		if self.class_teacher_phone:
			self.class_teacher_phone = normalize_phone_field(
				self.class_teacher_phone, _("Class Teacher Phone")
			)
		for row in self.subject_teachers:
			if row.phone:
				row.phone = normalize_phone_field(
					row.phone, _("Subject Teachers row {0}: {1}").format(row.idx, row.teacher_name)
				)
