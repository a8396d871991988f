"""关爱活动统计's builder on hand-computed data."""

from leftbehind_care.core.activities import Participation
from leftbehind_care.reports.care_activity_counts import CHILDREN, CLASSES, SCHOOLS, build

TITLES = {"K1": "3年级(1)班", "K2": "4年级(2)班"}
ROWS = [
	("ACT-1", Participation("LBC-1", "K1", "甲校"), "张三"),
	("ACT-1", Participation("LBC-2", "K1", "甲校"), "李四"),
	("ACT-2", Participation("LBC-1", "K1", "甲校"), "张三"),
	("ACT-3", Participation("LBC-3", "K2", "乙校"), "王五"),
]


def test_each_child_most_active_first():
	columns, rows = build(CHILDREN, ROWS, TITLES)
	assert [c.fieldname for c in columns] == ["child", "child_name", "class_title", "activities"]
	assert rows == [
		{"child": "LBC-1", "child_name": "张三", "class_title": "3年级(1)班", "activities": 2},
		{"child": "LBC-2", "child_name": "李四", "class_title": "3年级(1)班", "activities": 1},
		{"child": "LBC-3", "child_name": "王五", "class_title": "4年级(2)班", "activities": 1},
	]


def test_classes_and_schools_count_each_activity_once():
	assert build(CLASSES, ROWS, TITLES)[1] == [
		{"class_title": "3年级(1)班", "activities": 2},
		{"class_title": "4年级(2)班", "activities": 1},
	]
	assert build(SCHOOLS, ROWS, TITLES)[1] == [
		{"school": "乙校", "activities": 1},
		{"school": "甲校", "activities": 2},
	]


def test_no_view_or_a_foreign_one_is_each_child_and_nothing_is_empty():
	assert build(None, ROWS, TITLES) == build(CHILDREN, ROWS, TITLES)
	assert build("Teachers", ROWS, TITLES) == build(CHILDREN, ROWS, TITLES)
	assert build(SCHOOLS, [], {})[1] == []
	# A class without a title shows its name.
	assert build(CLASSES, ROWS, {})[1][0]["class_title"] == "K1"
