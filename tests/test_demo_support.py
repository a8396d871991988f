import datetime
from collections import Counter

import pytest

from leftbehind_care.core import activities, demo, keep_in_school, safety
from leftbehind_care.core import support as rules
from leftbehind_care.core.demo_support import generate_support

TODAY = datetime.date(2026, 11, 28)


@pytest.fixture(scope="module")
def county():
	return demo.generate_county(600, seed=5, today=TODAY)


@pytest.fixture(scope="module")
def support(county):
	return generate_support(county, 5)


def test_same_seed_same_support(county, support):
	assert generate_support(county, 5) == support


def test_priorities_reach_most_children_and_leave_a_gap_list(county, support):
	active = {e.child for e in support.extras}
	for p in support.priorities:
		rules.check_priority_kind(p.priority_kind)
		assert county.children[p.child].filed_on <= p.support_date <= TODAY
	gaps = rules.priority_gaps(sorted(active), [(p.child, p.priority_kind) for p in support.priorities])
	assert 0.1 < len(gaps) / len(active) < 0.5


def test_boarders_are_mostly_middle_school_pupils(county, support):
	grades = Counter("middle" if county.children[b.child].grade >= 7 else "primary" for b in support.boarding)
	assert grades["middle"] > grades["primary"]
	assert len({b.child for b in support.boarding}) == len(support.boarding)  # once per term
	assert all(county.children[b.child].is_boarding for b in support.boarding)


def test_aid_goes_to_the_hardship_families_and_keeps_its_rules(county, support):
	for aid in support.aid:
		rules.check_aid(aid.aid_kind, aid.amount, aid.items, aid.donor)
	guaranteed = {a.child for a in support.aid if a.aid_kind == "Compulsory Education Guarantee"}
	hardship = {
		e.child
		for e in support.extras
		if county.children[e.child].is_dibao or county.children[e.child].is_poverty_registered
	}
	assert guaranteed == hardship and hardship


def test_funds_are_never_overspent(support):
	assert support.funds
	for fund in support.funds:
		rules.check_funds(fund.lines)
		assert 0 < rules.fund_share(fund.public_funds, fund.lines) < 15


def test_dropout_cases_open_for_stopped_schooling_and_some_are_resolved(county, support):
	stopped = {
		e.child for e in support.extras if county.children[e.child].schooling_status in keep_in_school.STOPPED
	}
	open_cases = {d.child for d in support.dropouts if d.case_status == keep_in_school.OPEN}
	assert open_cases == stopped and stopped
	assert any(d.case_status == keep_in_school.BACK_IN_SCHOOL for d in support.dropouts)
	for d in support.dropouts:
		child = county.children[d.child]
		for a in d.attempts:
			keep_in_school.check_attempt(a.attempt_date, d.opened_on, TODAY)
		keep_in_school.check_close(
			d.case_status, d.return_date, child.schooling_status, child.status, d.opened_on, TODAY
		)


def test_hazards_fixed_reported_and_overdue(county, support):
	hazards = []
	for inspection in support.inspections:
		for h in inspection.hazards:
			hazard = safety.Hazard(
				1, inspection.inspection_date, h.deadline, h.fixed_on, h.reported_to, h.reported_on
			)
			safety.check_hazard(hazard, TODAY)
			hazards.append(hazard)
			assert all(county.children[c].school == inspection.school for c in h.affected)
	assert any(h.fixed_on for h in hazards)
	assert any(safety.is_overdue(h, TODAY) for h in hazards)


def test_activities_keep_their_rules(county, support):
	venues = {v.venue_name for v in support.venues}
	assert support.activities
	for a in support.activities:
		activities.check_activity(a.activity_kind, a.activity_date, TODAY, len(a.participants))
		assert a.care_venue is None or a.care_venue in venues
		assert all(county.children[c].school == a.school for c in a.participants)
		if a.care_class:
			assert all(county.children[c].care_class == a.care_class for c in a.participants)
	assert any(a.care_venue for a in support.activities)


def test_a_term_summarys_written_part():
	import random

	from leftbehind_care.core.demo_support import summary_texts

	first = summary_texts(random.Random(3))
	assert first == summary_texts(random.Random(3))  # the same seed writes the same summary
	assert set(first) == {"practices", "problems", "next_measures"}
	for text in first.values():
		lines = text.splitlines()
		assert 2 <= len(lines) <= 3 and lines[0].startswith("1. ")
