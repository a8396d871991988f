"""Demo data of the parents' pages (家长端), framework-free: which parents away have opened an
invitation and have an account, and the calls with their child they logged themselves.

A share of the children in the programme get one account, for their first parent away with a
mobile number not already taken (a login is by mobile number); each account was opened within the
last two months and its notice accepted, and logs a few calls or videos since. Deterministic for a
seed, from its own random source (the rest of the demo is unchanged by it).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from leftbehind_care.core import parents
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.demo import DemoCounty
from leftbehind_care.core.demo_care import ContactPlan
from leftbehind_care.core.phone import is_mobile, normalize_phone

SHARE = 0.05
CALL_MINUTES = {"Family Phone": (3, 30), "Video": (5, 45)}


@dataclass(frozen=True)
class ParentAccountPlan:
	child: int  # index in county.children
	parent: int  # index in the child's parents away
	phone: str
	name: str
	email: str
	issued_by: str  # the class teacher
	issued_at: datetime.datetime
	opened_at: datetime.datetime


def generate_parent_accounts(
	county: DemoCounty, seed: int, taken_phones: set[str] = frozenset(), share: float = SHARE
) -> tuple[list[ParentAccountPlan], list[ContactPlan]]:
	"""The parents' accounts and the calls they logged (family contacts made by the parent)."""
	rng = random.Random(f"parent-accounts-{seed}")
	classes = {c.name: c for c in county.classes}
	taken = set(taken_phones)
	accounts: list[ParentAccountPlan] = []
	calls: list[ContactPlan] = []
	for index, child in enumerate(county.children):
		if child.status != ACTIVE or rng.random() >= share:
			continue
		found = next(
			(
				(k, normalize_phone(p.phone))
				for k, p in enumerate(child.parents_away)
				if p.phone and is_mobile(normalize_phone(p.phone))
			),
			None,
		)
		if found is None or found[1] in taken:
			continue
		parent, phone = found
		taken.add(phone)
		opened = datetime.datetime.combine(
			county.today - datetime.timedelta(days=rng.randint(1, 60)),
			datetime.time(rng.randint(7, 22), rng.randint(0, 59)),
		)
		account = ParentAccountPlan(
			index,
			parent,
			phone,
			child.parents_away[parent].parent_name,
			parents.account_email(phone),
			classes[child.care_class].class_teacher,
			opened - datetime.timedelta(days=rng.randint(0, 5), hours=rng.randint(1, 8)),
			opened,
		)
		accounts.append(account)
		calls += logged_calls(account, child.parents_away[parent].relation, county.today, rng)
	return accounts, calls


def logged_calls(
	account: ParentAccountPlan, relation: str, today: datetime.date, rng: random.Random
) -> list[ContactPlan]:
	"""The calls and videos a parent logged since opening the account, within the month a call
	may be logged in (core.parents.check_call)."""
	first = max(account.opened_at.date(), today - datetime.timedelta(days=parents.CALL_DAYS_BACK))
	days = (today - first).days
	calls = []
	for _ in range(rng.randint(1, 4) if days >= 0 else 0):
		channel = rng.choice(parents.CALL_CHANNELS)
		calls.append(
			ContactPlan(
				account.child,
				first + datetime.timedelta(days=rng.randint(0, days)),
				channel,
				relation if relation in ("Father", "Mother") else "Other",
				account.email,
				"家长在家长端登记",
				rng.randint(*CALL_MINUTES[channel]),
				1,
			)
		)
	return sorted(calls, key=lambda c: c.contact_date)
