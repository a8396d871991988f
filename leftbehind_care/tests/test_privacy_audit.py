"""The privacy audit: every whitelisted method that Frappe and this app expose, called as every
care role against records outside that role's scope — in-process and over HTTP.

No list of paths is kept by hand. The audit imports every module of Frappe and of this app, takes
each whitelisted method that names a DocType (a parameter such as `doctype`, `dt` or
`reference_doctype`, or the request's `doctype` for methods that read it from the request),
builds its arguments from their names (a record's name, filters that pick it, a field, a value
that would pull it into the user's class, a tag, a comment, a share…) and calls it for every app
DocType holding children's data, child tables included. It then asserts that:

- nothing distinctive of a child outside the user's scope (name, address, parents' names and
  phones, guardian's name and phone) and no permlevel-1 value the user may not read appears in
  what comes back — result, messages, error;
- an answer about a record outside the scope is the same as the answer about a record that does
  not exist (no count, no title, no "found");
- nothing changed: the records, their rows, and the comments, assignments, shares, tags,
  attachments and versions that point at them.

The site has an outgoing e-mail account while the audit runs, so that methods which write and then
e-mail (a comment, a share) run to the end instead of failing at the e-mail.

A method that cannot be called meaningfully this way is listed in SKIPPED with the reason. A
control run as Administrator, who may see everything, proves the probes can find a leak.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json
import pkgutil
import time
from dataclasses import dataclass

import frappe

from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
RESTRICTED = (u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR, u.INSPECTOR)
# A parent's website account (家长端) is asked too, over HTTP (where a parent's phone reaches the
# site), about every target the staff are asked about: through these methods it reaches nothing.
OVER_HTTP = (*RESTRICTED, u.PARENT)
SEES = {persona: u.SEES[persona] for persona in OVER_HTTP}
# Personas without permlevel 1 on children and guardians, and on counselling notes.
WITHOUT_LEVEL_1 = {u.MENTOR, u.INSPECTOR, u.PARENT}
WITHOUT_COUNSELING_NOTES = {u.TEACHER, u.MENTOR, u.INSPECTOR, u.PARENT}
OWN = {u.PARENT: set(u.CANARIES["a1"]["parent"])}

# Parameters that carry a whole document (save, insert, submit, workflow), DocType inside.
DOCUMENT_PARAMS = ("doc", "docs")
INSERTS = ("insert", "insert_many")
SOCIAL_COLUMNS = {"_liked_by", "_comments", "_assign", "_user_tags", "_seen"}

DOCTYPE_PARAMS = ("doctype", "dt", "reference_doctype", "ref_doctype", "doc_type", "parent_doctype")

# Methods that read a child for anyone allowed: as Administrator each must show b1's data, which
# proves the audit's probes (canaries, the record-not-on-file twin) can see a leak.
PROBES = (
	"frappe.client.get_list",
	"frappe.client.get_value",
	"frappe.client.get",
	"frappe.client.get_count",
	"frappe.client.validate_link",
	"frappe.desk.search.get_link_title",
	"frappe.desk.form.load.getdoc",
	"frappe.desk.reportview.get",
)

SKIPPED = {
	"frappe.desk.form.load.getdoctype": "returns a DocType's metadata (fields, labels), never a record",
	"frappe.desk.reportview.save_report": "saves a report definition (columns, filters); reading it runs through reportview.get, which is audited",
	"frappe.model.utils.user_settings.save": "stores the caller's own list settings, no record",
	"frappe.desk.listview.set_list_settings": "stores the caller's own list settings, no record",
	"frappe.desk.doctype.list_view_settings.list_view_settings.save_listview_settings": "System Manager's list columns, no record",
	"frappe.desk.doctype.kanban_board.kanban_board.quick_kanban_board": "creates a board definition; its cards are read through reportview.get, which is audited",
	"frappe.custom.doctype.customize_form.customize_form.get_orphaned_columns": "schema only",
	"frappe.core.doctype.doctype.doctype.get_row_size_utilization": "schema only",
	"frappe.utils.nestedset.rebuild_tree": "needs a tree DocType; the app has none",
	"frappe.desk.treeview.get_all_nodes": "needs a tree DocType; the app has none",
	"frappe.geo.utils.get_coords": "map view of DocTypes with a location field; the app's have none",
	"frappe.email.doctype.email_template.email_template.get_email_template": "renders an Email Template with the document the caller sends; loads no record",
	"frappe.desk.doctype.event.event.delete_communication": "removes a link from an Event the caller edits; takes no record of the app's",
	"frappe.core.page.permission_manager.permission_manager.update": "System Manager only (role permissions, not records); refused to care roles over HTTP, where frappe.only_for applies",
	"frappe.core.page.permission_manager.permission_manager.remove": "as update",
	"frappe.core.page.permission_manager.permission_manager.reset": "as update",
	"frappe.core.page.permission_manager.permission_manager.get_permissions": "role permission rows, not records",
	"frappe.core.page.permission_manager.permission_manager.get_standard_permissions": "role permission rows, not records",
}


# Skipped methods that some supported Frappe versions no longer have.
ONLY_IN_SOME_VERSIONS = {"frappe.geo.utils.get_coords"}  # removed in v16


@dataclass
class Target:
	"""A record outside every restricted persona's scope, and how to ask about it."""

	doctype: str
	name: str
	field: str  # a readable field to ask for
	change: dict  # a change that would take the record over (pull it into the user's class)
	parent: str | None = None
	# Readable by every care role (the school structure): only writes to it are out of scope.
	readable: bool = False
	# A new record of this DocType outside the scope (a child or class filed in school B).
	new_doc: dict | None = None
	title: str = ""  # the stored value of `field`, typed into searches
	# Who is asked about it: every restricted persona, or (a row of another child in a record they
	# open, a record they open) only those it concerns.
	personas: tuple[str, ...] = RESTRICTED
	# A record these personas may open: what they receive of it may hold nothing hidden from them
	# (values above their permission level, its history included; rows of other children), and
	# they may change it as their role allows.
	inside: bool = False

	@property
	def doc(self) -> dict:
		"""What a caller who does not see the record can send: its name and the change."""
		return {"doctype": self.doctype, "name": self.name, **self.change}

	def twin(self) -> Target:
		"""The same question about a record that does not exist."""
		return dataclasses.replace(self, name="LBC-NOT-ON-FILE-0000", new_doc=None)


