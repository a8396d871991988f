"""学期工作总结's builder on a hand-computed term (2026-09-01 to 2027-01-20)."""

import datetime

from leftbehind_care.core import five_haves
from leftbehind_care.core.compliance import (
	MET,
	MISSED,
	NOT_DUE,
	OPEN,
	ChildCompliance,
	MonthResult,
	TermResult,
)
from leftbehind_care.core.terms import Term
from leftbehind_care.reports.term_summary import (
	BY_KEY,
	FIGURES,
	ChildRow,
	DropoutRow,
	HazardRow,
	IncidentRow,
	PlanRow,
	TermRecords,
	build,
	compare,
	counted,
)

D = datetime.date
START, END, MID = D(2026, 9, 1), D(2027, 1, 20), D(2026, 11, 15)
TERM = Term("2026-2027-1", START, END)
BEFORE = Term("2025-2026-2", D(2026, 2, 20), D(2026, 7, 10))


def child(name, filed_on, status="Active", status_date=None, kind=None, alert=0, completeness=None):
	return ChildRow(name, filed_on, status, status_date, kind, alert, completeness)


CHILDREN = [
	child("A", D(2026, 3, 1), kind="Both Parents Away", alert=1, completeness=80.0),  # before, still active
	child("B", D(2026, 10, 10), kind="One Parent Away", completeness=60.0),  # joined mid-term
	child("C", D(2026, 9, 20), "Transferred", D(2026, 12, 1), completeness=10.0),  # joined and left
	child("D", D(2026, 2, 1), "Parents Returned", START),  # closed on the first day: in neither
	child("E", D(2027, 2, 1)),  # filed after the end
	child("F", D(2025, 9, 1), "Aged Out", D(2026, 10, 1)),
	child("G", D(2025, 9, 1), "Graduated", END),  # left on the last day
	child("H", D(2026, 5, 1), "Parents Returned", D(2026, 11, 1)),
	# Filed on the first day: there at the start, not one who joined.
	child("I", START, kind="One Parent Away, Other Cannot Care", alert=1, completeness=55.0),
	child("J", D(2026, 12, 1), completeness=25.0),  # joined after MID
]  # at the end: A, B, I, J


def figures(on=END, **records):
	return build(TermRecords(START, END, on, **records))


def pick(f, *keys):
	return [f[k] for k in keys]


COUNTS = ("children_start", "children_end", "joined", "left")
LEFT = ("left_parents_returned", "left_aged_out", "left_transferred", "left_graduated")
TYPES = ("type_both_parents_away", "type_one_parent_away", "type_one_parent_other_cannot_care")
KINDS = ("paired_staff", "paired_volunteer", "paired_peer_student", "paired_proxy_parent")


def test_children_at_the_start_the_end_who_joined_and_who_left_by_reason():
	f = figures(children=CHILDREN)
	assert pick(f, *COUNTS) == [5, 4, 3, 4]  # A F G H I; A B I J; B C J; C F G H
	assert f["children_end"] == f["children_start"] + f["joined"] - f["left"]
	assert pick(f, *LEFT) == [1, 1, 1, 1]


def test_read_mid_term_a_child_filed_or_closed_after_the_day_is_not_yet_counted():
	f = figures(MID, children=CHILDREN)
	assert pick(f, *COUNTS) == [5, 5, 2, 2]  # A F G H I; A B C G I; B C; F H
	assert f["children_end"] == f["children_start"] + f["joined"] - f["left"]
	assert pick(f, *LEFT) == [1, 1, 0, 0]  # H returned, F aged out


def test_types_alerts_and_completeness_of_the_children_at_the_end():
	f = figures(children=CHILDREN)
	assert pick(f, *TYPES) == [1, 1, 1]
	assert f["unsupervised"] == 2
	assert f["completeness"] == 55.0  # (80 + 60 + 55 + 25) / 4; C's 10 left with C
	empty = figures(children=[CHILDREN[3], CHILDREN[4]])
	assert empty["children_end"] == 0 and empty["completeness"] == 0.0


