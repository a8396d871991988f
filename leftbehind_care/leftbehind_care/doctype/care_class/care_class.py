# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.scope import CLASS_TEACHER
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import normalize
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.utils import ensure_user_has_role

GRADES = range(1, 10)


class CareClass(Document):
	def autoname(self) -> None:
		# One class per school, grade and number: the name itself forbids duplicates.
		self.name = f"{self.school}-{self.grade}-{self.class_no}"

	def validate(self) -> None:
		try:
			if self.grade not in GRADES:
				raise RuleError("grade_out_of_range", grade=self.grade)
			if self.class_teacher:
				ensure_user_has_role(self.class_teacher, CLASS_TEACHER)
			if self.class_teacher_phone:
				self.class_teacher_phone = normalize(self.class_teacher_phone, _("Class Teacher Phone"))
			for row in self.subject_teachers:
				if row.phone:
					row.phone = normalize(
						row.phone, _("Subject Teachers row {0}: {1}").format(row.idx, row.teacher_name)
					)
		except RuleError as err:
			raise_rule_error(err, _("Class {0}").format(self.name or self.school))
		# Stored title, so it is written in the site's language, not the editing user's.
		self.class_title = _("Grade {0} Class {1}", lang=frappe.db.get_default("lang")).format(
			self.grade, self.class_no
		)

	def on_update(self) -> None:
		if self.has_value_changed("school") and not self.is_new():
			frappe.db.set_value("Left Behind Child", {"care_class": self.name}, "school", self.school)