@dataclass
class Outcome:
	ok: bool
	text: str  # everything that came back: result, response, messages, error
	result: str  # the result alone, when ok


def answers_differ(target: Target, outcome: Outcome, twin: Outcome) -> bool:
	"""Whether the answer about the record tells it apart from one about a record not on file."""
	return outcome.result.replace(target.name, "<record>") != twin.result.replace(
		target.twin().name, "<record>"
	)


def dump(value) -> str:
	# Unescaped, so that a child's Chinese name is found in it as written.
	return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def written(canary: str) -> tuple[str, ...]:
	"""A value as it can stand in an answer: as typed, and inside JSON text that Frappe stored
	with its Chinese escaped (a Version's diff), once or twice over."""
	once = json.dumps(canary)[1:-1]
	return canary, once, json.dumps(once)[1:-1]


def whitelisted_methods() -> dict[str, object]:
	"""Every whitelisted function of Frappe and this app, by dotted path."""
	for app in ("frappe", "leftbehind_care"):
		package = importlib.import_module(app)
		for module in pkgutil.walk_packages(package.__path__, f"{app}."):
			name = module.name
			if any(part in name for part in (".tests", ".test_", ".patches.", "test_runner")):
				continue
			try:
				importlib.import_module(name)
			except Exception:  # a module of an optional integration; it exposes nothing here
				continue
	return {
		f"{fn.__module__}.{fn.__qualname__}": fn for fn in frappe.whitelisted if "." not in fn.__qualname__
	}


def names_a_doctype(fn) -> bool:
	params = inspect.signature(fn).parameters
	if any(p in params for p in (*DOCTYPE_PARAMS, *DOCUMENT_PARAMS)):
		return True
	# Methods that read the DocType from the request (report view, export, assign…).
	if reads_the_request(fn):
		try:
			source = inspect.getsource(fn)
		except OSError:
			return False
		return ("form_dict" in source or "get_form_params" in source) and "doctype" in source
	return False


def reads_the_request(fn) -> bool:
	return set(inspect.signature(fn).parameters) <= {"args", "kwargs", "ignore_permissions"}


def audited_methods() -> dict[str, object]:
	return {path: fn for path, fn in whitelisted_methods().items() if names_a_doctype(fn)}


def arguments(fn, target: Target, persona: str, own_class: str) -> dict | None:
	"""Arguments built from the parameters' names; None when a required one cannot be made."""
	# Methods that insert get a new record outside the scope; the others the stored one, changed.
	if fn.__name__ in INSERTS and not target.new_doc:
		return None
	doc = target.new_doc if fn.__name__ in INSERTS else target.doc
	if fn.__module__.endswith("number_card"):
		# A number card counting the record: what the workspace asks.
		doc = {
			"doctype": "Number Card",
			"type": "Document Type",
			"function": "Count",
			"document_type": target.doctype,
			"parent_document_type": target.parent,
			"filters_json": json.dumps([[target.doctype, "name", "=", target.name, False]]),
		}
	((change_field, change_value),) = target.change.items()
	values = {
		"name": target.name,
		"docname": target.name,
		"dn": target.name,
		"doc_name": target.name,
		"reference_name": target.name,
		"docnames": [target.name],
		"names": [target.name],
		"items": [target.name],
		"docs": json.dumps([doc], default=str),
		"doc": json.dumps(doc, default=str),
		"filters": [[target.doctype, "name", "=", target.name]]
		if fn.__module__.endswith("number_card")
		else {"name": target.name},
		"current_filters": {"name": target.name},
		"fields": ["*"],
		"fieldname": change_field if fn.__name__ == "set_value" else target.field,
		"field": target.field,
		"data": target.change,
		"txt": target.title or target.name,
		"text": target.title or target.name,
		"parent": target.parent,
		"user": persona,
		"users": [persona],
		"assign_to": [persona],
		"email": persona,
		"comment_email": persona,
		"comment_by": persona,
		"content": "审计",
		"comment": "审计",
		"description": "审计",
		"subject": "审计",
		"message": "审计",
		"tag": "审计标签",
		"tags": ["审计标签"],
		"new_name": f"{target.name}-审计",
		"old_name": target.name,
		"action": "update",
		"stats": ["_user_tags", "owner"],
		"perm_type": "read",
		"read": 1,
		"write": 1,
		"share": 1,
		"permission_to": "write",
		"start": "2000-01-01" if fn.__name__ == "get_events" else 0,
		"limit_start": 0,
		"page_len": 20,
		"page_length": 20,
		"limit": 20,
		"searchfield": "name",
		"format": "Standard",
		"print_format": "Standard",
		"filename": "审计.txt",
		"filedata": "5a6h6K6h",
		"decode_base64": 1,
		"attachments": [],
		"old": target.name,
		"new": f"{target.name}-审计",
		"ref_name": target.name,
		"contact_name": "审计",
		"value": target.name if fn.__name__ == "get_next" else change_value,
		"prev": 0,
		"following": True,
		"like": True,
		"route": "/audit",
		"reply": "审计",
		"title": "审计",
		"module": "Leftbehind Care",
		"workflow_state_field": target.field,
		"states": [],
		"current_state": "Draft",
		"printer_setting": "审计",
		"result": 0,
		"points": 1,
		"to_user": persona,
		"reason": "审计",
		"review_type": "Appreciation",
		"goal_value_field": target.field,
		"goal_total_field": target.field,
		"goal_history_field": target.field,
		"goal_doctype": target.doctype,
		"goal_doctype_link": "name",
		"goal_field": target.field,
		"date_field": "creation",
		"end": "2099-12-31",
		"field_map": {"start": "creation", "end": "modified", "id": "name", "title": target.field},
		"args": {
			"doctype": target.doctype,
			"name": target.name,
			"assign_to": [persona],
			"description": "审计",
		},
	}
	for param in DOCTYPE_PARAMS:
		values[param] = target.doctype
	params = inspect.signature(fn).parameters
	args = {}
	for name, param in params.items():
		if param.kind is inspect.Parameter.VAR_KEYWORD or name in SERVER_SIDE.get(fn.__name__, ()):
			continue
		if name in values:
			args[name] = values[name]
		elif param.default is inspect.Parameter.empty and param.kind is not inspect.Parameter.VAR_POSITIONAL:
			return None
	# Methods that read the request (the report view and its friends): what such a request carries.
	if reads_the_request(fn):
		args = {
			"doctype": target.doctype,
			"filters": {"name": target.name},
			"fields": [f"`tab{target.doctype}`.`{target.field}`"],
			**REQUEST_EXTRAS.get(f"{fn.__module__}.{fn.__qualname__}", lambda t: {})(target),
			**args,
		}
	return args


