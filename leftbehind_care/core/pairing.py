"""结对帮扶 "一对一": who helps a child, and the rules a pairing keeps.

A mentor is a member of staff who logs in (a user), or a volunteer (爱心人士), a peer student
(优秀学生) or a proxy parent (代理家长) known by name and phone. The same person is recognised
by their user, or else by their phone.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.child import check_not_future
from leftbehind_care.core.errors import RuleError

STAFF = "Staff"
VOLUNTEER = "Volunteer"
PEER_STUDENT = "Peer Student"
PROXY_PARENT = "Proxy Parent"
MENTOR_KINDS = (STAFF, VOLUNTEER, PEER_STUDENT, PROXY_PARENT)

ACTIVE = "Active"
ENDED = "Ended"


@dataclass(frozen=True)
class Mentor:
	kind: str
	user: str | None = None
	name: str | None = None
	phone: str | None = None
	school: str | None = None  # a peer student's school

	@property
	def key(self) -> str:
		"""Who the mentor is, whatever the pairing calls them."""
		return f"user:{self.user}" if self.user else f"phone:{self.phone}"

	@property
	def label(self) -> str:
		return self.name or self.user or self.phone or "-"


@dataclass(frozen=True)
class Pairing:
	name: str
	child: str
	mentor_key: str
	start: datetime.date
	end: datetime.date | None
	status: str = ACTIVE

	def overlaps(self, start: datetime.date, end: datetime.date | None) -> bool:
		far = datetime.date.max
		return self.status == ACTIVE and self.start <= (end or far) and start <= (self.end or far)


def check_mentor(mentor: Mentor, child_school: str | None) -> None:
	"""Staff log in; the others are reached by name and phone; a peer student is a pupil of the
	child's own school."""
	if mentor.kind not in MENTOR_KINDS:
		raise RuleError("mentor_kind_unknown", kind=mentor.kind)
	if mentor.kind == STAFF and not mentor.user:
		raise RuleError("mentor_user_missing")
	if not mentor.user and not (mentor.name and mentor.phone):
		raise RuleError("mentor_name_phone_missing", kind=mentor.kind)
	if mentor.kind == PEER_STUDENT and mentor.school != child_school:
		raise RuleError("peer_student_other_school", school=mentor.school or "-", child_school=child_school)


def check_dates(start: datetime.date, end: datetime.date | None, today: datetime.date) -> None:
	check_not_future("from_date", start, today)
	if end and end < start:
		raise RuleError("pairing_end_before_start", start=start, end=end)


def check_child_active(child_status: str) -> None:
	if child_status != "Active":
		raise RuleError("pairing_child_not_active", status=child_status)


def check_not_paired_twice(
	child: str, mentor: Mentor, start: datetime.date, end: datetime.date | None, others: Iterable[Pairing]
) -> None:
	"""One child cannot have the same mentor twice at once."""
	for other in others:
		if other.child == child and other.mentor_key == mentor.key and other.overlaps(start, end):
			raise RuleError("pairing_duplicate", mentor=mentor.label, existing=other.name)


def check_capacity(mentor: Mentor, others: Iterable[Pairing], on: datetime.date, capacity: int) -> None:
	"""A mentor carries at most `capacity` children at once (Care Settings, default 3)."""
	load = {p.child for p in others if p.mentor_key == mentor.key and p.overlaps(on, on)}
	if len(load) >= capacity:
		raise RuleError("mentor_over_capacity", mentor=mentor.label, capacity=capacity, count=len(load))


def end_date_on_leaving(start: datetime.date, left_on: datetime.date) -> datetime.date:
	"""A pairing ends on the day its child leaves the programme (never before it began)."""
	return max(start, left_on)
