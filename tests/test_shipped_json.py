"""Checks of the JSON the app ships, without Frappe: DocTypes, roles, settings, desk items.

Installing imports this JSON without running DocType validation, so mistakes would otherwise
surface only on a user's site.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from leftbehind_care.core import scope
from leftbehind_care.core.settings import DEFAULTS

PACKAGE = Path(__file__).resolve().parent.parent / "leftbehind_care"
MODULE = PACKAGE / "leftbehind_care"
DOCTYPES = {
	json.loads(p.read_text())["name"]: json.loads(p.read_text())
	for p in sorted(MODULE.glob("doctype/*/*.json"))
}
# Frappe's own DocTypes the app links to.
FRAPPE_DOCTYPES = {"User", "Role", "DocType", "File", "Workflow State", "Workflow Action Master"}
RESTRICTED = {
	"name",
	"parent",
	"parenttype",
	"parentfield",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"docstatus",
	"idx",
}
NO_DATA = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Fold", "Heading"}
UNIQUE_TYPES = {"Data", "Link", "Read Only", "Int"}

ALL = dict(read=1, write=1, create=1, report=1, export=1, print=1, email=1, share=1)
# The deliberate permission rows of each DocType: (role, permlevel) -> rights. A role absent
# from a DocType's table has no access to it at all.
LEVEL0_READONLY = dict(read=1, report=1, print=1)
CHILD_FILE = {
	("System Manager", 0): dict(ALL, **{"import": 1}),
	("System Manager", 1): dict(read=1, write=1),
	(scope.ADMINISTRATOR, 0): dict(ALL, **{"import": 1}),
	(scope.ADMINISTRATOR, 1): dict(read=1, write=1),
	(scope.SCHOOL_LEADER, 0): dict(read=1, write=1, create=1, report=1, export=1, print=1),
	(scope.SCHOOL_LEADER, 1): dict(read=1, write=1),
	(scope.CLASS_TEACHER, 0): dict(read=1, write=1, create=1, report=1, print=1),
	(scope.CLASS_TEACHER, 1): dict(read=1, write=1),
	(scope.COUNSELOR, 0): LEVEL0_READONLY,
	(scope.COUNSELOR, 1): dict(read=1),
	(scope.MENTOR, 0): dict(read=1, print=1),
}


def reference(leader_writes: bool = False) -> dict:
	rows = {
		("System Manager", 0): dict(ALL, delete=1),
		(scope.ADMINISTRATOR, 0): dict(ALL, delete=1, **{"import": 1}),
	}
	for role in (scope.SCHOOL_LEADER, scope.CLASS_TEACHER, scope.MENTOR, scope.COUNSELOR, scope.INSPECTOR):
		rows[(role, 0)] = LEVEL0_READONLY
	if leader_writes:
		rows[(scope.SCHOOL_LEADER, 0)] = dict(read=1, write=1, create=1, report=1, print=1)
	return rows


# A pairing is ended, never deleted; an inspector sees none (aggregates only).
PAIRING = {
	("System Manager", 0): dict(ALL),
	(scope.ADMINISTRATOR, 0): dict(ALL, **{"import": 1}),
	(scope.SCHOOL_LEADER, 0): dict(read=1, write=1, create=1, report=1, export=1, print=1),
	(scope.CLASS_TEACHER, 0): dict(read=1, write=1, create=1, report=1, print=1),
	(scope.COUNSELOR, 0): LEVEL0_READONLY,
	(scope.MENTOR, 0): LEVEL0_READONLY,
}
# Talks, contacts and visits are recorded by everyone who looks after the child, never deleted;
# no inspector.
RECORDED_BY_CARERS = dict(read=1, write=1, create=1, report=1, print=1)
TALK = {
	("System Manager", 0): dict(ALL),
	(scope.ADMINISTRATOR, 0): dict(ALL, **{"import": 1}),
	(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
	(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
	(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
	(scope.MENTOR, 0): RECORDED_BY_CARERS,
}
SETTINGS_ROWS = dict(read=1, write=1, create=1, print=1, email=1, share=1)
EXPECTED_PERMISSIONS = {
	"Left Behind Child": CHILD_FILE,
	"Child Guardian": CHILD_FILE,
	"Care School": reference(),
	"Care Class": reference(leader_writes=True),
	"Care Term": reference(),
	"Care Settings": {("System Manager", 0): SETTINGS_ROWS, (scope.ADMINISTRATOR, 0): SETTINGS_ROWS},
	"Mentor Pairing": PAIRING,
	"Talk Record": TALK,
	"Family Contact": TALK,
	"Home Visit": TALK,
	"Care Meeting": TALK,
	# A plan for a child in trouble: written by those who run it, approved by a leader; never
	# deleted; no mentor and no inspector.
	# Counselling notes (permlevel 1) are read by counsellors and leaders only; a class teacher
	# sees that a session took place.
	"Counseling Session": {
		("System Manager", 0): dict(ALL),
		("System Manager", 1): dict(read=1, write=1),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(read=1, report=1, print=1, export=1),
		(scope.SCHOOL_LEADER, 1): dict(read=1),
		(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 1): dict(read=1, write=1),
		(scope.CLASS_TEACHER, 0): dict(read=1, report=1),
	},
	# Major incidents: recorded by the child's teachers, counsellors and leaders; no mentor, no
	# inspector.
	"Care Incident": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
	},
	# Invitations to the parents' pages (家长端): issued and withdrawn by the child's class teacher
	# or a school leader; the phone on file read as in the child's file.
	"Care Parent Invitation": {
		("System Manager", 0): dict(read=1, write=1, create=1, report=1, export=1, print=1, email=1, share=1),
		("System Manager", 1): dict(read=1),
		(scope.ADMINISTRATOR, 0): dict(read=1, write=1, create=1, report=1, export=1, print=1),
		(scope.ADMINISTRATOR, 1): dict(read=1),
		(scope.SCHOOL_LEADER, 0): dict(read=1, write=1, create=1, report=1, print=1),
		(scope.SCHOOL_LEADER, 1): dict(read=1),
		(scope.CLASS_TEACHER, 0): dict(read=1, write=1, create=1, report=1, print=1),
		(scope.CLASS_TEACHER, 1): dict(read=1),
	},
	# 家长课堂 articles: written by the county (for every school) and by school leaders (their own).
	"Care Parent Article": {
		("System Manager", 0): dict(ALL, delete=1),
		(scope.ADMINISTRATOR, 0): dict(read=1, write=1, create=1, delete=1, report=1, export=1, print=1),
		(scope.SCHOOL_LEADER, 0): dict(read=1, write=1, create=1, delete=1, report=1, print=1),
	},
	"Intervention Plan": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
	},
	# Assessments: made by the child's class teacher, counsellor or school leader; no mentor, no
	# inspector. Their templates are kept by the county and read by whoever assesses.
	"Care Assessment": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
	},
	"Assessment Template": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(read=1),
		(scope.CLASS_TEACHER, 0): dict(read=1),
		(scope.COUNSELOR, 0): dict(read=1),
	},
	# Support around the child. The three priorities are given (and recorded) by everyone who looks
	# after the child, mentors too; boarding by the school (counsellors read it); aid by the class
	# teacher and the school's leaders; a dropout case by them too (counsellors read it).
	"Priority Support": {**TALK, (scope.ADMINISTRATOR, 0): dict(ALL)},
	"Boarding Record": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): LEVEL0_READONLY,
	},
	"Aid Record": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
	},
	"Schooling Follow-up": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): LEVEL0_READONLY,
	},
	# A school's own records: its leaders and the county.
	"Care Fund Entry": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
	},
	# A term's summary: written by the school's leaders, reviewed by the county, read by the
	# inspectors of the school (it names no child).
	"Care Term Summary": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.INSPECTOR, 0): dict(read=1, report=1, print=1),
	},
	# A term's evaluations: rounds and derelictions kept by the school's leaders; an evaluation is
	# read by the person evaluated once final, who acknowledges it (their only change).
	"Care Evaluation Round": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
	},
	"Care Dereliction": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
	},
	"Care Evaluation": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(read=1, write=1, report=1, print=1, export=1),
		(scope.CLASS_TEACHER, 0): dict(read=1, write=1, print=1),
	},
	"Safety Inspection": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
	},
	# Care activities: organised by teachers, counsellors and leaders; mentors read them.
	"Care Activity": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(RECORDED_BY_CARERS, export=1),
		(scope.CLASS_TEACHER, 0): RECORDED_BY_CARERS,
		(scope.COUNSELOR, 0): RECORDED_BY_CARERS,
		(scope.MENTOR, 0): dict(read=1, report=1),
	},
	"Care Venue": {
		("System Manager", 0): dict(ALL),
		(scope.ADMINISTRATOR, 0): dict(ALL),
		(scope.SCHOOL_LEADER, 0): dict(read=1),
		(scope.CLASS_TEACHER, 0): dict(read=1),
		(scope.COUNSELOR, 0): dict(read=1),
		(scope.MENTOR, 0): dict(read=1),
	},
	# Sent reminders: read by the county, written only by the reminder job.
	"Care Reminder": {
		("System Manager", 0): dict(read=1, report=1, export=1, delete=1),
		(scope.ADMINISTRATOR, 0): dict(read=1, report=1, export=1),
	},
	# The compliance ledger: derived figures, read by the county; written only by the ledger
	# (reports read it within the reader's scope, never through the desk).
	"Care Compliance Entry": {
		("System Manager", 0): dict(read=1, report=1, export=1),
		(scope.ADMINISTRATOR, 0): dict(read=1, report=1, export=1),
	},
}
SENSITIVE = {
	"Left Behind Child": {
		"id_number",
		"health_status",
		"has_disability",
		"disability_notes",
		"health_notes",
		"family_economy",
		"is_dibao",
		"is_poverty_registered",
		"economy_notes",
	},
	"Child Guardian": {"id_number", "health", "notes"},
	"Counseling Session": {"notes", "follow_up"},
}


def test_every_doctype_has_its_folder_and_controller():
	for path in MODULE.glob("doctype/*/*.json"):
		folder = path.parent
		assert path.stem == folder.name
		assert (folder / "__init__.py").exists()
		assert (folder / f"{folder.name}.py").exists(), folder
		assert (
			DOCTYPES[json.loads(path.read_text())["name"]]["name"].lower().replace(" ", "_").replace("-", "_")
			== folder.name
		)


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_fields_are_legal(name):
	doctype = DOCTYPES[name]
	assert doctype["module"] == "Leftbehind Care"
	names = [f["fieldname"] for f in doctype["fields"]]
	assert len(names) == len(set(names)), "duplicate fieldnames"
	assert doctype["field_order"] == names
	for field in doctype["fields"]:
		assert field["fieldname"] not in RESTRICTED, field
		assert field["fieldname"].isidentifier() and field["fieldname"].islower(), field
		if field["fieldtype"] not in NO_DATA:
			assert field.get("label"), field
		if field.get("unique"):
			assert field["fieldtype"] in UNIQUE_TYPES, field
		if field["fieldtype"] in {"Link", "Table", "Table MultiSelect"}:
			target = field.get("options")
			assert target in DOCTYPES or target in FRAPPE_DOCTYPES, field
			if field["fieldtype"] != "Link":
				assert DOCTYPES[target].get("istable") == 1, field
		if field.get("fetch_from"):
			link_field, target_field = field["fetch_from"].split(".")
			link = next(f for f in doctype["fields"] if f["fieldname"] == link_field)
			if link["options"] in DOCTYPES:
				assert target_field in {f["fieldname"] for f in DOCTYPES[link["options"]]["fields"]}, field
	for key in ("title_field", "image_field", "sort_field"):
		if doctype.get(key) and doctype[key] not in ("modified", "creation", "name"):
			assert doctype[key] in names, key
	for field in filter(None, (doctype.get("search_fields") or "").split(",")):
		assert field.strip() in names, field
	if doctype.get("autoname", "").startswith("field:"):
		assert doctype["autoname"][6:] in names


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_no_field_is_hidden_and_mandatory_without_a_default(name):
	"""Frappe refuses such a DocType (HiddenAndMandatoryWithoutDefaultError) on v16's validation."""
	for field in DOCTYPES[name]["fields"]:
		assert not (field.get("hidden") and field.get("reqd") and not field.get("default")), field[
			"fieldname"
		]


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_every_role_has_a_deliberate_permission_row_or_none(name):
	doctype = DOCTYPES[name]
	if doctype.get("istable"):
		assert doctype["permissions"] == []
		return
	actual = {}
	for row in doctype["permissions"]:
		key = (row["role"], row.get("permlevel", 0))
		assert key not in actual, f"two rows for {key}"
		actual[key] = {k: v for k, v in row.items() if k not in ("role", "permlevel") and v}
	assert actual == EXPECTED_PERMISSIONS[name]
	assert not any(r.get("delete") for r in doctype["permissions"]) or name not in SENSITIVE, (
		"child files are never deleted"
	)


