"""家长端 rules: invitations (once, for 14 days, confirmed by the phone's last four digits, locked
after a few tries), what a parent may change of their own row, the calls they log, what of the
school's records they read."""

import datetime

import pytest

from leftbehind_care.core import parents as p
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.phone import is_mobile

NOW = datetime.datetime(2026, 12, 4, 9, 30)
TODAY = NOW.date()


def invitation(**changes):
	values = {
		"status": p.PENDING,
		"issued_at": NOW,
		"expires_at": p.expires_at(NOW),
		"phone": "13812345678",
		"phone_tries": 0,
		**changes,
	}
	return p.Invitation(**values)


def code_of(error) -> str:
	return error.value.code


def test_codes_are_long_from_the_alphabet_and_differ():
	codes = {p.new_code() for _ in range(200)}
	assert len(codes) == 200
	assert all(len(c) == p.CODE_LENGTH and set(c) <= set(p.CODE_ALPHABET) for c in codes)
	assert not set("01OIL") & set(p.CODE_ALPHABET)
	assert p.new_code(lambda n: 0) == "A" * p.CODE_LENGTH


def test_an_invitation_lasts_fourteen_days_and_opens_once():
	assert p.expires_at(NOW) == NOW + datetime.timedelta(days=14)
	p.check_open(invitation(), NOW + datetime.timedelta(days=13, hours=23))
	for state, now, code in (
		({}, NOW + datetime.timedelta(days=14), "invitation_expired"),
		({"status": p.USED}, NOW, "invitation_used"),
		({"status": p.REVOKED}, NOW, "invitation_revoked"),
		({"phone_tries": p.PHONE_TRIES}, NOW, "invitation_locked"),
	):
		with pytest.raises(RuleError) as error:
			p.check_open(invitation(**state), now)
		assert code_of(error) == code


def test_the_phones_last_four_digits_confirm_it():
	inv = invitation()
	assert p.digits_match(inv, "5678") and p.digits_match(inv, " 5678 ")
	assert not p.digits_match(inv, "5679")
	for wrong in ("567", "56789", "abcd", "", None):
		with pytest.raises(RuleError) as error:
			p.digits_match(inv, wrong)
		assert code_of(error) == "invitation_digits_format"
	assert p.tries_left(invitation(phone_tries=3)) == 2 and p.tries_left(invitation(phone_tries=9)) == 0
	assert p.last_four("0371-65432109") == "2109"


def test_who_can_be_invited():
	assert p.check_invitee(p.PARENT, "+86 138 1234 5678", True) == "13812345678"
	assert p.check_invitee(p.GUARDIAN, "13812345678", True) == "13812345678"
	for kind, phone, active, code in (
		("Neighbour", "13812345678", True, "invitation_invitee_kind"),
		(p.PARENT, "13812345678", False, "invitation_child_closed"),
		(p.PARENT, " ", True, "invitation_no_phone"),
		(p.PARENT, "0371-65432109", True, "invitation_not_mobile"),
		(p.PARENT, "12345", True, "phone_invalid"),
	):
		with pytest.raises(RuleError) as error:
			p.check_invitee(kind, phone, active)
		assert code_of(error) == code
	assert is_mobile("13812345678") and not is_mobile("0371-65432109")


def test_a_parent_changes_only_their_own_rows_fields():
	current = {
		"phone": "13812345678",
		"work_province": "广东省",
		"work_place": "东莞",
		"home_frequency": "Once a Year",
	}
	update = p.check_update(
		p.PARENT,
		current,
		{
			"phone": "139 0000 1111",
			"work_province": "广东省",
			"work_place": "  深圳  市 ",
			"planned_return": TODAY + datetime.timedelta(days=40),
		},
		TODAY,
	)
	assert update.changes == {
		"phone": "13900001111",
		"work_place": "深圳 市",
		"planned_return": TODAY + datetime.timedelta(days=40),
	}
	assert update.phone_changed
	same = p.check_update(p.PARENT, current, {"phone": "13812345678", "home_frequency": "Once a Year"}, TODAY)
	assert same.changes == {} and not same.phone_changed
	assert p.check_update(p.GUARDIAN, {"phone": ""}, {"phone": "13900001111"}, TODAY).phone_changed


