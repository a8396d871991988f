import dataclasses
import datetime
import json
from collections import Counter
from pathlib import Path

import pytest

from leftbehind_care.core import child as rules
from leftbehind_care.core import demo
from leftbehind_care.core.identity import parse_id_number
from leftbehind_care.core.phone import normalize_phone
from leftbehind_care.core.scope import CLASS_TEACHER, COUNSELOR, INSPECTOR, SCHOOL_LEADER
from leftbehind_care.core.terms import Term, check_term, term_on

TODAY = datetime.date(2026, 11, 28)
DOCTYPES = Path(demo.__file__).parents[1] / "leftbehind_care" / "doctype"


@pytest.fixture(scope="module")
def county() -> demo.DemoCounty:
	return demo.generate_county(1500, seed=7, today=TODAY)


def select_options(doctype: str, fieldname: str) -> set[str]:
	folder = doctype.lower().replace(" ", "_")
	meta = json.loads((DOCTYPES / folder / f"{folder}.json").read_text())
	field = next(f for f in meta["fields"] if f["fieldname"] == fieldname)
	return set(field["options"].split("\n"))


def guardians_of(county: demo.DemoCounty, child: demo.Child) -> list[demo.Guardian]:
	by_key = {g.key: g for g in county.guardians}
	return [by_key[link.guardian] for link in child.guardians]


def unsupervised(county: demo.DemoCounty) -> list[demo.Child]:
	return [
		c
		for c in county.children
		if rules.is_unsupervised(
			c.status,
			rules.age_on(c.birth_date, county.today),
			[rules.GuardianFacts(g.capacity, g.age) for g in guardians_of(county, c)],
		)
	]


def all_phones(county: demo.DemoCounty) -> list[str]:
	phones = [s.phone for s in county.schools] + [p.phone for p in county.staff]
	phones += [m.phone for s in county.schools for m in s.members]
	phones += [c.class_teacher_phone for c in county.classes]
	phones += [t.phone for c in county.classes for t in c.subject_teachers]
	phones += [v.contact_phone for v in county.villages if v.contact_phone]
	phones += [g.phone for g in county.guardians if g.phone]
	phones += [p.phone for c in county.children for p in c.parents_away if p.phone]
	return phones


# ---- reproducible


def test_same_seed_same_county():
	assert demo.generate_county(300, seed=3, today=TODAY) == demo.generate_county(300, seed=3, today=TODAY)


def test_another_seed_another_county():
	first = demo.generate_county(300, seed=3, today=TODAY)
	second = demo.generate_county(300, seed=4, today=TODAY)
	assert [c.child_name for c in first.children] != [c.child_name for c in second.children]


def test_id_numbers_on_file_are_avoided_without_changing_the_county():
	first = demo.generate_county(300, seed=3, today=TODAY)
	taken = {c.id_number for c in first.children[:50]}
	second = demo.generate_county(300, seed=3, today=TODAY, taken_id_numbers=taken)
	assert not taken & {c.id_number for c in second.children}
	assert [c.child_name for c in first.children] == [c.child_name for c in second.children]


def test_only_schools_names_the_same_schools(county):
	schools = demo.generate_county(1500, seed=7, today=TODAY, only_schools=True).schools
	assert [s.school_name for s in schools] == [s.school_name for s in county.schools]


# ---- scale


def test_exactly_the_requested_children_and_counts_scale():
	small = demo.generate_county(300, seed=1, today=TODAY)
	large = demo.generate_county(4000, seed=1, today=TODAY)
	assert (len(small.children), len(large.children)) == (300, 4000)
	for part in ("townships", "schools", "classes", "staff", "guardians"):
		assert len(getattr(large, part)) > len(getattr(small, part)), part
	assert 0.8 < len(large.guardians) / len(large.children) < 1.5


def test_every_school_type_appears_even_in_a_small_county():
	small = demo.generate_county(60, seed=1, today=TODAY)
	assert {s.school_type for s in small.schools} == select_options("Care School", "school_type")


# ---- identity, age and grade


def test_id_numbers_are_valid_unique_and_match_gender_and_birth_date(county):
	numbers = [c.id_number for c in county.children] + [g.id_number for g in county.guardians if g.id_number]
	assert len(numbers) == len(set(numbers))
	for child in county.children:
		identity = parse_id_number(child.id_number, TODAY)
		assert (identity.birth_date, identity.gender) == (child.birth_date, child.gender)
		assert identity.province == county.profile.province
		assert child.household_register.endswith(identity.county)
	for guardian in county.guardians:
		if guardian.id_number:
			identity = parse_id_number(guardian.id_number, TODAY)
			assert rules.age_on(identity.birth_date, TODAY) == guardian.age


