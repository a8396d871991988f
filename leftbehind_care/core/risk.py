"""Children at risk (重点关注儿童): who among the children a person looks after needs attention now,
and why, for the At-Risk Children report."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.assessment import HIGH

# Why a child is on the list, most serious first.
UNSUPERVISED = "Unsupervised"  # under 16 with no adult guardian able to care (无人监护)
HIGH_RISK = "High Risk"  # the latest assessment is high risk
OPEN_INCIDENT = "Open Incident"  # a major incident not yet followed through
OPEN_PLAN = "Open Plan"  # an intervention plan under way
OVERDUE_TALKS = "Overdue Talks"  # a month of this term passed without the class teacher's talk
REASONS = (UNSUPERVISED, HIGH_RISK, OPEN_INCIDENT, OPEN_PLAN, OVERDUE_TALKS)


@dataclass(frozen=True)
class ChildFacts:
	child: str
	unsupervised: bool = False
	latest_risk: str | None = None  # risk level of the child's latest assessment
	open_incidents: int = 0
	open_plans: int = 0
	missed_talk_months: int = 0


@dataclass(frozen=True)
class AtRisk:
	facts: ChildFacts
	reasons: tuple[str, ...]


def reasons(facts: ChildFacts) -> tuple[str, ...]:
	found = {
		UNSUPERVISED: facts.unsupervised,
		HIGH_RISK: facts.latest_risk == HIGH,
		OPEN_INCIDENT: facts.open_incidents > 0,
		OPEN_PLAN: facts.open_plans > 0,
		OVERDUE_TALKS: facts.missed_talk_months > 0,
	}
	return tuple(reason for reason in REASONS if found[reason])


def at_risk(children: Iterable[ChildFacts]) -> list[AtRisk]:
	"""The children with at least one reason, the most serious first: by their most serious reason,
	then by how many reasons they have; the order given breaks ties."""
	listed = [AtRisk(facts, found) for facts in children if (found := reasons(facts))]
	return sorted(listed, key=lambda row: (REASONS.index(row.reasons[0]), -len(row.reasons)))


@dataclass(frozen=True)
class IncidentState:
	occurred_at: datetime.datetime
	parents_notified_at: datetime.datetime | None
	mandatory_report: bool  # the kind is one that must be reported to the authorities
	reported_at: datetime.datetime | None
	follow_up: str | None


def incident_open(incident: IncidentState) -> bool:
	"""An incident stays open until the parents are told, the report is made where one is due, and
	the follow-up taken is recorded."""
	return (
		incident.parents_notified_at is None
		or (incident.mandatory_report and incident.reported_at is None)
		or not (incident.follow_up or "").strip()
	)
