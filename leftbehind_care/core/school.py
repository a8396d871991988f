"""Schools, classes and the school year."""

from __future__ import annotations

import datetime

from leftbehind_care.core.errors import RuleError

PRIMARY = "Primary School"
JUNIOR_MIDDLE = "Junior Middle School"
NINE_YEAR = "Nine-Year School"
TEACHING_POINT = "Teaching Point"
SCHOOL_TYPES = (PRIMARY, JUNIOR_MIDDLE, NINE_YEAR, TEACHING_POINT)

GRADES = range(1, 10)


def school_year_start(today: datetime.date) -> datetime.date:
	"""1 September of the school year that `today` belongs to."""
	return datetime.date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def check_grade(grade: int) -> None:
	if grade not in GRADES:
		raise RuleError("grade_out_of_range", grade=grade)


def first_grade(school_type: str) -> int:
	"""The grade in which children start at a school: 7 at a junior middle school, else 1."""
	return 7 if school_type == JUNIOR_MIDDLE else 1


def entry_year(grade: int, school_type: str, today: datetime.date) -> int:
	"""The year a class now in `grade` started at its school (its 级, e.g. 2024级)."""
	return school_year_start(today).year - (grade - first_grade(school_type))


def class_title(grade: int, class_no: int) -> str:
	"""How people name a class: 7年级(1)班. A domain name, stored once and shown to every reader
	alike, whatever the site's or the user's language."""
	return f"{int(grade)}年级({int(class_no)})班"


def class_name(school: str, year_of_entry: int, class_no: int) -> str:
	"""A class is named by its school, year of entry and number. The grade is not in the name:
	it changes every September, the name must not."""
	return f"{school}-{year_of_entry}-{class_no}"
