import datetime

from leftbehind_care.core import plans
from leftbehind_care.core.plans import PlanFacts, next_review_on, overdue_reviews, review_key

D = datetime.date


def test_a_running_plan_is_reviewed_after_its_last_review_or_its_approval():
	assert next_review_on("In Progress", D(2026, 9, 1), [], 30) == D(2026, 10, 1)
	assert next_review_on("Under Review", D(2026, 9, 1), [D(2026, 10, 3), D(2026, 9, 20)], 30) == D(
		2026, 11, 2
	)


def test_a_plan_not_running_has_no_review_due():
	for state in ("Draft", "Pending Approval", "Rejected", "Closed", "Escalated"):
		assert next_review_on(state, D(2026, 9, 1), [], 30) is None
	assert next_review_on("In Progress", None, [], 30) is None
	assert next_review_on("In Progress", D(2026, 9, 1), [], 0) is None


def test_overdue_reviews_are_reminded_once():
	today = D(2026, 11, 29)
	plans = [
		PlanFacts("IP-1", "In Progress", D(2026, 11, 28)),  # due yesterday
		PlanFacts("IP-2", "In Progress", today),  # due today: not overdue yet
		PlanFacts("IP-3", "Closed", D(2026, 10, 1)),  # over
		PlanFacts("IP-4", "Under Review", D(2026, 11, 1)),
		PlanFacts("IP-5", "In Progress", None),
	]
	assert [p.name for p in overdue_reviews(plans, today, set())] == ["IP-1", "IP-4"]
	sent = {review_key("IP-1", D(2026, 11, 28))}
	assert [p.name for p in overdue_reviews(plans, today, sent)] == ["IP-4"]
	# A later review day of the same plan is a new reminder.
	assert review_key("IP-1", D(2026, 11, 28)) != review_key("IP-1", D(2026, 12, 28))


def test_an_ended_plan_ends_on_its_last_move_into_an_ended_state():
	moves = [
		("Pending Approval", datetime.date(2026, 9, 1)),
		("In Progress", datetime.date(2026, 9, 3)),
		("Closed", datetime.date(2026, 11, 20)),
	]
	assert plans.ended_on("Closed", moves) == datetime.date(2026, 11, 20)
	assert plans.ended_on("In Progress", moves) is None
	assert plans.ended_on("Escalated", [("Escalated", datetime.date(2026, 10, 1))]) == datetime.date(
		2026, 10, 1
	)
	assert plans.ended_on("Closed", []) is None  # ended without a recorded move: counted to today


def test_days_open_run_from_drafting_to_the_end_or_today():
	drafted, today = datetime.date(2026, 9, 1), datetime.date(2026, 11, 29)
	assert plans.days_open(drafted, None, today) == 89
	assert plans.days_open(drafted, datetime.date(2026, 9, 11), today) == 10
	assert plans.days_open(today, None, today) == 0


def test_status_totals():
	states = ("Draft", "Pending Approval", "In Progress", "Closed")
	totals = plans.status_totals(
		[("Draft", False, 3), ("In Progress", True, 40), ("In Progress", False, 20), ("Closed", True, 100)],
		states,
	)
	assert totals.by_state == {"Draft": 1, "Pending Approval": 0, "In Progress": 2, "Closed": 1}
	assert list(totals.by_state) == list(states)
	assert totals.open_plans == 3
	assert totals.overdue_reviews == 1  # a closed plan's old flag does not count
	assert totals.mean_days_open == 21.0
	assert plans.status_totals([], states).mean_days_open is None


def test_a_submitted_plan_is_told_to_the_leader_who_takes_part_if_they_may_approve_it():
	common = dict(actor="t@x", county=["admin@x"], drafter="t@x", submitter="t@x")
	told = plans.told_of_move
	assert told("Draft", "Pending Approval", participating_leader="l1", approvers=["l1", "l2"], **common) == [
		"l1"
	]
	# The participating leader drafted it: the other leaders decide.
	assert told("Draft", "Pending Approval", participating_leader="l1", approvers=["l2", "l3"], **common) == [
		"l2",
		"l3",
	]
	# No leader may: the county.
	assert told("Draft", "Pending Approval", participating_leader="l1", approvers=[], **common) == ["admin@x"]


def test_an_approval_or_rejection_is_told_to_the_drafter_and_submitter_not_the_one_who_moved_it():
	args = dict(participating_leader="l1", approvers=["l1"], county=[], drafter="c@x", submitter="t@x")
	assert plans.told_of_move("Pending Approval", "In Progress", actor="l1", **args) == ["c@x", "t@x"]
	assert plans.told_of_move("Pending Approval", "Rejected", actor="c@x", **args) == ["t@x"]
	assert plans.told_of_move("In Progress", "Under Review", actor="t@x", **args) == []
