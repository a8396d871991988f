"""帮扶方案进展's builder on hand-computed data."""

import datetime

from leftbehind_care.reports.intervention_plan_status import COLUMNS, PlanLine, build

D = datetime.date
TODAY = D(2026, 11, 30)
DRAFTED = D(2026, 11, 20)  # ten days before today
STATES = ["Draft", "Pending Approval", "Rejected", "In Progress", "Under Review", "Closed", "Escalated"]
ZH = {"Draft": "草稿", "In Progress": "实施中", "Closed": "已结案", "Escalated": "已转介"}
TITLES = {"K1": "3年级(1)班"}
NAMES = {"teacher@x.cn": "王老师", "leader@x.cn": "李校长"}


def plan(name, state, drafted_on=DRAFTED, review_overdue=0, care_class="K1", **more):
	values = {
		"child": f"LBC-{name}",
		"child_name": "张三",
		"responsible_teacher": "teacher@x.cn",
		"participating_leader": None,
		"approved_on": None,
		"next_review_on": None,
		**more,
	}
	return PlanLine(
		name=name,
		care_class=care_class,
		workflow_state=state,
		drafted_on=drafted_on,
		review_overdue=review_overdue,
		**values,
	)


def status(plans, moves=()):
	return build(plans, moves, STATES, TODAY, TITLES, NAMES, lambda state: ZH.get(state, state))


def test_a_running_plan_is_open_until_today_and_an_ended_one_until_its_end():
	moves = [
		("IP-2", "In Progress", D(2026, 11, 1)),
		("IP-2", "Closed", D(2026, 11, 10)),
		("IP-2", "Escalated", D(2026, 11, 5)),
		("IP-3", "In Progress", D(2026, 11, 25)),
	]
	report = status(
		[
			plan("IP-1", "In Progress", review_overdue=1),
			plan("IP-2", "Closed", drafted_on=D(2026, 10, 31), review_overdue=1),
			plan("IP-3", "Escalated"),  # its move out of the workflow is not recorded
		],
		moves,
	)
	assert [(r["name"], r["ended_on"], r["days_open"], r["review_overdue"]) for r in report.rows] == [
		("IP-1", None, 10, 1),
		("IP-2", D(2026, 11, 10), 10, 0),  # an ended plan's review is overdue no more
		("IP-3", None, 10, 0),
	]
	assert [(r["state"], r["state_label"]) for r in report.rows] == [
		("In Progress", "实施中"),
		("Closed", "已结案"),
		("Escalated", "已转介"),
	]


def test_a_plan_outside_the_workflow_is_a_draft_and_people_are_named():
	row = status([plan("IP-1", None, participating_leader="leader@x.cn")]).rows[0]
	assert (row["state"], row["state_label"], row["workflow_state"]) == ("Draft", "草稿", None)
	assert (row["responsible_teacher_name"], row["participating_leader_name"]) == ("王老师", "李校长")
	assert row["class_title"] == "3年级(1)班"
	# A user without a full name, or a class without a title, shows as stored; nobody shows nothing.
	row = status([plan("IP-2", "Draft", care_class="K9", responsible_teacher="new@x.cn")]).rows[0]
	assert (row["class_title"], row["responsible_teacher_name"]) == ("K9", "new@x.cn")
	assert row["participating_leader_name"] is None


def test_a_plan_drafted_in_the_future_has_been_open_no_days():
	assert status([plan("IP-1", "Draft", drafted_on=D(2026, 12, 5))]).rows[0]["days_open"] == 0


def test_the_totals_per_state_in_the_workflows_order():
	report = status(
		[
			plan("IP-1", "In Progress", review_overdue=1),
			plan("IP-2", "Closed", drafted_on=D(2026, 10, 31)),
			plan("IP-3", "Draft", drafted_on=D(2026, 11, 25)),
		],
		[("IP-2", "Closed", D(2026, 11, 10))],
	)
	totals = report.totals
	assert list(totals.by_state) == STATES
	assert list(totals.by_state.values()) == [1, 0, 0, 1, 0, 1, 0]
	# The ended plan is not open: the mean is of 10 and 5 days.
	assert (totals.open_plans, totals.overdue_reviews, totals.mean_days_open) == (2, 1, 7.5)


def test_no_plans():
	report = status([], [("IP-9", "Closed", D(2026, 11, 10))])
	assert report.rows == []
	assert (report.totals.open_plans, report.totals.mean_days_open) == (0, None)
	assert set(report.totals.by_state.values()) == {0}


def test_columns_match_the_rows():
	row = status([plan("IP-1", "Draft")]).rows[0]
	fieldnames = [c.fieldname for c in COLUMNS]
	# Beside the columns, the rows keep the plan's stored fields and its state (Draft for none).
	stored = {"child", "care_class", "workflow_state", "responsible_teacher", "participating_leader"}
	assert set(row) == {*fieldnames, *stored, "state"}
	assert COLUMNS[0].as_dict() == {
		"fieldname": "name",
		"label": "Intervention Plan",
		"fieldtype": "Link",
		"width": 140,
		"options": "Intervention Plan",
	}
