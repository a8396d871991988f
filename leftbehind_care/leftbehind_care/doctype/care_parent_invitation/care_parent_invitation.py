# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import get_datetime, now_datetime

from leftbehind_care.core import parents as rules
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.errors import RuleError
from leftbehind_care.records import ChildRecord

# Set when issued; no save changes them afterwards.
ISSUED = ("invitee_name", "relation", "phone", "issued_at", "expires_at", "code_key")
# Set only by the parent's opening of the invitation (家长端).
OPENED = ("phone_tries", "used_at", "user", "notice_version", "notice_accepted_at")


class CareParentInvitation(ChildRecord):
	"""家长邀请: a one-time code a class teacher or school leader gives a parent away or a guardian
	of the child, to open their own pages (家长端). The code is shown once to whoever issues it and
	stored encrypted; the invitation is found by a digest of it."""

	date_field = "issued_on"
	recorder_field = "issued_by"

	def validate_record(self, child) -> None:
		if self.is_new():
			self.issue(child)
			return
		before = self.get_doc_before_save()
		if before is None:  # validated as stored: nothing changes
			return
		for field in ISSUED + ("code",) + (() if self.flags.from_parent else OPENED):
			self.set(field, before.get(field))
		rules.check_status_change(before.status, self.status, bool(self.flags.from_parent))
		if self.status == rules.REVOKED and before.status != rules.REVOKED:
			self.revoked_at, self.revoked_by = now_datetime(), frappe.session.user

	def issue(self, child) -> None:
		rows = rules.ROWS.get(self.invitee_kind)
		if rows is None:
			raise RuleError("invitation_invitee_kind", kind=self.invitee_kind)
		row = frappe.db.get_value(
			rows.doctype,
			{"name": self.invitee_row, "parent": self.child, "parentfield": rows.field},
			[rows.name_field, "relation", "phone"],
			as_dict=True,
		)
		if not row:
			raise RuleError("invitation_row_missing", row=self.invitee_row)
		self.phone = rules.check_invitee(self.invitee_kind, row.phone, child.status == ACTIVE)
		self.invitee_name, self.relation = row.get(rows.name_field), row.relation
		code = rules.new_code()
		self.flags.code = code  # shown once, to whoever issued it
		self.code, self.code_key = code, rules.code_key(code)
		self.status, self.phone_tries = rules.PENDING, 0
		self.issued_at = now_datetime()
		self.expires_at = rules.expires_at(get_datetime(self.issued_at))
		self.used_at = self.user = self.revoked_at = self.revoked_by = None

	def after_insert(self) -> None:
		# A new invitation replaces the person's invitations not yet used.
		for name in frappe.get_all(
			self.doctype,
			filters={
				"child": self.child,
				"invitee_row": self.invitee_row,
				"status": rules.PENDING,
				"name": ("!=", self.name),
			},
			pluck="name",
		):
			earlier = frappe.get_doc(self.doctype, name)
			earlier.status = rules.REVOKED
			earlier.save()

	def on_update(self) -> None:
		before = self.get_doc_before_save()
		if before and before.status != rules.REVOKED and self.status == rules.REVOKED and self.user:
			from leftbehind_care.parents import close_account_without_children

			close_account_without_children(self.user)
