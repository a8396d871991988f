import datetime

import pytest

from leftbehind_care.core import school
from leftbehind_care.core.errors import RuleError

D = datetime.date


def test_school_year_starts_in_september():
	assert school.school_year_start(D(2026, 11, 28)) == D(2026, 9, 1)
	assert school.school_year_start(D(2027, 3, 1)) == D(2026, 9, 1)
	assert school.school_year_start(D(2027, 9, 1)) == D(2027, 9, 1)


def test_year_of_entry_from_grade():
	today = D(2026, 11, 28)
	assert school.entry_year(1, school.PRIMARY, today) == 2026
	assert school.entry_year(3, school.PRIMARY, today) == 2024
	assert school.entry_year(7, school.JUNIOR_MIDDLE, today) == 2026
	assert school.entry_year(9, school.JUNIOR_MIDDLE, today) == 2024
	assert school.entry_year(8, school.NINE_YEAR, D(2027, 5, 1)) == 2019


def test_class_name_has_no_grade():
	assert school.class_name("城关镇中心小学", 2024, 1) == "城关镇中心小学-2024-1"


@pytest.mark.parametrize("grade", [0, 10, -1])
def test_grades_outside_1_to_9(grade):
	with pytest.raises(RuleError) as err:
		school.check_grade(grade)
	assert err.value.code == "grade_out_of_range"
	school.check_grade(9)


def test_class_titles_are_the_domains_own_names():
	from leftbehind_care.core.school import class_title

	assert class_title(7, 1) == "7年级(1)班"
	assert class_title("3", "12") == "3年级(12)班"
