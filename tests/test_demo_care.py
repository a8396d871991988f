import datetime
from collections import Counter

import pytest

from leftbehind_care.core import demo, demo_care
from leftbehind_care.core import pairing as p
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.phone import normalize_phone
from leftbehind_care.core.scope import MENTOR

TODAY = datetime.date(2026, 11, 28)


@pytest.fixture(scope="module")
def county() -> demo.DemoCounty:
	return demo.generate_county(1500, seed=7, today=TODAY)


@pytest.fixture(scope="module")
def pairings(county) -> list[demo_care.PairingPlan]:
	return demo_care.generate_pairings(county, seed=7)


def test_same_seed_same_pairings(county, pairings):
	assert demo_care.generate_pairings(county, seed=7) == pairings
	assert demo_care.generate_pairings(county, seed=8) != pairings


def test_a_believable_share_of_children_is_paired(county, pairings):
	active = [i for i, c in enumerate(county.children) if c.status == ACTIVE]
	paired = {plan.child for plan in pairings}
	assert 0.25 < len(paired) / len(active) < 0.9
	assert {plan.mentor_kind for plan in pairings} == set(p.MENTOR_KINDS)
	assert Counter(plan.status for plan in pairings)[p.ENDED] > 0


def test_every_pairing_keeps_the_rules(county, pairings):
	people = {person.email: person for person in county.staff}
	loads = Counter(plan.mentor_user or plan.mentor_phone for plan in pairings if plan.status == p.ACTIVE)
	assert max(loads.values()) <= 3
	seen = set()
	for plan in pairings:
		child = county.children[plan.child]
		assert child.status == ACTIVE
		mentor = p.Mentor(
			plan.mentor_kind, plan.mentor_user, plan.mentor_name, plan.mentor_phone, plan.mentor_school
		)
		p.check_mentor(mentor, child.school)
		p.check_dates(plan.from_date, plan.to_date, TODAY)
		assert plan.from_date >= child.filed_on
		assert normalize_phone(plan.mentor_phone) == plan.mentor_phone
		assert plan.focus in demo_care.FOCUSES
		if plan.mentor_user:
			assert MENTOR in people[plan.mentor_user].roles
		assert (plan.child, mentor.key) not in seen
		seen.add((plan.child, mentor.key))
		if plan.status == p.ENDED:
			assert plan.to_date and plan.end_reason


def test_children_in_need_come_first(county, pairings):
	guardians = {g.key: g for g in county.guardians}
	staff_paired = {plan.child for plan in pairings if plan.mentor_kind == p.STAFF}
	active = [i for i, c in enumerate(county.children) if c.status == ACTIVE]
	weak = {
		i
		for i in active
		if any(guardians[g.guardian].capacity != "Good" for g in county.children[i].guardians)
	}

	def share(children):
		return sum(i in staff_paired for i in children) / len(children)

	assert share(weak) > 0.6
	assert share(weak) > share(set(active) - weak) + 0.2
