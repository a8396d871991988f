import datetime

import pytest

from leftbehind_care.core import child
from leftbehind_care.core.child import GuardianFacts
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.identity import FEMALE, MALE, make_id_number

TODAY = datetime.date(2026, 11, 28)


def test_age_counts_full_years():
	assert child.age_on(datetime.date(2010, 11, 28), TODAY) == 16
	assert child.age_on(datetime.date(2010, 11, 29), TODAY) == 15
	assert child.age_on(datetime.date(2012, 2, 29), datetime.date(2013, 2, 28)) == 0
	assert child.age_on(datetime.date(2012, 2, 29), datetime.date(2013, 3, 1)) == 1


def test_future_dates_are_refused():
	child.check_not_future("birth_date", TODAY, TODAY)
	child.check_not_future("birth_date", None, TODAY)
	with pytest.raises(RuleError) as err:
		child.check_not_future("birth_date", TODAY + datetime.timedelta(days=1), TODAY)
	assert err.value.code == "future_date"
	assert err.value.params["field"] == "birth_date"


def test_a_child_of_16_cannot_be_active():
	child.check_status(child.ACTIVE, datetime.date(2010, 11, 29), None, None, TODAY)
	with pytest.raises(RuleError) as err:
		child.check_status(child.ACTIVE, datetime.date(2010, 11, 28), None, None, TODAY)
	assert err.value.code == "aged_out_active"
	assert err.value.params["age"] == 16


def test_leaving_needs_a_date_and_a_reason():
	with pytest.raises(RuleError) as err:
		child.check_status(child.TRANSFERRED, None, None, "moved", TODAY)
	assert err.value.code == "status_date_missing"
	with pytest.raises(RuleError) as err:
		child.check_status(child.TRANSFERRED, None, TODAY, "  ", TODAY)
	assert err.value.code == "status_reason_missing"
	with pytest.raises(RuleError) as err:
		child.check_status(child.TRANSFERRED, None, TODAY + datetime.timedelta(days=3), "moved", TODAY)
	assert err.value.code == "future_date"
	child.check_status(child.AGED_OUT, datetime.date(2010, 1, 1), TODAY, "turned 16", TODAY)


def test_unknown_status():
	with pytest.raises(RuleError) as err:
		child.check_status("Lost", None, None, None, TODAY)
	assert err.value.code == "status_unknown"


@pytest.mark.parametrize(
	"guardians, alert",
	[
		([], True),
		([GuardianFacts(child.CAPACITY_NONE, 80)], True),
		([GuardianFacts(child.CAPACITY_GOOD, 15)], True),
		([GuardianFacts(child.CAPACITY_NONE, 70), GuardianFacts(child.CAPACITY_WEAK, 72)], False),
		([GuardianFacts(child.CAPACITY_GOOD, None)], False),
		([GuardianFacts(child.CAPACITY_GOOD, 18)], False),
	],
)
def test_unsupervised_alert(guardians, alert):
	assert child.is_unsupervised(child.ACTIVE, 9, guardians) is alert


def test_no_alert_once_the_child_left_or_is_16():
	assert child.is_unsupervised(child.TRANSFERRED, 9, []) is False
	assert child.is_unsupervised(child.ACTIVE, 16, []) is False
	assert child.is_unsupervised(child.ACTIVE, None, []) is True


def test_completeness_counts_present_items():
	empty = child.archive_completeness({})
	assert empty.percent == 0
	assert empty.missing == child.COMPLETENESS_ITEMS
	full = child.archive_completeness({item: True for item in child.COMPLETENESS_ITEMS})
	assert full.percent == 100
	assert full.missing == ()
	facts = {item: "x" for item in child.COMPLETENESS_ITEMS}
	facts["contact_card"] = None
	facts["guardian_phone"] = ""
	partial = child.archive_completeness(facts)
	assert partial.missing == ("guardian_phone", "contact_card")
	assert partial.percent == round(100 * 15 / 17)


def test_changed_ages_are_only_the_birthdays():
	rows = [
		("a", datetime.date(2015, 11, 28), 10),  # birthday today: 11
		("b", datetime.date(2015, 11, 29), 10),  # tomorrow: still 10
		("c", None, 0),
	]
	assert child.changed_ages(rows, TODAY) == {"a": 11}


def test_what_a_file_lacks_is_stored_as_keys():
	from leftbehind_care.core.child import missing_keys, stored_missing

	assert stored_missing(("family_economy", "contact_card")) == "family_economy,contact_card"
	assert missing_keys("family_economy, contact_card,") == ["family_economy", "contact_card"]
	assert missing_keys(None) == []


# ---- the file entry: every problem at once, each with the field to mark

BOY_ID = make_id_number("411421", datetime.date(2015, 3, 8), 123, MALE)


def test_a_valid_entry_gives_the_identity_and_stored_phones():
	check = child.check_entry(
		child.Entry(
			id_number=f" {BOY_ID} ",
			dates={"filed_on": TODAY},
			phones={"village_contact_phone": "+86 138 1234 5678", "parents_away.1.phone": ""},
		),
		TODAY,
	)
	assert check.problems == []
	assert check.identity.birth_date == datetime.date(2015, 3, 8)
	assert check.identity.gender == MALE
	assert check.phones == {"village_contact_phone": "13812345678"}


def test_every_problem_of_an_entry_is_reported_with_its_field():
	check = child.check_entry(
		child.Entry(
			id_number=BOY_ID[:-1] + ("0" if BOY_ID[-1] != "0" else "1"),
			dates={"left_behind_since": TODAY + datetime.timedelta(days=3), "filed_on": TODAY},
			phones={"village_contact_phone": "12345", "parents_away.2.phone": "0371-6543"},
		),
		TODAY,
	)
	found = [(err.code, err.params["field_key"]) for err in check.problems]
	assert found == [
		("id_checksum", "id_number"),
		("future_date", "left_behind_since"),
		("phone_invalid", "village_contact_phone"),
		("phone_invalid", "parents_away.2.phone"),
	]
	assert check.identity is None
	assert check.phones == {}


def test_typed_birth_date_and_gender_must_agree_with_the_id_number():
	check = child.check_entry(
		child.Entry(id_number=BOY_ID, birth_date=datetime.date(2015, 3, 9), gender=FEMALE), TODAY
	)
	# The first contradiction is enough: the fix (clear it, or correct the number) is the same.
	assert [(e.code, e.params["field_key"]) for e in check.problems] == [
		("id_birth_date_mismatch", "id_number")
	]
	assert (
		child.check_entry(
			child.Entry(id_number=BOY_ID, birth_date=datetime.date(2015, 3, 8), gender=MALE), TODAY
		).problems
		== []
	)


def test_without_an_id_number_a_typed_birth_date_may_not_be_in_the_future():
	tomorrow = TODAY + datetime.timedelta(days=1)
	check = child.check_entry(child.Entry(birth_date=tomorrow), TODAY)
	assert [(e.code, e.params["field_key"]) for e in check.problems] == [("future_date", "birth_date")]
	assert child.check_entry(child.Entry(id_number="  ", birth_date=TODAY), TODAY).problems == []
