"""Citizen ID numbers (公民身份号码, GB 11643) and what they say about a person."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from leftbehind_care.core.errors import RuleError

MALE = "Male"
FEMALE = "Female"


@dataclass(frozen=True)
class Identity:
	number: str
	birth_date: datetime.date
	gender: str
	province: str
	county: str


def parse_id_number(raw: str, today: datetime.date) -> Identity:
	"""Validate an 18-digit ID number: format, checksum, birth date and region of issue.

	Raises RuleError with code id_length, id_format, id_checksum, id_birth_date, id_region or
	id_future_birth.
	"""
	number = ric.compact(raw or "")
	try:
		ric.validate(number)
	except stdnum_errors.InvalidLength:
		raise RuleError("id_length", number=number) from None
	except stdnum_errors.InvalidFormat:
		raise RuleError("id_format", number=number) from None
	except stdnum_errors.InvalidChecksum:
		raise RuleError("id_checksum", number=number) from None
	except stdnum_errors.InvalidComponent:
		# Both the birth date and the region are "components": tell them apart.
		try:
			ric.get_birth_date(number)
		except stdnum_errors.InvalidComponent:
			raise RuleError("id_birth_date", number=number) from None
		raise RuleError("id_region", number=number) from None

	birth_date = ric.get_birth_date(number)
	if birth_date > today:
		raise RuleError("id_future_birth", number=number, birth_date=birth_date)
	place = ric.get_birth_place(number)
	return Identity(
		number=number,
		birth_date=birth_date,
		gender=MALE if int(number[16]) % 2 else FEMALE,
		province=place.get("province", ""),
		county=place.get("county", ""),
	)


def check_consistent(identity: Identity, birth_date: datetime.date | None, gender: str | None) -> None:
	"""A birth date or gender typed by hand may not contradict the ID number."""
	if birth_date and birth_date != identity.birth_date:
		raise RuleError("id_birth_date_mismatch", entered=birth_date, expected=identity.birth_date)
	if gender and gender != identity.gender:
		raise RuleError("id_gender_mismatch", entered=gender, expected=identity.gender)


def make_id_number(region: str, birth_date: datetime.date, sequence: int, gender: str) -> str:
	"""Build a valid ID number (for demo data and tests): 6-digit region, birth date, a 3-digit
	sequence whose last digit is odd for men and even for women, and the check digit."""
	seq = sequence % 1000
	if (seq % 2 == 1) != (gender == MALE):
		seq = (seq + 1) % 1000
	body = f"{region}{birth_date:%Y%m%d}{seq:03d}"
	return body + ric.calc_check_digit(body + "0")
