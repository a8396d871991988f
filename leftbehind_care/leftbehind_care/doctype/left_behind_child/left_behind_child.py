# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care.core import child as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.names import search_key
from leftbehind_care.leftbehind_care.doctype.mentor_pairing.mentor_pairing import end_pairings_of
from leftbehind_care.messages import (
	entry_problems_message,
	problems_title,
	raise_rule_error,
	raise_rule_errors,
	rule_message,
)
from leftbehind_care.permissions import ShownToReader, get_scope
from leftbehind_care.privacy import log_print
from leftbehind_care.support import open_dropout_case
from leftbehind_care.utils import class_labels


class LeftBehindChild(ShownToReader, Document):
	def validate(self) -> None:
		try:
			self.validate_class_in_scope()
			self.validate_guardians_in_scope()
		except RuleError as err:
			raise_rule_error(err, self.record_label())
		self.apply_entry()
		try:
			self.validate_not_duplicate()
			self.validate_status()
		except RuleError as err:
			raise_rule_error(err, self.record_label())
		self.log_status_change()
		self.search_key = search_key(self.child_name)
		self.set_care_flags()

	def on_update(self) -> None:
		self.end_pairings_on_leaving()
		open_dropout_case(self)

	def before_print(self, settings=None) -> None:
		super().before_print(settings)
		log_print(self)

	def end_pairings_on_leaving(self) -> None:
		if self.status != rules.ACTIVE and self.has_value_changed("status"):
			end_pairings_of(
				self.name,
				self.status_date or self.today(),
				_("The child left the programme: {0}", lang=frappe.db.get_default("lang")).format(
					_(self.status, lang=frappe.db.get_default("lang"))
				),
			)

	def on_trash(self) -> None:
		frappe.throw(
			_(
				"Children's files are never deleted. Set the status (for example Transferred or Graduated) with a date and a reason instead."
			),
			title=_("Not Allowed"),
		)

	def record_label(self) -> str:
		return _("Left Behind Child {0}").format(self.child_name or self.name)

	def today(self):
		return getdate(nowdate())

	# ---- validation steps, in the order a file is filled in

	def validate_class_in_scope(self) -> None:
		"""A class teacher files children only in their own classes; a leader in their school."""
		self.school = frappe.db.get_value("Care Class", self.care_class, "school")
		if not (self.is_new() or self.has_value_changed("care_class")):
			return
		scope = get_scope()
		if scope.sees_child(None, self.school, self.care_class):
			return
		labels = class_labels({self.care_class, *scope.classes})
		yours = sorted(labels.get(c, c) for c in scope.classes) or sorted(scope.schools)
		raise RuleError(
			"class_outside_scope",
			care_class=labels.get(self.care_class, self.care_class),
			yours="、".join(yours) or "-",
		)

	def validate_guardians_in_scope(self) -> None:
		"""A guardian is added to a file only if the user may already read them: linking someone
		else's guardian would otherwise show their phone and ID number from then on."""
		before = self.get_doc_before_save()
		linked = {row.guardian for row in before.guardians} if before else set()
		for row in self.guardians:
			if row.guardian and row.guardian not in linked and not can_read_guardian(row.guardian):
				raise RuleError("guardian_outside_scope", row=row.idx, guardian=row.guardian)

	def apply_entry(self) -> None:
		"""The ID number, dates and phones as typed: every problem in one message, or the
		birth date and gender read from the ID number and the phones in their stored form."""
		check = rules.check_entry(self.entry(), self.today())
		if check.problems:
			raise_rule_errors(check.problems, self.record_label(), self.field_label)
		if check.identity:
			self.id_number = check.identity.number
			self.birth_date = check.identity.birth_date
			self.gender = check.identity.gender
			self.validate_id_not_duplicate()
		else:
			self.id_number = None  # unique column: store NULL, never ""
		for key, phone in check.phones.items():
			set_by_key(self, key, phone)
		self.age = rules.age_on(getdate(self.birth_date), self.today()) if self.birth_date else None

	def entry(self) -> rules.Entry:
		# Only what the user typed in this save must agree with the ID number; values taken from
		# a corrected ID number are simply taken again.
		typed = {
			f: self.get(f) if self.is_new() or self.has_value_changed(f) else None
			for f in ("birth_date", "gender")
		}
		dates = {f: self.get(f) for f in ("left_behind_since", "contact_card_issued_on", "filed_on")}
		phones = {"village_contact_phone": self.village_contact_phone}
		for row in self.parents_away:
			dates[f"parents_away.{row.idx}.away_since"] = row.away_since
			phones[f"parents_away.{row.idx}.phone"] = row.phone
		return rules.Entry(
			id_number=self.id_number,
			birth_date=getdate(typed["birth_date"]) if typed["birth_date"] else None,
			gender=typed["gender"],
			dates={key: getdate(value) if value else None for key, value in dates.items()},
			phones=phones,
		)

	def field_label(self, key: str) -> str:
		"""`left_behind_since` → 留守起始日期; `parents_away.2.phone` → 外出务工父母 第 2 行（张大山）：电话."""
		return entry_field_label(self, key)

	def validate_id_not_duplicate(self) -> None:
		existing = frappe.db.get_value(
			"Left Behind Child", {"id_number": self.id_number, "name": ("!=", self.name)}, "name"
		)
		if existing:
			raise_rule_error(
				duplicate_error(self.doctype, existing, "id_duplicate", number=self.id_number),
				self.record_label(),
			)

	def validate_not_duplicate(self) -> None:
		"""Without an ID number, the same name, birth date and school is probably the same child."""
		if self.id_number or not self.birth_date:
			return
		existing = frappe.db.get_value(
			"Left Behind Child",
			{
				"child_name": self.child_name,
				"birth_date": self.birth_date,
				"school": self.school,
				"name": ("!=", self.name),
			},
			"name",
		)
		if existing:
			raise duplicate_error(
				self.doctype,
				existing,
				"possible_duplicate_child",
				child_name=self.child_name,
				birth_date=getdate(self.birth_date),
				school=self.school,
			)

	def validate_status(self) -> None:
		# A new status needs its own date: the date of the previous status does not carry over.
		status_date = self.status_date
		if (
			not self.is_new()
			and self.has_value_changed("status")
			and not self.has_value_changed("status_date")
		):
			status_date = None
		rules.check_status(
			self.status,
			getdate(self.birth_date) if self.birth_date else None,
			getdate(status_date) if status_date else None,
			self.status_reason,
			self.today(),
		)

	# ---- derived values

	def log_status_change(self) -> None:
		if not (self.is_new() or self.has_value_changed("status")):
			return
		if self.status == rules.ACTIVE and not self.status_date:
			self.status_date = self.filed_on or self.today()
		self.append(
			"status_log",
			{
				"status": self.status,
				"status_date": self.status_date,
				"reason": self.status_reason,
				"changed_by": frappe.session.user,
			},
		)

	def set_care_flags(self) -> None:
		"""The unsupervised-child alert and archive completeness, from this file and its guardians."""
		guardians = guardian_facts([row.guardian for row in self.guardians])
		self.unsupervised_alert = int(
			rules.is_unsupervised(
				self.status, self.age, [rules.GuardianFacts(g.capacity, g.age) for g in guardians.values()]
			)
		)
		completeness = rules.archive_completeness(self.completeness_facts(guardians))
		self.completeness = completeness.percent
		self.missing_items = rules.stored_missing(completeness.missing)

	def onload(self) -> None:
		# What the file lacks, in the reader's language (stored as item keys).
		self.set_onload("missing_labels", missing_item_labels(self.missing_items))

	def completeness_facts(self, guardians: dict) -> dict:
		return {
			"id_number": self.id_number,
			"birth_date": self.birth_date,
			"gender": self.gender,
			"ethnicity": self.ethnicity,
			"household_register": self.household_register,
			"address": self.address,
			"village_contact": self.village_contact_name and self.village_contact_phone,
			"care_class": self.care_class,
			"left_behind_type": self.left_behind_type,
			"left_behind_since": self.left_behind_since,
			"parent_away": bool(self.parents_away),
			"parent_phone": any(row.phone for row in self.parents_away),
			"guardian": bool(guardians),
			"guardian_phone": any(g.phone for g in guardians.values()),
			"health_status": self.health_status,
			"family_economy": self.family_economy,
			"contact_card": self.contact_card_issued_on,
		}


