import datetime

import pytest

from leftbehind_care.core import scope as s
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.terms import Term, check_term, term_on

D = datetime.date
FIRST = Term("2026-2027学年第一学期", D(2026, 9, 1), D(2027, 1, 20))
SECOND = Term("2026-2027学年第二学期", D(2027, 2, 20), D(2027, 7, 10))


def test_terms():
	check_term(SECOND, [FIRST])
	check_term(FIRST, [FIRST, SECOND])  # a term does not overlap itself
	with pytest.raises(RuleError) as err:
		check_term(Term("x", D(2027, 1, 1), D(2027, 3, 1)), [FIRST, SECOND])
	assert err.value.code == "term_overlap"
	with pytest.raises(RuleError) as err:
		check_term(Term("x", D(2027, 3, 1), D(2027, 3, 1)), [])
	assert err.value.code == "term_end_before_start"
	assert term_on([FIRST, SECOND], D(2026, 11, 28)) == FIRST
	assert term_on([FIRST, SECOND], D(2027, 2, 1)) is None


MEMBERSHIPS = [("一中", s.MEMBER_LEADER), ("二小", s.MEMBER_COUNSELOR), ("三小", s.MEMBER_INSPECTOR)]


@pytest.mark.parametrize(
	"roles, sees",
	[
		([s.ADMINISTRATOR], {"一中", "二小", "四小", "mine", "paired"}),
		(["System Manager"], {"一中", "二小", "四小", "mine", "paired"}),
		([s.SCHOOL_LEADER], {"一中"}),
		([s.COUNSELOR], {"二小"}),
		([s.CLASS_TEACHER], {"mine"}),
		([s.MENTOR], {"paired"}),
		([s.INSPECTOR], set()),
		([s.SCHOOL_LEADER, s.CLASS_TEACHER], {"一中", "mine"}),
		([], set()),
	],
)
def test_scope_is_the_union_of_what_each_role_grants(roles, sees):
	scope = s.build_scope(roles, MEMBERSHIPS, ["四小-3-1"], ["LBC-1"])
	children = {
		"一中": ("LBC-9", "一中", "一中-1-1"),
		"二小": ("LBC-8", "二小", "二小-1-1"),
		"四小": ("LBC-7", "四小", "四小-2-2"),
		"mine": ("LBC-6", "四小", "四小-3-1"),
		"paired": ("LBC-1", "五小", "五小-1-1"),
	}
	assert {key for key, child in children.items() if scope.sees_child(*child)} == sees


def test_inspector_sees_schools_in_aggregate_only():
	scope = s.build_scope([s.INSPECTOR], MEMBERSHIPS)
	assert scope.sees_no_child
	assert scope.sees_school("三小")
	assert not scope.sees_school("一中")


def test_membership_without_the_role_grants_nothing():
	scope = s.build_scope([s.CLASS_TEACHER], MEMBERSHIPS, [])
	assert scope.sees_no_child
	assert not scope.sees_school("一中")


def test_administrators_see_all_whatever_their_memberships():
	# The site reads no memberships for them (permissions.get_scope): these decide alone.
	assert s.sees_all([s.ADMINISTRATOR, s.CLASS_TEACHER])
	assert s.sees_all(["System Manager"])
	assert not s.sees_all([s.SCHOOL_LEADER, s.COUNSELOR, s.INSPECTOR, s.MENTOR, s.CLASS_TEACHER])
	assert s.build_scope([s.ADMINISTRATOR]).all_schools
	assert s.build_scope([s.ADMINISTRATOR], [("二小", s.MEMBER_LEADER)]) == s.build_scope([s.ADMINISTRATOR])
