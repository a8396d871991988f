"""Demo data of the support around the child, for a generated county (`core.demo.generate_county`):
how far each child lives from school and the class teacher's notes of long absence or failing;
this term's three priorities, boarding records (most boarders in middle schools, as the county's
children already are), aid (the compulsory-education guarantee and nutrition meals to every
hardship family, grants and donations to some), the school's funds of the term, dropout follow-up
cases (open for every child whose schooling stopped, some closed earlier in the year with the child
back), safety inspections with hazards fixed, reported and overdue, the township 留守儿童之家 and
care activities. Framework-free and deterministic for a seed."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from leftbehind_care.core import keep_in_school
from leftbehind_care.core import support as rules
from leftbehind_care.core.child import ACTIVE, CAPACITY_GOOD
from leftbehind_care.core.demo import DemoCounty
from leftbehind_care.core.scope import MEMBER_LEADER

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class ChildExtras:
	child: int
	distance_to_school_km: float
	long_absence: bool
	repeated_failing: bool


@dataclass(frozen=True)
class PriorityPlan:
	child: int
	priority_kind: str
	support_date: datetime.date
	given_by: str
	what_was_done: str


@dataclass(frozen=True)
class BoardingPlan:
	child: int
	term: str
	boarding_from: datetime.date
	recorded_by: str
	dormitory: str
	bed: str
	evening_study_group: str
	meals: str
	dorm_keeper_name: str
	dorm_keeper_phone: str


@dataclass(frozen=True)
class AidPlan:
	child: int
	aid_kind: str
	aid_date: datetime.date
	handed_over_by: str
	amount: Decimal | None
	items: str | None
	source: str
	donor: str | None


@dataclass(frozen=True)
class FundPlan:
	school: str
	term: str
	pupils: int
	pupils_boarding: int
	public_funds: Decimal
	lines: tuple[rules.FundLine, ...]


@dataclass(frozen=True)
class AttemptPlan:
	attempt_date: datetime.date
	by_whom: str
	with_whom: str
	outcome: str


@dataclass(frozen=True)
class DropoutPlan:
	child: int
	opened_on: datetime.date
	opened_by: str
	responsible_leader: str | None
	reason: str
	attempts: tuple[AttemptPlan, ...]
	case_status: str
	return_date: datetime.date | None


@dataclass(frozen=True)
class HazardPlan:
	area: str
	description: str
	risk_level: str
	owner_name: str
	deadline: datetime.date
	fixed_on: datetime.date | None
	reported_to: str | None
	reported_on: datetime.date | None
	affected: tuple[int, ...]


@dataclass(frozen=True)
class InspectionPlan:
	school: str
	inspection_date: datetime.date
	inspectors: str
	hazards: tuple[HazardPlan, ...]


@dataclass(frozen=True)
class VenuePlan:
	venue_name: str
	venue_kind: str
	township: str
	keeper_name: str
	keeper_phone: str


@dataclass(frozen=True)
class ActivityPlan:
	activity_kind: str
	title: str
	activity_date: datetime.date
	school: str
	care_class: str | None
	care_venue: str | None
	host: str
	participants: tuple[int, ...]


@dataclass
class SupportDemo:
	extras: list[ChildExtras]
	priorities: list[PriorityPlan]
	boarding: list[BoardingPlan]
	aid: list[AidPlan]
	funds: list[FundPlan]
	dropouts: list[DropoutPlan]
	inspections: list[InspectionPlan]
	venues: list[VenuePlan]
	activities: list[ActivityPlan]


_TUTORING = ("周末数学补习", "晚自习语文辅导", "英语单词过关辅导", "作文一对一指导")
_DAILY = ("帮助缝补衣物", "生病时陪同就医", "冬季添置棉被", "生日时送上蛋糕")
_PLACEMENT = ("安排参加合唱队", "推荐参加书法兴趣小组", "安排担任升旗手", "参加学校运动会")
_DONE = {rules.TUTORING: _TUTORING, rules.DAILY_CARE: _DAILY, rules.ACTIVITY_PLACEMENT: _PLACEMENT}
_KEEPERS = ("王阿姨", "李阿姨", "张师傅", "刘阿姨", "陈师傅")
_REASONS = (
	"家中无人照看，随亲戚外出打零工",
	"厌学，长期沉迷网络游戏",
	"身体原因休学在家",
	"随父母到务工地，未办理转学",
)
_OUTCOMES = (
	"监护人答应下周送孩子返校",
	"孩子愿意回校，但担心跟不上功课",
	"家长仍未同意，约定下次再谈",
	"已联系父母视频沟通",
)
_HAZARDS = (
	("Water", "学校东侧池塘无护栏、无警示牌", "High", "县水利局"),
	("Traffic", "校门口公路无减速带和斑马线", "High", "县交通运输局"),
	("Dormitory", "宿舍楼部分插座老化", "Medium", None),
	("Canteen", "食堂消毒柜损坏", "Medium", None),
	("Campus", "操场围墙一段有裂缝", "Low", None),
	("Surroundings", "学校附近有无证网吧", "Medium", "县文化市场综合执法大队"),
)
_ACTIVITIES = (
	("Theme Class Meeting", "“感恩父母”主题班会"),
	("Family Bond Activity", "亲情视频通话日"),
	("Painting and Calligraphy Show", "留守儿童书画展"),
	("Speech Contest", "“我的梦想”演讲比赛"),
	("Performance", "元旦文艺演出"),
	("Mental Health Class", "心理健康教育课：学会表达情绪"),
	("Group Activity", "团队拓展活动"),
	("Outing", "参观县科技馆"),
)


def generate_support(county: DemoCounty, seed: int) -> SupportDemo:
	rng = random.Random(f"support-{seed}")
	term = next((t for t in county.terms if t.start_date <= county.today <= t.end_date), None)
	teachers = county.class_teacher_of()
	leaders = {
		s.school_name: [m.user for m in s.members if m.member_role == MEMBER_LEADER] for s in county.schools
	}
	guardians = {g.key: g for g in county.guardians}
	active = [i for i, c in enumerate(county.children) if c.status == ACTIVE and c.care_class and c.filed_on]
	extras = [
		ChildExtras(
			i,
			round(rng.choice((0.5, 1.0, 1.5, 2.0, 2.5, 3.5, 4.5, 6.0, 8.0)) + rng.random() / 2, 1),
			rng.random() < 0.03,
			rng.random() < 0.05,
		)
		for i in active
	]
	demo = SupportDemo(extras, [], [], [], [], [], [], [], [])
	if term is None:
		return demo
	since = max(term.start_date, county.today - 80 * DAY)
	span = max((county.today - since).days, 1)

	def day_after(start: datetime.date) -> datetime.date:
		first = max(start, since)
		return first + rng.randint(0, max((county.today - first).days, 0)) * DAY

	weak = {
		i
		for i in active
		if not any(guardians[g.guardian].capacity == CAPACITY_GOOD for g in county.children[i].guardians)
	}
	for i in active:
		child = county.children[i]
		teacher = teachers[child.care_class]
		chance = 0.85 if i in weak else 0.6
		if rng.random() < chance:
			for kind in rng.sample(rules.PRIORITIES, rng.randint(1, 3)):
				demo.priorities.append(
					PriorityPlan(i, kind, day_after(child.filed_on), teacher, rng.choice(_DONE[kind]))
				)
		if child.is_boarding:
			demo.boarding.append(
				BoardingPlan(
					i,
					term.term_name,
					max(term.start_date, child.filed_on),
					teacher,
					child.dormitory or "学生宿舍",
					f"{rng.randint(1, 8)}号床",
					f"{child.grade}年级晚自习{rng.randint(1, 3)}组",
					rng.choice(("Three Meals", "Three Meals", "Lunch and Supper")),
					rng.choice(_KEEPERS),
					f"139{rng.randint(10000000, 99999999)}",
				)
			)
		hardship = child.is_dibao or child.is_poverty_registered
		if hardship:
			guarantee = Decimal(1250 if child.grade >= 7 else 1000)
			demo.aid.append(
				AidPlan(
					i,
					"Compulsory Education Guarantee",
					term.start_date + 20 * DAY,
					teacher,
					guarantee / 2,
					None,
					"县教育局",
					None,
				)
			)
			demo.aid.append(
				AidPlan(
					i,
					"Nutrition Meals",
					term.start_date + 10 * DAY,
					teacher,
					Decimal(400),
					None,
					"营养改善计划",
					None,
				)
			)
			if rng.random() < 0.3:
				demo.aid.append(
					AidPlan(
						i,
						"Social Donation",
						day_after(child.filed_on),
						teacher,
						Decimal(rng.choice((200, 300, 500))),
						None,
						"社会捐助",
						rng.choice(("县慈善总会", "县爱心企业联合会", "在外乡贤")),
					)
				)
		elif rng.random() < 0.05:
			demo.aid.append(
				AidPlan(
					i,
					"Goods",
					day_after(child.filed_on),
					teacher,
					None,
					rng.choice(("冬衣一套、棉鞋一双", "书包一个、文具一套")),
					"学校",
					None,
				)
			)
	# Dropout follow-up: every child whose schooling stopped has an open case; a few children back
	# in school had theirs closed earlier this term.
	for i in active:
		child = county.children[i]
		school_leaders = leaders.get(child.school) or [None]
		teacher = teachers[child.care_class]
		stopped = child.schooling_status in keep_in_school.STOPPED
		resolved = not stopped and rng.random() < 0.01
		if not (stopped or resolved):
			continue
		opened = since + rng.randint(0, max(span - 14, 0)) * DAY
		attempts = []
		day = opened + DAY
		for _ in range(rng.randint(1, 3)):
			if day > county.today:
				break
			attempts.append(
				AttemptPlan(
					day,
					rng.choice(("班主任", "校长", "村委会主任")),
					rng.choice(("奶奶", "爷爷", "父亲（电话）")),
					rng.choice(_OUTCOMES),
				)
			)
			day += rng.randint(3, 10) * DAY
		back = min(day, county.today) if resolved else None
		demo.dropouts.append(
			DropoutPlan(
				i,
				opened,
				teacher,
				school_leaders[0],
				"身体原因休学在家"
				if child.schooling_status == keep_in_school.SUSPENDED
				else rng.choice(_REASONS),
				tuple(attempts),
				keep_in_school.BACK_IN_SCHOOL if resolved else keep_in_school.OPEN,
				back,
			)
		)
	# Schools: their term's funds and one or two safety inspections.
	by_school: dict[str, list[int]] = {}
	for i in active:
		by_school.setdefault(county.children[i].school, []).append(i)
	for school in county.schools:
		children = by_school.get(school.school_name, [])
		if not children:
			continue
		boarders = sum(county.children[i].is_boarding for i in children)
		pupils = len(children) * rng.randint(3, 5)
		public = Decimal(pupils * 600)
		lines = []
		for use, part in (("Boarding Improvement", 0.06), ("Aid", 0.04), ("Activities", 0.03)):
			allocated = (public * Decimal(str(part))).quantize(Decimal(1))
			spent = (allocated * Decimal(str(rng.choice((0.6, 0.8, 1.0))))).quantize(Decimal(1))
			lines.append(rules.FundLine(use, allocated, spent))
		demo.funds.append(
			FundPlan(
				school.school_name, term.term_name, pupils, boarders + pupils // 10, public, tuple(lines)
			)
		)
		for n in range(rng.randint(1, 2)):
			inspected = since + rng.randint(0, max(span - 1, 0)) * DAY
			hazards = []
			for area, text, level, department in rng.sample(_HAZARDS, rng.randint(0, 3)):
				deadline = inspected + rng.choice((7, 14, 30)) * DAY
				fate = rng.choice(("fixed", "fixed", "reported", "open"))
				fixed = reported_on = None
				if fate == "fixed" and deadline - 2 * DAY <= county.today:
					fixed = min(inspected + rng.randint(1, (deadline - inspected).days) * DAY, county.today)
				if fate == "reported" and department:
					reported_on = min(inspected + 2 * DAY, county.today)
				near = (
					tuple(rng.sample(children, min(len(children), 2))) if area in ("Water", "Traffic") else ()
				)
				hazards.append(
					HazardPlan(
						area,
						text,
						level,
						rng.choice(("总务主任", "安全副校长", "后勤主任")),
						deadline,
						fixed,
						department if reported_on else None,
						reported_on,
						near,
					)
				)
			demo.inspections.append(
				InspectionPlan(
					school.school_name,
					inspected,
					"安全副校长、总务主任" if n == 0 else "县安全督查组",
					tuple(hazards),
				)
			)
	for township in county.townships:
		demo.venues.append(
			VenuePlan(
				f"{township}留守儿童之家",
				"Left-Behind Children's Home",
				township,
				rng.choice(("赵主任", "钱主任", "孙主任")),
				f"137{rng.randint(10000000, 99999999)}",
			)
		)
	# Activities: a theme class meeting in most classes, a school activity or two, and now and then
	# one at the township's 留守儿童之家.
	by_class: dict[str, list[int]] = {}
	for i in active:
		by_class.setdefault(county.children[i].care_class, []).append(i)
	towns = {s.school_name: s.township for s in county.schools}
	for care_class, children in by_class.items():
		if rng.random() < 0.7:
			school = county.children[children[0]].school
			demo.activities.append(
				ActivityPlan(
					"Theme Class Meeting",
					rng.choice(("“感恩父母”主题班会", "“我爱我家”主题班会", "安全教育主题班会")),
					day_after(since),
					school,
					care_class,
					None,
					teachers[care_class],
					tuple(children),
				)
			)
	for school, children in by_school.items():
		for _ in range(rng.randint(1, 2)):
			kind, title = rng.choice(_ACTIVITIES[1:])
			at_home = rng.random() < 0.3
			host = (leaders.get(school) or [teachers[county.children[children[0]].care_class]])[0]
			demo.activities.append(
				ActivityPlan(
					kind,
					title,
					day_after(since),
					school,
					None,
					f"{towns[school]}留守儿童之家" if at_home else None,
					host,
					tuple(rng.sample(children, min(len(children), rng.randint(5, 25)))),
				)
			)
	return demo


# ---- 学期工作总结: what a school writes in its term summary

_PRACTICES = (
	"落实“一生一档”，本学期补齐了全部留守儿童的联系卡，班主任每月至少谈心一次。",
	"推行“代理家长”结对，优先安排教职工与无人监护风险高的孩子结对。",
	"每周三开通亲情电话，由班主任协助孩子与在外务工的父母视频通话。",
	"利用乡镇留守儿童之家开展周末兴趣活动，书画、阅读和体育小组覆盖大多数孩子。",
	"期中召开留守儿童监护人座谈会，讲解安全教育和家庭教育的方法。",
	"心理辅导室每周开放两次，对评估为中高风险的孩子建立了个别帮扶方案。",
)
_PROBLEMS = (
	"部分父母更换手机号码后未及时告知学校，家校联系中断。",
	"祖辈监护人年龄偏大，辅导作业和安全看护能力不足。",
	"家访任务集中在学期末，个别班级家访不及时。",
	"寄宿条件有限，离校较远的孩子尚未全部安排住校。",
	"少数教师谈心记录内容简单，发现问题后跟进不够。",
)
_MEASURES = (
	"开学第一周核对所有父母和监护人的联系电话，变更的当天更新档案。",
	"把家访分配到每个月，学期中检查完成情况。",
	"组织监护人培训，每学期至少一次。",
	"为中高风险儿童每月复查一次帮扶方案。",
	"争取寄宿床位，优先安排无人照看和离校三公里以上的孩子。",
)


def summary_texts(rng: random.Random) -> dict[str, str]:
	"""A school's written part of a term summary: two or three practices, problems and measures,
	one per line."""
	return {
		field: "\n".join(
			f"{n}. {line}" for n, line in enumerate(rng.sample(pool, rng.randint(2, 3)), start=1)
		)
		for field, pool in (("practices", _PRACTICES), ("problems", _PROBLEMS), ("next_measures", _MEASURES))
	}
