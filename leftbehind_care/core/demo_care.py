"""Demo data of the care network: who mentors which child (结对帮扶 "一对一").

Built on a generated county (`core.demo.generate_county`), framework-free. Children who need it
most (no capable guardian, hardship) are paired first. Each class's mentor teacher and class
teacher take children of their class up to the mentor capacity; a weak or absent guardian often
brings a proxy parent (代理家长) from the village; a few children have a volunteer (爱心人士) or a
peer student (优秀学生) of their own school. Some volunteer pairings have ended.

Talks (谈心): most class teachers talk with each of their children every school month, some lapse
(a believable mix of compliant and lapsing classes), and staff mentors talk with their children too.
Family contacts (亲情电话, WeChat, video…) come most months; most children get a home visit (家访)
each term. Most classes hold a parent meeting (家长会) each term and most schools a symposium (座谈会)
of mentors, children and guardians, so some guardians attend and some never do.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
from collections import Counter
from dataclasses import dataclass

from faker import Faker

from leftbehind_care.core import assessment, pairing
from leftbehind_care.core import incidents as incidents_rules
from leftbehind_care.core import meetings as meeting_rules
from leftbehind_care.core.child import ACTIVE, CAPACITY_GOOD
from leftbehind_care.core.compliance import months_between
from leftbehind_care.core.demo import Child, DemoCounty
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.phone import normalize_phone
from leftbehind_care.core.scope import MEMBER_COUNSELOR, MEMBER_LEADER

FOCUSES = ("Thought", "Study", "Daily Life", "Psychology")
_ENDED_REASONS = ("志愿者外出务工，结束帮扶", "学期结束，调整帮扶安排", "志愿者搬迁到外地")


@dataclass(frozen=True)
class PairingPlan:
	child: int  # index into DemoCounty.children
	mentor_kind: str
	mentor_user: str | None
	mentor_name: str
	mentor_phone: str
	mentor_school: str | None
	focus: str
	from_date: datetime.date
	to_date: datetime.date | None = None
	status: str = pairing.ACTIVE
	end_reason: str | None = None


def generate_pairings(county: DemoCounty, seed: int, capacity: int = 3) -> list[PairingPlan]:
	"""Pairings of the county's active children, deterministic for a seed."""
	return _PairingGenerator(county, seed, capacity).generate()


class _PairingGenerator:
	def __init__(self, county: DemoCounty, seed: int, capacity: int) -> None:
		self.county = county
		self.capacity = capacity
		self.rng = random.Random(f"pairings-{seed}")
		self.fake = Faker("zh_CN")
		self.fake.seed_instance(seed)
		self.people = {p.email: p for p in county.staff}
		self.classes = {c.name: c for c in county.classes}
		self.guardians = {g.key: g for g in county.guardians}
		self.year_start = min(t.start_date for t in county.terms)
		self.first_term_end = min(t.end_date for t in county.terms)
		self.load: Counter[str] = Counter()
		self.used_phones: set[str] = set()

	def generate(self) -> list[PairingPlan]:
		plans = []
		children = list(enumerate(self.county.children))
		self.rng.shuffle(children)
		children.sort(key=lambda item: not self.needs_help(item[1]))
		for index, child in children:
			if child.status != ACTIVE:
				continue
			plans.extend(self.pairings_of(index, child))
		return sorted(plans, key=lambda p: (p.child, p.from_date))

	def needs_help(self, child: Child) -> bool:
		return child.is_dibao or any(
			self.guardians[link.guardian].capacity != CAPACITY_GOOD for link in child.guardians
		)

	def pairings_of(self, index: int, child: Child) -> list[PairingPlan]:
		plans = []
		school_class = self.classes[child.care_class]
		staff = [school_class.subject_teachers[0].user, school_class.class_teacher]
		mentor = next((user for user in staff if user and self.load[user] < self.capacity), None)
		if mentor and (self.needs_help(child) or self.chance(0.6)):
			self.load[mentor] += 1
			person = self.people[mentor]
			plans.append(self.plan(index, child, pairing.STAFF, person.full_name, person.phone, user=mentor))
		weak_guardian = any(
			self.guardians[link.guardian].capacity != CAPACITY_GOOD for link in child.guardians
		)
		if weak_guardian and self.chance(0.6):
			plans.append(self.plan(index, child, pairing.PROXY_PARENT, self.adult_name(), self.mobile()))
		elif self.chance(0.05):
			plans.append(self.volunteer(index, child))
		if self.chance(0.04):
			name = self.fake.last_name() + self.fake.first_name()
			plans.append(
				self.plan(index, child, pairing.PEER_STUDENT, name, self.mobile(), school=child.school)
			)
		return plans

	def volunteer(self, index: int, child: Child) -> PairingPlan:
		plan = self.plan(index, child, pairing.VOLUNTEER, self.adult_name(), self.mobile())
		days = (self.county.today - plan.from_date).days
		if days > 20 and self.chance(0.4):
			return PairingPlan(
				**{
					**plan.__dict__,
					"to_date": plan.from_date + datetime.timedelta(days=self.rng.randint(14, days)),
					"status": pairing.ENDED,
					"end_reason": self.rng.choice(_ENDED_REASONS),
				}
			)
		return plan

	def plan(self, index, child, kind, name, phone, user=None, school=None) -> PairingPlan:
		since = max(child.filed_on or self.year_start, self.year_start)
		since = min(since, self.county.today)
		from_date = since + datetime.timedelta(
			days=self.rng.randint(0, min(30, (self.county.today - since).days))
		)
		return PairingPlan(index, kind, user, name, phone, school, self.rng.choice(FOCUSES), from_date)

	def chance(self, probability: float) -> bool:
		return self.rng.random() < probability

	def adult_name(self) -> str:
		return self.fake.last_name() + self.fake.first_name()

	def mobile(self) -> str:
		while True:
			try:
				number = normalize_phone(self.fake.phone_number())
			except RuleError:
				continue
			if number not in self.used_phones:
				self.used_phones.add(number)
				return number


