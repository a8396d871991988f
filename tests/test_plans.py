import datetime

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