@pytest.mark.parametrize("name", sorted(SENSITIVE))
def test_sensitive_fields_sit_at_permlevel_1(name):
	fields = {f["fieldname"]: f for f in DOCTYPES[name]["fields"]}
	for fieldname in SENSITIVE[name]:
		assert fields[fieldname].get("permlevel") == 1, fieldname
	level1 = {role for (role, level) in EXPECTED_PERMISSIONS[name] if level == 1}
	assert scope.MENTOR not in level1 and scope.INSPECTOR not in level1


def test_settings_defaults_are_the_core_defaults():
	fields = {f["fieldname"]: f for f in DOCTYPES["Care Settings"]["fields"]}
	assert {k: int(fields[k]["default"]) for k in DEFAULTS} == DEFAULTS


def test_select_options_match_the_core():
	from leftbehind_care.core import child

	fields = {f["fieldname"]: f for f in DOCTYPES["Left Behind Child"]["fields"]}
	assert tuple(fields["status"]["options"].split("\n")) == child.STATUSES
	guardian = {f["fieldname"]: f for f in DOCTYPES["Child Guardian"]["fields"]}
	assert tuple(guardian["capacity"]["options"].split("\n")) == child.CAPACITIES
	from leftbehind_care.core.school import SCHOOL_TYPES

	schools = {f["fieldname"]: f for f in DOCTYPES["Care School"]["fields"]}
	assert tuple(schools["school_type"]["options"].split("\n")) == SCHOOL_TYPES
	from leftbehind_care.core import parents

	invitation = {f["fieldname"]: f for f in DOCTYPES["Care Parent Invitation"]["fields"]}
	assert tuple(invitation["invitee_kind"]["options"].split("\n")) == parents.INVITEE_KINDS
	assert tuple(invitation["status"]["options"].split("\n")) == (
		parents.PENDING,
		parents.USED,
		parents.REVOKED,
	)
	assert invitation["status"]["default"] == parents.PENDING
	# The invitee's relation as the file's rows give it (shown translated).
	guardian_row = {f["fieldname"]: f for f in DOCTYPES["Left Behind Child Guardian"]["fields"]}
	parent_row = {f["fieldname"]: f for f in DOCTYPES["Left Behind Child Parent"]["fields"]}
	relations = set(invitation["relation"]["options"].split("\n")) - {""}
	assert relations == set(guardian_row["relation"]["options"].split("\n")) | set(
		parent_row["relation"]["options"].split("\n")
	)
	member = {f["fieldname"]: f for f in DOCTYPES["Care School Member"]["fields"]}
	assert set(member["member_role"]["options"].split("\n")) == {
		scope.MEMBER_LEADER,
		scope.MEMBER_COUNSELOR,
		scope.MEMBER_INSPECTOR,
	}


