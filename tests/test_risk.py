import datetime

from leftbehind_care.core import risk
from leftbehind_care.core.assessment import HIGH, LOW, MEDIUM

AT = datetime.datetime(2026, 11, 2, 9, 0)
LATER = AT + datetime.timedelta(hours=3)


def test_each_reason_is_found():
	assert risk.reasons(risk.ChildFacts("c")) == ()
	assert risk.reasons(risk.ChildFacts("c", unsupervised=True)) == (risk.UNSUPERVISED,)
	assert risk.reasons(risk.ChildFacts("c", latest_risk=HIGH)) == (risk.HIGH_RISK,)
	assert risk.reasons(risk.ChildFacts("c", latest_risk=MEDIUM)) == ()
	assert risk.reasons(risk.ChildFacts("c", open_incidents=1)) == (risk.OPEN_INCIDENT,)
	assert risk.reasons(risk.ChildFacts("c", open_plans=2)) == (risk.OPEN_PLAN,)
	assert risk.reasons(risk.ChildFacts("c", missed_talk_months=1)) == (risk.OVERDUE_TALKS,)
	everything = risk.ChildFacts("c", True, HIGH, 1, 1, 3)
	assert risk.reasons(everything) == risk.REASONS


def test_the_list_puts_the_most_serious_first():
	children = [
		risk.ChildFacts("calm", latest_risk=LOW),
		risk.ChildFacts("talks", missed_talk_months=2),
		risk.ChildFacts("plan_and_talks", open_plans=1, missed_talk_months=1),
		risk.ChildFacts("high", latest_risk=HIGH),
		risk.ChildFacts("alone", unsupervised=True),
		risk.ChildFacts("high_and_incident", latest_risk=HIGH, open_incidents=1),
	]
	listed = risk.at_risk(children)
	assert [row.facts.child for row in listed] == [
		"alone",
		"high_and_incident",
		"high",
		"plan_and_talks",
		"talks",
	]
	assert listed[1].reasons == (risk.HIGH_RISK, risk.OPEN_INCIDENT)


def test_an_incident_stays_open_until_followed_through():
	done = risk.IncidentState(AT, LATER, False, None, "已送医，家长已回")
	assert not risk.incident_open(done)
	assert risk.incident_open(risk.IncidentState(AT, None, False, None, "已送医"))  # parents not told
	assert risk.incident_open(risk.IncidentState(AT, LATER, False, None, "  "))  # nothing followed
	assert risk.incident_open(risk.IncidentState(AT, LATER, True, None, "已处理"))  # report not made
	assert not risk.incident_open(risk.IncidentState(AT, LATER, True, LATER, "已处理"))
