"""教育局总览's builder on hand-computed data."""

import datetime

from leftbehind_care.reports.bureau_overview import COLUMNS, MEASURES, SchoolTerm, build, chart

DAY = datetime.date(2026, 12, 4)


def term_of(school, term, all_five, talks=90.0, state="Submitted", **more):
	figures = {"have_all_five": all_five, "talks_rate": talks, "children_end": 100, **more}
	return SchoolTerm(school, term, state, DAY, figures)


SUMMARIES = [
	term_of("甲校", "T2", 40.0, talks=95.0),
	term_of("乙校", "T2", 25.0, talks=80.0, state="Draft"),
	term_of("丙校", "T2", 60.0, talks=80.0),
	term_of("甲校", "T1", 30.0),
	term_of("甲校", "T0", 20.0),
	term_of("乙校", "T0", 35.0),
]


def test_schools_weakest_first_with_their_trend():
	overview = build("T2", ["T0", "T1"], SUMMARIES, ["甲校", "乙校", "丙校", "丁校"])
	assert [row["school"] for row in overview.rows] == ["乙校", "甲校", "丙校"]
	by_school = {row["school"]: row for row in overview.rows}
	assert by_school["甲校"]["trend"] == "20% → 30% → 40%"
	assert by_school["乙校"]["trend"] == "35% → 25%"  # no summary of T1
	assert by_school["丙校"]["trend"] == "60%"
	assert by_school["乙校"]["workflow_state"] == "Draft"
	assert overview.schools_without_summary == ["丁校"]
	assert {c.fieldname for c in COLUMNS} >= set(by_school["甲校"])


def test_the_weakest_on_each_measure_ties_included_and_none_when_all_alike():
	overview = build("T2", [], SUMMARIES, ["甲校", "乙校", "丙校"], label=lambda t: f"<{t}>")
	by_school = {row["school"]: row for row in overview.rows}
	assert by_school["乙校"]["weakest"] == "<Talk Compliance>、<All Five Haves>"
	assert by_school["丙校"]["weakest"] == "<Talk Compliance>"  # tied lowest
	assert by_school["甲校"]["weakest"] == ""
	# Every school at the same contact rate (0: missing): nobody is weakest on it.
	assert all("Family Contact" not in row["weakest"] for row in overview.rows)
	assert by_school["乙校"]["workflow_state"] == "<Draft>"


def test_one_school_or_none():
	alone = build("T2", [], SUMMARIES[:1], ["甲校"])
	assert alone.rows[0]["weakest"] == "" and alone.rows[0]["have_all_five"] == 40.0
	empty = build("T9", ["T2"], SUMMARIES, ["甲校"])
	assert empty.rows == [] and empty.schools_without_summary == ["甲校"]
	assert len(MEASURES) == 8


def test_the_chart_a_bar_per_term_weakest_school_first():
	overview = build("T2", ["T0", "T1"], SUMMARIES, ["甲校", "乙校", "丙校", "丁校"])
	drawn = chart(overview, ["T0", "T1", "T2"])
	assert drawn["type"] == "bar" and (drawn["animate"], drawn["disableEntryAnimation"]) == (0, 1)
	assert drawn["data"]["labels"] == ["乙校", "甲校", "丙校"]
	assert [(d["name"], d["values"]) for d in drawn["data"]["datasets"]] == [
		("T0", [35.0, 20.0, 0]),
		("T1", [0, 30.0, 0]),  # only 甲校 summed T1 up
		("T2", [25.0, 40.0, 60.0]),
	]
	# A term nobody summed up has no bar; no school, no chart.
	assert [
		d["name"] for d in chart(build("T2", [], SUMMARIES[:3], ["甲校"]), ["T1", "T2"])["data"]["datasets"]
	] == ["T2"]
	assert chart(build("T9", [], SUMMARIES, ["甲校"]), ["T9"]) is None