# ---- talks

_TOPICS = (
	"学习情况和作业完成",
	"和爷爷奶奶相处的情况",
	"想念在外打工的父母",
	"同学关系和课间活动",
	"周末在家做什么",
	"身体和饮食情况",
	"上学路上的安全",
	"期中考试的感受",
)
_FINDINGS = (
	"情绪稳定，学习积极",
	"最近作业拖拉，注意力不集中",
	"很想念妈妈，说话时哭了",
	"和同桌闹了矛盾，已经和好",
	"周末常一个人在家看手机",
	"早饭经常不吃",
	"数学成绩下滑，有些自卑",
)
_MEASURES = (
	"安排同学结对辅导数学",
	"联系奶奶，提醒按时吃早饭",
	"帮助孩子和妈妈视频通话",
	"班会上表扬孩子的进步",
	"一周后再次谈心",
)
_MOODS = {"Happy": 3, "Calm": 6, "Worried": 2, "Sad": 1, "Angry": 0.3}


@dataclass(frozen=True)
class TalkPlan:
	child: int
	talk_date: datetime.date
	talker: str
	by_class_teacher: bool
	topics: str
	mood: str
	findings: str
	measures: str | None
	parent_note: str | None = None  # 给家长的话 (家长端)


# What a class teacher writes for the parents to read: a few warm, plain words.
_TALK_PARENT_NOTES = (
	"孩子这个月上课很认真，数学作业进步明显，请放心。",
	"孩子说很想念爸爸妈妈，有空请多给孩子打个视频电话。",
	"孩子在学校和同学相处融洽，参加了班级的手抄报活动。",
	"孩子最近有点想家，我们会多陪他聊聊，也请您周末给孩子打个电话。",
	"孩子期中考试语文进步了十分，请多鼓励孩子。",
)
_VISIT_PARENT_NOTES = (
	"今天到家里看望了孩子，爷爷奶奶身体都好，孩子作业按时完成。",
	"家访时孩子很开心，给我们看了他的奖状。",
	"孩子在家能帮奶奶做家务，学习的地方也收拾得很整齐。",
	"冬天到了，已提醒老人给孩子添衣，孩子一切都好。",
)
# Minutes of a call or video with a parent, by channel.
_CALL_MINUTES = {"Family Phone": (5, 25), "Phone": (3, 15), "Video": (10, 40), "WeChat": (5, 30)}


def with_parent_notes(
	plans: list, notes: tuple[str, ...], share: float, seed: str, eligible=lambda plan: True
) -> list:
	"""The same plans, a share of the `eligible` ones with a note for the parents (from their own
	random source: the plans themselves stay what the seed made)."""
	rng = random.Random(seed)
	return [
		dataclasses.replace(plan, parent_note=rng.choice(notes))
		if eligible(plan) and rng.random() < share
		else plan
		for plan in plans
	]


