"""控辍保学与安全隐患's builder on hand-computed data."""

import datetime

from leftbehind_care.core import keep_in_school as k
from leftbehind_care.core.safety import Hazard
from leftbehind_care.reports.schooling_and_safety_follow_ups import (
	AT_RISK,
	CASES,
	COLUMNS,
	HAZARDS,
	CaseLine,
	ChildLine,
	HazardLine,
	children_at_risk,
	open_cases,
	overdue_hazards,
)

D = datetime.date
TODAY = D(2026, 5, 20)
OLD = CaseLine("SFU-1", "LBC-1", "张三", "K1", "3年级(1)班", D(2026, 5, 1), "leader@school.cn", "辍学")
NEW = CaseLine("SFU-2", "LBC-2", "李四", None, None, D(2026, 5, 18), None, "")
LABELS = {k.LONG_ABSENCE: "长期缺勤", k.REPEATED_FAILING: "多次不及格", k.NO_CAPABLE_GUARDIAN: "无有效监护"}
ABSENT = ChildLine("LBC-1", "张三", "3年级(1)班", "Active", k.IN_SCHOOL, True, False)
STRUGGLING = ChildLine("LBC-2", "李四", "3年级(1)班", "Active", k.IN_SCHOOL, True, True)
GONE = ChildLine("LBC-3", "王五", "4年级(2)班", "Active", k.DROPPED_OUT, True, True)
FINE = ChildLine("LBC-4", "赵六", "4年级(2)班", "Active", k.IN_SCHOOL, False, False)
CAPACITIES = {"LBC-1": ("Good",), "LBC-3": ("None",), "LBC-4": ("Weak", "Good")}
FOUND = D(2026, 5, 1)


def hazard(row, deadline, fixed_on=None, reported_to=None, reported_on=None, description="池塘无护栏"):
	return HazardLine(
		"SI-1",
		"甲校",
		"水域",
		description,
		"高",
		"王老师",
		Hazard(row, FOUND, deadline, fixed_on, reported_to, reported_on),
	)


def test_open_cases_with_days_open_and_persuasion_attempts():
	rows = open_cases([OLD, NEW], [("SFU-1", 2, D(2026, 5, 10))], TODAY)
	assert rows == [
		{
			"name": "SFU-1",
			"child": "LBC-1",
			"child_name": "张三",
			"care_class": "K1",
			"opened_on": D(2026, 5, 1),
			"responsible_leader": "leader@school.cn",
			"schooling_status": "辍学",
			"class_title": "3年级(1)班",
			"days_open": 19,
			"attempts": 2,
			"last_attempt": D(2026, 5, 10),
		},
		{
			"name": "SFU-2",
			"child": "LBC-2",
			"child_name": "李四",
			"care_class": None,
			"opened_on": D(2026, 5, 18),
			"responsible_leader": None,
			"schooling_status": "",
			"class_title": None,
			"days_open": 2,
			"attempts": 0,
			"last_attempt": None,
		},
	]
	assert open_cases([NEW], [], NEW.opened_on)[0]["days_open"] == 0


def test_children_at_risk_with_their_signs_the_most_first():
	rows = children_at_risk([ABSENT, STRUGGLING, GONE, FINE], CAPACITIES, LABELS)
	# 王五 is out of school already (a case follows him); 赵六 has a guardian able to care.
	assert rows == [
		{
			"child": "LBC-2",
			"child_name": "李四",
			"class_title": "3年级(1)班",
			"signs": "长期缺勤、多次不及格、无有效监护",
		},
		{"child": "LBC-1", "child_name": "张三", "class_title": "3年级(1)班", "signs": "长期缺勤"},
	]


def test_overdue_hazards_with_days_overdue():
	hazards = [
		hazard(1, D(2026, 5, 10), fixed_on=D(2026, 5, 12)),
		hazard(2, D(2026, 5, 10), reported_to="县交通局", reported_on=D(2026, 5, 11)),
		hazard(3, D(2026, 5, 15)),
		hazard(4, D(2026, 5, 19), description="围墙开裂"),
		hazard(5, TODAY),
		hazard(6, None),
	]
	rows = overdue_hazards(hazards, TODAY)
	assert rows == [
		{
			"inspection": "SI-1",
			"school": "甲校",
			"area": "水域",
			"description": "池塘无护栏",
			"risk_level": "高",
			"owner_name": "王老师",
			"deadline": D(2026, 5, 15),
			"days_overdue": 5,
		},
		{
			"inspection": "SI-1",
			"school": "甲校",
			"area": "水域",
			"description": "围墙开裂",
			"risk_level": "高",
			"owner_name": "王老师",
			"deadline": D(2026, 5, 19),
			"days_overdue": 1,
		},
	]


def test_an_empty_scope_and_records_of_a_child_or_case_outside_it():
	assert open_cases([], [("SFU-9", 1, D(2026, 5, 2))], TODAY) == []
	assert children_at_risk([], {"LBC-9": ("None",)}, LABELS) == []
	assert overdue_hazards([], TODAY) == []
	# The attempts of a case not shown do not count for one who is, nor a guardian of a child not shown.
	assert open_cases([NEW], [("SFU-9", 1, D(2026, 5, 2))], TODAY)[0]["attempts"] == 0
	assert children_at_risk([FINE], {"LBC-9": ("Good",)}, LABELS)[0]["signs"] == "无有效监护"


def test_columns_match_the_rows():
	case = open_cases([OLD], [], TODAY)[0]
	# A case's row also carries the child's file and class behind the name and title shown.
	assert sorted(case) == sorted([*(c.fieldname for c in COLUMNS[CASES]), "child", "care_class"])
	at_risk = children_at_risk([ABSENT], {}, LABELS)[0]
	assert [c.fieldname for c in COLUMNS[AT_RISK]] == list(at_risk)
	overdue = overdue_hazards([hazard(1, D(2026, 5, 1))], TODAY)[0]
	assert [c.fieldname for c in COLUMNS[HAZARDS]] == list(overdue)
	assert COLUMNS[CASES][0].as_dict() == {
		"fieldname": "name",
		"label": "Schooling Follow-up",
		"fieldtype": "Link",
		"width": 140,
		"options": "Schooling Follow-up",
	}