def test_roles_fixture_is_the_six_roles_of_the_design_and_the_parents():
	from leftbehind_care.core.parents import PARENT_ROLE

	roles = {r["name"]: r for r in json.loads((PACKAGE / "fixtures" / "role.json").read_text())}
	assert set(roles) == {*scope.CARE_ROLES, PARENT_ROLE}
	assert all(roles[role]["desk_access"] == 1 for role in scope.CARE_ROLES)
	# Parents are website users: their own pages, never the desk.
	assert roles[PARENT_ROLE]["desk_access"] == 0
	assert roles[PARENT_ROLE]["home_page"] == "/parent"


def hook_paths() -> list[str]:
	tree = ast.parse((PACKAGE / "hooks.py").read_text())
	found = []
	for node in ast.walk(tree):
		if (
			isinstance(node, ast.Constant)
			and isinstance(node.value, str)
			and node.value.startswith("leftbehind_care.")
		):
			found.append(node.value)
	return found


@pytest.mark.parametrize("dotted", hook_paths())
def test_hooks_name_functions_that_exist(dotted):
	"""Each dotted path in hooks.py names a function (or, for a page renderer, a class)."""
	module, _, function = dotted.rpartition(".")
	source = PACKAGE.parent / (module.replace(".", "/") + ".py")
	tree = ast.parse(source.read_text())
	assert function in {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}, dotted