def generate_talks(county: DemoCounty, pairings: list[PairingPlan], seed: int) -> list[TalkPlan]:
	"""The talks of the current school year up to today, deterministic for a seed."""
	rng = random.Random(f"talks-{seed}")
	classes = {c.name: c for c in county.classes}
	diligence = {name: (0.95 if rng.random() < 0.75 else 0.55) for name in classes}
	mentors: dict[int, list[str]] = {}
	for plan in pairings:
		if plan.mentor_user and plan.status == pairing.ACTIVE:
			mentors.setdefault(plan.child, []).append(plan.mentor_user)
	terms = sorted(county.terms, key=lambda t: t.start_date)
	talks = []
	for index, child in enumerate(county.children):
		if child.status != ACTIVE:
			continue
		since = max(child.filed_on or terms[0].start_date, terms[0].start_date)
		for first in months_between(since, county.today):
			days = [
				first + datetime.timedelta(days=offset)
				for offset in range(31)
				if (first + datetime.timedelta(days=offset)).month == first.month
				and since <= first + datetime.timedelta(days=offset) <= county.today
				and any(t.start_date <= first + datetime.timedelta(days=offset) <= t.end_date for t in terms)
				and (first + datetime.timedelta(days=offset)).weekday() < 5
			]
			if not days:
				continue
			talkers = []
			if rng.random() < diligence[child.care_class]:
				talkers.append((classes[child.care_class].class_teacher, True))
			for mentor in mentors.get(index, ()):
				if mentor != classes[child.care_class].class_teacher and rng.random() < 0.5:
					talkers.append((mentor, False))
			for talker, by_class_teacher in talkers:
				talks.append(
					TalkPlan(
						index,
						rng.choice(days),
						talker,
						by_class_teacher,
						rng.choice(_TOPICS),
						rng.choices(list(_MOODS), weights=list(_MOODS.values()))[0],
						rng.choice(_FINDINGS),
						rng.choice(_MEASURES) if rng.random() < 0.6 else None,
					)
				)
	# A third of the class teachers' talks carry a note for the parents.
	return with_parent_notes(
		talks, _TALK_PARENT_NOTES, 0.3, f"talk-notes-{seed}", lambda talk: talk.by_class_teacher
	)


# ---- family contacts and home visits

_CHANNELS = {"Family Phone": 5, "Phone": 3, "WeChat": 3, "Video": 2, "Letter": 0.3, "Parent Meeting": 0.5}
_WITH_WHOM = {"Mother": 4, "Father": 3, "Both Parents": 2, "Guardian": 2}
_SUMMARIES = (
	"告知孩子近期学习情况，家长表示会多打电话",
	"家长询问孩子身体情况，已如实告知",
	"帮助孩子和父母视频通话，孩子很开心",
	"提醒家长关注孩子的情绪变化",
	"沟通孩子寄宿生活，家长放心",
)
_VISIT_FINDINGS = (
	"居住条件一般，奶奶身体尚可",
	"家中整洁，孩子有固定学习的地方",
	"屋内潮湿，建议申请危房改造",
	"爷爷奶奶年事已高，辅导作业有困难",
	"孩子在家常看电视到很晚",
)
_LIVING = {"Good": 3, "Fair": 5, "Poor": 1.5}


@dataclass(frozen=True)
class ContactPlan:
	child: int
	contact_date: datetime.date
	channel: str
	with_whom: str
	contacted_by: str
	summary: str
	minutes: int = 0  # of a call or video (0: not a call)
	logged_by_parent: int = 0  # on the parents' own page (家长端)


@dataclass(frozen=True)
class VisitPlan:
	child: int
	visit_date: datetime.date
	visitors: str
	recorded_by: str
	who_was_home: str
	living_conditions: str
	findings: str
	parent_note: str | None = None  # 给家长的话 (家长端)


def generate_contacts_and_visits(county: DemoCounty, seed: int) -> tuple[list[ContactPlan], list[VisitPlan]]:
	"""This school year's family contacts (most months) and home visits (most children, once a
	term), made by the class teacher; deterministic for a seed."""
	rng = random.Random(f"contacts-{seed}")
	people = {p.email: p for p in county.staff}
	classes = {c.name: c for c in county.classes}
	terms = sorted(county.terms, key=lambda t: t.start_date)
	contacts, visits = [], []
	for index, child in enumerate(county.children):
		if child.status != ACTIVE:
			continue
		teacher = classes[child.care_class].class_teacher
		since = max(child.filed_on or terms[0].start_date, terms[0].start_date)
		for first in months_between(since, county.today):
			last = min(county.today, first.replace(day=28))
			if last < max(first, since) or rng.random() > 0.8:
				continue
			contacts.append(
				ContactPlan(
					index,
					max(first, since)
					+ datetime.timedelta(days=rng.randint(0, (last - max(first, since)).days)),
					rng.choices(list(_CHANNELS), weights=list(_CHANNELS.values()))[0],
					rng.choices(list(_WITH_WHOM), weights=list(_WITH_WHOM.values()))[0],
					teacher,
					rng.choice(_SUMMARIES),
				)
			)
		for term in terms:
			start, end = max(term.start_date, since), min(term.end_date, county.today)
			if end <= start or rng.random() > 0.7:
				continue
			visits.append(
				VisitPlan(
					index,
					start + datetime.timedelta(days=rng.randint(0, (end - start).days)),
					f"班主任{people[teacher].full_name}",
					teacher,
					rng.choice(("奶奶", "爷爷奶奶", "外婆", "爷爷", "姑姑")),
					rng.choices(list(_LIVING), weights=list(_LIVING.values()))[0],
					rng.choice(_VISIT_FINDINGS),
				)
			)
	minutes = random.Random(f"call-minutes-{seed}")
	contacts = [
		dataclasses.replace(c, minutes=minutes.randint(*_CALL_MINUTES[c.channel]))
		if c.channel in _CALL_MINUTES
		else c
		for c in contacts
	]
	return contacts, with_parent_notes(visits, _VISIT_PARENT_NOTES, 0.5, f"visit-notes-{seed}")


