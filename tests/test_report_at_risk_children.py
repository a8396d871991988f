"""重点关注儿童's builder on hand-computed data."""

import datetime

import pytest

from leftbehind_care.core import risk as rules
from leftbehind_care.reports.at_risk_children import COLUMNS, Assessment, ChildLine, OpenPlan, build

D = datetime.date
REASONS = {
	rules.UNSUPERVISED: "无有效监护",
	rules.HIGH_RISK: "评估为高风险",
	rules.OPEN_INCIDENT: "重大事项未处理完毕",
	rules.OPEN_PLAN: "个别教育管理方案未结束",
	rules.OVERDUE_TALKS: "谈心逾期",
}
ZH = {"High": "高", "Medium": "中", "Draft": "草案", "In Progress": "实施中"}
NONE = dict.fromkeys(rules.REASONS, 0)


def child(n: int, unsupervised: bool = False) -> ChildLine:
	return ChildLine(f"LBC-{n}", f"张{'一二三四五六七'[n - 1]}", "3年级(1)班", unsupervised)


# In the order the report reads them (school, class, name), which is not the order of seriousness.
CHILDREN = [child(1), child(2), child(3), child(4), child(5), child(6, unsupervised=True), child(7)]
ASSESSMENTS = {"LBC-5": Assessment("High", D(2026, 11, 2)), "LBC-7": Assessment("Medium", D(2026, 11, 3))}
PLANS = {"LBC-2": OpenPlan("IP-2", "In Progress"), "LBC-5": OpenPlan("IP-5", None)}  # IP-5: a draft
INCIDENTS = {"LBC-3": 1, "LBC-4": 2}
MISSED = {"LBC-1": 2, "LBC-4": 1}


def at_risk(
	children=CHILDREN, assessments=ASSESSMENTS, plans=PLANS, incidents=INCIDENTS, missed=MISSED, **kw
):
	return build(children, assessments, plans, incidents, missed, REASONS, lambda s: ZH.get(s, s), **kw)


def test_the_most_serious_first_then_the_one_with_more_reasons():
	report = at_risk()
	assert [(r["child"], r["reasons"]) for r in report.rows] == [
		("LBC-6", "无有效监护"),
		("LBC-5", "评估为高风险、个别教育管理方案未结束"),
		("LBC-4", "重大事项未处理完毕、谈心逾期"),  # two reasons before LBC-3's one
		("LBC-3", "重大事项未处理完毕"),
		("LBC-2", "个别教育管理方案未结束"),
		("LBC-1", "谈心逾期"),
	]  # LBC-7's medium risk lists no one
	assert (report.listed, report.children) == (6, 7)
	assert report.by_reason == {
		rules.UNSUPERVISED: 1,
		rules.HIGH_RISK: 1,
		rules.OPEN_INCIDENT: 2,
		rules.OPEN_PLAN: 2,
		rules.OVERDUE_TALKS: 2,
	}
	assert list(report.by_reason) == list(rules.REASONS)


def test_a_row_with_its_assessment_and_a_plan_still_in_draft():
	rows = {r["child"]: r for r in at_risk().rows}
	assert rows["LBC-5"] == {
		"child": "LBC-5",
		"child_name": "张五",
		"class_title": "3年级(1)班",
		"reasons": "评估为高风险、个别教育管理方案未结束",
		"unsupervised": 0,
		"risk_level": "高",
		"assessed_on": D(2026, 11, 2),
		"intervention_plan": "IP-5",
		"plan_status": "草案",  # not yet in the workflow
		"open_incidents": 0,
		"missed_talk_months": 0,
	}
	assert rows["LBC-2"]["plan_status"] == "实施中"
	assert (rows["LBC-4"]["open_incidents"], rows["LBC-4"]["missed_talk_months"]) == (2, 1)
	unsupervised = rows["LBC-6"]
	assert unsupervised["unsupervised"] == 1
	assert [unsupervised[k] for k in ("risk_level", "assessed_on", "intervention_plan", "plan_status")] == [
		"",
		None,
		None,
		"",
	]


@pytest.mark.parametrize(
	"line, assessments, plans, incidents, missed, reason",
	[
		(child(1, unsupervised=True), {}, {}, {}, {}, rules.UNSUPERVISED),
		(child(1), {"LBC-1": Assessment("High", D(2026, 11, 2))}, {}, {}, {}, rules.HIGH_RISK),
		(child(1), {}, {}, {"LBC-1": 1}, {}, rules.OPEN_INCIDENT),
		(child(1), {}, {"LBC-1": OpenPlan("IP-1", "In Progress")}, {}, {}, rules.OPEN_PLAN),
		(child(1), {}, {}, {}, {"LBC-1": 1}, rules.OVERDUE_TALKS),
	],
)
def test_each_reason_lists_the_child_alone(line, assessments, plans, incidents, missed, reason):
	report = at_risk([line], assessments, plans, incidents, missed)
	assert [(r["child"], r["reasons"]) for r in report.rows] == [("LBC-1", REASONS[reason])]
	assert report.by_reason == {**NONE, reason: 1}


def test_nothing_to_report_lists_no_one():
	quiet = at_risk([child(1)], {"LBC-1": Assessment("Low", D(2026, 11, 2))}, {}, {"LBC-1": 0}, {"LBC-1": 0})
	assert (quiet.rows, quiet.listed, quiet.children, quiet.by_reason) == ([], 0, 1, NONE)


def test_the_reason_filter_lists_its_children_and_counts_only_them():
	report = at_risk(reason=rules.OPEN_PLAN)
	assert [r["child"] for r in report.rows] == ["LBC-5", "LBC-2"]
	assert (report.listed, report.children) == (2, 7)
	assert report.by_reason == {**NONE, rules.HIGH_RISK: 1, rules.OPEN_PLAN: 2}


def test_an_empty_scope_and_the_facts_of_a_child_not_in_it():
	elsewhere = (
		{"LBC-9": Assessment("High", D(2026, 11, 2))},
		{"LBC-9": OpenPlan("IP-9", "In Progress")},
		{"LBC-9": 3},
		{"LBC-9": 2},
	)
	empty = at_risk([], *elsewhere)
	assert (empty.rows, empty.listed, empty.children, empty.by_reason) == ([], 0, 0, NONE)
	report = at_risk([child(7)], *elsewhere)
	assert (report.rows, report.listed, report.children, report.by_reason) == ([], 0, 1, NONE)


def test_columns_match_the_rows():
	rows = at_risk().rows
	assert all([c.fieldname for c in COLUMNS] == list(row) for row in rows)
	plan = next(c for c in COLUMNS if c.fieldname == "intervention_plan")
	assert plan.as_dict() == {
		"fieldname": "intervention_plan",
		"label": "Intervention Plan",
		"fieldtype": "Link",
		"width": 140,
		"options": "Intervention Plan",
	}
