"""Whitelisted methods. Each one is scoped through `frappe.get_list` or the scoping helper."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Max, Sum
from frappe.utils import cint, getdate, nowdate

from leftbehind_care.compliance import CHILD_FIELDS, care_window, compliance_of
from leftbehind_care.coverage import child_five_haves
from leftbehind_care.permissions import (
	CHILD,
	child_criterion,
	class_criterion,
	get_scope,
	refuse_hidden_fields,
)
from leftbehind_care.utils import class_titles


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def search_children(doctype, txt, searchfield, start, page_len, filters):
	"""Link search for children: matches the name, its pinyin (zhangsan) or initials (zs), within
	the user's scope, so a teacher finds only their own children."""
	rows = matching_children(txt, filters, start, page_len)
	titles = class_titles({r.care_class for r in rows})
	return [(r.name, r.child_name, describe_child(r, titles.get(r.care_class, ""))) for r in rows]


@frappe.whitelist()
def find_children(txt: str) -> list[str]:
	"""The list view's name-or-pinyin search box: the file numbers of the matching children."""
	return [row.name for row in matching_children(txt, None, 0, FIND_LIMIT)]


FIND_LIMIT = 500


def matching_children(txt, filters, start, page_len) -> list:
	"""Children in scope whose name, pinyin, initials or file number contain `txt`.

	Written with the query builder, whose values are parameters: Frappe's SQLite driver turns
	every `%s` in an SQL text into a placeholder, so the LIKE pattern that `frappe.get_list`
	writes into its SQL ('%sunxiaogang%') finds nothing there for any text starting with s.
	"""
	filters = frappe.parse_json(filters) if isinstance(filters, str) else filters
	refuse_hidden_fields(CHILD, filters=filters)
	child = frappe.qb.DocType(CHILD)
	query = frappe.qb.get_query(
		CHILD,
		fields=["name", "child_name", "care_class", "school", "unsupervised_alert"],
		filters=filters or {},
	)
	criterion = child_criterion(get_scope(), child)
	if criterion is not None:
		query = query.where(criterion)
	text = (txt or "").strip().lower()
	if text:
		query = query.where(child.search_key.like(f"%{text}%") | child.name.like(f"%{text}%"))
	query = query.orderby(child.child_name).limit(cint(page_len) or 20).offset(cint(start))
	return query.run(as_dict=True)


def describe_child(row, class_title: str) -> str:
	"""School and class, and the unsupervised-child alert wherever the child is picked."""
	description = _("{0} {1}").format(row.school, class_title)
	if row.unsupervised_alert:
		description = _("{0} · Unsupervised").format(description)
	return description


@frappe.whitelist()
@frappe.validate_and_sanitize_search_inputs
def search_filing_classes(doctype, txt, searchfield, start, page_len, filters):
	"""The classes the user may file children in: all for an administrator, the school's for a
	leader or counsellor, their own for a class teacher — the scope that validation enforces."""
	scope = get_scope()
	if not (scope.all_schools or scope.schools or scope.classes):
		return []
	care_class = frappe.qb.DocType("Care Class")
	query = (
		frappe.qb.from_(care_class)
		.select(care_class.name, care_class.class_title, care_class.school)
		.where(care_class.is_active == 1)
		.orderby(care_class.school)
		.orderby(care_class.grade)
		.orderby(care_class.class_no)
		.limit(page_len)
		.offset(start)
	)
	criterion = class_criterion(scope, care_class)
	if criterion is not None:
		query = query.where(criterion)
	text = (txt or "").strip()
	if text:
		like = f"%{text}%"
		query = query.where(
			care_class.name.like(like) | care_class.class_title.like(like) | care_class.school.like(like)
		)
	if isinstance(filters, dict) and filters.get("school"):
		query = query.where(care_class.school == filters["school"])
	return query.run()


# ---- The care network at a glance: a teacher's month (我的学生) and one child's form.


def status_now(result, today) -> dict:
	month = result.month(today)
	term_result = result.term(today)
	return {
		"talk": month.talk_status if month else None,
		"talks": month.talks if month else 0,
		"contact": month.contact_status if month else None,
		"contacts": month.contacts if month else 0,
		"visit": term_result.visit_status if term_result else None,
		"visits": term_result.visits if term_result else 0,
		"meeting": term_result.meeting_status if term_result else None,
		"meetings": term_result.meetings if term_result else 0,
	}