def test_desk_items_point_at_real_doctypes_and_reports():
	reports = {json.loads(p.read_text())["name"] for p in MODULE.glob("report/*/*.json")}
	pages = {json.loads(p.read_text())["name"] for p in MODULE.glob("page/*/*.json")}
	cards = {}
	for path in MODULE.glob("number_card/*/*.json"):
		card = json.loads(path.read_text())
		assert card["document_type"] in DOCTYPES
		for condition in json.loads(card["filters_json"]):
			assert len(condition) == 4
			assert condition[1] in {f["fieldname"] for f in DOCTYPES[condition[0]]["fields"]}
		cards[card["name"]] = card
	frappes = {"Data Import"}
	for path in MODULE.glob("workspace/*/*.json"):
		workspace = json.loads(path.read_text())
		for shortcut in workspace["shortcuts"]:
			targets = {"DocType": DOCTYPES, "Page": pages}.get(shortcut["type"], reports)
			assert shortcut["link_to"] in targets or shortcut["link_to"] in frappes
		links = [link for link in workspace["links"] if link["type"] == "Link"]
		for link in links:
			targets = {"Report": reports, "Page": pages}.get(link["link_type"], DOCTYPES)
			assert link["link_to"] in targets or link["link_to"] in frappes
		# A shortcut is not repeated in a card of links.
		assert not {s["link_to"] for s in workspace["shortcuts"]} & {link["link_to"] for link in links}
		assert {c["number_card_name"] for c in workspace["number_cards"]} <= set(cards)
	for path in MODULE.glob("report/*/*.json"):
		report = json.loads(path.read_text())
		assert report["ref_doctype"] in DOCTYPES
		assert (path.parent / f"{path.parent.name}.py").exists()