def test_children_are_under_16_and_of_an_age_for_their_grade(county):
	year_start = demo.school_year_start(TODAY)
	for child in county.children:
		assert rules.age_on(child.birth_date, TODAY) < rules.AGE_LIMIT
		age_at_start = rules.age_on(child.birth_date, year_start)
		assert child.grade + 5 <= age_at_start <= child.grade + 7, (
			child.child_name,
			child.grade,
			age_at_start,
		)
	ages = Counter(rules.age_on(c.birth_date, year_start) - c.grade for c in county.children)
	assert ages.most_common(1)[0][0] == demo.ENTRY_AGE - 1


def test_children_sit_in_a_class_of_their_grade_at_a_school_offering_it(county):
	classes = {c.name: c for c in county.classes}
	grades = {s.school_name: s.grades for s in county.schools}
	assert len(classes) == len(county.classes)
	assert len(grades) == len(county.schools)
	for child in county.children:
		school_class = classes[child.care_class]
		assert (school_class.school, school_class.grade) == (child.school, child.grade)
		assert child.grade in grades[child.school]
	for school_class in county.classes:
		assert school_class.grade in grades[school_class.school]


# ---- the app's rules


def test_every_phone_is_valid_and_stored_normalised(county):
	for phone in all_phones(county):
		assert normalize_phone(phone) == phone


def test_no_date_is_in_the_future_and_files_follow_their_own_history(county):
	for child in county.children:
		rules.check_status(child.status, child.birth_date, child.status_date, child.status_reason, TODAY)
		for day in (child.birth_date, child.left_behind_since, child.filed_on, child.contact_card_issued_on):
			rules.check_not_future("date", day, TODAY)
		for parent in child.parents_away:
			assert parent.away_since <= TODAY
		assert child.birth_date <= child.left_behind_since <= child.filed_on
		assert child.contact_card_issued_on is None or child.filed_on <= child.contact_card_issued_on
		assert child.status_log[0] == demo.StatusEntry(rules.ACTIVE, child.filed_on, None)
		assert child.status_log[-1].status == child.status
	for guardian in county.guardians:
		rules.check_not_future("agreement_signed_on", guardian.agreement_signed_on, TODAY)


def test_some_files_are_closed_with_a_date_and_a_reason(county):
	closed = [c for c in county.children if c.status != rules.ACTIVE]
	assert 0 < len(closed) < len(county.children) * 0.1
	assert all(c.status in rules.CLOSED_STATUSES and c.status_reason for c in closed)


def test_left_behind_type_matches_the_parents_away(county):
	for child in county.children:
		relations = sorted(p.relation for p in child.parents_away)
		if child.left_behind_type == demo.BOTH_AWAY:
			assert relations == ["Father", "Mother"]
		else:
			assert len(relations) == 1


def test_select_values_are_options_of_the_doctypes(county):
	def check(doctype: str, fieldname: str, values) -> None:
		assert set(values) - {None, ""} <= select_options(doctype, fieldname), (doctype, fieldname)

	check("Care School", "school_type", (s.school_type for s in county.schools))
	check("Care School Member", "member_role", (m.member_role for s in county.schools for m in s.members))
	check("Care Term", "semester", (t.semester for t in county.terms))
	check("Child Guardian", "relation", (g.relation for g in county.guardians))
	check("Child Guardian", "capacity", (g.capacity for g in county.guardians))
	check("Child Guardian", "health", (g.health for g in county.guardians))
	check(
		"Left Behind Child Parent", "relation", (p.relation for c in county.children for p in c.parents_away)
	)
	check(
		"Left Behind Child Parent",
		"home_frequency",
		(p.home_frequency for c in county.children for p in c.parents_away),
	)
	for fieldname in (
		"gender",
		"household_type",
		"schooling_status",
		"left_behind_type",
		"health_status",
		"family_economy",
		"status",
	):
		check("Left Behind Child", fieldname, (getattr(c, fieldname) for c in county.children))


# ---- guardians and the unsupervised alert


