import datetime

from leftbehind_care.core.compliance import (
	MET,
	MISSED,
	NOT_DUE,
	OPEN,
	Records,
	Talk,
	Targets,
	child_compliance,
	months_between,
	school_days,
)
from leftbehind_care.core.terms import Term

D = datetime.date
AUTUMN = Term("2026-2027学年第一学期", D(2026, 9, 1), D(2027, 1, 20))
SPRING = Term("2026-2027学年第二学期", D(2027, 2, 20), D(2027, 7, 10))
TERMS = [AUTUMN, SPRING]
ALWAYS = [(D(2025, 3, 1), None)]


def talks(*days, by_class_teacher=True):
	return [Talk(day, by_class_teacher) for day in days]


def months(result):
	return {m.month: m for m in result.months}


def test_months_between():
	assert months_between(D(2026, 11, 15), D(2027, 2, 1)) == [
		D(2026, 11, 1),
		D(2026, 12, 1),
		D(2027, 1, 1),
		D(2027, 2, 1),
	]


def test_a_talk_each_school_month_is_met_and_a_month_without_one_is_missed():
	result = child_compliance(
		TERMS, ALWAYS, Records(talks=talks(D(2026, 9, 10), D(2026, 11, 3))), D(2026, 12, 15)
	)
	by_month = months(result)
	assert by_month[D(2026, 9, 1)].talk_status == MET
	assert by_month[D(2026, 10, 1)].talk_status == MISSED
	assert by_month[D(2026, 11, 1)].talk_status == MET
	assert by_month[D(2026, 12, 1)].talk_status == OPEN  # the month is not over
	assert result.missed_talk_months == [D(2026, 10, 1)]


def test_holidays_do_not_count():
	result = child_compliance(TERMS, ALWAYS, Records(), D(2027, 3, 31))
	listed = [m.month for m in result.months]
	assert D(2026, 8, 1) not in listed  # summer holiday
	# January has 20 term days: due. February has 9 (from the 20th): not due.
	assert months(result)[D(2027, 1, 1)].talk_status == MISSED
	assert months(result)[D(2027, 2, 1)].talk_status == NOT_DUE
	assert months(result)[D(2027, 3, 1)].talk_status == OPEN


def test_a_child_who_joins_late_in_the_month_owes_nothing_for_it():
	joined = [(D(2026, 10, 25), None)]
	result = child_compliance(TERMS, joined, Records(), D(2026, 11, 30))
	assert months(result)[D(2026, 10, 1)].talk_status == NOT_DUE
	assert months(result)[D(2026, 10, 1)].due_days == 7
	assert months(result)[D(2026, 11, 1)].talk_status == OPEN


def test_a_child_who_leaves_after_two_school_weeks_still_owed_the_talk():
	left = [(D(2026, 9, 1), D(2026, 11, 20))]
	result = child_compliance(TERMS, left, Records(), D(2026, 12, 31))
	assert months(result)[D(2026, 11, 1)].talk_status == MISSED
	assert months(result)[D(2026, 12, 1)].talk_status == NOT_DUE
	left_early = [(D(2026, 9, 1), D(2026, 11, 5))]
	assert (
		months(child_compliance(TERMS, left_early, Records(), D(2026, 12, 31)))[D(2026, 11, 1)].talk_status
		== NOT_DUE
	)


def test_a_child_who_left_and_came_back():
	periods = [(D(2026, 9, 1), D(2026, 9, 30)), (D(2026, 11, 10), None)]
	result = child_compliance(TERMS, periods, Records(), D(2026, 11, 30))
	assert months(result)[D(2026, 10, 1)].talk_status == NOT_DUE
	assert months(result)[D(2026, 11, 1)].due_days == 21


def test_only_the_class_teachers_talks_count_for_the_monthly_talk():
	records = Records(talks=talks(D(2026, 9, 10), by_class_teacher=False))
	result = child_compliance(TERMS, ALWAYS, records, D(2026, 10, 5))
	assert months(result)[D(2026, 9, 1)].talks == 0
	assert months(result)[D(2026, 9, 1)].talk_status == MISSED
	several = Records(talks=[Talk(D(2026, 9, 3), False), Talk(D(2026, 9, 20), True)])
	assert months(child_compliance(TERMS, ALWAYS, several, D(2026, 10, 5)))[D(2026, 9, 1)].talk_status == MET


def test_records_made_outside_the_programme_do_not_count():
	periods = [(D(2026, 9, 15), None)]
	result = child_compliance(TERMS, periods, Records(talks=talks(D(2026, 9, 10))), D(2026, 10, 5))
	assert months(result)[D(2026, 9, 1)].talks == 0


