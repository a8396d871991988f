"""The one scoping helper: which children, guardians and schools a user may see.

`get_scope(user)` gathers a user's roles and assignments and hands them to the core
(`leftbehind_care.core.scope.build_scope`). Every path uses that scope:

- list view, report view, link search, `frappe.get_list` and `/api/resource` lists go through
  the `permission_query_conditions` hooks below;
- form, print and `/api/resource/<doctype>/<name>` go through the `has_permission` hooks;
- the rows of the child's file read on their own (child tables) follow their child;
- writes are judged on the stored record and on the changed one;
- a list query may not filter, sort or group by a field above the user's permlevel;
- reports and whitelisted methods that query with `frappe.qb` call `child_criterion(scope, table)`
  or fetch with `frappe.get_list`, which applies the conditions. Frappe methods that skip these
  checks are replaced in `leftbehind_care.privacy`.
"""

from __future__ import annotations

import sys

import frappe
from frappe import _
from frappe.core.doctype.version.version import get_diff
from frappe.model import no_value_fields
from frappe.model.db_query import DatabaseQuery
from frappe.query_builder import Criterion
from frappe.utils import getdate, nowdate
from pypika.queries import Table

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.privacy import hidden_fields_used, rows_kept_from_reader, shown_rows
from leftbehind_care.core.scope import (
	MEMBER_LEADER,
	MENTOR,
	SCHOOL_LEADER,
	CareScope,
	build_scope,
	sees_all,
)
from leftbehind_care.messages import raise_rule_error

CHILD = "Left Behind Child"
# Permission types that read; every other one changes the record.
READ_TYPES = frozenset({"read", "select", "print", "email", "report", "export"})


def get_scope(user: str | None = None) -> CareScope:
	user = user or frappe.session.user
	if user == "Administrator":
		return build_scope(["Administrator"])
	roles = frappe.get_roles(user)
	if sees_all(roles):  # nothing more to read: memberships add nothing to the whole county
		return build_scope(roles)
	paired = paired_children(user) if MENTOR in roles else []
	member = frappe.qb.DocType("Care School Member")
	memberships = (
		frappe.qb.from_(member)
		.select(member.parent, member.member_role)
		.where((member.user == user) & (member.parenttype == "Care School"))
		.run()
	)
	taught = frappe.get_all("Care Class", filters={"class_teacher": user}, pluck="name")
	return build_scope(roles, memberships, taught, paired)


def paired_children(user: str) -> list[str]:
	"""Children a mentor is paired with now: active pairings that have not run out."""
	today = getdate(nowdate())
	rows = frappe.get_all(
		"Mentor Pairing",
		filters={"mentor_user": user, "status": "Active"},
		fields=["child", "to_date"],
	)
	return sorted({row.child for row in rows if not row.to_date or getdate(row.to_date) >= today})


def _sql_in(column: str, values: frozenset[str]) -> str:
	return "{} in ({})".format(column, ", ".join(frappe.db.escape(v) for v in sorted(values)))


def child_condition(scope: CareScope, table: str = "`tabLeft Behind Child`") -> str:
	"""SQL condition on a Left Behind Child table (or alias) for the children in scope."""
	if scope.all_schools:
		return ""
	parts = []
	if scope.schools:
		parts.append(_sql_in(f"{table}.school", scope.schools))
	if scope.classes:
		parts.append(_sql_in(f"{table}.care_class", scope.classes))
	if scope.children:
		parts.append(_sql_in(f"{table}.name", scope.children))
	return "({})".format(" or ".join(parts)) if parts else "1=0"


def child_criterion(scope: CareScope, table: Table, name=None) -> Criterion | None:
	"""The same scope as a `frappe.qb` criterion, for reports; None means no restriction. `table`
	has the child's school and class; `name` is its column naming the child (the table's own name
	for Left Behind Child)."""
	name = table.name if name is None else name
	if scope.all_schools:
		return None
	parts = []
	if scope.schools:
		parts.append(table.school.isin(sorted(scope.schools)))
	if scope.classes:
		parts.append(table.care_class.isin(sorted(scope.classes)))
	if scope.children:
		parts.append(name.isin(sorted(scope.children)))
	return Criterion.any(parts) if parts else name.isnull() & name.notnull()


def in_scope(query, child: Table, conditions: dict, scope: CareScope | None = None):
	"""`query` of the Left Behind Child table `child` narrowed to the children in the scope (the
	user's by default) that meet `conditions` (field: value), as `get_list` narrows it."""
	criterion = child_criterion(scope or get_scope(), child)
	if criterion is not None:
		query = query.where(criterion)
	for field, value in conditions.items():
		query = query.where(child[field] == value)
	return query