def test_pairings_count_children_at_the_end_once_and_once_per_kind():
	pairings = [
		("A", "Staff", "Active", D(2026, 9, 5), None),
		("A", "Volunteer", "Active", D(2026, 10, 1), None),
		("A", "Staff", "Active", D(2026, 10, 2), None),
		("B", "Staff", "Ended", D(2026, 9, 5), D(2026, 12, 1)),  # ended before the day
		("I", "Peer Student", "Active", D(2026, 9, 5), None),
		("D", "Proxy Parent", "Active", D(2026, 9, 5), None),  # not in the programme
	]
	f = figures(children=CHILDREN, pairings=pairings)
	assert f["paired"] == 2 and f["paired_share"] == 50.0
	assert pick(f, *KINDS) == [1, 1, 1, 0]


def month(day, talk, contact):
	return MonthResult(day, 20, int(talk == MET), int(contact == MET), talk, contact)


def term(t, visit, meeting):
	return TermResult(t, 100, int(visit == MET), int(meeting == MET), visit, meeting)


def test_compliance_of_the_terms_months_and_of_this_term():
	compliance = {
		"A": ChildCompliance(
			[
				month(D(2026, 6, 1), MET, MET),  # another term's month
				month(D(2026, 9, 1), MET, MET),
				month(D(2026, 10, 1), MISSED, MET),
				month(D(2026, 11, 1), NOT_DUE, MISSED),
			],
			[term(BEFORE, MET, MET), term(TERM, MET, MISSED)],
		),
		"B": ChildCompliance(
			[
				month(D(2026, 10, 1), MET, OPEN),
				month(D(2027, 1, 1), MET, MISSED),
				month(D(2027, 2, 1), MISSED, MISSED),  # after the end
			],
			[term(Term("same days", START, END), MISSED, MET)],
		),
	}
	months, terms = counted(compliance)
	f = figures(months=months, terms=terms)
	assert pick(f, "talks_met", "talks_missed", "talks_rate") == [3, 1, 75.0]
	assert pick(f, "contacts_met", "contacts_missed", "contacts_rate") == [2, 2, 50.0]
	assert pick(f, "visits_met", "visits_missed", "visits_rate") == [1, 1, 50.0]
	assert pick(f, "meetings_met", "meetings_missed", "meetings_rate") == [1, 1, 50.0]


def test_the_same_result_of_two_children_counts_twice():
	same = ChildCompliance([month(D(2026, 10, 1), MET, MISSED)], [term(TERM, MISSED, MET)])
	months, terms = counted({"A": same, "B": same})
	assert months == [(month(D(2026, 10, 1), MET, MISSED), 2)] and len(terms) == 1
	f = figures(months=months, terms=terms)
	assert pick(f, "talks_met", "contacts_missed", "visits_missed", "meetings_met") == [2, 2, 2, 2]


def test_compliance_rates_are_zero_with_nothing_met_or_missed():
	compliance = {"A": ChildCompliance([month(D(2026, 12, 1), OPEN, NOT_DUE)], [term(TERM, OPEN, NOT_DUE)])}
	months, terms = counted(compliance)
	f = figures(months=months, terms=terms)
	for kind in ("talks", "contacts", "visits", "meetings"):
		assert (f[f"{kind}_met"], f[f"{kind}_missed"], f[f"{kind}_rate"]) == (0, 0, 0.0)