# ---- meetings (座谈会, 家长会, 研讨会)

_PARENT_MEETING_TOPICS = ("期中家长会", "期末家长会：假期安全与学习安排", "开学家长会：寄宿生活与亲情沟通")
_SYMPOSIUM_TOPICS = ("留守儿童座谈会：说说心里话", "结对帮扶座谈会", "亲情沟通座谈会")
_SEMINAR_TOPICS = ("留守儿童关爱工作研讨会", "谈心记录卡填写交流", "问题儿童个别教育方案研讨")
_MINUTES = (
	"通报本学期留守儿童关爱工作情况，听取监护人意见，布置下一阶段工作。",
	"孩子们讲述在校生活，帮扶教师和监护人逐一交流，记录需要跟进的事项。",
	"交流谈心、家访经验，讨论重点儿童的帮扶措施。",
)


@dataclass(frozen=True)
class AttendeePlan:
	attendee_kind: str
	child: int | None  # index into DemoCounty.children
	user: str | None
	attendee_name: str
	present: bool = True


@dataclass(frozen=True)
class MeetingPlan:
	meeting_type: str
	topic: str
	meeting_date: datetime.date
	school: str
	care_class: str | None
	place: str
	host: str
	minutes: str
	attendees: tuple[AttendeePlan, ...]


def generate_meetings(county: DemoCounty, pairings: list[PairingPlan], seed: int) -> list[MeetingPlan]:
	"""Each term up to today: a parent meeting (家长会) in most classes, where most children's
	guardians come (now and then a parent home from work); a symposium (座谈会) of mentors, their
	children and guardians in most schools; a staff seminar (研讨会) in some. Deterministic for a seed."""
	rng = random.Random(f"meetings-{seed}")
	people = {p.email: p for p in county.staff}
	guardians = {g.key: g for g in county.guardians}
	classes_of: dict[str, list] = {}
	for school_class in county.classes:
		classes_of.setdefault(school_class.school, []).append(school_class)
	children_of: dict[str, list[int]] = {}
	for index, child in enumerate(county.children):
		if child.status == ACTIVE:
			children_of.setdefault(child.care_class, []).append(index)
	mentored: dict[str, list[tuple[int, PairingPlan]]] = {}
	for plan in pairings:
		if plan.status == pairing.ACTIVE:
			mentored.setdefault(county.children[plan.child].school, []).append((plan.child, plan))

	def weekday_between(start: datetime.date, end: datetime.date) -> datetime.date | None:
		days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
		days = [d for d in days if d.weekday() < 5]
		return rng.choice(days) if days else None

	def guardian_row(index: int) -> AttendeePlan | None:
		child = county.children[index]
		if child.parents_away and rng.random() < 0.1:
			return AttendeePlan(meeting_rules.PARENT, index, None, child.parents_away[0].parent_name)
		primary = next((link for link in child.guardians if link.is_primary), None) or (
			child.guardians[0] if child.guardians else None
		)
		if primary is None:
			return None
		return AttendeePlan(meeting_rules.GUARDIAN, index, None, guardians[primary.guardian].guardian_name)

	def filed_by(index: int, day: datetime.date) -> bool:
		filed_on = county.children[index].filed_on
		return not filed_on or filed_on <= day

	meetings = []
	for term in sorted(county.terms, key=lambda t: t.start_date):
		start, end = term.start_date + datetime.timedelta(days=7), min(term.end_date, county.today)
		if end < start:
			continue
		for school in county.schools:
			leader = next((m.user for m in school.members if m.member_role == MEMBER_LEADER), None)
			for school_class in classes_of.get(school.school_name, ()):
				day = weekday_between(start, end)
				if day is None or rng.random() > 0.75 or not school_class.class_teacher:
					continue
				teacher = school_class.class_teacher
				rows = [AttendeePlan(meeting_rules.STAFF, None, teacher, people[teacher].full_name)]
				for index in children_of.get(school_class.name, ()):
					if filed_by(index, day) and rng.random() < 0.7 and (row := guardian_row(index)):
						rows.append(row)
				if len(rows) > 1:
					meetings.append(
						MeetingPlan(
							meeting_rules.PARENT_MEETING,
							rng.choice(_PARENT_MEETING_TOPICS),
							day,
							school.school_name,
							school_class.name,
							"教室",
							teacher,
							rng.choice(_MINUTES),
							tuple(rows),
						)
					)
			if not leader:
				continue
			day = weekday_between(start, end)
			candidates = [(i, p) for i, p in mentored.get(school.school_name, ()) if day and filed_by(i, day)]
			if day and candidates and rng.random() < 0.8:
				rows, seen = (
					[AttendeePlan(meeting_rules.STAFF, None, leader, people[leader].full_name)],
					set(),
				)
				for index, plan in rng.sample(candidates, min(len(candidates), 8)):
					if index not in seen:
						seen.add(index)
						rows.append(
							AttendeePlan(meeting_rules.CHILD, index, None, county.children[index].child_name)
						)
						if rng.random() < 0.6 and (row := guardian_row(index)):
							rows.append(row)
					mentor = (plan.mentor_user, plan.mentor_name)
					if mentor not in {
						(r.user, r.attendee_name) for r in rows if r.attendee_kind == meeting_rules.MENTOR
					}:
						rows.append(
							AttendeePlan(meeting_rules.MENTOR, None, plan.mentor_user, plan.mentor_name)
						)
				meetings.append(
					MeetingPlan(
						meeting_rules.SYMPOSIUM,
						rng.choice(_SYMPOSIUM_TOPICS),
						day,
						school.school_name,
						None,
						"会议室",
						leader,
						rng.choice(_MINUTES),
						tuple(rows),
					)
				)
			day = weekday_between(start, end)
			if day and rng.random() < 0.5:
				staff = [leader] + [
					c.class_teacher for c in classes_of.get(school.school_name, ()) if c.class_teacher
				]
				rows = tuple(
					AttendeePlan(meeting_rules.STAFF, None, user, people[user].full_name)
					for user in dict.fromkeys(staff)
				)
				meetings.append(
					MeetingPlan(
						meeting_rules.STAFF_SEMINAR,
						rng.choice(_SEMINAR_TOPICS),
						day,
						school.school_name,
						None,
						"会议室",
						leader,
						rng.choice(_MINUTES[2:]),
						rows,
					)
				)
	return meetings