@frappe.whitelist()
def child_care_status(child: str) -> dict:
	"""This month's talk and contact and this term's home visit and guardian meeting of one child,
	and their five haves today (each with its gaps)."""
	if not (
		frappe.db.exists("Left Behind Child", child)
		and frappe.has_permission("Left Behind Child", "read", doc=child)
	):
		# The same answer whether the file exists or not.
		frappe.throw(_("You may not open this child's file."), frappe.PermissionError)
	today = getdate(nowdate())
	terms, term, since = care_window(today)
	row = frappe.db.get_value("Left Behind Child", child, CHILD_FIELDS, as_dict=True)
	result = compliance_of([row], today, since, terms)[child]
	return {
		"term": term.name if term else None,
		**status_now(result, today),
		"five_haves": child_five_haves(child, term, today),
	}


@frappe.whitelist()
def my_students() -> dict:
	"""我的学生: the children of the user's own classes and their paired children, with this month's
	talk and contact and this term's home visit, most urgent first."""
	scope = get_scope()
	own = {}
	if scope.classes:
		own["care_class"] = ("in", sorted(scope.classes))
	if scope.children:
		own["name"] = ("in", sorted(scope.children))
	today = getdate(nowdate())
	terms, term, since = care_window(today)
	if not own:
		return {"term": term.name if term else None, "children": []}
	rows = frappe.get_list(
		"Left Behind Child",
		filters={"status": "Active"},
		or_filters=own,
		fields=[*CHILD_FIELDS, "child_name", "gender", "care_class", "unsupervised_alert"],
		order_by="care_class asc, child_name asc",
		limit_page_length=0,
	)
	results = compliance_of(rows, today, since, terms)
	titles = class_titles({row.care_class for row in rows if row.care_class})
	talk = frappe.qb.DocType("Talk Record")
	last_talks = dict(
		frappe.qb.from_(talk)
		.select(talk.child, Max(talk.talk_date))
		.where(talk.child.isin([row.name for row in rows] or [""]))
		.groupby(talk.child)
		.run()
	)
	children = [
		{
			"name": row.name,
			"child_name": row.child_name,
			"class_title": titles.get(row.care_class, row.care_class),
			"unsupervised_alert": row.unsupervised_alert,
			"last_talk": last_talks.get(row.name),
			**status_now(results[row.name], today),
		}
		for row in rows
	]
	urgent = {"Missed": 0, "Open": 1}
	children.sort(key=lambda c: (urgent.get(c["talk"], 2), urgent.get(c["contact"], 2)))
	return {"term": term.name if term else None, "month": f"{today:%Y-%m}", "children": children}


# ---- The inspector's overview (督导概览): numbers per school, never a child.


@frappe.whitelist()
def school_overview() -> list[dict]:
	"""For each school the user may see in aggregate (an inspector's assigned schools, a leader's or
	counsellor's own, every school for the county): active children, unsupervised-child alerts and
	incomplete files. Counts only: no child's name or file number leaves this method."""
	scope = get_scope()
	schools = None if scope.all_schools else sorted(scope.schools | scope.aggregate_schools)
	if schools == []:
		return []
	child = frappe.qb.DocType(CHILD)
	incomplete = Case().when(child.completeness < 100, 1).else_(0)
	query = (
		frappe.qb.from_(child)
		.select(child.school, Count(child.name), Sum(child.unsupervised_alert), Sum(incomplete))
		.where(child.status == "Active")
		.groupby(child.school)
	)
	if schools is not None:
		query = query.where(child.school.isin(schools))
	counts = {school: (n, alerts, gaps) for school, n, alerts, gaps in query.run()}
	names = schools if schools is not None else frappe.get_all("Care School", pluck="name")
	overview = []
	for school in sorted(names):
		children, alerts, incomplete_files = counts.get(school, (0, 0, 0))
		overview.append(
			{
				"school": school,
				"children": int(children or 0),
				"alerts": int(alerts or 0),
				"incomplete": int(incomplete_files or 0),
			}
		)
	return overview
