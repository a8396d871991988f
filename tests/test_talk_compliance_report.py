import datetime

from leftbehind_care.core.compliance import MET, MISSED, NOT_DUE, OPEN, Records, Talk, child_compliance
from leftbehind_care.core.terms import Term
from leftbehind_care.reports.talk_compliance import ChildLine, build, month_key

D = datetime.date
AUTUMN = Term("2026-2027学年第一学期", D(2026, 9, 1), D(2027, 1, 20))
TODAY = D(2026, 11, 10)


def test_child_by_month_grid_and_sums_per_class_and_teacher():
	lines = [
		ChildLine("C1", "张小明", "S1", "S1-6-1", "t1"),
		ChildLine("C2", "李小红", "S1", "S1-6-1", "t1"),
		ChildLine("C3", "王小刚", "S1", "S1-6-2", "t2"),
	]
	always = [(D(2025, 3, 1), None)]
	results = {
		"C1": child_compliance(
			[AUTUMN], always, Records(talks=[Talk(D(2026, 9, 5)), Talk(D(2026, 10, 5))]), TODAY
		),
		"C2": child_compliance([AUTUMN], always, Records(talks=[Talk(D(2026, 11, 2))]), TODAY),
		# Filed on 25 October: nothing due in October.
		"C3": child_compliance([AUTUMN], [(D(2026, 10, 25), None)], Records(), TODAY),
	}
	report = build(AUTUMN, lines, results)
	assert report.months == [D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1)]
	grid = {row["child"]: [row[month_key(m)] for m in report.months] for row in report.children}
	assert grid == {
		"C1": [MET, MET, OPEN, "", ""],
		"C2": [MISSED, MISSED, MET, "", ""],
		"C3": ["", NOT_DUE, OPEN, "", ""],
	}
	assert {row["child"]: row["rate"] for row in report.children} == {"C1": 100.0, "C2": 33.3, "C3": None}
	classes = {row["care_class"]: row for row in report.classes}
	assert (classes["S1-6-1"]["met"], classes["S1-6-1"]["missed"], classes["S1-6-1"]["open"]) == (3, 2, 1)
	assert classes["S1-6-1"]["children_missing"] == 1 and classes["S1-6-1"]["rate"] == 60.0
	assert classes["S1-6-2"]["rate"] is None
	teachers = {row["teacher"]: row for row in report.teachers}
	assert teachers["t1"]["children"] == 2 and teachers["t2"]["children"] == 1
	assert (report.total.children, report.total.met, report.total.missed) == (3, 3, 2)


def test_each_views_columns_are_in_its_rows():
	"""Every column of a view names a key of its rows; the Script Report adds the names people
	read (the class's title, the teacher's name) to the keys the builder gives."""
	from leftbehind_care.reports.talk_compliance import CLASS_COLUMNS, TEACHER_COLUMNS, child_columns

	lines = [ChildLine("C1", "张小明", "S1", "S1-6-1", "t1")]
	always = [(D(2025, 3, 1), None)]
	report = build(AUTUMN, lines, {"C1": child_compliance([AUTUMN], always, Records(), TODAY)})
	named = {"class_title", "teacher_name"}
	for columns, rows in (
		(child_columns(report.months), report.children),
		(CLASS_COLUMNS, report.classes),
		(TEACHER_COLUMNS, report.teachers),
	):
		assert {c.fieldname for c in columns} <= set(rows[0]) | named
	assert [c.label for c in child_columns(report.months)][4:9] == [f"{m:%Y-%m}" for m in report.months]


def test_a_leaver_a_joiner_and_a_child_who_changed_class():
	"""A child who left on 20 October owes September and October (two school weeks in it) and
	nothing after; one who joined on 20 November owes nothing in November; a child who moved to
	another class is summed under the class they are in now, with all their months."""
	left = [(D(2025, 3, 1), D(2026, 10, 19))]
	joined = [(D(2026, 11, 20), None)]
	always = [(D(2025, 3, 1), None)]
	results = {
		"L": child_compliance([AUTUMN], left, Records(talks=[Talk(D(2026, 9, 3))]), TODAY),
		"J": child_compliance([AUTUMN], joined, Records(), TODAY),
		"M": child_compliance([AUTUMN], always, Records(talks=[Talk(D(2026, 9, 9))]), TODAY),
	}
	lines = [
		ChildLine("L", "离校生", "S1", "S1-6-1", "t1"),
		ChildLine("J", "插班生", "S1", "S1-6-1", "t1"),
		ChildLine("M", "转班生", "S1", "S1-6-2", "t2"),  # in 6-1 until October, 6-2 now
	]
	report = build(AUTUMN, lines, results)
	grid = {row["child"]: [row[month_key(m)] for m in report.months[:3]] for row in report.children}
	assert grid["L"] == [MET, MISSED, NOT_DUE]
	assert grid["J"] == ["", "", NOT_DUE]
	assert grid["M"] == [MET, MISSED, OPEN]
	classes = {row["care_class"]: row for row in report.classes}
	assert (classes["S1-6-1"]["children"], classes["S1-6-1"]["missed"]) == (2, 1)
	assert (classes["S1-6-2"]["children"], classes["S1-6-2"]["met"], classes["S1-6-2"]["missed"]) == (1, 1, 1)