# ---- intervention plans (个别教育管理方案)

_PROBLEMS = {
	"Not Studying": ("上课走神，作业经常不交", "成绩明显下滑，对学习失去兴趣"),
	"Psychological": ("常常一个人发呆，夜里哭醒", "提到外出的妈妈就情绪低落"),
	"Behaviour": ("与同学发生冲突，动手打人", "多次逃课去网吧"),
	"Personality Development": ("胆小孤僻，不愿与人交流", "遇事退缩，缺乏自信"),
	"Moral Development": ("拿同学的文具不还", "说谎逃避批评"),
	"Safety": ("放学后常独自到河边玩", "周末无人看管，独自在家"),
}
_GOALS = (
	"按时完成作业，期末主要科目及格",
	"每周主动与老师或同学交流一次，情绪稳定",
	"不再与同学动手，学会用语言解决矛盾",
	"放学后按时回家，周末有人照看",
)
_ACTIONS = (
	"班主任每周两次课后辅导",
	"心理老师每两周谈心一次",
	"安排优秀学生结对学习",
	"每周与在外父母视频通话一次",
	"联系村委会落实周末照看",
	"家访，与监护人商定作息",
)
_PROGRESS = ("作业完成情况好转", "情绪比以前稳定", "与同学相处有进步", "仍有反复，需要继续关注")
_OUTCOMES = ("目标基本达成，转入日常关注", "学习和情绪明显好转，结束方案")
# How far the county's plans have come: (state, weight).
_PLAN_STATES = {
	"Draft": 1.5,
	"Pending Approval": 1.5,
	"In Progress": 4,
	"Under Review": 1,
	"Closed": 1.5,
	"Escalated": 0.5,
}
_REFERRALS = ("Civil Affairs", "Health Services", "Township Government")


@dataclass(frozen=True)
class PlanPlan:
	child: int
	state: str
	drafted_on: datetime.date
	responsible_teacher: str
	participating_leader: str
	problems: tuple[tuple[str, str], ...]
	goals: str
	actions: tuple[tuple[str, datetime.date, bool], ...]
	reviews: tuple[tuple[datetime.date, str], ...]
	# (from, action, to, by, on) in order; the last one is the state's.
	transitions: tuple[tuple[str, str, str, str, datetime.date], ...]
	approved_on: datetime.date | None = None
	outcome: str | None = None
	referral_target: str | None = None
	referral_date: datetime.date | None = None