def test_latest_assessment_of_each_child_and_the_change_since_last_term():
	assessments = [
		("A", D(2026, 9, 10), "High"),
		("A", D(2026, 12, 1), "Medium"),
		("B", D(2026, 11, 20), "High"),
		("B", D(2026, 10, 20), "Low"),
		("I", D(2026, 10, 1), "Low"),
		("J", D(2026, 12, 10), "Medium"),  # assessed only this term
	]
	previous = [
		("A", D(2026, 3, 1), "Low"),
		("A", D(2026, 6, 1), "High"),  # A's latest: High, then Medium
		("B", D(2026, 5, 1), "Medium"),  # Medium, then High
		("I", D(2026, 4, 1), "Low"),
	]
	f = figures(assessments=assessments, previous_assessments=previous)
	assert pick(f, "assessed", "risk_low", "risk_medium", "risk_high") == [4, 1, 2, 1]
	assert (f["risk_up"], f["risk_down"]) == (1, 1)
	alone = figures(assessments=assessments)
	assert (alone["assessed"], alone["risk_up"], alone["risk_down"]) == (4, 0, 0)


def test_plans_sessions_and_incidents_of_the_term():
	plans = [
		PlanRow(D(2026, 9, 10), D(2026, 9, 20), (("Closed", D(2026, 12, 1)),), 0, "Closed"),
		PlanRow(D(2026, 5, 1), D(2026, 6, 1), (("Escalated", D(2026, 10, 5)),), 1, "Escalated"),
		PlanRow(D(2026, 10, 1), None, (), 1, "Draft"),
		PlanRow(D(2026, 3, 1), D(2026, 3, 10), (("Closed", D(2026, 7, 1)),), 1, "Closed"),  # before
		PlanRow(D(2026, 8, 1), D(2027, 2, 1), (), 1, "Approved"),  # approved after the end
	]
	abuse = "Suspected Abuse or Neglect"
	incidents = [
		IncidentRow(D(2026, 9, 15), 1, abuse, True),
		IncidentRow(D(2026, 10, 15), 0, abuse, False),  # not reported
		IncidentRow(D(2026, 11, 15), 1, "Injury", True),  # reported, not a mandatory kind
		IncidentRow(D(2026, 12, 15), 1, "Injury", False),
		IncidentRow(D(2026, 8, 20), 1, abuse, True),  # before the term
	]
	f = figures(plans=plans, counselling_sessions=7, incidents=incidents)
	assert pick(f, "plans_opened", "plans_approved", "plans_closed", "plans_escalated") == [2, 1, 1, 1]
	assert f["plan_reviews_overdue"] == 2  # the Draft and the Approved; ended plans are not reviewed
	assert f["counselling_sessions"] == 7
	assert (f["incidents"], f["incidents_told_in_time"], f["mandatory_reports"]) == (4, 75.0, 1)


def test_priorities_boarding_aid_funds_and_dropouts():
	f = figures(
		children=CHILDREN,
		priorities=[
			("A", "Tutoring"),
			("A", "Tutoring"),
			("B", "Tutoring"),
			("A", "Daily-Life Care"),
			("I", "Activity Placement"),
			("J", "Something Else"),
		],
		boarders={"A", "J", "C"},  # C left
		aid=[("Cash", 200.0), ("Goods", 150.5), ("Cash", None)],
		funds=[(1000.0, 400.0), (500.0, None), (None, 120.25)],
		dropouts=[
			DropoutRow(D(2026, 9, 20), "Back in School", D(2026, 11, 1)),
			DropoutRow(D(2026, 5, 1), "Back in School", D(2026, 9, 10)),  # opened last term
			DropoutRow(D(2026, 10, 1), "Open", None),
			DropoutRow(D(2026, 11, 1), "Closed", D(2026, 12, 1)),
			DropoutRow(D(2026, 3, 1), "Back in School", D(2026, 6, 1)),  # all before
		],
	)
	assert pick(f, "priority_tutoring", "priority_daily_care", "priority_activity") == [2, 1, 1]
	assert f["boarding_share"] == 50.0
	assert (f["aid_records"], f["aid_amount"]) == (3, 350.5)
	assert (f["funds_allocated"], f["funds_spent"]) == (1500.0, 520.25)
	assert (f["dropout_opened"], f["dropout_returned"]) == (3, 2)


