"""The one scoping helper: which children, guardians and schools a user may see.

`get_scope(user)` gathers a user's roles and assignments and hands them to the core
(`leftbehind_care.core.scope.build_scope`). Every path uses that scope:

- list view, report view, link search, `frappe.get_list` and `/api/resource` lists go through
  the `permission_query_conditions` hooks below;
- form, print and `/api/resource/<doctype>/<name>` go through the `has_permission` hooks;
- reports and whitelisted methods that query with `frappe.qb` call `child_criterion(scope, table)`
  or fetch with `frappe.get_list`, which applies the conditions.
"""

from __future__ import annotations

import frappe
from frappe.query_builder import Criterion
from pypika.queries import Table

from leftbehind_care.core.scope import CareScope, build_scope

CHILD = "Left Behind Child"


def get_scope(user: str | None = None) -> CareScope:
	user = user or frappe.session.user
	if user == "Administrator":
		return build_scope(["Administrator"])
	roles = frappe.get_roles(user)
	member = frappe.qb.DocType("Care School Member")
	memberships = (
		frappe.qb.from_(member)
		.select(member.parent, member.member_role)
		.where((member.user == user) & (member.parenttype == "Care School"))
		.run()
	)
	taught = frappe.get_all("Care Class", filters={"class_teacher": user}, pluck="name")
	return build_scope(roles, memberships, taught, paired_children(user))


def paired_children(user: str) -> list[str]:
	"""Children a mentor is paired with. Mentor pairing is its own feature (issue: mentor
	pairing); until it is installed a mentor is paired with no child."""
	return []


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


def child_criterion(scope: CareScope, table: Table) -> Criterion | None:
	"""The same scope as a `frappe.qb` criterion, for reports; None means no restriction."""
	if scope.all_schools:
		return None
	parts = []
	if scope.schools:
		parts.append(table.school.isin(sorted(scope.schools)))
	if scope.classes:
		parts.append(table.care_class.isin(sorted(scope.classes)))
	if scope.children:
		parts.append(table.name.isin(sorted(scope.children)))
	return Criterion.any(parts) if parts else table.name.isnull() & table.name.notnull()


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
	return child_condition(get_scope(user))


def child_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	# A new child is checked in validate, with a message that names the user's own classes.
	if ptype == "create" or doc.is_new():
		return None
	return get_scope(user).sees_child(doc.name, doc.school, doc.care_class)


# ---- Child Guardian: visible to whoever sees one of the guardian's children, and to its author.


def guardian_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
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


def guardian_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	if ptype == "create" or doc.is_new():
		return None
	user = user or frappe.session.user
	if doc.owner == user:
		return True
	scope = get_scope(user)
	if scope.all_schools:
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