def generate_plans(county: DemoCounty, seed: int, share: float = 0.05) -> list[PlanPlan]:
	"""Plans for about `share` of the active children (those without a capable guardian first),
	each as far along the workflow as a believable county has them: drafted by the class teacher,
	approved by a leader of the school, reviewed monthly, some closed or escalated."""
	rng = random.Random(f"plans-{seed}")
	teachers = county.class_teacher_of()
	leaders = {
		school.school_name: [m.user for m in school.members if m.member_role == MEMBER_LEADER]
		for school in county.schools
	}
	candidates = [
		i
		for i, child in enumerate(county.children)
		if child.status == ACTIVE and child.care_class and leaders.get(child.school)
	]
	guardians = {g.key: g for g in county.guardians}
	weak = [
		i
		for i in candidates
		if not any(
			guardians[link.guardian].capacity == CAPACITY_GOOD for link in county.children[i].guardians
		)
	]
	count = round(len(candidates) * share)
	chosen = (weak + [i for i in candidates if i not in set(weak)])[:count]
	plans = []
	for index in chosen:
		child = county.children[index]
		teacher = teachers[child.care_class]
		leader = rng.choice(leaders[child.school])
		state = rng.choices(list(_PLAN_STATES), weights=list(_PLAN_STATES.values()))[0]
		drafted = county.today - datetime.timedelta(days=rng.randint(20, 120))
		kinds = rng.sample(list(_PROBLEMS), rng.randint(1, 2))
		problems = tuple((kind, rng.choice(_PROBLEMS[kind])) for kind in kinds)
		moves = [
			(
				"Draft",
				"Submit for Approval",
				"Pending Approval",
				teacher,
				drafted + datetime.timedelta(days=1),
			)
		]
		approved = reviews = None
		if state not in ("Draft", "Pending Approval"):
			approved = drafted + datetime.timedelta(days=rng.randint(2, 6))
			moves.append(("Pending Approval", "Approve", "In Progress", leader, approved))
			day, reviews = approved + datetime.timedelta(days=30), []
			while day < county.today - datetime.timedelta(days=2) and rng.random() < 0.85:
				reviews.append((day, rng.choice(_PROGRESS)))
				day += datetime.timedelta(days=30)
		if state == "Under Review":
			moves.append(
				(
					"In Progress",
					"Start Review",
					"Under Review",
					teacher,
					county.today - datetime.timedelta(days=2),
				)
			)
		ended = county.today - datetime.timedelta(days=rng.randint(1, 10))
		if state == "Closed":
			moves.append(("In Progress", "Close Plan", "Closed", leader, ended))
		if state == "Escalated":
			moves.append(("In Progress", "Escalate", "Escalated", leader, ended))
		if state == "Draft":
			moves = []
		actions = tuple(
			(
				action,
				drafted + datetime.timedelta(days=rng.randint(14, 60)),
				approved is not None and rng.random() < 0.5,
			)
			for action in rng.sample(_ACTIONS, rng.randint(1, 3))
		)
		plans.append(
			PlanPlan(
				child=index,
				state=state,
				drafted_on=drafted,
				responsible_teacher=teacher,
				participating_leader=leader,
				problems=problems,
				goals=rng.choice(_GOALS),
				actions=actions,
				reviews=tuple(reviews or ()),
				transitions=tuple(moves),
				approved_on=approved,
				outcome=rng.choice(_OUTCOMES) if state == "Closed" else None,
				referral_target=rng.choice(_REFERRALS) if state == "Escalated" else None,
				referral_date=ended if state == "Escalated" else None,
			)
		)
	return plans


# ---- care assessments (关爱评估), counselling (心理辅导) and major incidents (重大事项)

_PROBLEM_DOMAINS = {
	"Not Studying": "Study",
	"Behaviour": "Behaviour",
	"Moral Development": "Behaviour",
	"Psychological": "Psychology",
	"Personality Development": "Psychology",
	"Safety": "Safety",
	"Health and Daily Care": "Health",
	"Family Bonds": "Family Bonds",
}


@dataclass(frozen=True)
class AssessmentPlan:
	child: int
	term: str
	assessed_on: datetime.date
	assessed_by: str
	answers: tuple[int, ...]  # in the order of assessment.DEFAULT_TEMPLATE
	result: assessment.AssessmentResult
	plan: int | None = None  # the index of the plan it proposed or joined, for a high result


