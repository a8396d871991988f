import datetime

import pytest

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.identity import FEMALE, MALE, check_consistent, make_id_number, parse_id_number

TODAY = datetime.date(2026, 11, 28)
# 河南省商丘市民权县, born 2015-03-08, a boy (odd 17th digit).
BOY = make_id_number("411421", datetime.date(2015, 3, 8), 123, MALE)


def test_valid_number_gives_birth_date_gender_and_region():
	identity = parse_id_number(BOY, TODAY)
	assert identity.birth_date == datetime.date(2015, 3, 8)
	assert identity.gender == MALE
	assert identity.province == "河南省"
	assert identity.county == "民权县"


def test_lowercase_x_and_spaces_are_normalised():
	number = next(
		make_id_number("411421", datetime.date(2014, 1, 1), seq, FEMALE)
		for seq in range(0, 1000, 2)
		if make_id_number("411421", datetime.date(2014, 1, 1), seq, FEMALE).endswith("X")
	)
	identity = parse_id_number(" " + number.lower() + " ", TODAY)
	assert identity.number == number
	assert identity.gender == FEMALE


def test_make_id_number_respects_gender():
	assert int(make_id_number("411421", datetime.date(2015, 3, 8), 4, MALE)[16]) % 2 == 1
	assert int(make_id_number("411421", datetime.date(2015, 3, 8), 5, FEMALE)[16]) % 2 == 0


@pytest.mark.parametrize(
	"number, code",
	[
		(BOY[:17], "id_length"),
		("41142120150308A23" + BOY[-1], "id_format"),
		(BOY[:17] + ("0" if BOY[-1] != "0" else "1"), "id_checksum"),
	],
)
def test_malformed_numbers(number, code):
	with pytest.raises(RuleError) as err:
		parse_id_number(number, TODAY)
	assert err.value.code == code


def test_impossible_birth_date():
	body = "41142120150231123"  # 31 February
	from stdnum.cn import ric

	with pytest.raises(RuleError) as err:
		parse_id_number(body + ric.calc_check_digit(body + "0"), TODAY)
	assert err.value.code == "id_birth_date"


def test_unknown_region():
	body = "99000020150308123"
	from stdnum.cn import ric

	with pytest.raises(RuleError) as err:
		parse_id_number(body + ric.calc_check_digit(body + "0"), TODAY)
	assert err.value.code == "id_region"


def test_future_birth_date():
	number = make_id_number("411421", datetime.date(2026, 12, 1), 1, MALE)
	with pytest.raises(RuleError) as err:
		parse_id_number(number, TODAY)
	assert err.value.code == "id_future_birth"


def test_entered_values_may_not_contradict_the_number():
	identity = parse_id_number(BOY, TODAY)
	check_consistent(identity, datetime.date(2015, 3, 8), MALE)
	check_consistent(identity, None, None)
	with pytest.raises(RuleError) as err:
		check_consistent(identity, datetime.date(2015, 3, 9), None)
	assert err.value.code == "id_birth_date_mismatch"
	with pytest.raises(RuleError) as err:
		check_consistent(identity, None, FEMALE)
	assert err.value.code == "id_gender_mismatch"
