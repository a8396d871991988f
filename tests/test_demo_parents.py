"""Demo parents' accounts (家长端): a share of the open files, one account per mobile number,
opened within two months, and calls that the rules would take from a parent."""

import datetime

from leftbehind_care.core import parents
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.demo import generate_county
from leftbehind_care.core.demo_parents import generate_articles, generate_parent_accounts

TODAY = datetime.date(2026, 12, 4)


def county():
	return generate_county(400, 5, TODAY)


def test_accounts_are_a_share_of_open_files_with_one_account_per_mobile():
	data = county()
	accounts, calls = generate_parent_accounts(data, 5, share=0.2)
	assert 40 <= len(accounts) <= 120
	phones = [a.phone for a in accounts]
	assert len(phones) == len(set(phones))
	for account in accounts:
		child = data.children[account.child]
		assert child.status == ACTIVE
		assert child.parents_away[account.parent].parent_name == account.name
		assert account.email == parents.account_email(account.phone)
		assert account.issued_at < account.opened_at
		assert TODAY - datetime.timedelta(days=60) <= account.opened_at.date() < TODAY
		assert account.opened_at - account.issued_at < datetime.timedelta(days=parents.INVITATION_DAYS)


def test_taken_phones_get_no_account():
	data = county()
	accounts, _ = generate_parent_accounts(data, 5, share=0.2)
	again, _ = generate_parent_accounts(data, 5, taken_phones={accounts[0].phone}, share=0.2)
	assert accounts[0].phone not in {a.phone for a in again}


def test_logged_calls_pass_the_rules_for_a_parents_call():
	data = county()
	accounts, calls = generate_parent_accounts(data, 5, share=0.2)
	assert calls
	opened = {a.child: a.opened_at.date() for a in accounts}
	for call in calls:
		parents.check_call(call.channel, call.contact_date, call.minutes, TODAY)
		assert call.contact_date >= opened[call.child]
		assert call.logged_by_parent == 1
		assert call.contacted_by.endswith(parents.ACCOUNT_DOMAIN)


def test_the_same_seed_gives_the_same_accounts():
	data = county()
	assert generate_parent_accounts(data, 5) == generate_parent_accounts(data, 5)
	assert generate_parent_accounts(data, 5) != generate_parent_accounts(data, 6)


def test_the_county_and_every_school_publish_articles():
	data = county()
	articles = generate_articles(data, 5)
	assert {a.school for a in articles} == {None} | {s.school_name for s in data.schools}
	assert all(a.published_on <= TODAY and a.title and a.body.startswith("<p>") for a in articles)
	assert generate_articles(data, 5) == articles