def generate_assessments(
	county: DemoCounty, plans: list[PlanPlan], seed: int, share: float = 0.6
) -> list[AssessmentPlan]:
	"""This term's assessment (default template) of about `share` of the active children and of
	every child with a plan. A child with a plan was found in trouble in the domains of its
	problems, usually at high risk, before the plan was drafted; the others mostly score low, a
	weak guardian showing in the safety and family answers, and none of them high (a high result
	would have drafted a plan)."""
	rng = random.Random(f"assessments-{seed}")
	term = next((t for t in county.terms if t.start_date <= county.today <= t.end_date), None)
	if term is None:
		return []
	teachers = county.class_teacher_of()
	guardians = {g.key: g for g in county.guardians}
	planned = {plan.child: (i, plan) for i, plan in enumerate(plans)}
	keys = [item.key for item in assessment.DEFAULT_TEMPLATE]
	out = []
	for index, child in enumerate(county.children):
		if child.status != ACTIVE or not child.care_class or not child.filed_on:
			continue
		if index not in planned and rng.random() >= share:
			continue
		first = max(term.start_date + datetime.timedelta(days=7), child.filed_on)
		last = county.today - datetime.timedelta(days=1)
		plan_index, plan = planned.get(index, (None, None))
		if plan is not None:
			last = min(last, plan.drafted_on)
		if first > last:
			continue
		day = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
		weak = not any(guardians[g.guardian].capacity == CAPACITY_GOOD for g in child.guardians)
		if plan is not None:
			troubled = {_PROBLEM_DOMAINS[kind] for kind, _ in plan.problems}
			values = {
				item.key: rng.choice((2, 3, 3)) if item.domain in troubled else rng.choice((0, 1, 1, 2))
				for item in assessment.DEFAULT_TEMPLATE
			}
			if "Psychology" in troubled and rng.random() < 0.3:
				values["psychology_self_harm"] = 1
		else:
			# Most children are doing well; a quarter (more of those with a weak guardian) worry
			# their teachers in several ways at once.
			worried = rng.random() < (0.4 if weak else 0.2)
			weights = (2, 4, 2) if worried else (6, 3, 1)
			values = {
				item.key: rng.choices((0, 1, 2), weights=weights)[0] for item in assessment.DEFAULT_TEMPLATE
			}
			if weak:
				values["safety_no_guardian_at_night"] = 1
				values["family_feels_abandoned"] = rng.choice((1, 2))
			values = _below_high(values)
		answers = tuple(values[key] for key in keys)
		result = assessment.score(
			assessment.DEFAULT_TEMPLATE,
			[assessment.Answer(k, v) for k, v in zip(keys, answers, strict=True)],
			assessment.DEFAULT_THRESHOLDS,
		)
		linked = plan_index if result.risk_level == assessment.HIGH and plan is not None else None
		out.append(
			AssessmentPlan(index, term.term_name, day, teachers[child.care_class], answers, result, linked)
		)
	return out


def _below_high(values: dict[str, int]) -> dict[str, int]:
	"""Lower the highest answers until the result is not high and no red flag is raised."""
	values = {
		item.key: min(values[item.key], item.red_flag_at - 1) if item.red_flag_at else values[item.key]
		for item in assessment.DEFAULT_TEMPLATE
	}
	while True:
		result = assessment.score(
			assessment.DEFAULT_TEMPLATE,
			[assessment.Answer(k, v) for k, v in values.items()],
			assessment.DEFAULT_THRESHOLDS,
		)
		if result.risk_level != assessment.HIGH:
			return values
		top = max(values, key=lambda k: values[k])
		values[top] -= 1


_SESSION_NOTES = {
	"Individual Counselling": (
		"谈到想念外出打工的妈妈时哭了，说晚上睡不着",
		"说同学嘲笑他没有爸妈管，心里很难受",
		"情绪比上次平稳，愿意说出心里话",
	),
	"Group Counselling": ("小组分享“我的家人”，多数孩子能说出父母的辛苦", "团体游戏中学会互相帮助"),
	"Psychological Correction": ("讨论打架的后果，孩子承认冲动，愿意改正", "约定遇到冲突先找老师"),
	"Emotional Education": ("学习识别和表达情绪，画出自己的心情", "练习深呼吸放松"),
	"Independent Living Education": ("学习整理床铺、洗衣服", "学习安排周末的作息"),
	"Understanding Parents Education": (
		"观看父母在外务工的视频，写一封给父母的信",
		"分享父母为家庭付出的故事",
	),
}
_FOLLOW_UPS = ("两周后再约谈一次", "请班主任多留意课间情绪", "与监护人电话沟通孩子近况", None)
_SESSION_KINDS = {
	"Group Counselling": 3,
	"Emotional Education": 2,
	"Independent Living Education": 1.5,
	"Understanding Parents Education": 2,
}


@dataclass(frozen=True)
class CounselingPlan:
	child: int
	session_date: datetime.date
	session_kind: str
	counselor: str
	notes: str
	follow_up: str | None
	follow_up_date: datetime.date | None


