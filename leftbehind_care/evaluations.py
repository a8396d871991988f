"""检查考核 on a site: a round makes the school's evaluations in one action; each evaluation's metrics
are read from the records of the children its subject looked after in the term, in a fixed number
of queries (`core.evaluation` holds the rules)."""

from __future__ import annotations

import datetime

import frappe
from frappe import _

from leftbehind_care import ledger
from leftbehind_care.core import evaluation as rules
from leftbehind_care.core import five_haves
from leftbehind_care.core.terms import Term
from leftbehind_care.coverage import coverage_day, coverage_of, day
from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting
from leftbehind_care.term_summary import term_named
from leftbehind_care.utils import user_names

ROUND = "Care Evaluation Round"
EVALUATION = "Care Evaluation"
UNDER_WAY = ("In Progress", "Under Review")


def school_classes(school: str) -> list[rules.SchoolClass]:
	return [
		rules.SchoolClass(*row)
		for row in frappe.get_all(
			"Care Class",
			filters={"school": school},
			fields=["name", "class_title", "class_teacher"],
			order_by="name",
			as_list=True,
		)
	]


def round_departments(round_name: str) -> list[tuple[str, str]]:
	return [
		tuple(row)
		for row in frappe.get_all(
			"Care Evaluation Department",
			filters={"parenttype": ROUND, "parent": round_name},
			fields=["department_name", "member"],
			order_by="idx",
			as_list=True,
		)
	]


def subject_of(doc) -> rules.Subject:
	key = {rules.CLASS_TEACHER: doc.teacher, rules.CLASS: doc.care_class, rules.DEPARTMENT: doc.department}
	return rules.Subject(doc.subject_kind, key.get(doc.subject_kind) or "", doc.subject_title or "")


@frappe.whitelist()
def make_evaluations(evaluation_round: str) -> int:
	"""An evaluation for every class teacher, class and department of the round's school not yet
	evaluated in it; the number made."""
	doc = frappe.get_doc(ROUND, evaluation_round)
	doc.check_permission("write")
	classes = school_classes(doc.school)
	departments = round_departments(doc.name)
	teachers = user_names({c.class_teacher for c in classes if c.class_teacher})
	done = {
		(kind, {rules.CLASS_TEACHER: teacher, rules.CLASS: care_class}.get(kind, department))
		for kind, teacher, care_class, department in frappe.get_all(
			EVALUATION,
			filters={"evaluation_round": doc.name},
			fields=["subject_kind", "teacher", "care_class", "department"],
			as_list=True,
		)
	}
	class_teacher = {c.name: c.class_teacher for c in classes}
	made = 0
	for subject in rules.subjects(classes, departments, teachers):
		if (subject.kind, subject.key) in done:
			continue
		frappe.get_doc(
			{
				"doctype": EVALUATION,
				"evaluation_round": doc.name,
				"school": doc.school,
				"term": doc.term,
				"subject_kind": subject.kind,
				"subject_title": subject.title,
				"teacher": subject.key
				if subject.kind == rules.CLASS_TEACHER
				else class_teacher.get(subject.key)
				if subject.kind == rules.CLASS
				else None,
				"care_class": subject.key if subject.kind == rules.CLASS else None,
				"department": subject.key if subject.kind == rules.DEPARTMENT else None,
			}
		).insert(ignore_permissions=True)  # made by the round only: its permission is checked above
		made += 1
	doc.db_set("evaluations_made", frappe.db.count(EVALUATION, {"evaluation_round": doc.name}))
	return made


def metrics_of(doc, today: datetime.date) -> tuple[int, dict[str, float | None]]:
	"""The children the evaluation's subject looked after in the term, and its metrics."""
	term: Term | None = term_named(doc.term)
	if term is None:
		return 0, {key: None for key, _weight in rules.METRICS}
	on = coverage_day(term, today)
	classes = rules.subject_classes(
		subject_of(doc), school_classes(doc.school), round_departments(doc.evaluation_round)
	)
	child = frappe.qb.DocType("Left Behind Child")
	kids = (
		frappe.qb.from_(child)
		.select(child.name)
		.where(
			child.care_class.isin(sorted(classes) or [""])
			& (child.filed_on <= term.end)
			& ((child.status == "Active") | (child.status_date > term.start))
		)
	)
	names = kids.run(pluck=True)
	if not names:
		return 0, {key: None for key, _weight in rules.METRICS}
	entry = frappe.qb.DocType(ledger.ENTRY)
	talk = frappe.qb.DocType("Talk Record")
	pairing = frappe.qb.DocType("Mentor Pairing")
	plan = frappe.qb.DocType("Intervention Plan")
	incident = frappe.qb.DocType("Care Incident")
	paired = {
		name
		for name, status, from_date, to_date in frappe.qb.from_(pairing)
		.select(pairing.child, pairing.status, pairing.from_date, pairing.to_date)
		.where(pairing.child.isin(kids))
		.run()
		if five_haves.pairing_active(status, day(from_date), day(to_date), on)
	}
	coverage = coverage_of(names, {"school": doc.school}, on, term)
	basis = rules.Basis(
		children=frozenset(names),
		compliance=ledger.read(entry.child.isin(kids), term.start, term.end, today, terms=False),
		talks=[
			(day(talk_date), day(created))
			for talk_date, created in frappe.qb.from_(talk)
			.select(talk.talk_date, talk.creation)
			.where(talk.child.isin(kids) & talk.talk_date[term.start : term.end])
			.run()
		],
		paired=frozenset(paired),
		plans_under_way=frappe.qb.from_(plan)
		.select(plan.review_overdue)
		.where(plan.child.isin(kids) & plan.workflow_state.isin(list(UNDER_WAY)))
		.run(pluck=True),
		incidents_told=frappe.qb.from_(incident)
		.select(incident.notified_in_time)
		.where(
			incident.child.isin(kids)
			& (incident.occurred_at >= term.start)
			& (incident.occurred_at < term.end + datetime.timedelta(days=1))
		)
		.run(pluck=True),
		all_five=frozenset(child for child, result in coverage.items() if result.all_five),
	)
	return len(names), rules.metrics(basis, term.start, term.end, get_setting("record_days"))


def confirmed_dereliction(doc) -> str | None:
	"""A confirmed dereliction of the evaluated teacher (a class's: its class teacher) in the
	school and term."""
	if doc.subject_kind == rules.DEPARTMENT or not doc.teacher:
		return None
	return frappe.db.get_value(
		"Care Dereliction",
		{"school": doc.school, "term": doc.term, "teacher": doc.teacher, "confirmed": 1},
		order_by="creation asc",
	)


def settings(keys) -> dict[str, int]:
	return {key: get_setting(key) for key in keys}


def weights() -> dict[str, int]:
	return settings(key for _metric, key in rules.METRICS)


def thresholds() -> dict[str, int]:
	return settings(("eval_excellent", "eval_good", "eval_pass"))


def result_label(result: str | None) -> str:
	return _(result) if result else ""
