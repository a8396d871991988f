"""Support around the child: the three priorities (三个优先), boarding, aid and the care funds of a
school's term. Framework-free; the DocTypes `Priority Support`, `Boarding Record`, `Aid Record` and
`Care Fund Entry` apply these rules."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from leftbehind_care.core.child import ACTIVE, CAPACITY_GOOD
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.terms import Term

# ---- the three priorities (三个优先)

TUTORING = "Tutoring"  # 学习上优先辅导
DAILY_CARE = "Daily-Life Care"  # 生活上优先照顾
ACTIVITY_PLACEMENT = "Activity Placement"  # 活动上优先安排
PRIORITIES = (TUTORING, DAILY_CARE, ACTIVITY_PLACEMENT)


def check_priority_kind(kind: str) -> None:
	if kind not in PRIORITIES:
		raise RuleError("priority_kind_unknown", kind=kind)


@dataclass(frozen=True)
class PriorityGap:
	child: str
	missing: tuple[str, ...]  # the priorities the child did not receive in the term, in order


def priority_gaps(active_children: Iterable[str], received: Iterable[tuple[str, str]]) -> list[PriorityGap]:
	"""The children who received none of the three priorities in the term, for their class teacher;
	`received` is (child, kind) of the term's Priority Support records."""
	kinds: dict[str, set[str]] = {}
	for child, kind in received:
		kinds.setdefault(child, set()).add(kind)
	return [PriorityGap(child, PRIORITIES) for child in active_children if not kinds.get(child)]


def priorities_received(kinds: Iterable[str]) -> dict[str, bool]:
	"""Which of the three a child received this term, for the child's form."""
	got = set(kinds)
	return {kind: kind in got for kind in PRIORITIES}


# ---- boarding (寄宿)


def check_boarding_term(
	term: Term, active_periods: Iterable[tuple[datetime.date, datetime.date | None]]
) -> None:
	"""A boarding record is for a term in which the child was in the programme on some day
	(`active_periods` are (from, to or None) of the child's status log)."""
	for start, end in active_periods:
		if start <= term.end and (end is None or end >= term.start):
			return
	raise RuleError("boarding_child_not_active", term=term.name)


@dataclass(frozen=True)
class BoardingFacts:
	child: str
	school: str
	status: str
	is_boarding: bool
	guardian_capacities: tuple[str, ...]
	distance_km: float | None


def mobilisation_reasons(child: BoardingFacts, far_km: float) -> tuple[str, ...]:
	"""Why an active child who does not board should be asked to: no guardian able to care (all weak
	or none), or a home at least `far_km` from school."""
	if child.status != ACTIVE or child.is_boarding:
		return ()
	reasons = []
	if not any(c == CAPACITY_GOOD for c in child.guardian_capacities):
		reasons.append("Weak Guardianship")
	if child.distance_km is not None and child.distance_km >= far_km:
		reasons.append("Far From School")
	return tuple(reasons)


def boarding_mobilisation(
	children: Iterable[BoardingFacts], far_km: float
) -> list[tuple[BoardingFacts, tuple[str, ...]]]:
	"""The boarding mobilisation list (动员寄宿): weak guardianship first, then by distance."""
	listed = [(c, found) for c in children if (found := mobilisation_reasons(c, far_km))]
	return sorted(listed, key=lambda row: ("Weak Guardianship" not in row[1], -(row[0].distance_km or 0)))


@dataclass(frozen=True)
class BoardingShare:
	school: str
	left_behind: int
	left_behind_boarding: int
	pupils: int | None  # all pupils of the school this term, where entered
	pupils_boarding: int | None

	@property
	def left_behind_share(self) -> float | None:
		return percent(self.left_behind_boarding, self.left_behind)

	@property
	def pupils_share(self) -> float | None:
		if self.pupils is None or self.pupils_boarding is None:
			return None
		return percent(self.pupils_boarding, self.pupils)


def boarding_shares(
	children: Iterable[BoardingFacts], pupils: dict[str, tuple[int, int]]
) -> list[BoardingShare]:
	"""Per school: how many active left-behind children board, and, where the school entered its
	pupils and boarders for the term, the share among all pupils."""
	counts: Counter = Counter()
	boarding: Counter = Counter()
	for child in children:
		if child.status != ACTIVE:
			continue
		counts[child.school] += 1
		boarding[child.school] += child.is_boarding
	return [
		BoardingShare(school, counts[school], boarding[school], *(pupils.get(school) or (None, None)))
		for school in sorted(set(counts) | set(pupils))
	]


def percent(part: float, whole: float) -> float | None:
	return round(100 * part / whole, 1) if whole else None


# ---- aid (资助) and care funds (经费)

AID_KINDS = (
	"Compulsory Education Guarantee",  # 义务教育保障/两免一补
	"Nutrition Meals",  # 营养餐
	"Grant",  # 助学金
	"School Funds",  # 学校经费资助
	"Social Donation",  # 社会捐助
	"Goods",  # 物资
)
DONATION = "Social Donation"
GOODS = "Goods"


def check_aid(kind: str, amount: Decimal | None, items: str | None, donor: str | None) -> None:
	"""Aid is money (a positive amount) or goods (what was given); a donation names its donor."""
	if kind not in AID_KINDS:
		raise RuleError("aid_kind_unknown", kind=kind)
	if amount is not None and amount <= 0:
		raise RuleError("aid_amount_not_positive", amount=amount)
	if kind == GOODS:
		if not (items or "").strip():
			raise RuleError("aid_items_missing")
	elif not amount:
		raise RuleError("aid_amount_missing")
	if kind == DONATION and not (donor or "").strip():
		raise RuleError("aid_donor_missing")


FUND_USES = ("Boarding Improvement", "Aid", "Activities")  # 寄宿条件改善, 资助, 关爱活动


@dataclass(frozen=True)
class FundLine:
	use: str
	allocated: Decimal
	spent: Decimal


def check_funds(lines: Iterable[FundLine]) -> None:
	"""Each use of the term's public funds: nothing negative, nothing spent above what was allocated."""
	for line in lines:
		if line.allocated < 0 or line.spent < 0:
			raise RuleError("fund_negative", use=line.use)
		if line.spent > line.allocated:
			raise RuleError("fund_overspent", use=line.use, allocated=line.allocated, spent=line.spent)


def fund_share(public_funds: Decimal, lines: Iterable[FundLine]) -> float | None:
	"""The share of the school's public funds (公用经费) of the term spent on left-behind children
	(boarding, aid and activities), as the term summary states it."""
	spent = sum((line.spent for line in lines), Decimal(0))
	if not public_funds:
		return None
	return round(float(100 * spent / public_funds), 1)
