"""Chinese phone numbers: mobiles (11 digits, 1xx) and landlines (area code + number)."""

from __future__ import annotations

import phonenumbers

from leftbehind_care.core.errors import RuleError

_MOBILE_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def normalize_phone(raw: str) -> str:
	"""Return the number in one stored form, or raise RuleError("phone_invalid").

	Mobiles are stored as 11 digits (13812345678), landlines as area code, dash, number
	(0371-65432109). A +86 prefix, spaces and dashes are accepted on input.
	"""
	text = (raw or "").strip()
	try:
		parsed = phonenumbers.parse(text, "CN")
	except phonenumbers.NumberParseException:
		raise RuleError("phone_invalid", phone=text) from None
	if parsed.country_code != 86 or not phonenumbers.is_valid_number(parsed):
		raise RuleError("phone_invalid", phone=text)
	national = str(parsed.national_number)
	if phonenumbers.number_type(parsed) in _MOBILE_TYPES and len(national) == 11:
		return national
	formatted = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
	area, _, rest = formatted.partition(" ")
	return f"{area}-{rest.replace(' ', '')}"


def is_mobile(stored: str) -> bool:
	"""A number in its stored form (`normalize_phone`) is a mobile: 11 digits from 1 (a landline
	has its area code and a dash)."""
	return len(stored) == 11 and stored.isdigit() and stored.startswith("1")
