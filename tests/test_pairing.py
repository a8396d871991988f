import datetime

import pytest

from leftbehind_care.core import pairing as p
from leftbehind_care.core.errors import RuleError

D = datetime.date
TODAY = D(2026, 11, 29)
TEACHER = p.Mentor(p.STAFF, user="wang@school.cn", name="王老师")
VOLUNTEER = p.Mentor(p.VOLUNTEER, name="李阿姨", phone="13812345678")


def code(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code


SEPTEMBER = D(2026, 9, 1)


def pairing(name, child, mentor, start=SEPTEMBER, end=None, status=p.ACTIVE):
	return p.Pairing(name, child, mentor.key, start, end, status)


def test_who_a_mentor_is():
	p.check_mentor(TEACHER, "一小")
	p.check_mentor(VOLUNTEER, "一小")
	p.check_mentor(p.Mentor(p.PEER_STUDENT, name="张同学", phone="13912345678", school="一小"), "一小")
	assert code(p.check_mentor, p.Mentor(p.STAFF, name="王老师", phone="1"), "一小") == "mentor_user_missing"
	assert code(p.check_mentor, p.Mentor(p.VOLUNTEER, name="李阿姨"), "一小") == "mentor_name_phone_missing"
	assert code(p.check_mentor, p.Mentor("Friend", user="x"), "一小") == "mentor_kind_unknown"
	peer = p.Mentor(p.PEER_STUDENT, name="张同学", phone="13912345678", school="二小")
	assert code(p.check_mentor, peer, "一小") == "peer_student_other_school"


def test_the_same_person_by_user_or_phone():
	assert TEACHER.key == "user:wang@school.cn"
	assert VOLUNTEER.key == p.Mentor(p.PROXY_PARENT, name="李桂英", phone="13812345678").key


def test_dates():
	p.check_dates(D(2026, 9, 1), None, TODAY)
	p.check_dates(D(2026, 9, 1), D(2026, 9, 1), TODAY)
	assert code(p.check_dates, D(2026, 12, 1), None, TODAY) == "future_date"
	assert code(p.check_dates, D(2026, 9, 1), D(2026, 8, 31), TODAY) == "pairing_end_before_start"


def test_only_active_children_are_paired():
	p.check_child_active("Active")
	assert code(p.check_child_active, "Transferred") == "pairing_child_not_active"


def test_one_child_cannot_have_the_same_mentor_twice_at_once():
	others = [pairing("MP-1", "LBC-1", TEACHER)]
	assert (
		code(p.check_not_paired_twice, "LBC-1", TEACHER, D(2026, 11, 1), None, others) == "pairing_duplicate"
	)
	p.check_not_paired_twice("LBC-2", TEACHER, D(2026, 11, 1), None, others)  # another child
	p.check_not_paired_twice("LBC-1", VOLUNTEER, D(2026, 11, 1), None, others)  # another mentor
	ended = [pairing("MP-1", "LBC-1", TEACHER, end=D(2026, 10, 31))]
	p.check_not_paired_twice("LBC-1", TEACHER, D(2026, 11, 1), None, ended)  # after the first ended
	closed = [pairing("MP-1", "LBC-1", TEACHER, status=p.ENDED)]
	p.check_not_paired_twice("LBC-1", TEACHER, D(2026, 11, 1), None, closed)


def test_a_mentor_carries_at_most_capacity_children():
	two = [pairing("MP-1", "LBC-1", TEACHER), pairing("MP-2", "LBC-2", TEACHER)]
	p.check_capacity(TEACHER, two, TODAY, 3)
	three = [*two, pairing("MP-3", "LBC-3", TEACHER)]
	assert code(p.check_capacity, TEACHER, three, TODAY, 3) == "mentor_over_capacity"
	# Ended pairings and other mentors' children do not count.
	loads = [*two, pairing("MP-3", "LBC-3", TEACHER, end=D(2026, 10, 1)), pairing("MP-4", "LBC-4", VOLUNTEER)]
	p.check_capacity(TEACHER, loads, TODAY, 3)
	assert code(p.check_capacity, TEACHER, two, TODAY, 2) == "mentor_over_capacity"


def test_a_pairing_ends_when_its_child_leaves():
	assert p.end_date_on_leaving(D(2026, 9, 1), D(2026, 11, 20)) == D(2026, 11, 20)
	assert p.end_date_on_leaving(D(2026, 11, 25), D(2026, 11, 20)) == D(2026, 11, 25)
