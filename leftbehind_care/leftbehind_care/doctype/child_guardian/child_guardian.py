# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core.child import age_on, check_not_future
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.identity import parse_id_number
from leftbehind_care.core.names import search_key
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import (
	duplicate_error,
	refresh_care_flags,
)
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import ShownToReader
from leftbehind_care.privacy import log_print
from leftbehind_care.utils import normalize_phone_field

# Fields of the guardian copied into each child's guardian rows (Left Behind Child Guardian).
COPIED_FIELDS = ("guardian_name", "relation", "phone", "capacity")


class ChildGuardian(ShownToReader, Document):
	def validate(self) -> None:
		try:
			self.apply_id_number()
			if self.phone:
				self.phone = normalize_phone_field(self.phone, _("Phone"))
			check_not_future(
				"agreement_signed_on",
				getdate(self.agreement_signed_on) if self.agreement_signed_on else None,
				getdate(nowdate()),
			)
		except RuleError as err:
			if err.code == "future_date":
				err.params["field"] = _("Signed On")
			raise_rule_error(err, _("Guardian {0}").format(self.guardian_name))
		self.search_key = search_key(self.guardian_name)

	def before_print(self, settings=None) -> None:
		super().before_print(settings)
		log_print(self)

	def on_update(self) -> None:
		if any(self.has_value_changed(field) for field in (*COPIED_FIELDS, "age")):
			self.update_copies_in_children()
			refresh_care_flags(self.linked_children())

	def update_copies_in_children(self) -> None:
		"""Children's guardian rows hold a copy of name, relation, phone and capacity (fetch_from),
		which Frappe fills only when the row is saved: keep them current."""
		frappe.db.set_value(
			"Left Behind Child Guardian",
			{"guardian": self.name, "parenttype": "Left Behind Child"},
			{field: self.get(field) for field in COPIED_FIELDS},
			update_modified=False,
		)

	def on_trash(self) -> None:
		children = self.linked_children()
		if children:
			frappe.throw(
				_(
					"Guardian {0} is still linked to {1}. Remove them from those children's files first."
				).format(self.guardian_name, ", ".join(children)),
				title=_("Guardian in Use"),
			)

	def apply_id_number(self) -> None:
		if not self.id_number:
			self.id_number = None  # unique column: store NULL, never ""
			return
		today = getdate(nowdate())
		identity = parse_id_number(self.id_number, today)
		self.id_number = identity.number
		self.age = age_on(identity.birth_date, today)
		existing = frappe.db.get_value(
			"Child Guardian", {"id_number": identity.number, "name": ("!=", self.name)}
		)
		if existing:
			raise duplicate_error(self.doctype, existing, "id_duplicate", number=identity.number)

	def linked_children(self) -> list[str]:
		return frappe.get_all(
			"Left Behind Child Guardian",
			filters={"guardian": self.name, "parenttype": "Left Behind Child"},
			pluck="parent",
			distinct=True,
		)
