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
		# At least one account in a small county (the first child that has a parent to invite).
		chosen = rng.random() < share or (not accounts and index == len(county.children) - 1)
		if child.status != ACTIVE or not chosen:
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


# ---- 家长课堂: the county's articles and one from each school

COUNTY_ARTICLES = (
	(
		"远隔千里，怎样和孩子好好说话",
		"每次通话先听孩子说，少问成绩，多问今天开心的事。",
		"<p>通话时先让孩子说完，再说自己的事。少问“考了多少分”，多问“今天有什么开心的事”。</p>"
		"<p>约好固定的通话时间，比如每周三、周日晚上八点，让孩子有盼头。</p>",
	),
	(
		"和班主任保持联系的几个办法",
		"记下班主任的电话，孩子有变化时主动告诉老师。",
		"<p>换了手机号码，请第一时间在家长端“我的信息”里修改，班主任会收到提醒。</p>"
		"<p>孩子生病、情绪低落或家里有变故，请主动告诉班主任。</p>",
	),
	(
		"寒暑假孩子安全提醒",
		"防溺水、防火、防电、交通安全，请和监护人一起叮嘱孩子。",
		"<p>不到河塘、水库游泳，不私自外出。请提醒爷爷奶奶看管好孩子，常打电话问问。</p>",
	),
)
SCHOOL_ARTICLE = (
	"{school}：本学期家长会和亲情通话安排",
	"亲情电话每周开放两次，家长会安排在期中考试后。",
	"<p>学校亲情电话每周三、周日晚上开放。期中考试后召开家长会，不能到场的家长可以视频参加。</p>",
)


@dataclass(frozen=True)
class ArticlePlan:
	title: str
	school: str | None
	summary: str
	body: str
	published_on: datetime.date


def generate_articles(county: DemoCounty, seed: int) -> list[ArticlePlan]:
	"""The county's guidance articles and one from each school, published this school year."""
	rng = random.Random(f"parent-articles-{seed}")
	articles = [
		ArticlePlan(title, None, summary, body, county.today - datetime.timedelta(days=rng.randint(10, 90)))
		for title, summary, body in COUNTY_ARTICLES
	]
	title, summary, body = SCHOOL_ARTICLE
	articles += [
		ArticlePlan(
			title.format(school=school.school_name),
			school.school_name,
			summary,
			body,
			county.today - datetime.timedelta(days=rng.randint(1, 60)),
		)
		for school in county.schools
	]
	return articles
