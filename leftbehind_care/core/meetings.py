"""Care meetings (座谈会 of mentors, children and guardians; 家长会; staff 研讨会) and who attended."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError

SYMPOSIUM = "Symposium"  # 座谈会: mentors, children and guardians
PARENT_MEETING = "Parent Meeting"  # 家长会
STAFF_SEMINAR = "Staff Seminar"  # 研讨会
MEETING_TYPES = (SYMPOSIUM, PARENT_MEETING, STAFF_SEMINAR)

# Who attended: a child, or a guardian or parent *of* a child (the row names the child), or a
# mentor or member of staff (a user, or a name for those who do not log in).
CHILD = "Child"
GUARDIAN = "Guardian"
PARENT = "Father or Mother"
MENTOR = "Mentor"
STAFF = "School Staff"
ATTENDEE_KINDS = (CHILD, GUARDIAN, PARENT, MENTOR, STAFF)
FOR_A_CHILD = frozenset({CHILD, GUARDIAN, PARENT})

# A guardian or parent at one of these meetings meets the term's guardian-meeting target.
GUARDIAN_MEETING_TYPES = frozenset({SYMPOSIUM, PARENT_MEETING})


@dataclass(frozen=True)
class Attendee:
	row: int
	kind: str
	child: str | None = None
	user: str | None = None
	name: str | None = None


def check_attendees(meeting_type: str, attendees: Sequence[Attendee]) -> None:
	"""Each row says who came; a guardian or parent row names whose; nobody is listed twice."""
	if meeting_type not in MEETING_TYPES:
		raise RuleError("meeting_type_unknown", kind=meeting_type)
	if not attendees:
		raise RuleError("meeting_without_attendees")
	seen: dict[tuple, int] = {}
	for attendee in attendees:
		if attendee.kind not in ATTENDEE_KINDS:
			raise RuleError("attendee_kind_unknown", row=attendee.row, kind=attendee.kind)
		if attendee.kind in FOR_A_CHILD:
			if not attendee.child:
				raise RuleError("attendee_child_missing", row=attendee.row, kind=attendee.kind)
			# A child comes once; two guardians of one child (grandfather, grandmother) may both come.
			name = "" if attendee.kind == CHILD else (attendee.name or "").strip()
			key = (attendee.kind, attendee.child, name)
		else:
			if not (attendee.user or (attendee.name or "").strip()):
				raise RuleError("attendee_person_missing", row=attendee.row, kind=attendee.kind)
			key = (attendee.kind, attendee.user or (attendee.name or "").strip())
		if key in seen:
			raise RuleError("attendee_twice", row=attendee.row, first=seen[key])
		seen[key] = attendee.row
