"""Rules of a child's file: age, status over time, the unsupervised-child alert, completeness."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.identity import Identity, check_consistent, parse_id_number
from leftbehind_care.core.phone import normalize_phone

# 国发〔2016〕13号: a left-behind child is under 16.
AGE_LIMIT = 16
ADULT_AGE = 18

ACTIVE = "Active"
PARENTS_RETURNED = "Parents Returned"
AGED_OUT = "Aged Out"
TRANSFERRED = "Transferred"
GRADUATED = "Graduated"
STATUSES = (ACTIVE, PARENTS_RETURNED, AGED_OUT, TRANSFERRED, GRADUATED)
CLOSED_STATUSES = STATUSES[1:]

CAPACITY_GOOD = "Good"
CAPACITY_WEAK = "Weak"
CAPACITY_NONE = "None"
CAPACITIES = (CAPACITY_GOOD, CAPACITY_WEAK, CAPACITY_NONE)


def age_on(birth_date: datetime.date, on: datetime.date) -> int:
	"""Full years of age on a day (a birthday on 29 February counts on 1 March)."""
	before_birthday = (on.month, on.day) < (birth_date.month, birth_date.day)
	return on.year - birth_date.year - before_birthday


def check_not_future(field: str, value: datetime.date | None, today: datetime.date) -> None:
	if value and value > today:
		raise RuleError("future_date", field=field, value=value)


def check_status(
	status: str,
	birth_date: datetime.date | None,
	status_date: datetime.date | None,
	status_reason: str | None,
	today: datetime.date,
) -> None:
	"""An active child is under 16; a child leaves the programme with a date and a reason."""
	if status not in STATUSES:
		raise RuleError("status_unknown", status=status)
	if status == ACTIVE:
		if birth_date and age_on(birth_date, today) >= AGE_LIMIT:
			raise RuleError("aged_out_active", age=age_on(birth_date, today))
		return
	if not status_date:
		raise RuleError("status_date_missing", status=status)
	if not (status_reason or "").strip():
		raise RuleError("status_reason_missing", status=status)
	check_not_future("status_date", status_date, today)


@dataclass(frozen=True)
class GuardianFacts:
	capacity: str
	age: int | None = None


def guardian_is_adequate(guardian: GuardianFacts) -> bool:
	"""A guardian can care for a child when they have some capacity and, if their age is known,
	are adults. Weak capacity (an old or ill grandparent) is still a guardian: it is a gap the school
	works on, not a child alone."""
	if guardian.capacity not in (CAPACITY_GOOD, CAPACITY_WEAK):
		return False
	return guardian.age is None or guardian.age >= ADULT_AGE


def is_unsupervised(status: str, age: int | None, guardians: Iterable[GuardianFacts]) -> bool:
	"""No child under 16 may live without an adult guardian: such a child raises an alert."""
	if status != ACTIVE:
		return False
	if age is not None and age >= AGE_LIMIT:
		return False
	return not any(guardian_is_adequate(g) for g in guardians)


# What a complete file (档案) holds, in the order a teacher fills it in. Each item is a key the
# shell turns into a translated label, and a test on the child's facts.
COMPLETENESS_ITEMS: tuple[str, ...] = (
	"id_number",
	"birth_date",
	"gender",
	"ethnicity",
	"household_register",
	"address",
	"village_contact",
	"care_class",
	"left_behind_type",
	"left_behind_since",
	"parent_away",
	"parent_phone",
	"guardian",
	"guardian_phone",
	"health_status",
	"family_economy",
	"contact_card",
)


@dataclass(frozen=True)
class Completeness:
	percent: int
	missing: tuple[str, ...]


def stored_missing(missing: Iterable[str]) -> str:
	"""What a file lacks, as stored: item keys (`family_economy,contact_card`), never labels, so
	the text does not depend on a language; each reader sees the labels in their own."""
	return ",".join(missing)


def missing_keys(stored: str | None) -> list[str]:
	return [key.strip() for key in (stored or "").split(",") if key.strip()]


def archive_completeness(facts: Mapping[str, object]) -> Completeness:
	"""How complete a child's file is: the share of COMPLETENESS_ITEMS present, and what is missing.

	`facts` maps each item key to a value; an item is present when its value is truthy.
	"""
	missing = tuple(item for item in COMPLETENESS_ITEMS if not facts.get(item))
	total = len(COMPLETENESS_ITEMS)
	return Completeness(percent=round(100 * (total - len(missing)) / total), missing=missing)


def changed_ages(
	children: Iterable[tuple[str, datetime.date, int | None]], today: datetime.date
) -> dict[str, int]:
	"""Children whose stored age is no longer their age today: {name: age}. Run daily, this
	touches only the children who had a birthday."""
	return {
		name: age
		for name, birth_date, stored in children
		if birth_date and (age := age_on(birth_date, today)) != stored
	}


@dataclass(frozen=True)
class Entry:
	"""What a person typed into a child's file that the core checks, field by field.

	`birth_date` and `gender` are only the values typed in this entry (None when taken from the
	ID number before); `dates` and `phones` map a field key (`left_behind_since`,
	`parents_away.2.phone`) to its value, so each problem names the field to mark.
	"""

	id_number: str | None = None
	birth_date: datetime.date | None = None
	gender: str | None = None
	dates: Mapping[str, datetime.date | None] = field(default_factory=dict)
	phones: Mapping[str, str | None] = field(default_factory=dict)


@dataclass
class EntryCheck:
	identity: Identity | None = None
	phones: dict[str, str] = field(default_factory=dict)
	problems: list[RuleError] = field(default_factory=list)


def check_entry(entry: Entry, today: datetime.date) -> EntryCheck:
	"""Every problem of a file entry at once, not only the first: a teacher with a mistyped ID
	number and a mistyped phone corrects both before saving again. Each problem carries the key
	of its field (`field_key`); the identity read from a valid ID number and the phones in their
	stored form come back for the form to show."""
	result = EntryCheck()

	def collect(key: str, check) -> object:
		try:
			return check()
		except RuleError as err:
			err.params.setdefault("field_key", key)
			result.problems.append(err)
			return None

	if (entry.id_number or "").strip():
		result.identity = collect("id_number", lambda: parse_id_number(entry.id_number, today))
	if result.identity:
		collect("id_number", lambda: check_consistent(result.identity, entry.birth_date, entry.gender))
	elif entry.birth_date:
		collect("birth_date", lambda: check_not_future("birth_date", entry.birth_date, today))
	for key, value in entry.dates.items():
		collect(key, lambda key=key, value=value: check_not_future(key, value, today))
	for key, raw in entry.phones.items():
		if (raw or "").strip():
			phone = collect(key, lambda raw=raw: normalize_phone(raw))
			if phone:
				result.phones[key] = phone
	return result
