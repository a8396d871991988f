"""五有: the five goals the bureau's report sets for every left-behind child, decided for one child
on one day from the records (the README states each rule; its number is in Care Settings).

- 学业有教 (study): a mentor pairing with a study focus active on the day, or tutoring among the
  term's three priorities.
- 监护有人 (guardianship): a guardian able to care (capacity good or weak, not none) with a phone.
- 安全有保 (safety): no incident of the child still without a follow-up, and no safety hazard
  naming the child past its deadline and not fixed by the day.
- 亲情有护 (family): a contact with a parent (father, mother or both) within `parent_contact_days`
  days before the day.
- 活动有地 (activity): took part in a care activity this term, by the day.

Each unmet goal comes with its gaps: a stable code and the values it names, which the Frappe side
turns into a sentence in the reader's language."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

STUDY = "study"
GUARDIANSHIP = "guardianship"
SAFETY = "safety"
FAMILY = "family"
ACTIVITY = "activity"
HAVES = (STUDY, GUARDIANSHIP, SAFETY, FAMILY, ACTIVITY)

# A pairing's focus that makes it a study mentor, and the priority kind that is tutoring.
STUDY_FOCUS = "Study"
TUTORING = "Tutoring"
# The guardians' capacities that can care for a child (Child Guardian.capacity).
ABLE_CAPACITIES = frozenset({"Good", "Weak"})
# The family contacts that reach a parent (Family Contact.with_whom).
PARENTS = frozenset({"Father", "Mother", "Both Parents"})

# Gap codes, by the goal they leave unmet.
NO_STUDY_SUPPORT = "no_study_support"
NO_GUARDIAN = "no_guardian"
NO_ABLE_GUARDIAN = "no_able_guardian"
NO_GUARDIAN_PHONE = "no_guardian_phone"
OPEN_INCIDENTS = "open_incidents"  # count
OVERDUE_HAZARDS = "overdue_hazards"  # count
NO_PARENT_CONTACT = "no_parent_contact"
PARENT_CONTACT_STALE = "parent_contact_stale"  # days since the last one
NO_ACTIVITY = "no_activity"


@dataclass(frozen=True)
class Gap:
	have: str
	code: str
	count: int | None = None  # what the code counts: incidents, hazards, days


@dataclass
class Facts:
	"""What the records say of one child on the day (gathered by `facts_by_child`)."""

	study_pairing: bool = False
	tutoring: bool = False
	guardians: list[tuple[str | None, str | None]] = field(default_factory=list)  # (capacity, phone)
	open_incidents: int = 0
	overdue_hazards: int = 0
	last_parent_contact: datetime.date | None = None
	activities: int = 0


@dataclass(frozen=True)
class Coverage:
	haves: dict[str, bool]
	gaps: tuple[Gap, ...]

	@property
	def all_five(self) -> bool:
		return all(self.haves.values())


def pairing_active(status: str | None, from_date, to_date, on: datetime.date) -> bool:
	"""A pairing counts on `on` when it had begun and not yet ended (an ended pairing without an
	end date is over)."""
	if from_date and from_date > on:
		return False
	if to_date:
		return on <= to_date
	return status != "Ended"


def hazard_overdue(deadline, fixed_on, on: datetime.date) -> bool:
	"""Past its deadline on `on` and not fixed by then."""
	return bool(deadline) and deadline < on and (not fixed_on or fixed_on > on)


def hazard_children(affected: str | None) -> list[str]:
	"""The file numbers a hazard names (one per line, or separated by commas)."""
	return [part.strip() for part in (affected or "").replace(",", "\n").splitlines() if part.strip()]


def judge(facts: Facts, on: datetime.date, parent_contact_days: int) -> Coverage:
	gaps: list[Gap] = []
	if not (facts.study_pairing or facts.tutoring):
		gaps.append(Gap(STUDY, NO_STUDY_SUPPORT))
	if not facts.guardians:
		gaps.append(Gap(GUARDIANSHIP, NO_GUARDIAN))
	else:
		able = [phone for capacity, phone in facts.guardians if capacity in ABLE_CAPACITIES]
		if not able:
			gaps.append(Gap(GUARDIANSHIP, NO_ABLE_GUARDIAN))
		elif not any((phone or "").strip() for phone in able):
			gaps.append(Gap(GUARDIANSHIP, NO_GUARDIAN_PHONE))
	if facts.open_incidents:
		gaps.append(Gap(SAFETY, OPEN_INCIDENTS, facts.open_incidents))
	if facts.overdue_hazards:
		gaps.append(Gap(SAFETY, OVERDUE_HAZARDS, facts.overdue_hazards))
	last = facts.last_parent_contact
	if last is None or last > on:
		gaps.append(Gap(FAMILY, NO_PARENT_CONTACT))
	elif (on - last).days > parent_contact_days:
		gaps.append(Gap(FAMILY, PARENT_CONTACT_STALE, (on - last).days))
	if not facts.activities:
		gaps.append(Gap(ACTIVITY, NO_ACTIVITY))
	unmet = {gap.have for gap in gaps}
	return Coverage({have: have not in unmet for have in HAVES}, tuple(gaps))


def facts_by_child(
	children: Iterable[str],
	on: datetime.date,
	*,
	pairings: Iterable[tuple] = (),
	tutored: Iterable[str] = (),
	guardians: Iterable[tuple] = (),
	incidents: Iterable[tuple] = (),
	hazards: Iterable[tuple] = (),
	parent_contacts: Iterable[tuple] = (),
	activities: Iterable[tuple] = (),
) -> dict[str, Facts]:
	"""Each child's facts on `on`, from the rows of their records (rows of other children are
	ignored):
	- `pairings`: (child, status, focus, from_date, to_date)
	- `tutored`: the children with tutoring among the term's priorities
	- `guardians`: (child, capacity, phone), a row of the child's guardians table each
	- `incidents`: (child, occurred on, has a follow-up)
	- `hazards`: (affected children as written, deadline, fixed_on)
	- `parent_contacts`: (child, date of a contact with a parent) — the latest one is enough
	- `activities`: (child, activity date) of the term's care activities"""
	facts = {child: Facts() for child in children}
	for child, status, focus, from_date, to_date in pairings:
		if child in facts and focus == STUDY_FOCUS and pairing_active(status, from_date, to_date, on):
			facts[child].study_pairing = True
	for child in tutored:
		if child in facts:
			facts[child].tutoring = True
	for child, capacity, phone in guardians:
		if child in facts:
			facts[child].guardians.append((capacity, phone))
	for child, occurred_on, followed_up in incidents:
		if child in facts and not followed_up and (occurred_on is None or occurred_on <= on):
			facts[child].open_incidents += 1
	for affected, deadline, fixed_on in hazards:
		if hazard_overdue(deadline, fixed_on, on):
			for child in set(hazard_children(affected)):
				if child in facts:
					facts[child].overdue_hazards += 1
	for child, contact_date in parent_contacts:
		if child in facts and contact_date and contact_date <= on:
			current = facts[child].last_parent_contact
			if current is None or contact_date > current:
				facts[child].last_parent_contact = contact_date
	for child, activity_date in activities:
		if child in facts and (activity_date is None or activity_date <= on):
			facts[child].activities += 1
	return facts


@dataclass
class Shares:
	"""How many of a group's children have each of the five, and all five."""

	children: int = 0
	met: dict[str, int] = field(default_factory=lambda: dict.fromkeys(HAVES, 0))
	all_five: int = 0

	def add(self, coverage: Coverage) -> None:
		self.children += 1
		for have, yes in coverage.haves.items():
			self.met[have] += int(yes)
		self.all_five += int(coverage.all_five)

	def share(self, have: str | None = None) -> float:
		"""Percent (0–100, one decimal) of the children with `have`, or with all five."""
		if not self.children:
			return 0.0
		count = self.all_five if have is None else self.met[have]
		return round(100.0 * count / self.children, 1)
