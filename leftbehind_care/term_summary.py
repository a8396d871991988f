"""学期工作总结 on a site: the records a school's (or, with no school, the county's) term summary is
computed from (`reports.term_summary`), read in a fixed number of queries whatever the number of
children — the children of the school, and the term's records of those children or of the school."""

from __future__ import annotations

import datetime

import frappe
from frappe.query_builder.functions import Count
from frappe.utils import getdate, nowdate

from leftbehind_care import ledger
from leftbehind_care.compliance import care_terms
from leftbehind_care.core import five_haves
from leftbehind_care.core.plans import ENDED
from leftbehind_care.core.terms import Term
from leftbehind_care.coverage import coverage_day, coverage_of, day
from leftbehind_care.reports import term_summary as builder

CHILD = "Left Behind Child"
PLAN = "Intervention Plan"


def term_named(name: str | None) -> Term | None:
	return next((term for term in care_terms() if term.name == name), None)


def previous_term(term: Term) -> Term | None:
	"""The term that ended last before `term` began."""
	earlier = [t for t in care_terms() if t.end < term.start]
	return max(earlier, key=lambda t: t.end) if earlier else None


def figures(school: str | None, term: Term, today: datetime.date | None = None) -> dict[str, float]:
	"""The term's figures for `school` (the county without one), read as of `today`."""
	return builder.build(records(school, term, today or getdate(nowdate())))


