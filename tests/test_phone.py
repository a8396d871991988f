import pytest

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.phone import normalize_phone


@pytest.mark.parametrize(
	"raw, stored",
	[
		("13812345678", "13812345678"),
		("138 1234 5678", "13812345678"),
		("+86 138-1234-5678", "13812345678"),
		("0371-65432109", "0371-65432109"),
		("037165432109", "0371-65432109"),
		("010 12345678", "010-12345678"),
	],
)
def test_valid_numbers_are_stored_in_one_form(raw, stored):
	assert normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["", "12345", "1381234567", "23812345678", "abc", "+1 202 555 0100"])
def test_invalid_numbers(raw):
	with pytest.raises(RuleError) as err:
		normalize_phone(raw)
	assert err.value.code == "phone_invalid"