def children_query(conditions: dict, scope: CareScope | None = None):
	"""The names of the children in the scope (the user's by default) that meet `conditions`
	(field: value, as a report filters its children), as a `frappe.qb` subquery: a report reads
	their records with `record.child.isin(children_query(…))` rather than sending a county's names
	back as a list."""
	child = frappe.qb.DocType(CHILD)
	return in_scope(frappe.qb.from_(child).select(child.name), child, conditions, scope)


def child_records_in_scope(query, record: Table, conditions: dict, scope: CareScope | None = None):
	"""`query` of a record about one child (`record` has its `child` column; pairings, plans, cases…)
	narrowed to the records of children in the scope (the user's by default) and meeting
	`conditions` (the record's field: value), as `get_list` narrows it
	(`child_record_query_conditions`)."""
	scope = scope or get_scope()
	if not scope.all_schools:
		query = query.where(record.child.isin(children_query({}, scope)))
	for field, value in conditions.items():
		query = query.where(record[field] == value)
	return query


def child_in_scope_condition(scope: CareScope, column: str) -> str:
	"""SQL condition: `column` (a Link to Left Behind Child) names a child in scope."""
	return "{column} in (select c.name from `tabLeft Behind Child` c where {children})".format(
		column=column, children=child_condition(scope, "c")
	)


def class_criterion(scope: CareScope, table: Table) -> Criterion | None:
	"""Care Classes whose children the scope covers (where a user may file children); None
	means no restriction."""
	if scope.all_schools:
		return None
	parts = []
	if scope.schools:
		parts.append(table.school.isin(sorted(scope.schools)))
	if scope.classes:
		parts.append(table.name.isin(sorted(scope.classes)))
	return Criterion.any(parts) if parts else table.name.isnull() & table.name.notnull()


# ---- Left Behind Child


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(CHILD, user)
	return child_condition(get_scope(user))


def child_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	"""A child in scope, judged on the stored record *and* on the document as it stands.

	A write (`PUT /api/resource`, `frappe.client.set_value`, a form save) arrives as a document
	already changed by the request: judged on that alone, a teacher could set another school's
	child into their own class and read the whole file from then on. The stored record decides
	whose child it is; the changed one must stay in scope too.
	"""
	scope = get_scope(user)
	if scope.all_schools:
		return True
	if doc.is_new():
		# Filing a new child is checked in validate, with a message naming the user's classes.
		return ptype == "create" or scope.sees_child(None, doc.school, doc.care_class)
	stored = frappe.db.get_value(CHILD, doc.name, ["school", "care_class"])
	if stored and not scope.sees_child(doc.name, *stored):
		return False
	return scope.sees_child(doc.name, doc.school, doc.care_class)


# ---- Rows of the child's file (parents away, guardians, status log), read on their own
# (`frappe.get_list(table, parent_doctype=...)`, `/api/resource/<table>?parent=...`, a row by
# name): Frappe checks only the parent DocType's role permission there, so the rows follow their
# child's scope — in lists through these conditions, one by one through `RowFollowsParent`.

CHILD_TABLES = ("Left Behind Child Parent", "Left Behind Child Guardian", "Left Behind Child Status Log")


def child_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	table = f"`tab{doctype}`"
	return "({table}.parenttype = {child} and {in_scope})".format(
		table=table,
		child=frappe.db.escape(CHILD),
		in_scope=child_in_scope_condition(scope, f"{table}.parent"),
	)


class RowFollowsParent:
	"""Controller mixin for those rows (and a Care Meeting's attendance). A row loaded on its own
	(`frappe.client.get`, the desk form, bulk update, attach, assign) is checked by Frappe against
	its parent DocType's role permission only: `has_child_permission` passes the parent on as
	`child_doc.parent_doc`, which is None for a row loaded without its parent. Every document check
	(`doc.has_permission`, `doc.check_permission`, the check in `save`) asks the row's own parent
	record as well."""

	def has_permission(self, permtype="read", *, debug=False, user=None) -> bool:
		if self.flags.ignore_permissions:
			return True
		return super().has_permission(permtype, debug=debug, user=user) and row_in_scope(self, permtype, user)