# Parameters that Frappe's own code fills with a Document (a request can only send text, on which
# the method fails before it reads anything): asked without them, as the desk asks.
SERVER_SIDE = {"get_docinfo": ("doc",)}

# What else a request-reading method needs.
REQUEST_EXTRAS = {
	"frappe.desk.reportview.delete_items": lambda t: {"items": json.dumps([t.name])},
	"frappe.desk.reportview.export_query": lambda t: {"file_format_type": "CSV", "title": t.doctype},
}


def asked(seen: set[str], path: str, persona: str, args: dict) -> bool:
	"""Whether this very question was asked already: a method whose arguments do not name the
	target (a list of notifications, the user's settings) is asked once per role, not once per
	target. Its twin, built the same way, is the same question too."""
	key = f"{path}|{persona}|{dump(args)}"
	if key in seen:
		return True
	seen.add(key)
	return False


def representatives(targets: list[Target]) -> list[Target]:
	"""The first target of each way of scoping: the pair of permission hooks its DocType has (its
	list condition and its record check), whether it is a table's row, whether it has fields above
	permlevel 0, and whether every role reads it. A DocType scoped in a new way brings a new
	representative by itself."""
	conditions = frappe.get_hooks("permission_query_conditions")
	checks = frappe.get_hooks("has_permission")
	chosen: dict[tuple, Target] = {}
	for target in targets:
		key = (
			tuple(conditions.get(target.doctype, [])),
			tuple(checks.get(target.doctype, [])),
			frappe.get_meta(target.doctype).istable,
			any(df.permlevel for df in frappe.get_meta(target.doctype).fields),
			target.readable,
			target.inside,
			target.personas,
		)
		chosen.setdefault(key, target)
	return list(chosen.values())


def over_http(target: Target) -> tuple[str, ...]:
	"""Who is asked about `target` over HTTP: those asked in-process, and a parent's account about
	every record outside the staff's scope."""
	return (*target.personas, u.PARENT) if target.personas == RESTRICTED else target.personas