def test_guardians_are_mostly_capable_grandparents(county):
	relations = Counter(g.relation for g in county.guardians)
	grandparents = sum(n for r, n in relations.items() if "Grand" in r)
	assert grandparents > len(county.guardians) / 2
	capacities = Counter(g.capacity for g in county.guardians)
	assert capacities["Good"] > capacities["Weak"] > capacities["None"] > 0
	for guardian in county.guardians:
		assert guardian.age >= rules.ADULT_AGE
		if "Grand" in guardian.relation:
			assert 55 <= guardian.age <= 80


def test_every_child_has_a_guardian_and_siblings_share_them(county):
	assert all(c.guardians and sum(link.is_primary for link in c.guardians) == 1 for c in county.children)
	children_per_guardian = Counter(link.guardian for c in county.children for link in c.guardians)
	assert set(children_per_guardian) == {g.key for g in county.guardians}
	assert max(children_per_guardian.values()) > 1


def test_some_children_are_unsupervised_but_few(county):
	alerts = unsupervised(county)
	assert 0 < len(alerts) < len(county.children) * 0.1


# ---- staff, schools and terms


def test_staff_have_unique_demo_emails_and_the_roles_of_their_duties(county):
	roles = {p.email: p.roles for p in county.staff}
	assert len(roles) == len(county.staff)
	assert all(email.endswith(f"@minquan.{demo.EMAIL_DOMAIN}") for email in roles)
	assert all(CLASS_TEACHER in roles[c.class_teacher] for c in county.classes)
	needed = {"Leader": SCHOOL_LEADER, "Counselor": COUNSELOR, "Inspector": INSPECTOR}
	for school in county.schools:
		assert any(m.member_role == "Leader" for m in school.members)
		assert all(needed[m.member_role] in roles[m.user] for m in school.members)
	for school_class in county.classes:
		assert all(t.user is None or t.user in roles for t in school_class.subject_teachers)


def test_names_are_unique_where_the_app_needs_them(county):
	assert len({s.school_name for s in county.schools}) == len(county.schools)
	assert len({c.name for c in county.classes}) == len(county.classes)
	other = demo.generate_county(1500, seed=7, today=TODAY, county="suixian")
	assert not {s.school_name for s in other.schools} & {s.school_name for s in county.schools}
	assert not {p.email for p in other.staff} & {p.email for p in county.staff}


def test_terms_of_the_current_school_year_do_not_overlap(county):
	terms = [Term(t.term_name, t.start_date, t.end_date) for t in county.terms]
	assert [t.name for t in terms] == ["2026-2027学年第一学期", "2026-2027学年第二学期"]
	for term in terms:
		check_term(term, terms)
	assert term_on(terms, TODAY) == terms[0]
	assert demo.academic_year_terms(datetime.date(2027, 3, 1)) == county.terms


@pytest.mark.parametrize(
	"today", [datetime.date(2028, 2, 29), datetime.date(2026, 9, 1), datetime.date(2027, 8, 31)]
)
def test_any_day_of_the_year_gives_valid_children(today):
	county = demo.generate_county(400, seed=2, today=today)
	year_start = demo.school_year_start(today)
	for child in county.children:
		assert child.birth_date <= child.left_behind_since <= child.filed_on <= today
		assert rules.age_on(child.birth_date, today) < rules.AGE_LIMIT
		assert child.grade + 5 <= rules.age_on(child.birth_date, year_start) <= child.grade + 7
		rules.check_status(child.status, child.birth_date, child.status_date, child.status_reason, today)
		parse_id_number(child.id_number, today)


def test_the_demo_dates_its_records_in_the_sites_own_terms_where_it_has_them():
	day = datetime.date
	TermPlan, adopt_calendar = demo.TermPlan, demo.adopt_calendar
	planned = demo.academic_year_terms(day(2026, 12, 4))  # 2026-09-01…2027-01-20 and 2027-02-20…07-10
	assert adopt_calendar(planned, []) == planned
	# A site whose calendar has nothing in the school year: the demo's own terms.
	last_year = TermPlan("旧学期", "2025-2026", "Second Semester", day(2026, 3, 1), day(2026, 7, 10))
	assert adopt_calendar(planned, [last_year]) == planned
	# A site term over part of the first term: it stands instead of the first; the second is kept.
	own = TermPlan("本校秋季学期", "2026-2027", "First Semester", day(2026, 10, 6), day(2027, 2, 3))
	assert adopt_calendar(planned, [last_year, own]) == [own, planned[1]]
	# A site term of the demo's own name (the demo ran before): the site's, once.
	again = dataclasses.replace(planned[0], start_date=day(2026, 9, 2))
	assert adopt_calendar(planned, [again]) == [again, planned[1]]
