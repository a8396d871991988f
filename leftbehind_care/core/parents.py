"""家长端 rules, framework-free: who may be invited and how an invitation is opened, what a parent
may change in the child's file, what a parent logs, and what of the school's records a parent reads.

A parent working far away (a row of the child's parents away) or a guardian at home (a row of the
child's guardians) gets an invitation from the class teacher or a school leader: a one-time code,
valid for `INVITATION_DAYS`, used once. Opening it, the person confirms the last four digits of the
phone on file — a few tries, then the invitation is locked and a new one must be issued — and sets
a password; from then on they log in with their mobile number.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.phone import is_mobile, normalize_phone

# The role of a parent's (or guardian's) website account.
PARENT_ROLE = "Care Parent"
INVITATION_DAYS = 14
# Tries at the phone's last four digits before the invitation is locked.
PHONE_TRIES = 5
# Codes read aloud or typed from paper: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10

# Who an invitation is for (the row of the child's file it names).
PARENT = "Parent Away"  # a row of the parents away
GUARDIAN = "Guardian"  # a row of the guardians
INVITEE_KINDS = (PARENT, GUARDIAN)


@dataclass(frozen=True)
class InviteeRows:
	"""Where an invitee kind's rows are in the child's file: its table field, the table's DocType
	and the field holding the person's name."""

	field: str
	doctype: str
	name_field: str


ROWS = {
	PARENT: InviteeRows("parents_away", "Left Behind Child Parent", "parent_name"),
	GUARDIAN: InviteeRows("guardians", "Left Behind Child Guardian", "guardian_name"),
}

# An invitation's states, as stored.
PENDING, USED, REVOKED = "Pending", "Used", "Revoked"


def new_code(randbelow: Callable[[int], int] = secrets.randbelow) -> str:
	"""A one-time code from CODE_ALPHABET (about 50 bits: not guessable within the tries allowed)."""
	return "".join(CODE_ALPHABET[randbelow(len(CODE_ALPHABET))] for _ in range(CODE_LENGTH))


# Parents' accounts are named by their mobile number under a domain that receives no mail.
ACCOUNT_DOMAIN = "parent.leftbehind.invalid"


def account_email(phone: str) -> str:
	return f"{phone}@{ACCOUNT_DOMAIN}"


def normalize_code(code: str | None) -> str:
	"""A code as typed or read from a link: spaces and dashes dropped, upper case."""
	return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def code_key(code: str | None) -> str:
	"""What is stored to find an invitation by its code: a digest, never the code itself."""
	return hashlib.sha256(normalize_code(code).encode()).hexdigest()


def expires_at(issued_at: datetime.datetime) -> datetime.datetime:
	return issued_at + datetime.timedelta(days=INVITATION_DAYS)


def check_invitee(kind: str, phone: str | None, child_active: bool) -> str:
	"""The invitee's phone on file in its stored form: it must be a mobile (the login is by mobile
	number), and the child's file must be open."""
	if kind not in INVITEE_KINDS:
		raise RuleError("invitation_invitee_kind", kind=kind)
	if not child_active:
		raise RuleError("invitation_child_closed")
	if not (phone or "").strip():
		raise RuleError("invitation_no_phone")
	stored = normalize_phone(phone)
	if not is_mobile(stored):
		raise RuleError("invitation_not_mobile", phone=stored)
	return stored


@dataclass(frozen=True)
class Invitation:
	"""What an invitation holds, as stored."""

	status: str
	issued_at: datetime.datetime
	expires_at: datetime.datetime
	phone: str  # the phone on file when it was issued
	phone_tries: int = 0


# Who may change an invitation's status: staff revoke it (pending or used); only the parent's
# opening of it makes it used; a revoked invitation stays revoked.
def check_status_change(before: str, after: str, by_parent: bool) -> None:
	if before == after:
		return
	if before == REVOKED:
		raise RuleError("invitation_revoked")
	if after == REVOKED:
		return
	if after == USED and before == PENDING and by_parent:
		return
	raise RuleError("invitation_status_change", before=before, after=after)


def check_open(invitation: Invitation, now: datetime.datetime) -> None:
	"""An invitation may be opened: pending, not expired, not locked by wrong digits."""
	if invitation.status == USED:
		raise RuleError("invitation_used")
	if invitation.status == REVOKED:
		raise RuleError("invitation_revoked")
	if now >= invitation.expires_at:
		raise RuleError("invitation_expired", expired_on=invitation.expires_at.date())
	if invitation.phone_tries >= PHONE_TRIES:
		raise RuleError("invitation_locked")


def last_four(phone: str) -> str:
	digits = "".join(ch for ch in phone or "" if ch.isdigit())
	return digits[-4:]


def digits_match(invitation: Invitation, entered: str | None) -> bool:
	"""Whether `entered` are the last four digits of the invitation's phone. Anything but four
	digits is refused before it counts as a try."""
	entered = (entered or "").strip()
	if len(entered) != 4 or not entered.isdigit():
		raise RuleError("invitation_digits_format")
	return secrets.compare_digest(entered, last_four(invitation.phone))


def tries_left(invitation: Invitation) -> int:
	return max(PHONE_TRIES - invitation.phone_tries, 0)


# ---- what a parent changes in the child's file (我的信息)

