"""动员寄宿's builder on hand-computed data."""

from leftbehind_care.reports.boarding_mobilisation import (
	CHILDREN,
	COLUMNS,
	SCHOOLS,
	ChildLine,
	boarding_shares,
	children_to_mobilise,
)

FAR_KM = 3.0
LABELS = {"Weak Guardianship": "无有效监护", "Far From School": "离校较远"}
FAR = ChildLine("LBC-1", "张三", "3年级(1)班", "石桥村", "甲校", "Active", False, 5.0)
WEAK = ChildLine("LBC-2", "李四", "3年级(1)班", "石桥村", "甲校", "Active", False, 1.0)
BOARDER = ChildLine("LBC-3", "王五", "4年级(2)班", "河西村", "乙校", "Active", True, 8.0)
ALONE = ChildLine("LBC-4", "赵六", "4年级(2)班", None, "乙校", "Active", False, None)
NEAR = ChildLine("LBC-5", "钱七", "3年级(1)班", "石桥村", "甲校", "Active", True, 0.5)
CHILDREN_SHOWN = [FAR, WEAK, BOARDER, ALONE, NEAR]
CAPACITIES = {"LBC-1": ("Good",), "LBC-2": ("Weak", "None"), "LBC-3": ("None",), "LBC-5": ("Good",)}


def test_the_children_to_mobilise_weakest_guardianship_first_then_the_farthest():
	rows = children_to_mobilise(CHILDREN_SHOWN, CAPACITIES, FAR_KM, LABELS)
	assert rows == [
		{
			"child": "LBC-2",
			"child_name": "李四",
			"class_title": "3年级(1)班",
			"village": "石桥村",
			"distance": 1.0,
			"reasons": "无有效监护",
		},
		# No guardian on file is no guardian able to care; no distance entered is not far.
		{
			"child": "LBC-4",
			"child_name": "赵六",
			"class_title": "4年级(2)班",
			"village": None,
			"distance": None,
			"reasons": "无有效监护",
		},
		{
			"child": "LBC-1",
			"child_name": "张三",
			"class_title": "3年级(1)班",
			"village": "石桥村",
			"distance": 5.0,
			"reasons": "离校较远",
		},
	]
	both = children_to_mobilise([FAR], {"LBC-1": ("Weak",)}, FAR_KM, LABELS)
	assert both[0]["reasons"] == "无有效监护、离校较远"


def test_each_schools_share_of_boarders_and_of_all_pupils_where_entered():
	rows = boarding_shares(CHILDREN_SHOWN, [("甲校", 400, 120), ("乙校", 0, 0), ("丙校", 300, 30)])
	assert rows == [
		# 乙校 entered no pupils: no share of all pupils.
		{
			"school": "乙校",
			"left_behind": 2,
			"left_behind_boarding": 1,
			"left_behind_share": 50.0,
			"pupils": None,
			"pupils_boarding": None,
			"pupils_share": None,
		},
		{
			"school": "甲校",
			"left_behind": 3,
			"left_behind_boarding": 1,
			"left_behind_share": 33.3,
			"pupils": 400,
			"pupils_boarding": 120,
			"pupils_share": 30.0,
		},
	]
	# Pupils entered without their boarders count none boarding.
	assert boarding_shares([FAR], [("甲校", 200, None)])[0]["pupils_share"] == 0.0


def test_an_empty_scope_and_records_of_a_child_or_school_outside_it():
	assert children_to_mobilise([], {"LBC-9": ("None",)}, FAR_KM, LABELS) == []
	assert boarding_shares([], [("甲校", 400, 120)]) == []
	# The guardians of a child not shown do not count for one who is; a school not shown has no row.
	assert children_to_mobilise([NEAR], {"LBC-9": ("None",)}, FAR_KM, LABELS) == []
	assert [r["school"] for r in boarding_shares([FAR], [("丙校", 300, 30)])] == ["甲校"]


def test_columns_match_the_rows():
	rows = children_to_mobilise([FAR], {}, FAR_KM, LABELS)
	assert [c.fieldname for c in COLUMNS[CHILDREN]] == list(rows[0])
	assert [c.fieldname for c in COLUMNS[SCHOOLS]] == list(boarding_shares([FAR], [])[0])
	assert COLUMNS[SCHOOLS][0].as_dict() == {
		"fieldname": "school",
		"label": "School",
		"fieldtype": "Link",
		"width": 200,
		"options": "Care School",
	}
