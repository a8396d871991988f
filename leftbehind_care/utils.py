from __future__ import annotations

import frappe

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.phone import normalize_phone


def ensure_user_has_role(user: str, role: str) -> None:
	"""Assigning a user to a duty (class teacher, school leader) requires the matching role."""
	if role not in frappe.get_roles(user):
		raise RuleError("user_lacks_role", user=user, role=role)


def normalize_phone_field(phone: str, field_label: str) -> str:
	"""The phone in its stored form; a RuleError names the field it came from."""
	try:
		return normalize_phone(phone)
	except RuleError as err:
		err.params["field"] = field_label
		raise


def class_titles(classes) -> dict[str, str]:
	"""Title (3年级(1)班) of each of the given Care Classes, in one query."""
	if not classes:
		return {}
	return dict(
		frappe.get_all(
			"Care Class",
			filters={"name": ("in", list(classes))},
			fields=["name", "class_title"],
			as_list=True,
		)
	)


def user_names(users) -> dict[str, str]:
	"""Full name of each of the given users, in one query."""
	if not users:
		return {}
	return dict(
		frappe.get_all(
			"User", filters={"name": ("in", sorted(users))}, fields=["name", "full_name"], as_list=True
		)
	)


def class_labels(classes) -> dict[str, str]:
	"""How people know each class: its school and title (民权县城关镇初级中学 7年级(1)班), in one
	query; the internal name (school-year of entry-number) means nothing to them."""
	if not classes:
		return {}
	return {
		name: f"{school} {title}"
		for name, school, title in frappe.get_all(
			"Care Class",
			filters={"name": ("in", list(classes))},
			fields=["name", "school", "class_title"],
			as_list=True,
		)
	}


def care_report(execute):
	"""Every app report's `execute` (a core test checks each has it): run on the site's read
	replica where it has one (`frappe.read_only`; reports only read), and exported with its yes/no
	columns in words (`checks_in_words`)."""
	return frappe.read_only()(checks_in_words(execute))


def checks_in_words(execute):
	"""A report's `execute`: exported to a spreadsheet (`privacy.export_report`), its yes/no
	columns read 是 and 否 instead of 1 and 0 (`reports.checks_as_words`); on screen they stay
	check marks."""
	import functools

	from leftbehind_care.reports import checks_as_words

	@functools.wraps(execute)
	def wrapper(filters=None):
		result = execute(filters)
		if not frappe.flags.lbc_exporting or not result or len(result) < 2:
			return result
		columns, rows = checks_as_words(result[0], result[1], frappe._("Yes"), frappe._("No"))
		return (columns, rows, *result[2:])

	return wrapper


def report_columns(columns) -> list[dict]:
	"""A report's declared columns (`reports.columns.Column`) as Frappe shows them, labels in the
	reader's language."""
	return [column.as_dict(frappe._) for column in columns]


def workflow_save(doc, spec, on_move=None):
	"""The move of a workflow shipped as data (`core.workflow.Workflow` `spec`) that saving `doc`
	makes, checked: a new document starts in the first state; afterwards a save may make one move
	the person's roles allow (`on_move(transition)` adds a document's own check) and change only
	what the state it starts from, or the move itself, lets change. Returns the transition, or
	None; a broken rule is raised as `core.workflow` raises it, its fields named by their labels."""
	from frappe import _

	from leftbehind_care.core import workflow

	initial = spec.initial
	state_field = spec.state_field
	if doc.is_new():
		if (doc.get(state_field) or initial) != initial:
			raise RuleError("workflow_move_illegal", from_state=initial, to_state=doc.get(state_field))
		doc.set(state_field, initial)
		return None
	before = doc.get_doc_before_save()
	from_state = before.get(state_field) or initial
	doc.set(state_field, doc.get(state_field) or from_state)
	roles = frappe.get_roles()
	try:
		transition = workflow.check_move(
			spec,
			from_state,
			doc.get(state_field),
			roles,
			{field: bool(doc.get(field)) for field in spec.content_fields},
			frappe.session.user,
		)
		if transition and on_move:
			on_move(transition)
		changed = [
			field for field in spec.content_fields if (doc.get(field) or "") != (before.get(field) or "")
		]
		workflow.check_edits(spec, from_state, transition, changed, roles)
	except RuleError as err:
		if "fields" in err.params:  # the fields' labels, as the person sees them on the form
			err.params["fields"] = "、".join(_(doc.meta.get_label(f)) for f in err.params["fields"])
		raise
	return transition