HOME_FREQUENCIES = ("Monthly", "Quarterly", "Twice a Year", "Once a Year", "Less than Once a Year")
# The fields of their own row a parent may change, and those a guardian may change of theirs.
PARENT_FIELDS = ("phone", "work_province", "work_place", "home_frequency", "planned_return")
GUARDIAN_FIELDS = ("phone",)
TEXT_LIMIT = 60


@dataclass(frozen=True)
class FileUpdate:
	changes: dict  # field: stored value, only the fields that change
	phone_changed: bool  # the class teacher is told


def check_update(
	kind: str, current: Mapping[str, object], sent: Mapping[str, object], today: datetime.date
) -> FileUpdate:
	"""What a parent (or guardian) sent for their own row, checked and in stored form; unchanged
	fields are left out. Nothing else of the file can be sent."""
	allowed = PARENT_FIELDS if kind == PARENT else GUARDIAN_FIELDS
	unknown = sorted(set(sent) - set(allowed))
	if unknown:
		raise RuleError("parent_field_not_allowed", fields=", ".join(unknown))
	clean: dict[str, object] = {}
	for field, value in sent.items():
		if field == "phone":
			stored = normalize_phone(str(value or ""))
			if not is_mobile(stored):
				raise RuleError("invitation_not_mobile", phone=stored)
			clean[field] = stored
		elif field == "home_frequency":
			if value and value not in HOME_FREQUENCIES:
				raise RuleError("parent_home_frequency", value=value)
			clean[field] = value or ""
		elif field == "planned_return":
			if value and not isinstance(value, datetime.date):
				raise RuleError("parent_return_date", value=value)
			if value and value < today:
				raise RuleError("parent_return_past", day=value)
			clean[field] = value or None
		else:
			text = " ".join(str(value or "").split())
			if len(text) > TEXT_LIMIT:
				raise RuleError("parent_text_too_long", field=field, limit=TEXT_LIMIT)
			clean[field] = text
	changes = {
		field: value for field, value in clean.items() if value != (current.get(field) or _empty(field))
	}
	return FileUpdate(changes, "phone" in changes)


def _empty(field: str) -> object:
	return None if field == "planned_return" else ""


# ---- a call or video the parent logs (亲情联系)

CALL_CHANNELS = ("Family Phone", "Video")  # Family Contact.channel: 亲情电话, 视频
CALL_DAYS_BACK = 31  # a call is logged within a month
CALL_MINUTES = (1, 600)


def check_call(channel: str, on: datetime.date, minutes: int | None, today: datetime.date) -> None:
	if channel not in CALL_CHANNELS:
		raise RuleError("parent_call_channel", channel=channel)
	if on > today:
		raise RuleError("parent_call_future", day=on)
	if (today - on).days > CALL_DAYS_BACK:
		raise RuleError("parent_call_too_old", day=on, days=CALL_DAYS_BACK)
	low, high = CALL_MINUTES
	if minutes is not None and not low <= minutes <= high:
		raise RuleError("parent_call_minutes", minutes=minutes, low=low, high=high)


# ---- what the school shares (学校来信)

TALK_NOTE, VISIT_NOTE, MEETING, ACTIVITY, INCIDENT = "talk", "visit", "meeting", "activity", "incident"
# The meetings a parent is invited to.
PARENT_MEETING = "Parent Meeting"


@dataclass(frozen=True)
class Letter:
	"""One item of the school's letters to a parent: what the school chose to share, no more."""

	kind: str
	child: str
	on: datetime.datetime
	text: str  # the note for the parents, the meeting's topic and place, the activity's title
	reference: str  # the record it comes from (acknowledging an incident names it)
	acknowledged: bool = False


def as_moment(day: datetime.date | datetime.datetime) -> datetime.datetime:
	if isinstance(day, datetime.datetime):
		return day
	return datetime.datetime.combine(day, datetime.time())


def letters(items: Iterable[Letter], limit: int = 50) -> list[Letter]:
	"""The items worth a parent's reading (a note left empty is not shared), newest first."""
	shared = [item for item in items if item.kind == INCIDENT or (item.text or "").strip()]
	shared.sort(key=lambda item: (as_moment(item.on), item.reference), reverse=True)
	return shared[:limit]


def notified_on_acknowledgement(
	notified_at: datetime.datetime | None, acknowledged_at: datetime.datetime
) -> datetime.datetime:
	"""When the parents were told of an incident, once one has acknowledged it on their page: the
	school's record of telling them, or else the acknowledgement itself (the page told them; the
	24-hour alert counts it)."""
	return notified_at or acknowledged_at


# ---- the notice of how the data is used (first login)

NOTICE_VERSION = "2026-12"


def needs_notice(accepted: Iterable[str], version: str = NOTICE_VERSION) -> bool:
	"""The person has not yet accepted this version of the school's notice."""
	return version not in set(accepted)


# ---- 家长课堂: guidance articles


def check_article_school(school: str | None, schools: Iterable[str], all_schools: bool) -> None:
	"""The county (no school) publishes to every school; a school's leader to their own school."""
	if all_schools:
		return
	if not school:
		raise RuleError("article_county_only")
	if school not in set(schools):
		raise RuleError("article_other_school", school=school)
