"""关爱覆盖 (五有)'s builder on hand-computed data."""

import datetime

from leftbehind_care.core import five_haves as r
from leftbehind_care.reports.care_coverage import (
	CHILDREN,
	CLASSES,
	GAP_LABELS,
	SCHOOLS,
	ChildLine,
	build,
	child_coverage,
)

DAY = datetime.date(2026, 11, 20)
TITLES = {"K1": "3年级(1)班", "K2": "4年级(2)班"}
CHILDREN_SHOWN = [
	ChildLine("LBC-1", "张三", "甲校", "K1"),
	ChildLine("LBC-2", "李四", "甲校", "K1"),
	ChildLine("LBC-3", "王五", "乙校", "K2"),
]
RECORDS = {
	"pairings": [("LBC-1", "Active", "Study", DAY, None)],
	"tutored": ["LBC-3"],
	"guardians": [("LBC-1", "Good", "13800138000"), ("LBC-3", "Weak", "13900139000")],
	"incidents": [("LBC-3", DAY, False)],
	"parent_contacts": [("LBC-1", DAY), ("LBC-2", DAY), ("LBC-3", DAY - datetime.timedelta(days=40))],
	"activities": [("LBC-1", DAY), ("LBC-3", DAY)],
}
COVERAGE = child_coverage([c.child for c in CHILDREN_SHOWN], DAY, 30, **RECORDS)


def test_each_child_with_a_mark_per_have_and_the_gaps_in_words():
	report = build(CHILDREN, CHILDREN_SHOWN, COVERAGE, TITLES)
	assert [c.fieldname for c in report.columns] == [
		"child", "child_name", "class_title", *r.HAVES, "gaps",
	]  # fmt: skip
	first, second, third = report.rows
	assert first == {
		"child": "LBC-1",
		"child_name": "张三",
		"class_title": "3年级(1)班",
		"study": 1,
		"guardianship": 1,
		"safety": 1,
		"family": 1,
		"activity": 1,
		"gaps": "",
	}
	assert second["gaps"] == "；".join(
		GAP_LABELS[code] for code in (r.NO_STUDY_SUPPORT, r.NO_GUARDIAN, r.NO_ACTIVITY)
	)
	assert (third["safety"], third["family"], third["study"]) == (0, 0, 1)
	assert third["gaps"] == "Incidents without a follow-up: 1；Last contact with a parent 40 days ago"


def test_gaps_are_translated_before_the_count_goes_in():
	zh = {GAP_LABELS[r.PARENT_CONTACT_STALE]: "上次与父母联系在{0}天前"}
	report = build(CHILDREN, CHILDREN_SHOWN[2:], COVERAGE, TITLES, translate=lambda t: zh.get(t, t))
	assert report.rows[0]["gaps"].endswith("；上次与父母联系在40天前")


def test_gaps_only_lists_children_missing_one_but_counts_all():
	report = build(CHILDREN, CHILDREN_SHOWN, COVERAGE, TITLES, gaps_only=True)
	assert [row["child"] for row in report.rows] == ["LBC-2", "LBC-3"]
	assert report.total.children == 3 and report.total.all_five == 1


def test_classes_and_schools_as_shares():
	classes = build(CLASSES, CHILDREN_SHOWN, COVERAGE, TITLES).rows
	assert classes == [
		{
			"school": "乙校", "class_title": "4年级(2)班", "children": 1,
			"study": 100.0, "guardianship": 100.0, "safety": 0.0, "family": 0.0, "activity": 100.0,
			"all_five": 0.0,
		},
		{
			"school": "甲校", "class_title": "3年级(1)班", "children": 2,
			"study": 50.0, "guardianship": 50.0, "safety": 100.0, "family": 100.0, "activity": 50.0,
			"all_five": 50.0,
		},
	]  # fmt: skip
	schools = build(SCHOOLS, CHILDREN_SHOWN, COVERAGE, TITLES).rows
	assert [(row["school"], row["children"], row["all_five"]) for row in schools] == [
		("乙校", 1, 0.0),
		("甲校", 2, 50.0),
	]
	assert "class_title" not in schools[0]


def test_empty_scope_and_a_foreign_view():
	for view in (CHILDREN, CLASSES, SCHOOLS):
		report = build(view, [], {}, TITLES)
		assert report.rows == [] and report.total.children == 0 and report.total.share() == 0.0
	assert build("Teachers", CHILDREN_SHOWN, COVERAGE, TITLES) == build(
		None, CHILDREN_SHOWN, COVERAGE, TITLES
	)
	assert build(None, CHILDREN_SHOWN, COVERAGE, TITLES).columns == build(CHILDREN, [], {}, {}).columns


def test_a_class_without_a_title_shows_its_name():
	rows = build(CLASSES, CHILDREN_SHOWN[:1], COVERAGE, {}).rows
	assert rows[0]["class_title"] == "K1"