class AuditCase(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.started = frappe.utils.now()
		cls.children = u.make_world()
		cls.email_account = u.make_outgoing_email_account()
		cls.methods = audited_methods()
		b1 = cls.children["b1"]
		cls.own_class = frappe.db.get_value(CHILD, cls.children["a1"], "care_class")
		stored = frappe.get_doc(CHILD, b1)
		guardian = stored.guardians[0].guardian
		cls.meeting = frappe.db.get_value("Care Meeting", {"minutes": u.B1_MEETING_MINUTES})
		cls.plan = u.make_b1_plan(b1)
		cls.assessment = u.make_b1_assessment(b1)
		cls.support = u.make_b1_support(b1)
		cls.targets = [
			Target(
				CHILD,
				b1,
				"child_name",
				{"care_class": cls.own_class},
				new_doc=u.child_doc(stored.care_class, "审计新童", birth_date=stored.birth_date).as_dict(),
			),
			Target(
				"Left Behind Child Parent",
				stored.parents_away[0].name,
				"phone",
				{"phone": "13900000000"},
				CHILD,
			),
			Target(
				"Left Behind Child Guardian",
				stored.guardians[0].name,
				"guardian_name",
				{"phone": "13900000000"},
				CHILD,
			),
			Target(
				"Left Behind Child Status Log", stored.status_log[0].name, "reason", {"reason": "审计"}, CHILD
			),
			Target("Child Guardian", guardian, "guardian_name", {"phone": "13900000000"}),
			Target(
				"Talk Record",
				frappe.db.get_value("Talk Record", {"child": b1, "findings": u.B1_TALK_FINDINGS}),
				"findings",
				{"findings": "审计"},
				new_doc={"doctype": "Talk Record", "child": b1, "topics": "审计", "talk_date": str(u.TODAY)},
			),
			Target(
				"Family Contact",
				frappe.db.get_value("Family Contact", {"child": b1}),
				"summary",
				{"summary": "审计"},
				new_doc={
					"doctype": "Family Contact",
					"child": b1,
					"channel": "Phone",
					"with_whom": "Father",
					"summary": "审计",
				},
			),
			Target(
				"Home Visit",
				frappe.db.get_value("Home Visit", {"child": b1}),
				"findings",
				{"findings": "审计"},
				new_doc={"doctype": "Home Visit", "child": b1, "visitors": "审计"},
			),
			Target(
				"Mentor Pairing",
				frappe.db.get_value("Mentor Pairing", {"child": b1, "status": "Active"}),
				"mentor_name",
				{"mentor_user": u.MENTOR},
				new_doc={
					"doctype": "Mentor Pairing",
					"child": b1,
					"mentor_kind": "Staff",
					"mentor_user": u.MENTOR,
				},
			),
			Target(
				"Care Meeting",
				cls.meeting,
				"minutes",
				{"school": u.SCHOOL_A},
				new_doc={
					"doctype": "Care Meeting",
					"meeting_type": "Parent Meeting",
					"topic": "审计",
					"school": u.SCHOOL_B,
					"care_class": stored.care_class,
					"attendees": [{"attendee_kind": "Guardian", "child": b1, "attendee_name": "审计"}],
				},
			),
			Target(
				"Care Meeting Attendee",
				frappe.db.get_value("Care Meeting Attendee", {"parent": cls.meeting}),
				"attendee_name",
				{"child": cls.children["a1"]},
				"Care Meeting",
			),
			Target(
				"Counseling Session",
				frappe.db.get_value("Counseling Session", {"child": b1}),
				"session_kind",
				{"child": cls.children["a1"]},
				new_doc={"doctype": "Counseling Session", "child": b1, "session_kind": "Group Counselling"},
			),
			Target(
				"Care Incident",
				frappe.db.get_value("Care Incident", {"child": b1}),
				"description",
				{"description": "审计"},
				new_doc={
					"doctype": "Care Incident",
					"child": b1,
					"incident_kind": "Illness",
					"occurred_at": str(frappe.utils.now_datetime()),
					"description": "审计",
				},
			),
			Target(
				"Care Parent Invitation",
				frappe.db.get_value("Care Parent Invitation", {"child": b1}),
				"invitee_name",
				{"child": cls.children["a1"]},
				new_doc={
					"doctype": "Care Parent Invitation",
					"child": b1,
					"invitee_kind": "Parent Away",
					"invitee_row": stored.parents_away[0].name,
				},
			),
			Target(
				"Care Parent Article",
				frappe.db.get_value("Care Parent Article", {"title": u.B1_ARTICLE}),
				"title",
				{"school": u.SCHOOL_A},
				new_doc={
					"doctype": "Care Parent Article",
					"title": "审计",
					"school": u.SCHOOL_B,
					"body": "审计",
				},
			),
			Target(
				"Intervention Plan",
				cls.plan,
				"goals",
				{"child": cls.children["a1"]},
				new_doc={
					"doctype": "Intervention Plan",
					"child": b1,
					"goals": "审计",
					"problems": [{"problem_kind": "Behaviour", "details": "审计"}],
				},
			),
			*(
				Target(
					table,
					frappe.db.get_value(table, {"parent": cls.plan}),
					field,
					{field: "审计"},
					"Intervention Plan",
				)
				for table, field in (
					("Intervention Plan Problem", "details"),
					("Intervention Plan Action", "action"),
					("Intervention Plan Review", "progress"),
					("Intervention Plan Transition", "action"),
				)
			),
			Target(
				"Care Assessment",
				cls.assessment,
				"observations",
				{"child": cls.children["a1"]},
				new_doc={
					"doctype": "Care Assessment",
					"child": b1,
					"template": frappe.db.get_value("Care Assessment", cls.assessment, "template"),
					"answers": [{"item_key": "study_homework", "answer": "1"}],
				},
			),
			Target(
				"Care Assessment Answer",
				frappe.db.get_value("Care Assessment Answer", {"parent": cls.assessment, "idx": 1}),
				"note",
				{"note": "审计"},
				"Care Assessment",
			),
			*(
				Target(
					doctype,
					cls.support[doctype],
					field,
					{"child": cls.children["a1"]},
					new_doc={"doctype": doctype, "child": b1, **fields},
				)
				for doctype, field, fields in (
					(
						"Priority Support",
						"what_was_done",
						{"priority_kind": "Tutoring", "what_was_done": "审计"},
					),
					("Boarding Record", "dormitory", {"term": "测试学期", "dormitory": "审计"}),
					("Aid Record", "items", {"aid_kind": "Goods", "items": "审计"}),
					("Schooling Follow-up", "reason", {"reason": "审计"}),
				)
			),
			Target(
				"Persuasion Attempt",
				frappe.db.get_value("Persuasion Attempt", {"parent": cls.support["Schooling Follow-up"]}),
				"outcome",
				{"outcome": "审计"},
				"Schooling Follow-up",
			),
			Target(
				"Care Fund Entry",
				cls.support["Care Fund Entry"],
				"pupils",
				{"school": u.SCHOOL_A},
				new_doc={"doctype": "Care Fund Entry", "school": u.SCHOOL_B, "term": "测试学期二"},
			),
			Target(
				"Care Term Summary",
				cls.support["Care Term Summary"],
				"practices",
				{"school": u.SCHOOL_A},
				new_doc={"doctype": "Care Term Summary", "school": u.SCHOOL_B, "term": "测试学期二"},
			),
			Target(
				"Care Term Summary Figure",
				frappe.db.get_value("Care Term Summary Figure", {"parent": cls.support["Care Term Summary"]}),
				"label",
				{"label": "审计"},
				"Care Term Summary",
			),
			Target(
				"Care Evaluation Round",
				cls.support["Care Evaluation Round"],
				"evaluations_made",
				{"school": u.SCHOOL_A},
				new_doc={"doctype": "Care Evaluation Round", "school": u.SCHOOL_B, "term": "测试学期二"},
			),
			Target(
				"Care Evaluation Department",
				frappe.db.get_value(
					"Care Evaluation Department", {"parent": cls.support["Care Evaluation Round"]}
				),
				"department_name",
				{"department_name": "审计"},
				"Care Evaluation Round",
			),
			Target(
				"Care Evaluation", cls.support["Care Evaluation"], "leader_remarks", {"school": u.SCHOOL_A}
			),
			Target(
				"Care Dereliction",
				cls.support["Care Dereliction"],
				"what_happened",
				{"school": u.SCHOOL_A},
				new_doc={
					"doctype": "Care Dereliction",
					"school": u.SCHOOL_B,
					"term": "测试学期",
					"teacher": "Administrator",
					"what_happened": "审计",
					"consequence": "审计",
				},
			),
			Target(
				"Safety Inspection",
				cls.support["Safety Inspection"],
				"inspectors",
				{"school": u.SCHOOL_A},
				new_doc={"doctype": "Safety Inspection", "school": u.SCHOOL_B, "inspectors": "审计"},
			),
			Target(
				"Safety Hazard",
				frappe.db.get_value("Safety Hazard", {"parent": cls.support["Safety Inspection"]}),
				"description",
				{"description": "审计"},
				"Safety Inspection",
			),
			Target(
				"Care Activity",
				cls.support["Care Activity"],
				"title",
				{"school": u.SCHOOL_A},
				new_doc={
					"doctype": "Care Activity",
					"activity_kind": "Performance",
					"title": "审计",
					"school": u.SCHOOL_B,
					"participants": [{"child": b1}],
				},
			),
			Target(
				"Care Activity Participant",
				frappe.db.get_value("Care Activity Participant", {"parent": cls.support["Care Activity"]}),
				"child_name",
				{"child": cls.children["a1"]},
				"Care Activity",
			),
			Target(
				"Care Class",
				stored.care_class,
				"school",
				{"school": u.SCHOOL_A},
				readable=True,
				new_doc={"doctype": "Care Class", "school": u.SCHOOL_B, "grade": 6, "class_no": 9},
			),
			# The compliance ledger names the child: read by the county only, written by no one.
			Target("Care Compliance Entry", cls.ledger_entry(b1), "due_days", {"school": u.SCHOOL_A}),
		]
		cls.inside = u.make_inside_records(cls.children)
		cls.targets += cls.inside_targets()
		for target in cls.targets:
			target.title = frappe.db.get_value(target.doctype, target.name, target.field)
		cls.canaries = {persona: cls.canaries_for(persona) for persona in OVER_HTTP}

	@classmethod
	def canaries_for(cls, persona: str) -> set[str]:
		"""What may not come back to `persona`: the distinctive values of the children they do not
		look after, and the values above their permission level; not their own name and phone,
		which their own account holds."""
		canaries = set().union(
			*(u.canaries_of(key, name) for key, name in cls.children.items() if key not in SEES[persona])
		)
		if persona in WITHOUT_LEVEL_1:
			canaries |= cls.hidden_values()
		if persona in WITHOUT_COUNSELING_NOTES:
			canaries |= set(u.INSIDE_COUNSELING)
		return canaries - OWN.get(persona, set())

	@classmethod
	def ledger_entry(cls, child: str) -> str:
		from leftbehind_care import ledger

		if not frappe.db.exists(ledger.ENTRY, {"child": child}):
			u.terms_around_today()
			ledger.refresh([child])
			frappe.db.commit()
		return frappe.db.get_value(ledger.ENTRY, {"child": child})

	@classmethod
	def inside_targets(cls) -> list[Target]:
		"""Records of school A that a class teacher or mentor opens, holding what they may not see:
		a value above their permission level in the record's history, and a2's rows in an activity
		and a meeting that name a1 too (`utils.make_inside_records`); and a2's rows themselves,
		outside the teacher's and mentor's sight."""
		a1, a2 = cls.children["a1"], cls.children["a2"]
		activity, meeting = cls.inside["Care Activity"], cls.inside["Care Meeting"]
		guardian = frappe.db.get_value("Left Behind Child Guardian", {"parent": a1}, "guardian")
		return [
			Target(CHILD, a1, "child_name", {"address": "审计"}, personas=(u.MENTOR,), inside=True),
			Target(
				"Child Guardian",
				guardian,
				"guardian_name",
				{"phone": "13900000000"},
				personas=(u.MENTOR,),
				inside=True,
			),
			Target(
				"Counseling Session",
				cls.inside["Counseling Session"],
				"session_kind",
				{"session_kind": "Group Counselling"},
				personas=(u.TEACHER,),
				inside=True,
			),
			Target(
				"Care Activity",
				activity,
				"title",
				{"description": "审计"},
				personas=(u.TEACHER, u.MENTOR),
				inside=True,
			),
			Target("Care Meeting", meeting, "topic", {"minutes": "审计"}, personas=(u.TEACHER,), inside=True),
			Target(
				"Care Activity Participant",
				frappe.db.get_value("Care Activity Participant", {"parent": activity, "child": a2}),
				"child_name",
				{"child": a1},
				"Care Activity",
				personas=(u.TEACHER, u.MENTOR),
			),
			Target(
				"Care Meeting Attendee",
				frappe.db.get_value("Care Meeting Attendee", {"parent": meeting, "child": a2}),
				"attendee_name",
				{"child": a1},
				"Care Meeting",
				personas=(u.TEACHER,),
			),
		]

	@classmethod
	def tearDownClass(cls):
		# Frappe logs some refused attempts (an export, a print view) before it checks: the audit's
		# thousands of attempts are not what the Access Log is for.
		frappe.db.rollback()
		frappe.db.delete("Access Log", {"user": ("in", OVER_HTTP)})
		# Guardians a persona may file (teachers and leaders may), filed by the audit's requests.
		frappe.db.delete("Child Guardian", {"owner": ("in", OVER_HTTP), "creation": (">=", cls.started)})
		frappe.db.delete("Email Queue", {"creation": (">=", cls.started)})
		# What the personas' requests rightly added to the records they open (an attachment
		# named 审计.txt, a comment, a tag, a saved list filter…), which would otherwise show on the
		# site's pages.
		made = {"owner": ("in", OVER_HTTP), "creation": (">=", cls.started)}
		for doctype in (
			"File",
			"Comment",
			"ToDo",
			"DocShare",
			"Tag Link",
			"Document Follow",
			"Communication",
			"List Filter",
			"Discussion Topic",
			"Discussion Reply",
		):
			frappe.db.delete(doctype, made)
		if cls.email_account:
			frappe.delete_doc("Email Account", cls.email_account, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit
		frappe.local.outgoing_email_account = {}
		super().tearDownClass()

	@classmethod
	def hidden_values(cls) -> set[str]:
		"""What no persona without permlevel 1 reads of any world child: notes and ID numbers."""
		return {value for key in cls.children for value in u.hidden_canaries(key).values()} | {
			number for child in cls.children.values() for number in u.id_numbers(child)
		}

	def setUp(self):
		self.forget_baselines()

	def tearDown(self):
		frappe.set_user("Administrator")

	# ---- what is checked

	def fingerprint(self, target: Target | None = None) -> str:
		"""The out-of-scope records, their rows, and what points at them. Of a record every role
		reads, its own values only: liking, commenting on or assigning it is anyone's right.

		Asked about one target, the records of its family only (the record, its rows, its parent):
		a method given one record's name and change can write to that family, and what points at
		any record (comments, assignments, shares, versions…) and new children or classes of school
		B are always counted. The whole fingerprint for every call made the audit grow with the
		square of its targets."""
		from leftbehind_care.permissions import FAMILIES

		b1 = self.children["b1"]
		names = [t.name for t in self.targets if not t.readable]
		family = set(FAMILIES.get(target.doctype, (target.doctype,))) if target else None
		state = {}
		for t in self.targets:
			if family is not None and t.doctype not in family:
				continue
			values = frappe.db.get_value(t.doctype, t.name, "*", as_dict=True) or {}
			if t.readable:
				values = {k: v for k, v in values.items() if k not in SOCIAL_COLUMNS}
			state[f"{t.doctype}/{t.name}"] = values
		if family is None or CHILD in family:
			state["rows"] = [
				frappe.get_all(table, filters={"parent": b1}, fields=["*"], order_by="idx")
				for table in (
					"Left Behind Child Parent",
					"Left Behind Child Guardian",
					"Left Behind Child Status Log",
				)
			]
		if family is None or "Care Meeting" in family:
			state["meeting rows"] = frappe.get_all(
				"Care Meeting Attendee", filters={"parent": self.meeting}, fields=["*"], order_by="idx"
			)
		for doctype, field_name in (
			("Comment", "reference_name"),
			("ToDo", "reference_name"),
			("DocShare", "share_name"),
			("Tag Link", "document_name"),
			("File", "attached_to_name"),
			("Communication", "reference_name"),
			("Version", "docname"),
			("Document Follow", "ref_docname"),
		):
			state[doctype] = frappe.db.count(doctype, {field_name: ("in", names)})
		state["children of school B"] = frappe.db.count(CHILD, {"school": u.SCHOOL_B})
		state["classes of school B"] = frappe.db.count("Care Class", {"school": u.SCHOOL_B})
		return dump(state)

	def baseline(self, watched: Target | None) -> str:
		"""The fingerprint of a family (or, for None, of everything) before a call: computed once,
		and again only after a call that committed (`forget_baselines`)."""
		key = self.key(watched)
		if key not in self.known:
			self.known[key] = self.fingerprint(watched)
		return self.known[key]

	def forget_baselines(self) -> None:
		self.known = {}

	@staticmethod
	def key(target: Target | None) -> str:
		from leftbehind_care.permissions import FAMILIES

		return "/".join(FAMILIES.get(target.doctype, (target.doctype,))) if target else "*"

	@staticmethod
	def watched(target: Target, args: dict) -> Target | None:
		"""What a call can write to: the target's family when its arguments name the target; else
		(a method asked without the record) anything, so everything is compared."""
		text = dump(args)
		return target if target.name in text or target.doctype in text else None

	def leaks(self, persona: str, target: Target, outcome: Outcome, twin: Outcome | None) -> list[str]:
		found = sorted(
			c for c in self.canaries[persona] if c and any(form in outcome.text for form in written(c))
		)
		if twin is not None and outcome.ok and twin.ok and not target.readable:
			if answers_differ(target, outcome, twin):
				found.append(f"answers differently for {target.name} than for a record not on file")
		return found


class TestPrivacyAuditInProcess(AuditCase):
	def call(self, path: str, args: dict, persona: str) -> Outcome:
		fn = frappe.get_attr(frappe.get_hooks("override_whitelisted_methods", {}).get(path, [path])[-1])
		frappe.set_user(persona)
		frappe.local.form_dict = frappe._dict({"cmd": path, **args})
		frappe.local.response = frappe._dict(docs=[])
		frappe.local.message_log = []
		# frappe.only_for is a no-op while tests run; a real request applies it.
		in_test, frappe.flags.in_test = frappe.flags.in_test, persona == "Administrator"
		try:
			result = frappe.call(fn, **args)
			ok, error = True, ""
		except Exception as e:
			result, ok, error = None, False, f"{type(e).__name__}: {e}"
		finally:
			frappe.flags.in_test = in_test
		result_text = dump(result) if ok else ""
		text = " ".join([result_text, dump(frappe.local.response), dump(frappe.local.message_log), error])
		return Outcome(ok, text, result_text)

	def test_every_scoped_doctype_is_a_target(self):
		"""A new DocType of children's records (child tables included) joins the audit by being
		scoped (permissions.FAMILIES); this is where it fails until it is a target too."""
		from leftbehind_care.permissions import FAMILIES

		self.assertLessEqual(set(FAMILIES), {target.doctype for target in self.targets})

	def test_every_whitelisted_method_as_every_role(self):
		self.assertGreater(len(self.methods), 80)
		self.assertLessEqual(
			set(SKIPPED) - ONLY_IN_SOME_VERSIONS,
			set(self.methods),
			"SKIPPED names a method the audit no longer finds",
		)
		problems, called, questions = [], set(), 0
		self.forget_baselines()
		spent: dict[str, float] = {}
		seen: set[str] = set()
		for path, fn in sorted(self.methods.items()):
			if path in SKIPPED:
				continue
			started = time.monotonic()
			for target in self.targets:
				for persona in target.personas:
					args = arguments(fn, target, persona, self.own_class)
					if args is None or asked(seen, path, persona, args):
						continue
					called.add(path)
					questions += 1
					watched = self.watched(target, args)
					baseline = self.baseline(watched)
					frappe.db.savepoint("audit")
					writes = frappe.db.transaction_writes
					outcome = self.call(path, args, persona)
					# A call that wrote nothing changed nothing (one that committed is seen below); a
					# record the persona opens they may change as their role allows.
					changed = (
						outcome.ok
						and not target.inside
						and frappe.db.transaction_writes != writes
						and self.fingerprint(watched) != baseline
					)
					twin = None
					if outcome.ok and not target.inside and fn.__name__ not in INSERTS:
						twin = self.call(path, arguments(fn, target.twin(), persona, self.own_class), persona)
					frappe.set_user("Administrator")
					try:
						frappe.db.rollback(save_point="audit")
					except Exception:  # the method committed: whatever it wrote is there for good
						if not target.inside and self.fingerprint(watched) != baseline:
							problems.append(
								f"{path} as {persona} committed a change to {target.doctype} {target.name}"
							)
						u.make_inside_records(self.children)
						self.forget_baselines()
					for leak in self.leaks(persona, target, outcome, twin):
						problems.append(f"{path} as {persona} on {target.doctype}: {leak}")
					if changed:
						problems.append(f"{path} as {persona} changed {target.doctype} {target.name}")
			spent[path] = time.monotonic() - started
		slowest = sorted(spent.items(), key=lambda item: -item[1])[:8]
		print(f"\nThe audit asked {questions} questions in process (method × role × record).")
		print("Slowest methods of the audit:", ", ".join(f"{path} {secs:.0f}s" for path, secs in slowest))
		uncallable = set(self.methods) - set(SKIPPED) - called
		if problems:
			self.fail("\n".join(problems))
		self.assertEqual(
			sorted(uncallable), [], "methods whose arguments the audit cannot build: add them or to SKIPPED"
		)

	def test_the_fingerprint_of_a_target_sees_its_family_change(self):
		"""A method asked about a row that writes to its parent, or about a record that writes to its
		rows, is caught by the fingerprint of the target it was asked about."""
		by_doctype = {t.doctype: t for t in self.targets}
		for asked, written, field in (
			("Safety Inspection", "Safety Hazard", "description"),
			("Safety Hazard", "Safety Inspection", "inspectors"),
			("Care Assessment", "Care Assessment Answer", "note"),
		):
			with self.subTest(asked=asked):
				before = self.fingerprint(by_doctype[asked])
				frappe.db.set_value(written, by_doctype[written].name, field, "审计改动")
				self.assertNotEqual(self.fingerprint(by_doctype[asked]), before)
				frappe.db.rollback()

	def test_the_probes_find_a_leak_when_there_is_one(self):
		"""Administrator reads everything: the same probes must see the child's data."""
		admin_canaries = u.canaries_of("b1", self.children["b1"])
		child = self.targets[0]
		seeing = set()
		for path in PROBES:
			outcome = self.call(
				path, arguments(self.methods[path], child, "Administrator", self.own_class), "Administrator"
			)
			twin = self.call(
				path,
				arguments(self.methods[path], child.twin(), "Administrator", self.own_class),
				"Administrator",
			)
			if any(c in outcome.text for c in admin_canaries) or answers_differ(child, outcome, twin):
				seeing.add(path)
		frappe.set_user("Administrator")
		self.assertEqual(seeing, set(PROBES))


class TestPrivacyAuditOverHttp(AuditCase):
	"""The same methods over `/api/method`, and the resource routes (`/api/resource`, `/api/v2`),
	as real logged-in users: what a browser or a script can do."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.clients = {persona: u.RestClient(persona) for persona in OVER_HTTP}

	def send(self, persona: str, http_method: str, path: str, args: dict) -> Outcome:
		client = self.clients[persona]
		if http_method == "GET":
			status, body = client.get_json(path, **args)
		else:
			status, body = client.send_json(http_method.lower(), path, **args)
		result = body.get("message", body.get("data")) if status == 200 else None
		ok = status == 200 and not body.get("exc")
		return Outcome(ok, dump(body), dump(result) if ok else "")

	def ask(self, problems, label, persona, target, args, http_method, route, twin_request) -> None:
		"""Send a request, and its twin about a record not on file when it answers; note leaks and
		what the requests committed to the target's family."""
		watched = self.watched(target, {"route": label, "args": args})
		baseline = self.baseline(watched)
		outcome = self.send(persona, http_method, route, args)
		twin = None
		if outcome.ok and not target.inside and twin_request:
			twin = self.send(persona, http_method, *twin_request)
		for leak in self.leaks(persona, target, outcome, twin):
			problems.append(f"{label} as {persona} on {target.doctype}: {leak}")
		frappe.db.rollback()  # see what the requests committed
		if self.fingerprint(watched) != baseline:
			if not target.inside:
				problems.append(f"{label} as {persona} changed {target.doctype} {target.name}")
			# A record the persona opens they may change: mended for the next question.
			u.make_inside_records(self.children)
			self.forget_baselines()

	def test_every_whitelisted_method_over_http(self):
		"""Every method as every role over HTTP, on one target of each way of scoping (the in-process
		audit asks every method about every target): what HTTP adds — the request's parsing, the
		method's HTTP verbs, `frappe.only_for`, the overrides — does not depend on the DocType, and
		each way of scoping a record is reached once."""
		problems, questions = [], 0
		frappe.db.rollback()
		self.forget_baselines()
		targets = representatives(self.targets)
		self.assertGreaterEqual(len(targets), 8)
		seen: set[str] = set()
		for path, fn in sorted(self.methods.items()):
			if path in SKIPPED:
				continue
			allowed = frappe.allowed_http_methods_for_whitelisted_func.get(fn, ["POST"])
			http_method = "POST" if "POST" in allowed else allowed[0]
			route = f"/api/method/{path}"
			for target in targets:
				for persona in over_http(target):
					args = arguments(fn, target, persona, self.own_class)
					if args is None or asked(seen, path, persona, args):
						continue
					twin = None
					if fn.__name__ not in INSERTS:
						twin = (route, arguments(fn, target.twin(), persona, self.own_class))
					self.ask(problems, path, persona, target, args, http_method, route, twin)
					questions += 1
		print(f"\nThe audit asked {questions} questions over HTTP (method × role × record).")
		if problems:
			self.fail("\n".join(problems))

	def test_resource_routes(self):
		problems, questions = [], 0
		frappe.db.rollback()
		self.forget_baselines()
		for target in self.targets:
			twin = target.twin()
			routes = [
				(
					"GET",
					f"/api/resource/{target.doctype}",
					{"filters": {"name": target.name}, "fields": ["*"], "parent": target.parent},
				),
				("GET", f"/api/resource/{target.doctype}/{target.name}", {}),
				("PUT", f"/api/resource/{target.doctype}/{target.name}", target.change),
				("DELETE", f"/api/resource/{target.doctype}/{target.name}", {}),
				(
					"GET",
					f"/api/v2/document/{target.doctype}",
					{"filters": {"name": target.name}, "fields": ["*"], "parent": target.parent},
				),
				("GET", f"/api/v2/document/{target.doctype}/{target.name}", {}),
				("PATCH", f"/api/v2/document/{target.doctype}/{target.name}", target.change),
				("DELETE", f"/api/v2/document/{target.doctype}/{target.name}", {}),
				("GET", f"/api/v2/doctype/{target.doctype}/count", {"filters": {"name": target.name}}),
			]
			if target.new_doc:
				routes.append(("POST", f"/api/resource/{target.doctype}", {"data": dump(target.new_doc)}))
			for http_method, route, args in routes:
				if http_method == "POST":
					twin_request = None  # a new record: nothing to compare with
				elif target.name in route:
					twin_request = (route.replace(target.name, twin.name), args)
				else:
					twin_request = (route, json.loads(json.dumps(args).replace(target.name, twin.name)))
				for persona in over_http(target):
					label = f"{http_method} {route}"
					self.ask(problems, label, persona, target, args, http_method, route, twin_request)
					questions += 1
		print(f"\nThe audit asked {questions} questions of the REST routes (route × role × record).")
		if problems:
			self.fail("\n".join(problems))
