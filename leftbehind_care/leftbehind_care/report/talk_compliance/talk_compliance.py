# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt
"""谈心落实情况: for a term and a school or class, each child's monthly talk with the class teacher
(child × month), or the same summed per class or per class teacher.

Children come from `frappe.get_list`, so the viewer's scope applies; each child's months are read
from the compliance ledger (leftbehind_care.ledger) in one query, within the same scope. The grid
and the sums are built in `leftbehind_care.reports.talk_compliance`.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from leftbehind_care import ledger
from leftbehind_care.compliance import CHILD, care_terms, report_term
from leftbehind_care.core.compliance import MET, MISSED, NOT_DUE, OPEN
from leftbehind_care.reports import scope_conditions
from leftbehind_care.reports import talk_compliance as builder
from leftbehind_care.utils import care_report, report_columns, user_names

CHILDREN, CLASSES, TEACHERS = builder.CHILDREN, builder.CLASSES, builder.TEACHERS


def status_labels() -> dict[str, str]:
	return {
		MET: _("Talked"),
		OPEN: _("Talk Pending"),
		MISSED: _("Talk Missed"),
		NOT_DUE: _("Talk Not Due"),
		"": "",
	}


@care_report
def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	terms = care_terms()
	today = getdate(nowdate())
	term = report_term(filters.term, terms, today)
	if not term:
		return [], [], _("No term to show: add the school terms (Care Term), then choose one.")
	lines, titles = children_of(filters, term)
	results = ledger.read_in_scope(filters, term.start, term.end, today, terms=False)
	report = builder.build(term, lines, results)
	view = filters.view or CHILDREN
	names = user_names({row["teacher"] for row in report.teachers if row["teacher"]})
	if view == CLASSES:
		columns, data = builder.CLASS_COLUMNS, report.classes
	elif view == TEACHERS:
		columns, data = builder.TEACHER_COLUMNS, report.teachers
	else:
		columns, data = builder.child_columns(report.months), report.children
		labels = status_labels()
		keys = [builder.month_key(month) for month in report.months]
		for row in data:
			for key in keys:
				row[key] = labels[row[key]]
	for row in data:
		if row.get("care_class"):
			row["class_title"] = titles.get(row["care_class"], row["care_class"])
		if row.get("teacher"):
			row["teacher_name"] = names.get(row["teacher"], row["teacher"])
	return report_columns(columns), data, None, None, summary(report.total)


def children_of(filters: frappe._dict, term) -> tuple[list[builder.ChildLine], dict[str, str]]:
	"""The viewer's children who were in the programme at some time during the term, and the
	titles of their classes."""
	conditions = scope_conditions(filters, filed_on=("<=", term.end))
	rows = frappe.get_list(
		CHILD,
		filters=conditions,
		or_filters={"status": "Active", "status_date": (">=", term.start)},
		fields=["name", "child_name", "school", "care_class"],
		order_by="school asc, care_class asc, child_name asc",
		limit_page_length=0,
		as_list=True,
	)
	classes = {
		name: (title, teacher)
		for name, title, teacher in frappe.get_all(
			"Care Class",
			filters={"name": ("in", sorted({row[3] for row in rows if row[3]}))},
			fields=["name", "class_title", "class_teacher"],
			as_list=True,
		)
	}
	lines = [
		builder.ChildLine(name, child_name, school, care_class, classes.get(care_class, (None, None))[1])
		for name, child_name, school, care_class in rows
	]
	return lines, {name: title for name, (title, _teacher) in classes.items()}


def summary(total: builder.Tally) -> list[dict]:
	return [
		{"value": total.children, "label": _("Number of Children"), "datatype": "Int"},
		{"value": total.met, "label": _("Months Talked"), "datatype": "Int", "indicator": "Green"},
		{"value": total.missed, "label": _("Months Missed"), "datatype": "Int", "indicator": "Red"},
		{"value": total.rate or 0, "label": _("Talk Rate (%)"), "datatype": "Percent"},
	]