def generate_counselling(
	county: DemoCounty, plans: list[PlanPlan], seed: int, share: float = 0.1
) -> list[CounselingPlan]:
	"""The school counsellor's sessions this school year: individual counselling (and correction for
	behaviour) for children whose plan names psychological or behaviour problems, and group,
	emotional, independent-living and 体谅父母 education for about `share` of the other children."""
	rng = random.Random(f"counselling-{seed}")
	counsellors = {
		school.school_name: [m.user for m in school.members if m.member_role == MEMBER_COUNSELOR]
		for school in county.schools
	}
	year_start = min(t.start_date for t in county.terms)
	with_plan = {plan.child: plan for plan in plans}
	sessions = []
	for index, child in enumerate(county.children):
		users = counsellors.get(child.school)
		if child.status != ACTIVE or not users or not child.filed_on:
			continue
		first = max(year_start, child.filed_on)
		if first >= county.today:
			continue
		plan = with_plan.get(index)
		kinds_of_plan = {kind for kind, _ in plan.problems} if plan else set()
		if kinds_of_plan & {"Psychological", "Personality Development", "Family Bonds"}:
			kinds = ["Individual Counselling"] * rng.randint(1, 3)
		elif kinds_of_plan & {"Behaviour", "Moral Development"}:
			kinds = ["Psychological Correction"] * rng.randint(1, 2)
		elif rng.random() < share:
			kinds = [rng.choices(list(_SESSION_KINDS), weights=list(_SESSION_KINDS.values()))[0]]
		else:
			continue
		for kind in kinds:
			day = first + datetime.timedelta(days=rng.randint(0, (county.today - first).days))
			follow_up = (
				rng.choice(_FOLLOW_UPS)
				if kind in ("Individual Counselling", "Psychological Correction")
				else None
			)
			follow_day = day + datetime.timedelta(days=14) if follow_up else None
			sessions.append(
				CounselingPlan(
					index,
					day,
					kind,
					rng.choice(users),
					rng.choice(_SESSION_NOTES[kind]),
					follow_up,
					follow_day,
				)
			)
	return sessions


# (kind, weight, what happened, where, what followed)
_INCIDENTS = (
	("Illness", 5, "上课时发高烧，体温39度", "教室", "送乡镇卫生院，监护人接回家休息"),
	("Injury", 4, "课间在操场摔倒，膝盖擦伤流血", "操场", "校医包扎，次日复查无大碍"),
	("Accident", 1, "放学路上被电动车碰倒，手臂骨折", "村道", "送县医院治疗，父亲请假回家照顾"),
	("Bullying", 1.5, "被高年级学生索要零花钱并推搡", "校门口", "约谈双方学生和家长，加强放学时段值守"),
	(
		"Gone Missing",
		0.3,
		"周末未回家，傍晚在镇上网吧找到",
		"镇上网吧",
		"与监护人约定周末去向报备，心理老师跟进谈话",
	),
	("Psychological Crisis", 0.5, "在作文中写到不想活了", "教室", "心理老师当天约谈，联系父母，制定帮扶方案"),
	(
		"Suspected Abuse or Neglect",
		0.3,
		"身上多处淤青，说是被喝醉的亲戚打的",
		"教室",
		"已报告派出所和乡镇，孩子暂住学校宿舍",
	),
)
_REPORTED_TO = ("乡镇派出所", "县民政局未成年人保护中心", "乡镇人民政府")


@dataclass(frozen=True)
class IncidentPlan:
	child: int
	incident_kind: str
	occurred_at: datetime.datetime
	place: str
	recorded_by: str
	description: str
	parents_notified_at: datetime.datetime | None
	notified_by: str | None
	reported_to: str | None
	reported_at: datetime.datetime | None
	follow_up: str | None
	plan: int | None


def generate_incidents(
	county: DemoCounty, plans: list[PlanPlan], seed: int, share: float = 0.04
) -> list[IncidentPlan]:
	"""Major incidents of this school year for about `share` of the active children: mostly illness
	and injuries, a few bullying cases, rarely a child missing, in crisis or suspected of being hurt
	at home (reported to the authorities). Parents are told within hours, now and then only the
	next day; the latest incident may still wait for its follow-up."""
	rng = random.Random(f"incidents-{seed}")
	teachers = county.class_teacher_of()
	year_start = min(t.start_date for t in county.terms)
	plan_of = {plan.child: i for i, plan in enumerate(plans)}
	weights = [w for _, w, *_ in _INCIDENTS]
	incidents = []
	for index, child in enumerate(county.children):
		if child.status != ACTIVE or not child.care_class or not child.filed_on or rng.random() >= share:
			continue
		first = max(year_start, child.filed_on)
		if first >= county.today:
			continue
		kind, _, description, place, follow_up = rng.choices(_INCIDENTS, weights=weights)[0]
		day = first + datetime.timedelta(days=rng.randint(0, (county.today - first).days - 1))
		occurred = datetime.datetime.combine(
			day, datetime.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
		)
		late = rng.random() < 0.15
		told = occurred + datetime.timedelta(hours=rng.randint(26, 40) if late else rng.randint(1, 5))
		recent = (county.today - day).days < 3
		reported = kind in incidents_rules.MANDATORY_REPORT_KINDS
		incidents.append(
			IncidentPlan(
				index,
				kind,
				occurred,
				place,
				teachers[child.care_class],
				description,
				told,
				rng.choice(("班主任电话告知母亲", "班主任微信视频告知父亲", "校长电话告知父母")),
				rng.choice(_REPORTED_TO) if reported else None,
				occurred + datetime.timedelta(hours=rng.randint(1, 6)) if reported else None,
				None if recent else follow_up,
				plan_of.get(index),
			)
		)
	return incidents