def records(school: str | None, term: Term, today: datetime.date) -> builder.TermRecords:
	on = coverage_day(term, today)
	child = frappe.qb.DocType(CHILD)

	def of_school(table):
		return table.school == school if school else table.name.isnotnull()

	# The school's children whose file was open on a day of the term.
	in_term = (
		of_school(child)
		& (child.filed_on <= term.end)
		& ((child.status == builder.ACTIVE) | (child.status_date > term.start))
	)
	kids = frappe.qb.from_(child).select(child.name).where(in_term)
	children = [
		builder.ChildRow(name, day(filed_on), status, day(status_date), *rest)
		for name, filed_on, status, status_date, *rest in frappe.qb.from_(child)
		.select(
			child.name,
			child.filed_on,
			child.status,
			child.status_date,
			child.left_behind_type,
			child.unsupervised_alert,
			child.completeness,
		)
		.where(in_term)
		.run()
	]
	r = builder.TermRecords(term.start, term.end, on, children=children)
	pairing = frappe.qb.DocType("Mentor Pairing")
	pairings = [
		(child_name, kind, status, focus, day(from_date), day(to_date))
		for child_name, kind, status, focus, from_date, to_date in frappe.qb.from_(pairing)
		.select(
			pairing.child,
			pairing.mentor_kind,
			pairing.status,
			pairing.focus,
			pairing.from_date,
			pairing.to_date,
		)
		.where(
			pairing.child.isin(kids)
			& ((pairing.from_date <= on) | pairing.from_date.isnull())
			& ((pairing.to_date >= on) | pairing.to_date.isnull())
		)
		.run()
	]
	r.pairings = [
		(child_name, kind, status, start, end) for child_name, kind, status, _f, start, end in pairings
	]
	entry = frappe.qb.DocType(ledger.ENTRY)
	r.months, r.terms = ledger.counts(entry.school == school if school else None, term.start, term.end, today)
	assessment = frappe.qb.DocType("Care Assessment")
	before = previous_term(term)

	def assessed(of_term: Term):
		return [
			(name, day(assessed_on), level)
			for name, assessed_on, level in frappe.qb.from_(assessment)
			.select(assessment.child, assessment.assessed_on, assessment.risk_level)
			.where((assessment.term == of_term.name) & assessment.child.isin(kids))
			.run()
		]

	r.assessments = assessed(term)
	r.previous_assessments = assessed(before) if before else []
	plan = frappe.qb.DocType(PLAN)
	move = frappe.qb.DocType("Intervention Plan Transition")
	plans = (
		frappe.qb.from_(plan).select(plan.name).where(plan.child.isin(kids) & (plan.drafted_on <= term.end))
	)
	ended: dict[str, list] = {}
	for parent, to_state, at in (
		frappe.qb.from_(move)
		.select(move.parent, move.to_state, move.at)
		.where((move.parenttype == PLAN) & move.to_state.isin(list(ENDED)) & move.parent.isin(plans))
		.run()
	):
		ended.setdefault(parent, []).append((to_state, getdate(at)))
	r.plans = [
		builder.PlanRow(day(drafted_on), day(approved_on), tuple(ended.get(name, ())), overdue, state)
		for name, drafted_on, approved_on, overdue, state in frappe.qb.from_(plan)
		.select(plan.name, plan.drafted_on, plan.approved_on, plan.review_overdue, plan.workflow_state)
		.where(plan.child.isin(kids) & (plan.drafted_on <= term.end))
		.run()
	]
	session = frappe.qb.DocType("Counseling Session")
	r.counselling_sessions = (
		frappe.qb.from_(session)
		.select(Count("*"))
		.where(session.child.isin(kids) & session.session_date[term.start : term.end])
		.run()[0][0]
	)
	incident = frappe.qb.DocType("Care Incident")
	r.incidents = [
		builder.IncidentRow(getdate(occurred_at), notified_in_time, kind, bool(reported_at))
		for occurred_at, notified_in_time, kind, reported_at in frappe.qb.from_(incident)
		.select(incident.occurred_at, incident.notified_in_time, incident.incident_kind, incident.reported_at)
		.where(
			incident.child.isin(kids)
			& (incident.occurred_at >= term.start)
			& (incident.occurred_at < term.end + datetime.timedelta(days=1))
		)
		.run()
	]
	support = frappe.qb.DocType("Priority Support")
	r.priorities = (
		frappe.qb.from_(support)
		.select(support.child, support.priority_kind)
		.where((support.term == term.name) & support.child.isin(kids))
		.run()
	)
	boarding = frappe.qb.DocType("Boarding Record")
	r.boarders = set(
		frappe.qb.from_(boarding)
		.select(boarding.child)
		.where((boarding.term == term.name) & boarding.child.isin(kids))
		.run(pluck=True)
	)
	aid = frappe.qb.DocType("Aid Record")
	r.aid = (
		frappe.qb.from_(aid)
		.select(aid.aid_kind, aid.amount)
		.where((aid.term == term.name) & aid.child.isin(kids))
		.run()
	)
	fund = frappe.qb.DocType("Care Fund Entry")
	r.funds = (
		frappe.qb.from_(fund)
		.select(
			fund.boarding_allocated + fund.aid_allocated + fund.activities_allocated,
			fund.boarding_spent + fund.aid_spent + fund.activities_spent,
		)
		.where((fund.term == term.name) & of_school(fund))
		.run()
	)
	case = frappe.qb.DocType("Schooling Follow-up")
	r.dropouts = [
		builder.DropoutRow(day(opened_on), status, day(closed_on))
		for opened_on, status, closed_on in frappe.qb.from_(case)
		.select(case.opened_on, case.case_status, case.closed_on)
		.where(case.child.isin(kids) & (case.opened_on <= term.end))
		.run()
	]
	inspection = frappe.qb.DocType("Safety Inspection")
	hazard = frappe.qb.DocType("Safety Hazard")
	r.hazards = [
		builder.HazardRow(day(found_on), day(deadline), day(fixed_on))
		for found_on, deadline, fixed_on in frappe.qb.from_(hazard)
		.join(inspection)
		.on((inspection.name == hazard.parent) & (hazard.parenttype == "Safety Inspection"))
		.select(inspection.inspection_date, hazard.deadline, hazard.fixed_on)
		.where(of_school(inspection) & inspection.inspection_date[term.start : term.end])
		.run()
	]
	activity = frappe.qb.DocType("Care Activity")
	participant = frappe.qb.DocType("Care Activity Participant")
	# The term's activities of the school, and those the school's children took part in (the five
	# haves count an activity of another school too), in one query.
	activities = (
		frappe.qb.from_(activity)
		.left_join(participant)
		.on((participant.parent == activity.name) & (participant.parenttype == "Care Activity"))
		.select(activity.name, participant.child, *([activity.school] if school else []))
		.where(
			(activity.term == term.name)
			& (activity.activity_date <= on)
			& (of_school(activity) | participant.child.isin(kids))
		)
		.run()
	)
	r.activities = [(name, child_name) for name, child_name, *of in activities if of in ([school], [])]
	at_end = [c.name for c in children if builder.open_on(c, on)]
	shares = five_haves.Shares()
	conditions = {"school": school} if school else {}
	# What the five haves read that is read above already: not read twice.
	known = {
		"pairings": [
			(child_name, status, focus, start, end)
			for child_name, _kind, status, focus, start, end in pairings
			if focus == five_haves.STUDY_FOCUS
		],
		"tutored": sorted({child_name for child_name, kind in r.priorities if kind == five_haves.TUTORING}),
		"activities": [
			# Held by the day (the query's condition): the day itself is not needed.
			(child_name, None)
			for _name, child_name, *_of in activities
			if child_name
		],
	}
	for result in coverage_of(at_end, conditions, on, term, known).values():
		shares.add(result)
	r.five_haves = shares
	evaluation = frappe.qb.DocType("Care Evaluation")
	r.evaluation_results = (
		frappe.qb.from_(evaluation)
		.select(evaluation.result)
		.where(
			(evaluation.term == term.name)
			& of_school(evaluation)
			& evaluation.workflow_state.isin(["Final", "Acknowledged"])
		)
		.run(pluck=True)
	)
	return r
