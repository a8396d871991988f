"""Install and migrate steps. Roles arrive as a fixture; the settings get their defaults here."""

from __future__ import annotations

import frappe


def after_install() -> None:
	ensure_settings()
	ensure_overview_block()
	ensure_print_format_names_translated()
	ensure_people_named_in_links()
	ensure_workflows()
	ensure_assessment_template()
	ensure_module_profile()
	ensure_login_by_mobile()


def after_migrate() -> None:
	ensure_settings()
	ensure_overview_block()
	ensure_print_format_names_translated()
	ensure_people_named_in_links()
	ensure_workflows()
	ensure_assessment_template()
	ensure_module_profile()
	ensure_ledger()
	ensure_login_by_mobile()


def ensure_login_by_mobile() -> None:
	"""Parents (家长端) log in with their mobile number, as the invitation tells them."""
	if not frappe.db.get_single_value("System Settings", "allow_login_using_mobile_number"):
		frappe.db.set_single_value("System Settings", "allow_login_using_mobile_number", 1)


def ensure_ledger() -> None:
	from leftbehind_care.ledger import ensure_built

	ensure_built()


def ensure_module_profile() -> None:
	from leftbehind_care.desk import ensure_module_profile

	ensure_module_profile()


def ensure_assessment_template() -> None:
	from leftbehind_care.assessments import ensure_default_template

	ensure_default_template()


WORKFLOWS = ("intervention_plan", "term_summary", "evaluation")


def ensure_workflows() -> None:
	"""Frappe's Workflow, Workflow State and Workflow Action Master records from the workflows
	shipped as data (`leftbehind_care/workflows/`), so a site administrator reads them in Frappe's
	workflow builder. Idempotent: a workflow is saved only when the file says something else."""
	from leftbehind_care.core import workflow

	for name in WORKFLOWS:
		spec = workflow.read(name)
		for state in spec.states:
			if not frappe.db.exists("Workflow State", state.name):
				frappe.get_doc(
					{"doctype": "Workflow State", "workflow_state_name": state.name, "style": state.style}
				).insert(ignore_permissions=True)
		for action in {t.action for t in spec.transitions}:
			if not frappe.db.exists("Workflow Action Master", action):
				frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
					ignore_permissions=True
				)
		states = [
			{"state": s.name, "doc_status": "0", "allow_edit": role}
			for s in spec.states
			for role in s.editors
		]
		transitions = [
			{
				"state": t.from_state,
				"action": t.action,
				"next_state": t.to_state,
				"allowed": role,
				"allow_self_approval": int(t.self_approval),
				"condition": condition,
			}
			for t in spec.transitions
			# A fallback role sees its move only on a document that waits for it.
			for roles, condition in ((t.roles, None), (t.fallback_roles, f"doc.{spec.fallback_field}"))
			for role in roles
		]
		if frappe.db.exists("Workflow", spec.name):
			doc = frappe.get_doc("Workflow", spec.name)
			if workflow_rows(doc) == (states, transitions) and doc.is_active:
				continue
		else:
			doc = frappe.new_doc("Workflow")
			doc.workflow_name = spec.name
		doc.update(
			{
				"document_type": spec.document_type,
				"workflow_state_field": spec.state_field,
				"is_active": 1,
				"send_email_alert": 0,
			}
		)
		doc.set("states", states)
		doc.set("transitions", transitions)
		doc.save(ignore_permissions=True)


# Workflow states and actions Frappe itself installs: never removed with the app.
FRAPPE_STATES = ("Pending", "Approved", "Rejected")
FRAPPE_ACTIONS = ("Approve", "Reject", "Review")


def remove_workflows() -> None:
	"""The shipped workflows, their pending workflow actions, and the states and actions no other
	workflow uses (and Frappe did not install)."""
	from leftbehind_care.core import workflow

	specs = [workflow.read(name) for name in WORKFLOWS]
	for spec in specs:
		frappe.db.delete("Workflow Action", {"reference_doctype": spec.document_type})
		frappe.delete_doc("Workflow", spec.name, force=True, ignore_permissions=True, ignore_missing=True)
	used_states = set(frappe.get_all("Workflow Document State", pluck="state"))
	used_actions = set(frappe.get_all("Workflow Transition", pluck="action"))
	for spec in specs:
		for state in {s.name for s in spec.states} - used_states - set(FRAPPE_STATES):
			frappe.delete_doc(
				"Workflow State", state, force=True, ignore_permissions=True, ignore_missing=True
			)
		for action in {t.action for t in spec.transitions} - used_actions - set(FRAPPE_ACTIONS):
			frappe.delete_doc(
				"Workflow Action Master", action, force=True, ignore_permissions=True, ignore_missing=True
			)


def workflow_rows(doc) -> tuple[list[dict], list[dict]]:
	states = [{"state": r.state, "doc_status": r.doc_status, "allow_edit": r.allow_edit} for r in doc.states]
	transitions = [
		{
			"state": r.state,
			"action": r.action,
			"next_state": r.next_state,
			"allowed": r.allowed,
			"allow_self_approval": r.allow_self_approval,
			"condition": r.condition or None,
		}
		for r in doc.transitions
	]
	return states, transitions