@pytest.mark.parametrize(
	"kind, sent, code",
	[
		(p.PARENT, {"id_number": "x"}, "parent_field_not_allowed"),
		(p.GUARDIAN, {"work_place": "深圳"}, "parent_field_not_allowed"),
		(p.PARENT, {"phone": "0371-65432109"}, "invitation_not_mobile"),
		(p.PARENT, {"phone": "abc"}, "phone_invalid"),
		(p.PARENT, {"home_frequency": "Weekly"}, "parent_home_frequency"),
		(p.PARENT, {"planned_return": TODAY - datetime.timedelta(days=1)}, "parent_return_past"),
		(p.PARENT, {"planned_return": "next year"}, "parent_return_date"),
		(p.PARENT, {"work_place": "深" * 61}, "parent_text_too_long"),
	],
)
def test_what_a_parent_may_not_send(kind, sent, code):
	with pytest.raises(RuleError) as error:
		p.check_update(kind, {}, sent, TODAY)
	assert code_of(error) == code


def test_a_logged_call():
	p.check_call("Family Phone", TODAY, 15, TODAY)
	p.check_call("Video", TODAY - datetime.timedelta(days=31), None, TODAY)
	for channel, on, minutes, code in (
		("Letter", TODAY, 5, "parent_call_channel"),
		("Video", TODAY + datetime.timedelta(days=1), 5, "parent_call_future"),
		("Video", TODAY - datetime.timedelta(days=32), 5, "parent_call_too_old"),
		("Video", TODAY, 0, "parent_call_minutes"),
		("Video", TODAY, 601, "parent_call_minutes"),
	):
		with pytest.raises(RuleError) as error:
			p.check_call(channel, on, minutes, TODAY)
		assert code_of(error) == code


def test_letters_newest_first_and_an_empty_note_not_shared():
	items = [
		p.Letter(p.TALK_NOTE, "A", TODAY - datetime.timedelta(days=3), "孩子这个月很开心", "TR-1"),
		p.Letter(p.TALK_NOTE, "A", TODAY - datetime.timedelta(days=1), "  ", "TR-2"),
		p.Letter(p.INCIDENT, "A", NOW - datetime.timedelta(hours=2), "", "CI-1"),
		p.Letter(p.MEETING, "B", TODAY + datetime.timedelta(days=7), "家长会 · 学校礼堂", "CM-1"),
		p.Letter(p.ACTIVITY, "A", TODAY - datetime.timedelta(days=10), "感恩主题班会", "CA-1"),
	]
	assert [item.reference for item in p.letters(items)] == ["CM-1", "CI-1", "TR-1", "CA-1"]
	assert [item.reference for item in p.letters(items, limit=2)] == ["CM-1", "CI-1"]
	assert p.letters([]) == []


def test_the_notice_is_accepted_once_per_version():
	assert p.needs_notice([])
	assert not p.needs_notice(["2026-01", p.NOTICE_VERSION])
	assert p.needs_notice(["2026-01"])


def test_a_code_is_found_by_its_digest_however_it_is_typed():
	code = p.new_code()
	assert p.code_key(code) == p.code_key(f" {code[:5].lower()}-{code[5:]} ")
	assert p.code_key(code) != p.code_key(p.new_code())
	assert code not in p.code_key(code)
	assert len(p.code_key(code)) == 64


@pytest.mark.parametrize(
	("before", "after", "by_parent"),
	[
		(p.PENDING, p.REVOKED, False),
		(p.USED, p.REVOKED, False),
		(p.PENDING, p.USED, True),
		(p.USED, p.USED, False),
	],
)
def test_status_changes_allowed(before, after, by_parent):
	p.check_status_change(before, after, by_parent)


@pytest.mark.parametrize(
	("before", "after", "by_parent", "code"),
	[
		(p.PENDING, p.USED, False, "invitation_status_change"),  # staff cannot use it
		(p.REVOKED, p.PENDING, False, "invitation_revoked"),
		(p.REVOKED, p.USED, True, "invitation_revoked"),
		(p.USED, p.PENDING, False, "invitation_status_change"),
	],
)
def test_status_changes_refused(before, after, by_parent, code):
	with pytest.raises(RuleError) as err:
		p.check_status_change(before, after, by_parent)
	assert err.value.code == code


def test_the_county_publishes_to_every_school_and_a_leader_to_their_own():
	p.check_article_school(None, [], all_schools=True)
	p.check_article_school("甲小学", ["甲小学"], all_schools=False)
	with pytest.raises(RuleError) as err:
		p.check_article_school(None, ["甲小学"], all_schools=False)
	assert code_of(err) == "article_county_only"
	with pytest.raises(RuleError) as err:
		p.check_article_school("乙小学", ["甲小学"], all_schools=False)
	assert code_of(err) == "article_other_school"


def test_an_acknowledgement_tells_the_parents_when_the_school_had_not():
	told = datetime.datetime(2026, 12, 3, 18, 0)
	assert p.notified_on_acknowledgement(told, NOW) == told
	assert p.notified_on_acknowledgement(None, NOW) == NOW
