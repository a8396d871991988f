"""谈心记录卡: the rules of a talk record."""

from __future__ import annotations

import datetime

from leftbehind_care.core.child import check_not_future
from leftbehind_care.core.errors import RuleError

MOODS = ("Happy", "Calm", "Worried", "Sad", "Angry")


def check_talk(
	day: datetime.date,
	filed_on: datetime.date | None,
	follow_up: datetime.date | None,
	today: datetime.date,
) -> None:
	"""A talk happened: not in the future, not before the child was filed; its follow-up comes
	after it."""
	check_not_future("talk_date", day, today)
	if filed_on and day < filed_on:
		raise RuleError("talk_before_filing", day=day, filed_on=filed_on)
	if follow_up and follow_up < day:
		raise RuleError("follow_up_before_talk", follow_up=follow_up, day=day)


def check_child_in_programme(status: str) -> None:
	if status != "Active":
		raise RuleError("record_child_not_active", status=status)