HAZARDS = [
	HazardRow(D(2026, 9, 10), D(2026, 9, 30), D(2026, 9, 25)),  # fixed in time
	HazardRow(D(2026, 10, 1), D(2026, 10, 15), D(2026, 11, 1)),  # fixed late
	HazardRow(D(2026, 11, 1), D(2026, 11, 30), None),
	HazardRow(D(2026, 12, 1), D(2027, 2, 28), None),  # deadline not yet come
	HazardRow(D(2026, 6, 1), D(2026, 6, 10), None),  # found before the term
]


def test_hazards_and_activities():
	activities = [("ACT-1", "A"), ("ACT-1", "B"), ("ACT-2", "A"), ("ACT-3", None), ("ACT-2", "C")]
	f = figures(children=CHILDREN, hazards=HAZARDS, activities=activities)
	assert pick(f, "hazards_found", "hazards_fixed_in_time", "hazards_overdue") == [4, 1, 1]
	assert (f["activities"], f["activity_share"]) == (3, 50.0)  # A and B of A, B, I, J
	# On 20 October the late one was past its deadline and not yet fixed; the one due 30 November was not.
	assert figures(D(2026, 10, 20), hazards=HAZARDS)["hazards_overdue"] == 1
	assert figures(D(2026, 12, 1), hazards=HAZARDS)["hazards_overdue"] == 1  # the late one fixed, 30 Nov past


def test_five_haves_are_the_shares_given():
	shares = five_haves.Shares()
	for facts in (
		five_haves.Facts(
			study_pairing=True, guardians=[("Good", "138")], last_parent_contact=END, activities=1
		),
		five_haves.Facts(),  # safety only
		five_haves.Facts(tutoring=True, guardians=[("Weak", "139")], open_incidents=1, activities=2),
	):
		shares.add(five_haves.judge(facts, END, 30))
	f = figures(five_haves=shares)
	for have in five_haves.HAVES:
		assert f[f"have_{have}"] == shares.share(have)
	assert [f[f"have_{have}"] for have in five_haves.HAVES] == [66.7, 66.7, 66.7, 33.3, 66.7]
	assert f["have_all_five"] == shares.share() == 33.3
	without = figures(five_haves=None)
	assert all(without[f"have_{have}"] == 0 for have in (*five_haves.HAVES, "all_five"))


def test_compare_beside_the_previous_term():
	current = figures(children=CHILDREN)
	rows = compare(current, {"children_end": 6, "completeness": 50.5, "joined": 3})
	assert [row.key for row in rows] == [spec.key for spec in FIGURES]
	by_key = {row.key: row for row in rows}
	end = by_key["children_end"]
	assert (end.section, end.label, end.fieldtype) == ("children", "Children at the End of the Term", "Int")
	assert (end.value, end.previous, end.change) == (4, 6, -2)
	assert (by_key["completeness"].previous, by_key["completeness"].change) == (50.5, 4.5)
	assert (by_key["joined"].previous, by_key["joined"].change) == (3, 0)
	assert (by_key["paired"].value, by_key["paired"].previous, by_key["paired"].change) == (0, None, None)
	first = compare(current, None)
	assert [row.value for row in first] == [current[spec.key] for spec in FIGURES]
	assert all(row.previous is None and row.change is None for row in first)


def test_empty_records_give_every_figure_zero():
	f = figures()
	assert set(f) == set(BY_KEY) == {spec.key for spec in FIGURES}
	assert all(value == 0 for value in f.values())


def test_final_evaluations_counted_by_result():
	records = TermRecords(START, END, END, evaluation_results=["Good", "Fail", "Good", None])
	figures = build(records)
	assert (figures["eval_excellent"], figures["eval_good"], figures["eval_pass"], figures["eval_fail"]) == (
		0,
		2,
		0,
		1,
	)
