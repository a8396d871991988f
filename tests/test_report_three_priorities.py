"""三个优先's builder on hand-computed data."""

from leftbehind_care.core import support as rules
from leftbehind_care.reports.three_priorities import COLUMNS, ChildLine, build

A = ChildLine("LBC-1", "张三", "3年级(1)班")
B = ChildLine("LBC-2", "李四", "3年级(1)班")
C = ChildLine("LBC-3", "王五", "4年级(2)班")


def test_each_child_with_what_they_received_and_who_received_none():
	received = [("LBC-1", rules.TUTORING), ("LBC-1", rules.ACTIVITY_PLACEMENT), ("LBC-3", rules.DAILY_CARE)]
	report = build([A, B, C], received)
	assert (report.children, report.received_none) == (3, 1)
	assert [(r["child"], r["tutoring"], r["daily_care"], r["activity"], r["none"]) for r in report.rows] == [
		("LBC-1", 1, 0, 1, 0),
		("LBC-2", 0, 0, 0, 1),
		("LBC-3", 0, 1, 0, 0),
	]
	assert report.rows[1]["child_name"] == "李四" and report.rows[1]["class_title"] == "3年级(1)班"


def test_gaps_only_lists_the_gaps_and_still_counts_everyone():
	report = build([A, B, C], [("LBC-1", rules.TUTORING)], gaps_only=True)
	assert [r["child"] for r in report.rows] == ["LBC-2", "LBC-3"]
	assert (report.children, report.received_none) == (3, 2)


def test_an_empty_scope_and_a_record_of_a_child_not_in_it():
	assert build([], [("LBC-9", rules.TUTORING)]).rows == []
	report = build([A], [("LBC-9", rules.TUTORING)])
	assert report.received_none == 1 and report.rows[0]["none"] == 1


def test_columns_match_the_rows():
	report = build([A], [])
	assert [c.fieldname for c in COLUMNS] == list(report.rows[0])
	assert COLUMNS[0].as_dict() == {
		"fieldname": "child",
		"label": "Child",
		"fieldtype": "Link",
		"width": 150,
		"options": "Left Behind Child",
	}