def row_in_scope(row, ptype: str | None = None, user: str | None = None) -> bool:
	if not row.parent:
		return False
	parent_ptype = "read" if (ptype or "read") in READ_TYPES else "write"
	if not frappe.has_permission(row.parenttype or CHILD, parent_ptype, doc=row.parent, user=user):
		return False
	if row.parenttype not in SEVERAL_CHILDREN:
		return True
	# A row naming a child: shown to whoever sees the whole record, or looks after that child (as
	# stored and as changed).
	user = user or frappe.session.user
	scope = get_scope(user)
	if sees_whole_record(
		scope, user, *frappe.db.get_value(row.parenttype, row.parent, ["school", "host", "owner"])
	):
		return True
	children = {row.get("child"), frappe.db.get_value(row.doctype, row.name, "child")} - {None, ""}
	return readers_children(scope, children) == children


# ---- Child Guardian: visible to whoever sees one of the guardian's children, and to its author.


def guardian_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query("Child Guardian", user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	children = child_condition(scope, "c")
	return (
		"(`tabChild Guardian`.owner = {user} or `tabChild Guardian`.name in ("
		"select g.guardian from `tabLeft Behind Child Guardian` g "
		"join `tabLeft Behind Child` c on c.name = g.parent "
		"where g.parenttype = 'Left Behind Child' and {children}))"
	).format(user=frappe.db.escape(user), children=children)


def guardian_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	if doc.is_new():
		return True
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools or doc.owner == user:
		return True
	if scope.sees_no_child:
		return False
	link = frappe.qb.DocType("Left Behind Child Guardian")
	child = frappe.qb.DocType(CHILD)
	query = (
		frappe.qb.from_(link)
		.join(child)
		.on(child.name == link.parent)
		.select(child.name)
		.where((link.guardian == doc.name) & (link.parenttype == CHILD))
		.limit(1)
	)
	criterion = child_criterion(scope, child)
	if criterion is not None:
		query = query.where(criterion)
	return bool(query.run())


# ---- Care Class: every care role reads the school structure; a school leader changes only the
# classes of their own schools (a class teacher assigned there sees its children).


def class_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	if ptype in READ_TYPES:
		return True
	scope = get_scope(user)
	if scope.all_schools:
		return True
	if doc.is_new():
		# The school of a new class is checked in validate, with a message naming the user's schools.
		return ptype == "create" or doc.school in scope.schools
	stored_school = frappe.db.get_value("Care Class", doc.name, "school")
	return stored_school in scope.schools and doc.school in scope.schools


# ---- Mentor Pairing: seen with its child, and by its own mentor.


def pairing_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query("Mentor Pairing", user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return "(`tabMentor Pairing`.mentor_user = {user} or {in_scope})".format(
		user=frappe.db.escape(user), in_scope=child_in_scope_condition(scope, "`tabMentor Pairing`.child")
	)


def pairing_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	"""Like any record about a child (below); its own mentor also reads it."""
	user = user or frappe.session.user
	if child_record_has_permission(doc, ptype, user):
		return True
	if (ptype or "read") in READ_TYPES and not doc.is_new():
		return frappe.db.get_value("Mentor Pairing", doc.name, "mentor_user") == user
	return False


def child_in_scope(scope: CareScope, child: str) -> bool:
	stored = frappe.db.get_value(CHILD, child, ["school", "care_class"])
	return bool(stored) and scope.sees_child(child, *stored)


# ---- Records about one child (pairings, talks, contacts, visits): seen and changed with the child.


def child_record_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return child_in_scope_condition(scope, f"`tab{doctype}`.child")


def child_record_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	"""The record's child is in scope, before and after a change (a new record is checked in
	validate, with a message)."""
	scope = get_scope(user)
	if scope.all_schools or (doc.is_new() and ptype == "create"):
		return True
	children = {doc.child}
	if not doc.is_new():
		children.add(frappe.db.get_value(doc.doctype, doc.name, "child"))
	return all(child_in_scope(scope, child) for child in children if child)


# ---- Records about one child with rows of their own (an intervention plan's problems, measures,
# reviews and history; an assessment's answers): the rows follow their record.

PLAN = "Intervention Plan"
PLAN_TABLES = (
	"Intervention Plan Problem",
	"Intervention Plan Action",
	"Intervention Plan Review",
	"Intervention Plan Transition",
)
ASSESSMENT = "Care Assessment"
ASSESSMENT_TABLES = ("Care Assessment Answer",)
DROPOUT_CASE = "Schooling Follow-up"
DROPOUT_TABLES = ("Persuasion Attempt",)
RECORD_OF_ROW = {
	**{table: PLAN for table in PLAN_TABLES},
	**{table: ASSESSMENT for table in ASSESSMENT_TABLES},
	**{table: DROPOUT_CASE for table in DROPOUT_TABLES},
}


def rows_following(doctype: str, record: str, condition: str) -> str:
	"""The condition on a child table's rows read on their own: rows of a `record` that meets
	`condition` (written on the record's alias `r`)."""
	table = f"`tab{doctype}`"
	return (
		f"({table}.parenttype = {frappe.db.escape(record)} and {table}.parent in "
		f"(select r.name from `tab{record}` r where {condition}))"
	)


def record_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return rows_following(doctype, RECORD_OF_ROW[doctype], child_in_scope_condition(scope, "r.child"))


# ---- Care Meeting: seen by whoever sees its school or class, and by its host; its attendance
# rows follow it. Who may be listed in it is checked in its controller.

MEETING = "Care Meeting"


def meeting_condition(scope: CareScope, user: str, table: str = "`tabCare Meeting`") -> str:
	parts = [f"{table}.host = {frappe.db.escape(user)}", f"{table}.owner = {frappe.db.escape(user)}"]
	if scope.schools:
		parts.append(_sql_in(f"{table}.school", scope.schools))
	if scope.classes:
		parts.append(_sql_in(f"{table}.care_class", scope.classes))
	return "({})".format(" or ".join(parts))


def sees_meeting(scope: CareScope, user: str, school, care_class, host, owner) -> bool:
	return (
		scope.all_schools or school in scope.schools or care_class in scope.classes or user in (host, owner)
	)


def meeting_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(MEETING, user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return meeting_condition(scope, user) + joined_rows_condition(MEETING, scope, user)


def meeting_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return rows_of_several_children(doctype, MEETING, meeting_condition(scope, user, "r"), scope, user)


def meeting_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	return judged_where_held(
		doc, ptype, user, lambda scope, user, _name, *place: sees_meeting(scope, user, *place)
	)


def judged_where_held(doc, ptype: str | None, user: str | None, sees) -> bool:
	"""A meeting or activity is judged on where it was held (school, class, host, owner) as stored
	and as changed; a new one's place is checked in validate, with a message."""
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return True
	place = ["school", "care_class", "host", "owner"]
	if doc.is_new():
		return ptype == "create" or sees_meeting(scope, user, *(doc.get(field) for field in place))
	stored = frappe.db.get_value(doc.doctype, doc.name, place)
	if stored and not sees(scope, user, doc.name, *stored):
		return False
	return sees(scope, user, doc.name, *(doc.get(field) for field in place))


# ---- Records of a school (its safety inspections, its funds of a term): seen by whoever sees the
# whole school (its leaders; the county); a hazard row follows its inspection.

SCHOOL_RECORD_OF_ROW = {"Safety Hazard": "Safety Inspection"}


def school_condition(scope: CareScope, column: str) -> str:
	return _sql_in(column, scope.schools) if scope.schools else "1=0"


def school_record_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	scope = get_scope(user)
	return "" if scope.all_schools else school_condition(scope, f"`tab{doctype}`.school")


def school_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return rows_following(doctype, SCHOOL_RECORD_OF_ROW[doctype], school_condition(scope, "r.school"))


def school_record_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	"""The record's school is the user's, before and after a change (a new one is checked in
	validate, with a message)."""
	scope = get_scope(user)
	if scope.all_schools or (doc.is_new() and ptype == "create"):
		return True
	schools = {doc.school}
	if not doc.is_new():
		schools.add(frappe.db.get_value(doc.doctype, doc.name, "school"))
	return all(school in scope.schools for school in schools if school)


# ---- 家长课堂 articles: the county's (no school) read by every school's leaders, a school's by
# its own; changed by the county, and by a school's leaders for their own school only.

ARTICLE = "Care Parent Article"


def article_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(ARTICLE, user)
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	column = f"`tab{ARTICLE}`.school"
	return f"(ifnull({column}, '') = '' or {school_condition(scope, column)})"


def article_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	scope = get_scope(user)
	if scope.all_schools or (doc.is_new() and ptype == "create"):
		return True
	schools = {doc.school or ""}
	if not doc.is_new():
		schools.add(frappe.db.get_value(ARTICLE, doc.name, "school") or "")
	if (ptype or "read") in READ_TYPES:
		return all(not school or school in scope.schools for school in schools)
	return all(school and school in scope.schools for school in schools)


# ---- A term's summary (its figures as rows): a school's is seen by the school's leaders and the
# inspectors assigned to it (aggregates only: it names no child), the county's by the county.

SUMMARY = "Care Term Summary"


def summary_schools(scope: CareScope) -> frozenset[str]:
	return scope.schools | scope.aggregate_schools


def summary_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	schools = summary_schools(scope)
	return _sql_in("`tabCare Term Summary`.school", schools) if schools else "1=0"


def summary_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	schools = summary_schools(scope)
	return rows_following(doctype, SUMMARY, _sql_in("r.school", schools) if schools else "1=0")


def summary_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	"""Read by the school's leaders and assigned inspectors, changed by its leaders (a new one is
	checked in validate, with a message); the county's summary (no school) by the county only."""
	scope = get_scope(user)
	if scope.all_schools or (doc.is_new() and ptype == "create"):
		return True
	schools = {doc.school}
	if not doc.is_new():
		schools.add(frappe.db.get_value(SUMMARY, doc.name, "school"))
	allowed = summary_schools(scope) if (ptype or "read") in READ_TYPES else scope.schools
	return all(school and school in allowed for school in schools)


# ---- A term's evaluations (检查考核): a school's are seen by its leaders; the person evaluated sees
# their own once final (a class's, its class teacher; a department's, its members); colleagues
# never see each other's. Rounds and derelictions are the school leaders' records.

EVALUATION = "Care Evaluation"
EVALUATION_SEEN_BY_THE_EVALUATED = ("Final", "Acknowledged")


def led_schools(user: str | None = None) -> frozenset[str]:
	"""The schools where the user is a leader (with the leader's role): a counsellor of the school
	does not read its evaluations."""
	user = user or frappe.session.user
	if SCHOOL_LEADER not in frappe.get_roles(user):
		return frozenset()
	return frozenset(
		frappe.get_all(
			"Care School Member",
			filters={"parenttype": "Care School", "member_role": MEMBER_LEADER, "user": user},
			pluck="parent",
		)
	)


def evaluation_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if get_scope(user).all_schools:
		return ""
	table = "`tabCare Evaluation`"
	own = (
		"({table}.workflow_state in ({states}) and ({table}.teacher = {user} or {table}.name in ("
		"select e.name from `tabCare Evaluation` e join `tabCare Evaluation Department` d "
		"on d.parenttype = 'Care Evaluation Round' and d.parent = e.evaluation_round "
		"and d.department_name = e.department where d.member = {user})))"
	).format(
		table=table,
		states=", ".join(frappe.db.escape(s) for s in EVALUATION_SEEN_BY_THE_EVALUATED),
		user=frappe.db.escape(user),
	)
	led = led_schools(user)
	return f"({_sql_in(f'{table}.school', led)} or {own})" if led else own


def evaluated_users(doc) -> set[str]:
	"""Who an evaluation is about: its teacher (a class's: its class teacher), a department's members."""
	users = {doc.get("teacher")} - {None, ""}
	if doc.get("department") and doc.get("evaluation_round"):
		users |= set(
			frappe.get_all(
				"Care Evaluation Department",
				filters={
					"parenttype": "Care Evaluation Round",
					"parent": doc.evaluation_round,
					"department_name": doc.department,
				},
				pluck="member",
			)
		)
	return users


def evaluation_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if get_scope(user).all_schools:
		return True
	stored = frappe._dict()
	if not doc.is_new():
		stored = frappe._dict(
			frappe.db.get_value(EVALUATION, doc.name, ["school", "workflow_state"], as_dict=True) or {}
		)
	schools = {doc.school, stored.get("school")} - {None, ""}
	if schools and schools <= led_schools(user):
		return True
	if doc.is_new():
		return False
	state = stored.get("workflow_state")
	return state in EVALUATION_SEEN_BY_THE_EVALUATED and user in evaluated_users(doc)


def evaluation_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	led = led_schools(user)
	return rows_following(doctype, "Care Evaluation Round", _sql_in("r.school", led) if led else "1=0")


# ---- Care Activity: seen like a meeting (its school or class, its organiser); its children rows
# follow it.

ACTIVITY = "Care Activity"


def activity_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(ACTIVITY, user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return activity_condition(scope, user, "`tabCare Activity`") + joined_rows_condition(
		ACTIVITY, scope, user
	)


def activity_condition(scope: CareScope, user: str, table: str) -> str:
	"""Like a meeting's, and also the activities one of the user's children took part in (a
	school-wide activity, for their class teacher and mentor)."""
	condition = meeting_condition(scope, user, table)
	if scope.sees_no_child:
		return condition
	taken_part = (
		"{table}.name in (select p.parent from `tabCare Activity Participant` p "
		"where p.parenttype = 'Care Activity' and {children})"
	).format(table=table, children=child_in_scope_condition(scope, "p.child"))
	return f"({condition} or {taken_part})"


def sees_activity(scope: CareScope, user: str, name: str | None, school, care_class, host, owner) -> bool:
	if sees_meeting(scope, user, school, care_class, host, owner):
		return True
	if not name or scope.sees_no_child:
		return False
	taken_part = frappe.get_all(
		"Care Activity Participant", filters={"parenttype": ACTIVITY, "parent": name}, pluck="child"
	)
	return bool(readers_children(scope, taken_part))


def activity_row_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	refuse_hidden_fields_in_running_query(doctype, user)
	user = user or frappe.session.user
	scope = get_scope(user)
	if scope.all_schools:
		return ""
	return rows_of_several_children(doctype, ACTIVITY, activity_condition(scope, user, "r"), scope, user)


def activity_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	return judged_where_held(doc, ptype, user, sees_activity)


# ---- Records that name several children (an activity's participants, a meeting's attendees):
# whoever sees the whole record — its organiser, the leaders of its school, the county — sees every
# row; any other reader (a class teacher, a mentor) the rows of the children they look after, the
# rows that name no child, and a count of the others. On every path: the form and everything that
# returns the document (`ShownToReader`), the print, the rows read on their own, and list queries
# that join the rows.

# The record, and its table of rows that name children: (table fieldname, row DocType).
SEVERAL_CHILDREN = {
	ACTIVITY: ("participants", "Care Activity Participant"),
	MEETING: ("attendees", "Care Meeting Attendee"),
}


def sees_whole_record(scope: CareScope, user: str, school, host, owner) -> bool:
	return scope.all_schools or school in scope.schools or user in (host, owner)


def whole_record_condition(scope: CareScope, user: str, table: str) -> str:
	"""SQL condition on a record table (or alias): records the user sees whole."""
	parts = [f"{table}.host = {frappe.db.escape(user)}", f"{table}.owner = {frappe.db.escape(user)}"]
	if scope.schools:
		parts.append(_sql_in(f"{table}.school", scope.schools))
	return "({})".format(" or ".join(parts))


def readers_children(scope: CareScope, children) -> set[str]:
	"""Those of `children` the user looks after, in one query."""
	children = sorted({c for c in children if c})
	if not children or scope.sees_no_child:
		return set()
	if scope.all_schools:
		return set(children)
	rows = frappe.get_all(CHILD, filters={"name": ("in", children)}, fields=["name", "school", "care_class"])
	return {r.name for r in rows if scope.sees_child(r.name, r.school, r.care_class)}


def shown_row_condition(table: str, record_table: str, scope: CareScope, user: str) -> str:
	"""SQL condition on rows of a record that names several children: the rows the user sees,
	given that they may read the record (`record_table` is the record's table or alias)."""
	return "(ifnull({table}.child, '') = '' or {in_scope} or {whole})".format(
		table=table,
		in_scope=child_in_scope_condition(scope, f"{table}.child"),
		whole=whole_record_condition(scope, user, record_table),
	)


def rows_of_several_children(doctype: str, record: str, readable: str, scope: CareScope, user: str) -> str:
	"""The rows read on their own: rows of a record the user reads (`readable`, on alias `r`) that
	they see."""
	table = f"`tab{doctype}`"
	return (
		f"({table}.parenttype = {frappe.db.escape(record)} and {table}.parent in "
		f"(select r.name from `tab{record}` r where {readable} "
		f"and {shown_row_condition(table, 'r', scope, user)} and r.name = {table}.parent))"
	)


def joined_rows_condition(record: str, scope: CareScope, user: str) -> str:
	"""A list of records that also asks for columns of their rows (the report view, an export, a
	`get_list` with `tabCare Activity Participant.child_name`) joins the rows without asking their
	conditions: here the joined rows are limited to those the user sees."""
	table = f"`tab{SEVERAL_CHILDREN[record][1]}`"
	query = running_query(record)
	if query is None or table not in query.tables:
		return ""
	return " and " + shown_row_condition(table, f"`tab{record}`", scope, user)


class ShownToReader:
	"""Controller mixin for records some readers may not see all of: fields above the reader's
	permission level, and (for `SEVERAL_CHILDREN`) the rows of children the reader does not look
	after. The document leaves the server only as the reader may see it — on the form, over REST,
	printed, and as returned by a save (`frappe.client.save`, a REST update, the form's save) —
	and rows the reader never received are kept when they save it."""

	def apply_fieldlevel_read_permissions(self) -> None:
		super().apply_fieldlevel_read_permissions()
		self.hide_rows_not_shown()

	def before_print(self, settings=None) -> None:
		self.hide_rows_not_shown()

	def run_post_save_methods(self) -> None:
		super().run_post_save_methods()
		if self.flags.ignore_permissions or frappe.session.user == "Administrator":
			return
		# What the reader may not see is set aside, and put back should the same document be saved
		# again in this request.
		hidden = {df.fieldname for df in self.meta.fields if df.permlevel} - {
			df.fieldname for df in self.meta.fields if df.permlevel in self.get_permlevel_access("read")
		}
		self.flags.not_shown = {field: self.get(field) for field in hidden}
		self.apply_fieldlevel_read_permissions()

	def before_validate(self) -> None:
		for field, value in (self.flags.pop("not_shown", None) or {}).items():
			self.set(field, value)
		self.keep_rows_not_shown()

	def rows_shown(self) -> list[bool] | None:
		"""Which rows of the children's table the user sees; None when they see the whole record."""
		if self.doctype not in SEVERAL_CHILDREN:
			return None
		user = frappe.session.user
		scope = get_scope(user)
		if sees_whole_record(scope, user, self.get("school"), self.get("host"), self.get("owner")):
			return None
		rows = self.get(SEVERAL_CHILDREN[self.doctype][0])
		return shown_rows(
			[row.child for row in rows], readers_children(scope, [row.child for row in rows]), False
		)

	def hide_rows_not_shown(self) -> None:
		shown = self.rows_shown()
		if shown is None:
			return
		field = SEVERAL_CHILDREN[self.doctype][0]
		rows = self.get(field)
		# Each row keeps its number, so that the rows are put back in their places on a save.
		kept = [row for row, show in zip(rows, shown, strict=True) if show]
		self.set(field, kept)
		self.flags.hid_rows = True
		self.set_onload("rows_not_shown", len(rows) - len(kept))

	def keep_rows_not_shown(self) -> None:
		"""Rows the user did not see stay as stored when they save (a save by the system, which
		sees every row, is taken as it is)."""
		if self.is_new() or self.doctype not in SEVERAL_CHILDREN:
			return
		if self.flags.ignore_permissions and not self.flags.hid_rows:
			return
		field, row_doctype = SEVERAL_CHILDREN[self.doctype]
		stored = frappe.get_doc(self.doctype, self.name)
		shown = stored.rows_shown()
		if shown is None:
			return
		data_fields = [
			df.fieldname for df in frappe.get_meta(row_doctype).fields if df.fieldtype not in no_value_fields
		]
		not_shown = {row.name: row for row, show in zip(stored.get(field), shown, strict=True) if not show}
		incoming = [(None if row.is_new() else row.name, row.as_dict()) for row in self.get(field)]
		diff = get_diff(stored, self)
		removed = [row for _table, row in diff.removed if row.get("name") not in not_shown]
		try:
			kept = rows_kept_from_reader(
				incoming,
				[(name, {f: row.get(f) for f in data_fields}) for name, row in not_shown.items()],
				changes_otherwise=bool(diff.changed or diff.added or diff.row_changed or removed),
			)
		except RuleError as err:
			raise_rule_error(err, _("{0} {1}").format(_(self.doctype), self.name))
		# As stored, to the last timestamp, in their places.
		rows = self.get(field) + [not_shown[name] for name, _values in kept]
		rows.sort(key=lambda row: (bool(row.is_new()), row.idx or 0))
		self.set(field, [])
		for idx, row in enumerate(rows, 1):
			row.idx = idx
			self.append(field, row)


# ---- Fields above the user's permlevel: not shown, and not usable to choose rows either.

# The app's DocTypes whose rows are read together: a parent with its child tables.
FAMILIES = {
	CHILD: (CHILD, *CHILD_TABLES),
	"Child Guardian": ("Child Guardian",),
	"Mentor Pairing": ("Mentor Pairing",),
	"Talk Record": ("Talk Record",),
	"Family Contact": ("Family Contact",),
	"Home Visit": ("Home Visit",),
	"Counseling Session": ("Counseling Session",),
	"Care Incident": ("Care Incident",),
	"Care Parent Invitation": ("Care Parent Invitation",),
	ARTICLE: (ARTICLE,),
	MEETING: (MEETING, "Care Meeting Attendee"),
	"Care Meeting Attendee": (MEETING, "Care Meeting Attendee"),
}
FAMILIES.update({table: FAMILIES[CHILD] for table in CHILD_TABLES})
FAMILIES[PLAN] = (PLAN, *PLAN_TABLES)
FAMILIES[ASSESSMENT] = (ASSESSMENT, *ASSESSMENT_TABLES)
FAMILIES[DROPOUT_CASE] = (DROPOUT_CASE, *DROPOUT_TABLES)
FAMILIES.update(
	{
		"Priority Support": ("Priority Support",),
		"Boarding Record": ("Boarding Record",),
		"Aid Record": ("Aid Record",),
		"Care Fund Entry": ("Care Fund Entry",),
		"Safety Inspection": ("Safety Inspection", "Safety Hazard"),
		"Safety Hazard": ("Safety Inspection", "Safety Hazard"),
		ACTIVITY: (ACTIVITY, "Care Activity Participant"),
		"Care Activity Participant": (ACTIVITY, "Care Activity Participant"),
		SUMMARY: (SUMMARY, "Care Term Summary Figure"),
		EVALUATION: (EVALUATION,),
		"Care Evaluation Round": ("Care Evaluation Round", "Care Evaluation Department"),
		"Care Evaluation Department": ("Care Evaluation Round", "Care Evaluation Department"),
		"Care Dereliction": ("Care Dereliction",),
		"Care Term Summary Figure": (SUMMARY, "Care Term Summary Figure"),
	}
)
FAMILIES.update({table: FAMILIES[record] for table, record in RECORD_OF_ROW.items()})


def hidden_fields(doctype: str, user: str | None = None) -> dict[str, set[str]]:
	"""Fieldnames the user may not read, for `doctype` and the DocTypes queried with it. A child
	table's fields are read with its parent's permission levels."""
	user = user or frappe.session.user
	family = FAMILIES.get(doctype, (doctype,))
	levels = set(frappe.get_meta(family[0]).get_permlevel_access("read", user=user))
	return {
		member: {df.fieldname for df in frappe.get_meta(member).fields if (df.permlevel or 0) not in levels}
		for member in family
	}


def refuse_hidden_fields(
	doctype: str, user: str | None = None, *, filters=None, or_filters=None, order_by=None, group_by=None
) -> None:
	"""Refuse a query that chooses, sorts or groups rows by a field the user may not read: such
	a filter answers questions about the field one at a time even when the column is stripped."""
	user = user or frappe.session.user
	if user == "Administrator":
		return
	used = hidden_fields_used(
		doctype,
		hidden_fields(doctype, user),
		filters=filters,
		or_filters=or_filters,
		order_by=order_by,
		group_by=group_by,
	)
	if used:
		meta = frappe.get_meta(doctype)
		labels = "、".join(_(meta.get_label(field)) if meta.has_field(field) else field for field in used)
		frappe.throw(
			_(
				"You may not filter, sort or group {0} by {1}: your role does not allow you to read it. Remove it from the filters and the sort order."
			).format(_(doctype), labels),
			frappe.PermissionError,
			title=_("Field Not Allowed"),
		)


def refuse_hidden_fields_in_running_query(doctype: str, user: str | None = None) -> None:
	"""Apply `refuse_hidden_fields` to the `frappe.get_list` query that asks for these conditions.

	Frappe v15 calls `permission_query_conditions` hooks with the user and DocType only, and
	offers no hook that sees a list query's filters. Every list path (`/api/resource`,
	`frappe.client.get_list`, report view, counts, group-by counts, number cards, link search…)
	runs a `DatabaseQuery` that calls these hooks, so the hook looks up the query that called it
	and checks its filters, sort and grouping: one check for every path, including the ones
	nobody listed.
	"""
	query = running_query(doctype)
	if query is not None:
		refuse_hidden_fields(
			doctype,
			user,
			filters=query.filters,
			or_filters=query.or_filters,
			order_by=query.order_by if isinstance(query.order_by, str) else None,
			group_by=query.group_by,
		)


def running_query(doctype: str) -> DatabaseQuery | None:
	"""The `frappe.get_list` query of `doctype` that is asking for its conditions, if any."""
	frame = sys._getframe(1)
	while frame is not None:
		query = frame.f_locals.get("self")
		if isinstance(query, DatabaseQuery) and query.doctype == doctype:
			return query
		frame = frame.f_back
	return None
