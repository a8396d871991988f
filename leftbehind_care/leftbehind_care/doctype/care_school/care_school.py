# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

from frappe import _
from frappe.model.document import Document

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.scope import COUNSELOR, INSPECTOR, SCHOOL_LEADER
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.utils import ensure_user_has_role, normalize_phone_field

MEMBER_ROLES = {"Leader": SCHOOL_LEADER, "Counselor": COUNSELOR, "Inspector": INSPECTOR}


class CareSchool(Document):
	def validate(self) -> None:
		try:
			if self.phone:
				self.phone = normalize_phone_field(self.phone, _("School Phone"))
			for row in self.members:
				if row.phone:
					row.phone = normalize_phone_field(row.phone, _("Members row {0}").format(row.idx))
				ensure_user_has_role(row.user, MEMBER_ROLES[row.member_role])
		except RuleError as err:
			raise_rule_error(err, _("School {0}").format(self.school_name))

	def on_update(self) -> None:
		# A leader who joins or leaves the leadership group changes who may approve its plans.
		from leftbehind_care.plans import refresh_approval_by_county

		refresh_approval_by_county(self.name)
