import datetime

from leftbehind_care.core.compliance import Records, Talk, child_compliance
from leftbehind_care.core.reminders import (
	SCHOOL,
	TALKS,
	VISITS,
	ChildRef,
	leader_digests,
	monthly_reminders_due,
	school_numbers,
	talk_digests,
	unsent,
	visit_digests,
	visit_reminders_term,
)
from leftbehind_care.core.terms import Term

D = datetime.date
AUTUMN = Term("2026-2027学年第一学期", D(2026, 9, 1), D(2027, 1, 20))
ALWAYS = [(D(2025, 3, 1), None)]
TODAY = D(2026, 11, 25)

CHILDREN = [
	ChildRef("C1", "张小明", "S1", "S1-6-1", "teacher1@x", ("mentor@x",)),
	ChildRef("C2", "李小红", "S1", "S1-6-1", "teacher1@x"),
	ChildRef("C3", "王小刚", "S1", "S1-6-2", "teacher2@x", ("mentor@x",)),
	ChildRef("C4", "赵小花", "S2", "S2-3-1", None),  # a class without a teacher
]


def results(today=TODAY):
	records = {
		"C1": Records(talks=[Talk(D(2026, 11, 3))], visits=[D(2026, 10, 1)]),
		"C2": Records(talks=[Talk(D(2026, 11, 3), by_class_teacher=False)]),  # a mentor's talk
		"C3": Records(),
		"C4": Records(),
	}
	return {name: child_compliance([AUTUMN], ALWAYS, r, today) for name, r in records.items()}


def test_reminders_go_out_from_the_reminder_day_to_the_month_end():
	assert not monthly_reminders_due(D(2026, 11, 24), 25)
	assert monthly_reminders_due(D(2026, 11, 25), 25)
	assert monthly_reminders_due(D(2026, 11, 30), 25)  # the job missed a day: still sent
	assert monthly_reminders_due(D(2027, 2, 28), 31)  # a shorter month: its last day


def test_one_digest_per_class_teacher_listing_children_without_the_month_talk():
	digests = talk_digests(CHILDREN, results(), TODAY)
	assert [(d.kind, d.recipient, [c.child for c in d.children]) for d in digests] == [
		(TALKS, "teacher1@x", ["C2"]),  # a mentor's talk does not replace the class teacher's
		(TALKS, "teacher2@x", ["C3"]),
	]
	assert digests[0].period == "2026-11"


def test_mentors_hear_of_children_without_a_home_visit_as_the_term_ends():
	assert visit_reminders_term([AUTUMN], D(2026, 12, 20), 30) is None
	term = visit_reminders_term([AUTUMN], D(2026, 12, 25), 30)
	assert term == AUTUMN
	digests = visit_digests(CHILDREN, results(D(2026, 12, 25)), term)
	assert [(d.kind, d.recipient, [c.child for c in d.children]) for d in digests] == [
		(VISITS, "mentor@x", ["C3"])
	]


def test_leaders_get_their_schools_numbers():
	numbers = school_numbers(CHILDREN, results(), TODAY)
	assert numbers["S1"] == {
		"children": 3,
		"talks_open": 2,
		"contacts_open": 3,
		"visits_open": 2,
		"meetings_open": 3,
	}
	digests = leader_digests(numbers, {"S1": ["lead@x", "lead@x"], "S2": ["lead@x"]}, TODAY)
	assert [(d.kind, d.recipient, d.school) for d in digests] == [
		(SCHOOL, "lead@x", "S1"),
		(SCHOOL, "lead@x", "S2"),
	]
	assert len({d.key for d in digests}) == 2


def test_a_digest_whose_key_was_sent_is_not_sent_again():
	digests = talk_digests(CHILDREN, results(), TODAY)
	sent = {digests[0].key}
	assert unsent(digests, sent) == digests[1:]
	# Next month is a new period.
	later = talk_digests(CHILDREN, results(D(2026, 12, 28)), D(2026, 12, 28))
	assert all(d.key not in sent for d in later)