def entry_field_label(doc, key: str) -> str:
	"""The label of a field of the file entry (core.child.Entry); a row's with its table, number and
	the person it is about."""
	if "." not in key:
		return _(doc.meta.get_label(key))
	table, idx, fieldname = key.split(".")
	row = doc.get(table)[int(idx) - 1]
	return _("{0} row {1} ({2}): {3}").format(
		_(doc.meta.get_label(table)), idx, row.get("parent_name") or "-", _(row.meta.get_label(fieldname))
	)


def set_by_key(doc, key: str, value) -> None:
	"""Set a field of the file entry by its key (`village_contact_phone`, `parents_away.2.phone`)."""
	if "." not in key:
		doc.set(key, value)
		return
	table, idx, fieldname = key.split(".")
	doc.get(table)[int(idx) - 1].set(fieldname, value)


def missing_item_labels(missing_items: str | None, lang: str | None = None) -> str:
	"""The stored keys of what a file lacks (`missing_items`), as the reader reads them:
	身份号码、家庭经济 for a Chinese reader. Used by the form, the register and the print."""
	labels = completeness_labels(lang)
	return "、".join(labels.get(key, key) for key in rules.missing_keys(missing_items))


def completeness_labels(lang: str | None = None) -> dict[str, str]:
	"""Labels of the completeness items (core.child.COMPLETENESS_ITEMS), as a person reads them."""
	return {
		"id_number": _("ID Number", lang),
		"birth_date": _("Date of Birth", lang),
		"gender": _("Gender", lang),
		"ethnicity": _("Ethnicity", lang),
		"household_register": _("Household Register", lang),
		"address": _("Home Address", lang),
		"village_contact": _("Village Committee Contact", lang),
		"care_class": _("Class", lang),
		"left_behind_type": _("Left-Behind Type", lang),
		"left_behind_since": _("Left Behind Since", lang),
		"parent_away": _("Parents Working Away", lang),
		"parent_phone": _("Parent's Phone", lang),
		"guardian": _("Guardians", lang),
		"guardian_phone": _("Guardian's Phone", lang),
		"health_status": _("Health", lang),
		"family_economy": _("Family Economy", lang),
		"contact_card": _("Contact Card Issued On", lang),
	}


