"""Where a care user lands and what of Frappe's own desk their sidebar leaves out."""

from leftbehind_care.core import desk
from leftbehind_care.core import scope as r


def test_class_teachers_and_mentors_land_on_my_students():
	assert desk.home_page([r.CLASS_TEACHER]) == desk.MY_STUDENTS
	assert desk.home_page([r.MENTOR]) == desk.MY_STUDENTS
	assert desk.home_page([r.CLASS_TEACHER, r.MENTOR, "Desk User"]) == desk.MY_STUDENTS


def test_who_leads_counsels_or_runs_the_county_lands_on_the_workspace():
	for roles in (
		[r.CLASS_TEACHER, r.SCHOOL_LEADER],
		[r.MENTOR, r.COUNSELOR],
		[r.ADMINISTRATOR],
		[r.INSPECTOR],
		[r.CLASS_TEACHER, "System Manager"],
		["System Manager"],
		[],
	):
		assert desk.home_page(roles) is None, roles


def test_care_staff_are_those_with_a_care_role_who_do_not_keep_the_site():
	assert desk.is_care_staff([r.INSPECTOR, "Desk User"])
	assert desk.is_care_staff([r.ADMINISTRATOR])
	assert not desk.is_care_staff(["Desk User"])
	assert not desk.is_care_staff([r.ADMINISTRATOR, "System Manager"])
	assert not desk.is_care_staff([r.CLASS_TEACHER, "Workspace Manager"])
	assert not desk.is_care_staff(["Administrator", r.MENTOR])


def test_every_module_but_the_care_systems_is_blocked():
	assert desk.blocked_modules(["Core", "Website", "Leftbehind Care", "Core"], ["Leftbehind Care"]) == [
		"Core",
		"Website",
	]
	assert desk.blocked_modules(["Leftbehind Care"], ["Leftbehind Care"]) == []