def test_copies_of_a_select_keep_its_options():
	"""A field fetched from a Select is a Select with the same options, so it shows translated."""
	for doctype in DOCTYPES.values():
		fields = {f["fieldname"]: f for f in doctype["fields"]}
		for field in doctype["fields"]:
			if not field.get("fetch_from"):
				continue
			link_field, source_name = field["fetch_from"].split(".")
			target = fields[link_field]["options"]
			if target not in DOCTYPES:
				continue
			source = next(f for f in DOCTYPES[target]["fields"] if f["fieldname"] == source_name)
			if source["fieldtype"] == "Select":
				assert field["fieldtype"] == "Select" and field["options"] == source["options"], field


# Who opens each page: the security check is the county's; 我的学生 is everyone's who looks after
# children (it lists only the user's own).
PAGE_ROLES = {
	"care-security-check": {"Care Administrator", "System Manager"},
	"my-students": set(scope.CARE_ROLES) - {scope.INSPECTOR} | {"System Manager"},
}


def test_pages_are_restricted_to_their_roles():
	for path in MODULE.glob("page/*/*.json"):
		page = json.loads(path.read_text())
		assert page["module"] == "Leftbehind Care"
		assert page["name"] == path.parent.name.replace("_", "-")
		assert {r["role"] for r in page["roles"]} == PAGE_ROLES[page["name"]]
		assert (path.parent / f"{path.parent.name}.js").exists()


# Frappe v16 refuses a list count of a DocType whose table name, up to its first space, contains one
# of these words (`count(`tabDropout Follow-up`.name)` reads as a DROP): name no DocType so.
SQL_WORDS_FRAPPE_REFUSES = ("select", "create", "insert", "delete", "drop", "update", "case", "show")


@pytest.mark.parametrize("name", sorted(DOCTYPES))
def test_a_doctype_name_frappe_can_count(name):
	token = f"`tab{name}".lower().split(" ", 1)[0]
	assert not [word for word in SQL_WORDS_FRAPPE_REFUSES if word in token]
