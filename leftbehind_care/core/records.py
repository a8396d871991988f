"""Rules every record about one child keeps (talks, family contacts, home visits)."""

from __future__ import annotations

import datetime

from leftbehind_care.core.child import ACTIVE, check_not_future
from leftbehind_care.core.errors import RuleError

CHANNELS = ("Phone", "Video", "Letter", "Family Phone", "WeChat", "Parent Meeting")
LIVING_CONDITIONS = ("Good", "Fair", "Poor")


def check_child_in_programme(status: str) -> None:
	if status != ACTIVE:
		raise RuleError("record_child_not_active", status=status)


def check_recorded_on(
	field: str, day: datetime.date, filed_on: datetime.date | None, today: datetime.date
) -> None:
	"""It happened: not in the future, not before the child was filed."""
	check_not_future(field, day, today)
	if filed_on and day < filed_on:
		raise RuleError("record_before_filing", day=day, filed_on=filed_on)


def check_follow_up(follow_up: datetime.date | None, day: datetime.date) -> None:
	if follow_up and follow_up < day:
		raise RuleError("follow_up_before_record", follow_up=follow_up, day=day)


def check_visitors(visitors: str | None) -> None:
	if not (visitors or "").strip():
		raise RuleError("visit_without_visitor")