def duplicate_error(doctype: str, existing: str, code: str, **params) -> RuleError:
	"""The record already on file is named only to a user who may open it; anyone else is told
	it is on file elsewhere (`<code>_elsewhere`), which is all they need to ask for a transfer."""
	if frappe.has_permission(doctype, "read", doc=existing):
		return RuleError(code, existing=existing, **params)
	return RuleError(f"{code}_elsewhere", **params)


def can_read_guardian(name: str) -> bool:
	return not frappe.db.exists("Child Guardian", name) or frappe.has_permission(
		"Child Guardian", "read", doc=name
	)


def guardian_facts(names: list[str]) -> dict:
	"""Capacity, age and phone of the given guardians, in one query."""
	if not names:
		return {}
	rows = frappe.get_all(
		"Child Guardian",
		filters={"name": ("in", names)},
		fields=["name", "capacity", "age", "phone"],
	)
	return {row.name: row for row in rows}


def refresh_care_flags(child_names: list[str]) -> None:
	"""Recompute alerts and completeness of children whose guardians changed."""
	for name in child_names:
		child = frappe.get_doc("Left Behind Child", name)
		child.set_care_flags()
		child.db_set(
			{
				"unsupervised_alert": child.unsupervised_alert,
				"completeness": child.completeness,
				"missing_items": child.missing_items,
			},
			update_modified=False,
		)


@frappe.whitelist()
def check_entry(doc: str | dict) -> dict:
	"""The form's check of a file as it is being typed, by the same core rule the save applies:
	the birth date and gender an ID number gives, and every problem with the field to mark."""
	child = frappe.get_doc(frappe.parse_json(doc))
	if child.doctype != "Left Behind Child":
		frappe.throw(_("Only a child's file can be checked here."), frappe.PermissionError)
	if child.is_new():
		frappe.has_permission(child.doctype, "create", throw=True)
	else:
		frappe.get_doc(child.doctype, child.name).check_permission("write")
		child.load_doc_before_save()
	check = rules.check_entry(child.entry(), child.today())
	problems = []
	for err in check.problems:
		err.params["field"] = child.field_label(err.params["field_key"])
		problems.append({"field": err.params["field_key"], "message": rule_message(err)[1]})
	identity = check.identity
	return {
		"identity": identity
		and {"number": identity.number, "birth_date": identity.birth_date, "gender": identity.gender},
		"phones": check.phones,
		"problems": problems,
		"title": problems_title(check.problems),
		"message": problems and entry_problems_message(check.problems, None),
	}