def workflow_labels() -> list[str]:
	"""The shipped workflows' states and actions that Frappe's catalogue lacks, listed for ours
	(locale/zh.po); Draft, In Progress and Closed read in Frappe's own words."""
	from frappe import _

	return [
		_("Pending Approval"),
		_("Rejected"),
		_("Under Review"),
		_("Escalated"),
		_("Submit for Approval"),
		_("Approve"),
		_("Reject"),
		_("Revise"),
		_("Start Review"),
		_("End Review"),
		_("Close Plan"),
		_("Escalate"),
		# The term summary's review (Draft, Submitted and Submit read in Frappe's words).
		_("Reviewed"),
		_("Return"),
		_("Mark Reviewed"),
		# The evaluation's (Draft and Confirm read in Frappe's words).
		_("Confirmed"),
		_("Final"),
		_("Acknowledged"),
		_("Reopen"),
		_("Make Final"),
		_("Acknowledge"),
	]


def print_format_names() -> list[str]:
	"""The app's print formats' names, listed for the catalogue (locale/zh.po): the print view
	translates them once Print Format is a translated DocType."""
	from frappe import _

	return [_("Contact Card"), _("Child File"), _("Term Summary")]


def ensure_print_format_names_translated() -> None:
	"""The print dialog and print view pick a format by its name (Contact Card, Child File); Frappe
	shows such names in the reader's language only for a DocType marked as translated."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	if not frappe.get_meta("Print Format").translated_doctype:
		make_property_setter(
			"Print Format",
			None,
			"translated_doctype",
			1,
			"Check",
			for_doctype=True,
			validate_fields_for_doctype=False,
		)


def ensure_people_named_in_links() -> None:
	"""A record's teacher, handler or author is a User, named by an e-mail address; every link to a
	User shows the person's name instead (王老师, not t0037@…), in forms, lists and reports."""
	from frappe.custom.doctype.property_setter.property_setter import make_property_setter

	if not frappe.get_meta("User").show_title_field_in_link:
		make_property_setter(
			"User",
			None,
			"show_title_field_in_link",
			1,
			"Check",
			for_doctype=True,
			validate_fields_for_doctype=False,
		)


OVERVIEW_BLOCK = "Care School Overview"


def ensure_overview_block() -> None:
	"""The inspectors' workspace shows its numbers in a Custom HTML Block, a record Frappe does not
	ship from an app's files: made (or brought up to date) here from `leftbehind_care/overview/`."""
	from leftbehind_care.core.scope import ADMINISTRATOR, INSPECTOR, SCHOOL_LEADER

	folder = frappe.get_app_path("leftbehind_care", "overview")
	parts = {}
	for field, ext in (("html", "html"), ("script", "js"), ("style", "css")):
		with open(f"{folder}/school_overview.{ext}", encoding="utf-8") as f:
			parts[field] = f.read()
	if frappe.db.exists("Custom HTML Block", OVERVIEW_BLOCK):
		block = frappe.get_doc("Custom HTML Block", OVERVIEW_BLOCK)
	else:
		block = frappe.new_doc("Custom HTML Block")
		block.name = OVERVIEW_BLOCK
	block.update({**parts, "private": 0})
	block.set("roles", [{"role": role} for role in (INSPECTOR, ADMINISTRATOR, SCHOOL_LEADER)])
	if block.is_new():
		block.flags.name_set = True
		block.insert(ignore_permissions=True)
	else:
		block.save(ignore_permissions=True)


def ensure_settings() -> None:
	"""Store every tunable number's default once: on install, and on migrate for a setting a newer
	version added (a value the site chose is kept)."""
	from leftbehind_care.core.settings import DEFAULTS

	singles = frappe.qb.DocType("Singles")
	stored = {
		field
		for (field,) in frappe.qb.from_(singles)
		.select(singles.field)
		.where(singles.doctype == "Care Settings")
		.run()
	}
	if "mentor_capacity" not in stored:
		frappe.get_single("Care Settings").save(ignore_permissions=True)
		return
	for key, default in DEFAULTS.items():
		if key not in stored:
			frappe.db.set_single_value("Care Settings", key, default)


def after_uninstall() -> None:
	"""Remove what install made: the six care roles (a fixture) and their grants to users, the
	overview block, the property setters, the workflows and the care users' module profile."""
	from leftbehind_care.core.parents import PARENT_ROLE
	from leftbehind_care.core.scope import CARE_ROLES
	from leftbehind_care.desk import remove_module_profile

	remove_workflows()
	remove_module_profile()

	frappe.delete_doc(
		"Custom HTML Block", OVERVIEW_BLOCK, force=True, ignore_permissions=True, ignore_missing=True
	)
	frappe.db.delete("Property Setter", {"doc_type": "Print Format", "property": "translated_doctype"})
	frappe.db.delete("Property Setter", {"doc_type": "User", "property": "show_title_field_in_link"})
	roles = (*CARE_ROLES, PARENT_ROLE)
	frappe.db.delete("Has Role", {"role": ("in", roles)})
	for role in roles:
		frappe.delete_doc("Role", role, force=True, ignore_permissions=True, ignore_missing=True)
	# Frappe commits before its after_uninstall hooks, not after them.
	frappe.db.commit()  # nosemgrep: frappe-manual-commit
