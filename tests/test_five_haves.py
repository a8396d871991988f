"""五有: each of the five haves decided on hand-made facts, with its gaps."""

import datetime

from leftbehind_care.core import five_haves as r

DAY = datetime.date(2026, 11, 20)
D = datetime.timedelta


def covered(**records):
	"""One child, "C", with `records` (as facts_by_child takes them) judged on DAY, 30-day window."""
	facts = r.facts_by_child(["C"], DAY, **records)["C"]
	return r.judge(facts, DAY, 30)


FULL = {
	"pairings": [("C", "Active", "Study", DAY - D(60), None)],
	"guardians": [("C", "Good", "13800138000")],
	"parent_contacts": [("C", DAY - D(3))],
	"activities": [("C", DAY - D(10))],
}


def codes(coverage):
	return [gap.code for gap in coverage.gaps]


def test_a_child_with_every_record_has_all_five():
	result = covered(**FULL)
	assert result.all_five and result.gaps == ()
	assert list(result.haves) == list(r.HAVES)


def test_a_child_with_no_records_misses_each_but_safety():
	result = covered()
	assert result.haves == {
		r.STUDY: False,
		r.GUARDIANSHIP: False,
		r.SAFETY: True,
		r.FAMILY: False,
		r.ACTIVITY: False,
	}
	assert codes(result) == [r.NO_STUDY_SUPPORT, r.NO_GUARDIAN, r.NO_PARENT_CONTACT, r.NO_ACTIVITY]


def test_study_needs_a_study_pairing_active_on_the_day_or_tutoring():
	def study(**records):
		return covered(**{**FULL, **records}).haves[r.STUDY]

	assert not study(pairings=[("C", "Active", "Psychology", DAY - D(9), None)])
	assert not study(pairings=[("C", "Active", "Study", DAY + D(1), None)])  # not begun
	assert not study(pairings=[("C", "Ended", "Study", DAY - D(90), DAY - D(1))])  # over
	assert not study(pairings=[("C", "Ended", "Study", DAY - D(90), None)])  # ended, no date
	# Ended since the day: it counted on the day (a past term read at its end).
	assert study(pairings=[("C", "Ended", "Study", DAY - D(90), DAY + D(5))])
	assert study(pairings=[("C", "Active", "Study", DAY, DAY)])
	assert study(pairings=[], tutored=["C"])
	assert study(pairings=[("X", "Active", "Study", DAY - D(9), None)]) is False  # another child's


def test_guardianship_names_what_is_missing():
	def gaps(*guardians):
		return codes(covered(**{**FULL, "guardians": list(guardians)}))

	assert gaps() == [r.NO_GUARDIAN]
	assert gaps(("C", "None", "13800138000")) == [r.NO_ABLE_GUARDIAN]
	assert gaps(("C", "Good", None), ("C", "Weak", " ")) == [r.NO_GUARDIAN_PHONE]
	# A weak guardian with a phone is a guardian; one unable to care does not need a phone.
	assert gaps(("C", "None", None), ("C", "Weak", "13800138000")) == []


def test_safety_counts_unanswered_incidents_and_overdue_hazards_naming_the_child():
	result = covered(
		**FULL,
		incidents=[
			("C", DAY - D(40), False),
			("C", DAY - D(2), False),
			("C", DAY - D(5), True),  # followed up
			("C", DAY + D(1), False),  # after the day
			("X", DAY - D(1), False),
		],
		hazards=[
			("C\nX", DAY - D(1), None),  # overdue
			("X, C", DAY - D(9), DAY - D(2)),  # fixed in time for the day
			("C", DAY - D(9), DAY + D(2)),  # fixed only after the day: overdue on it
			("C", DAY, None),  # due today: not yet overdue
			("C\nC", DAY - D(3), None),  # named twice, one hazard
		],
	)
	assert not result.haves[r.SAFETY]
	assert [(g.code, g.count) for g in result.gaps] == [(r.OPEN_INCIDENTS, 2), (r.OVERDUE_HAZARDS, 3)]


def test_family_needs_a_parent_contact_within_the_window():
	def gaps(*contacts, days=30):
		facts = r.facts_by_child(["C"], DAY, **{**FULL, "parent_contacts": list(contacts)})["C"]
		return [(g.code, g.count) for g in r.judge(facts, DAY, days).gaps]

	assert gaps(("C", DAY - D(30))) == []
	assert gaps(("C", DAY - D(31))) == [(r.PARENT_CONTACT_STALE, 31)]
	assert gaps(("C", DAY - D(31)), ("C", DAY - D(2))) == []  # the latest counts
	assert gaps(("C", DAY - D(31)), days=45) == []
	assert gaps(("C", DAY + D(1))) == [(r.NO_PARENT_CONTACT, None)]  # after the day
	assert gaps() == [(r.NO_PARENT_CONTACT, None)]


def test_activity_this_term_by_the_day():
	assert covered(**{**FULL, "activities": [("C", DAY + D(1))]}).haves[r.ACTIVITY] is False
	assert covered(**{**FULL, "activities": [("C", DAY)]}).haves[r.ACTIVITY] is True


def test_shares_of_a_group():
	shares = r.Shares()
	assert shares.share() == 0.0 and shares.share(r.STUDY) == 0.0  # no children, no division
	shares.add(covered(**FULL))
	shares.add(covered())
	shares.add(covered(**{**FULL, "activities": []}))
	assert shares.children == 3
	assert shares.met == {r.STUDY: 2, r.GUARDIANSHIP: 2, r.SAFETY: 3, r.FAMILY: 2, r.ACTIVITY: 1}
	assert shares.all_five == 1
	assert shares.share() == 33.3 and shares.share(r.STUDY) == 66.7 and shares.share(r.SAFETY) == 100.0