def test_family_contacts_per_month_follow_the_target():
	contacts = Records(contacts=[D(2026, 9, 5)])
	targets = Targets(contacts_per_month=2)
	assert (
		months(child_compliance(TERMS, ALWAYS, contacts, D(2026, 10, 5), targets))[
			D(2026, 9, 1)
		].contact_status
		== MISSED
	)
	twice = Records(contacts=[D(2026, 9, 5), D(2026, 9, 25)])
	assert (
		months(child_compliance(TERMS, ALWAYS, twice, D(2026, 10, 5), targets))[D(2026, 9, 1)].contact_status
		== MET
	)


def test_a_home_visit_and_a_guardian_meeting_each_term():
	records = Records(visits=[D(2026, 10, 1)], meetings=[D(2027, 3, 1)])
	result = child_compliance(TERMS, ALWAYS, records, D(2027, 3, 15))
	autumn, spring = result.terms
	assert (autumn.visit_status, autumn.meeting_status) == (MET, MISSED)
	assert (spring.visit_status, spring.meeting_status) == (OPEN, MET)


def test_a_child_filed_at_the_end_of_a_term_owes_no_visit_that_term():
	periods = [(D(2027, 1, 5), None)]
	autumn = child_compliance(TERMS, periods, Records(), D(2027, 2, 1)).terms[0]
	assert autumn.active_days == 16
	assert autumn.visit_status == NOT_DUE


def test_school_days_count_term_and_programme_together():
	assert school_days(TERMS, ALWAYS, D(2027, 2, 1), D(2027, 2, 28)) == 9
	assert school_days(TERMS, [(D(2027, 2, 25), None)], D(2027, 2, 1), D(2027, 2, 28)) == 4


def test_no_periods_or_no_terms():
	assert child_compliance(TERMS, [], Records(), D(2026, 10, 1)).months == []
	assert child_compliance([], ALWAYS, Records(), D(2026, 10, 1)).months == []


def test_targets_come_from_care_settings():
	from leftbehind_care.core.compliance import targets_from_settings
	from leftbehind_care.core.settings import DEFAULTS

	targets = targets_from_settings({**DEFAULTS, "family_contacts_per_month": 2, "visits_per_term": 3})
	assert (targets.talks_per_month, targets.contacts_per_month, targets.visits_per_term) == (1, 2, 3)
	assert targets.meetings_per_term == DEFAULTS["guardian_meetings_per_term"]


def test_active_periods_from_the_status_history():
	from leftbehind_care.core.compliance import active_periods

	log = [
		("Active", D(2026, 3, 1)),
		("Parents Returned", D(2026, 6, 20)),
		("Active", D(2026, 10, 8)),
	]
	# Left on the 20th: last day in the programme the 19th; back on 8 October, still active.
	assert active_periods(log, D(2026, 3, 1), "Active", D(2026, 10, 8)) == [
		(D(2026, 3, 1), D(2026, 6, 19)),
		(D(2026, 10, 8), None),
	]
	# Entries in any order; a repeated Active does not open a second period.
	assert active_periods(list(reversed(log)) + [("Active", D(2026, 4, 1))], None, "Active", None) == [
		(D(2026, 3, 1), D(2026, 6, 19)),
		(D(2026, 10, 8), None),
	]


def test_active_periods_without_history():
	from leftbehind_care.core.compliance import active_periods

	assert active_periods([], D(2026, 9, 1), "Active", None) == [(D(2026, 9, 1), None)]
	assert active_periods([], D(2026, 9, 1), "Transferred", D(2026, 11, 10)) == [
		(D(2026, 9, 1), D(2026, 11, 9))
	]
	assert active_periods([], D(2026, 9, 1), "Transferred", D(2026, 9, 1)) == []
	assert active_periods([], None, "Active", None) == []


def test_a_child_who_left_mid_month_is_judged_on_the_days_they_were_there():
	from leftbehind_care.core.compliance import active_periods

	# Left on 20 October: 19 school days in October, so the month's talk was still due.
	periods = active_periods(
		[("Active", D(2026, 9, 1)), ("Transferred", D(2026, 10, 20))], None, "Transferred", None
	)
	result = months(child_compliance(TERMS, periods, Records(), D(2026, 12, 5)))
	assert result[D(2026, 10, 1)].talk_status == MISSED
	assert D(2026, 11, 1) not in result or result[D(2026, 11, 1)].talk_status == NOT_DUE
	# Left on 10 October: 9 days, nothing due that month.
	periods = active_periods(
		[("Active", D(2026, 9, 1)), ("Transferred", D(2026, 10, 10))], None, "Transferred", None
	)
	assert (
		months(child_compliance(TERMS, periods, Records(), D(2026, 12, 5)))[D(2026, 10, 1)].talk_status
		== NOT_DUE
	)


def test_the_term_result_of_a_day():
	result = child_compliance(TERMS, ALWAYS, Records(visits=[D(2026, 10, 1)]), D(2027, 3, 15))
	assert result.term(D(2026, 11, 2)).term == AUTUMN
	assert result.term(D(2027, 3, 1)).term == SPRING
	assert result.term(D(2027, 2, 1)) is None  # the winter holiday
