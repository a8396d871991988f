"""Safety of the school and its surroundings (安全排查): inspections, their hazards, and which hazards
are overdue (past their deadline, neither fixed nor reported to the responsible department).
Framework-free; the DocType `Safety Inspection` applies these rules."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError

AREAS = (
	"Campus",
	"Surroundings",
	"Traffic",
	"Water",
	"Canteen",
	"Dormitory",
)  # 校园 周边 交通 水域 食堂 宿舍
RISK_LEVELS = ("Low", "Medium", "High")


@dataclass(frozen=True)
class Hazard:
	row: int
	found_on: datetime.date  # the inspection's date
	deadline: datetime.date | None
	fixed_on: datetime.date | None
	reported_to: str | None
	reported_on: datetime.date | None


def check_hazard(hazard: Hazard, today: datetime.date) -> None:
	"""A hazard is fixed on or after it was found and not in the future; a report says to which
	department and when (on or after it was found); a deadline is not before it was found."""
	if hazard.deadline and hazard.deadline < hazard.found_on:
		raise RuleError("hazard_deadline_before_found", row=hazard.row)
	if hazard.fixed_on:
		if hazard.fixed_on < hazard.found_on:
			raise RuleError("hazard_fixed_before_found", row=hazard.row, fixed_on=hazard.fixed_on)
		if hazard.fixed_on > today:
			raise RuleError("hazard_fixed_in_future", row=hazard.row, fixed_on=hazard.fixed_on)
	if bool((hazard.reported_to or "").strip()) != bool(hazard.reported_on):
		raise RuleError("hazard_report_incomplete", row=hazard.row)
	if hazard.reported_on and not hazard.found_on <= hazard.reported_on <= today:
		raise RuleError("hazard_report_date_invalid", row=hazard.row, reported_on=hazard.reported_on)


def is_settled(hazard: Hazard) -> bool:
	"""Fixed, or handed to the responsible department (reported)."""
	return bool(hazard.fixed_on or hazard.reported_on)


def is_overdue(hazard: Hazard, today: datetime.date) -> bool:
	return not is_settled(hazard) and hazard.deadline is not None and hazard.deadline < today


def overdue_hazards(hazards: Iterable[tuple[str, Hazard]], today: datetime.date, sent: set[str]) -> list[str]:
	"""(key, hazard) pairs: the keys of the overdue hazards whose alert has not been sent."""
	return [key for key, hazard in hazards if is_overdue(hazard, today) and key not in sent]


def hazard_key(inspection: str, row_name: str) -> str:
	"""One hazard's alert, sent once."""
	return f"hazard:{inspection}:{row_name}"
