"""A realistic demo county, generated from a seed: townships, schools, classes, staff, guardians
and left-behind children whose files pass every rule of the app.

Framework-free: `generate_county` returns plain dataclasses; `leftbehind_care.demo` writes them to
a site. Field names follow the DocType fields so that the shell maps them one to one. The same
seed, child count, county and day always give the same county.
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from faker import Faker

from leftbehind_care.core import scope
from leftbehind_care.core.child import ACTIVE, AGE_LIMIT, PARENTS_RETURNED, TRANSFERRED, age_on
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.identity import FEMALE, MALE, make_id_number
from leftbehind_care.core.phone import normalize_phone
from leftbehind_care.core.school import (
	JUNIOR_MIDDLE,
	NINE_YEAR,
	PRIMARY,
	TEACHING_POINT,
	class_name,
	entry_year,
	school_year_start,
)

T = TypeVar("T")

EMAIL_DOMAIN = "demo.leftbehind.invalid"

# Left Behind Child.left_behind_type
BOTH_AWAY = "Both Parents Away"
ONE_AWAY_OTHER_CANNOT = "One Parent Away, Other Cannot Care"
ONE_AWAY = "One Parent Away"

# Left Behind Child Parent.home_frequency
HOME_FREQUENCIES = ("Monthly", "Quarterly", "Twice a Year", "Once a Year", "Less than Once a Year")

# Care Term.semester
FIRST_SEMESTER = "First Semester"
SECOND_SEMESTER = "Second Semester"

# A child starts grade 1 at six (in the school year after the sixth birthday), so in grade g the
# usual age on 1 September is 5 + g; a late start or a repeated year adds one or two.
ENTRY_AGE = 6


# ---- the county


@dataclass(frozen=True)
class Region:
	"""A county as ID numbers know it: its code since the 1997 reform and its code before."""

	county: str
	code: str
	old_code: str

	def code_for(self, birth_year: int) -> str:
		return self.code if birth_year >= 1997 else self.old_code


@dataclass(frozen=True)
class CountyProfile:
	key: str
	province: str
	prefecture: str
	region: Region
	area_code: str
	townships: tuple[str, ...]
	# Townships where many families belong to a minority (回族乡), with that ethnicity.
	minority_townships: tuple[tuple[str, str], ...]
	# Other counties of the prefecture: some families are registered there.
	neighbours: tuple[Region, ...]

	@property
	def county(self) -> str:
		return self.region.county

	def household_register(self, region: Region) -> str:
		return f"{self.province}{self.prefecture}{region.county}"


_SHANGQIU = dict(province="河南省", prefecture="商丘市", area_code="0370")
_SHANGQIU_COUNTIES = (
	Region("民权县", "411421", "412323"),
	Region("睢县", "411422", "412325"),
	Region("宁陵县", "411423", "412324"),
	Region("柘城县", "411424", "412327"),
	Region("虞城县", "411425", "412321"),
	Region("夏邑县", "411426", "412326"),
)


def _neighbours(county: str) -> tuple[Region, ...]:
	return tuple(r for r in _SHANGQIU_COUNTIES if r.county != county)


COUNTIES: dict[str, CountyProfile] = {
	"minquan": CountyProfile(
		key="minquan",
		region=_SHANGQIU_COUNTIES[0],
		townships=tuple(
			"城关镇 人和镇 龙塘镇 北关镇 程庄镇 王庄寨镇 孙六镇 白云寺镇 "
			"双塔镇 王桥镇 庄子镇 林七乡 老颜集乡 花园乡 褚庙乡 野岗乡 "
			"顺河乡 胡集回族乡 伯党回族乡".split()
		),
		minority_townships=(("胡集回族乡", "回族"), ("伯党回族乡", "回族")),
		neighbours=_neighbours("民权县"),
		**_SHANGQIU,
	),
	"suixian": CountyProfile(
		key="suixian",
		region=_SHANGQIU_COUNTIES[1],
		townships=tuple(
			"城关镇 西陵寺镇 蓼堤镇 潮庄镇 尚屯镇 长岗镇 平岗镇 周堂镇 "
			"城郊乡 涧岗乡 白庙乡 孙聚寨乡 河堤乡 董店乡 匡城乡 后台乡 "
			"胡堂乡 尤吉屯乡 白楼乡".split()
		),
		minority_townships=(),
		neighbours=_neighbours("睢县"),
		**_SHANGQIU,
	),
	"ningling": CountyProfile(
		key="ningling",
		region=_SHANGQIU_COUNTIES[2],
		townships=tuple(
			"城关回族镇 张弓镇 柳河镇 逻岗镇 石桥镇 黄岗镇 华堡镇 刘楼乡 "
			"程楼乡 乔楼乡 城郊乡 阳驿乡 赵村乡 孔集乡".split()
		),
		minority_townships=(("城关回族镇", "回族"),),
		neighbours=_neighbours("宁陵县"),
		**_SHANGQIU,
	),
}
DEFAULT_COUNTY = "minquan"


# ---- what is generated


@dataclass
class Person:
	"""A member of staff who gets a user account."""

	email: str
	full_name: str
	gender: str
	phone: str
	roles: tuple[str, ...]


@dataclass
class Village:
	name: str
	township: str
	contact_name: str | None
	contact_phone: str | None


@dataclass
class SchoolMember:
	user: str
	member_role: str
	duty: str
	phone: str


@dataclass
class School:
	school_name: str
	school_type: str
	township: str
	address: str
	phone: str
	grades: tuple[int, ...]
	members: list[SchoolMember] = field(default_factory=list)


@dataclass
class SubjectTeacher:
	teacher_name: str
	subject: str
	phone: str
	user: str | None = None


@dataclass
class SchoolClass:
	school: str
	grade: int
	class_no: int
	year_of_entry: int
	class_teacher: str = ""
	class_teacher_phone: str = ""
	subject_teachers: list[SubjectTeacher] = field(default_factory=list)

	@property
	def name(self) -> str:
		return class_name(self.school, self.year_of_entry, self.class_no)


@dataclass
class Guardian:
	key: int
	guardian_name: str
	relation: str
	phone: str | None
	age: int
	capacity: str
	health: str
	address: str
	id_number: str | None = None
	notes: str | None = None
	agreement_signed_on: datetime.date | None = None


@dataclass
class ParentAway:
	relation: str
	parent_name: str
	phone: str | None
	work_province: str
	work_place: str
	away_since: datetime.date
	home_frequency: str


@dataclass
class GuardianLink:
	guardian: int
	is_primary: bool


@dataclass
class StatusEntry:
	status: str
	status_date: datetime.date
	reason: str | None


@dataclass
class Child:
	child_name: str
	gender: str
	birth_date: datetime.date
	id_number: str
	ethnicity: str
	household_register: str
	household_type: str
	school: str
	grade: int
	care_class: str = ""
	schooling_status: str = "In School"
	is_boarding: bool = False
	dormitory: str | None = None
	address: str = ""
	village: str = ""
	village_contact_name: str | None = None
	village_contact_phone: str | None = None
	left_behind_type: str = BOTH_AWAY
	left_behind_since: datetime.date | None = None
	parents_away: list[ParentAway] = field(default_factory=list)
	guardians: list[GuardianLink] = field(default_factory=list)
	health_status: str | None = None
	has_disability: bool = False
	disability_notes: str | None = None
	health_notes: str | None = None
	family_economy: str | None = None
	is_dibao: bool = False
	is_poverty_registered: bool = False
	economy_notes: str | None = None
	contact_card_issued_on: datetime.date | None = None
	filed_on: datetime.date | None = None
	status: str = ACTIVE
	status_date: datetime.date | None = None
	status_reason: str | None = None
	status_log: list[StatusEntry] = field(default_factory=list)


@dataclass(frozen=True)
class TermPlan:
	term_name: str
	academic_year: str
	semester: str
	start_date: datetime.date
	end_date: datetime.date


@dataclass
class DemoCounty:
	profile: CountyProfile
	today: datetime.date
	townships: list[str]
	villages: list[Village]
	schools: list[School]
	classes: list[SchoolClass]
	staff: list[Person]
	guardians: list[Guardian]
	children: list[Child]
	terms: list[TermPlan]

	def class_teacher_of(self) -> dict[str, str]:
		"""Class name -> the class teacher's email."""
		return {c.name: c.class_teacher for c in self.classes}


# ---- school calendar


def academic_year_terms(today: datetime.date) -> list[TermPlan]:
	"""The two terms of the current school year, e.g. 2026-2027学年第一学期 and 第二学期."""
	start = school_year_start(today).year
	year = f"{start}-{start + 1}"
	return [
		TermPlan(
			f"{year}学年第一学期",
			year,
			FIRST_SEMESTER,
			datetime.date(start, 9, 1),
			datetime.date(start + 1, 1, 20),
		),
		TermPlan(
			f"{year}学年第二学期",
			year,
			SECOND_SEMESTER,
			datetime.date(start + 1, 2, 20),
			datetime.date(start + 1, 7, 10),
		),
	]


def adopt_calendar(planned: list[TermPlan], site: list[TermPlan]) -> list[TermPlan]:
	"""The terms the demo dates its records in: its own school year's (`planned`), except where the
	site's own calendar (`site`) already has terms on those days — then the site's terms that fall
	in that school year stand instead of the planned ones they overlap. A record dated in a term the
	site does not have would be refused on its next save (an assessment outside every term)."""
	start = min(t.start_date for t in planned)
	end = max(t.end_date for t in planned)
	own = [t for t in site if t.start_date <= end and t.end_date >= start]

	def overlaps(plan: TermPlan) -> bool:
		return any(t.start_date <= plan.end_date and t.end_date >= plan.start_date for t in own)

	kept = [
		plan for plan in planned if not overlaps(plan) and plan.term_name not in {t.term_name for t in own}
	]
	return sorted([*own, *kept], key=lambda t: t.start_date)


def years_before(day: datetime.date, years: int) -> datetime.date:
	try:
		return day.replace(year=day.year - years)
	except ValueError:  # 29 February
		return day.replace(year=day.year - years, day=28)


# ---- word lists (data, so in Chinese)

_VILLAGE_SUFFIXES = ("庄", "楼", "集", "寨", "营", "屯", "店", "岗", "湾", "堂", "园", "桥", "洼", "口")
_STREETS = ("文化路", "建设路", "学府路", "中心街", "人民路", "育才路")
_BOY_FIRST = "子浩宇梓俊一博皓铭文嘉思天明泽睿奕晨家志"
_BOY_SECOND = "轩宇豪杰鸣文然阳睿辰航涛博远哲霖凯翔源洋"
_GIRL_FIRST = "欣梓诗雨可思佳语若紫一依晓心子静梦雅怡婉"
_GIRL_SECOND = "怡涵琪桐馨萱彤琳妍然欣悦瑶雯菲婷晴蕾静楠"
_OTHER_ETHNICITIES = ("满族", "蒙古族", "壮族", "苗族", "土家族")
_PRIMARY_SUBJECTS = ("语文", "数学", "英语", "科学", "道德与法治", "音乐", "体育", "美术")
_MIDDLE_SUBJECTS = ("语文", "数学", "英语", "物理", "化学", "历史", "地理", "生物", "道德与法治", "体育")

# (province, city, districts, weight): where the county's parents work.
_DESTINATIONS: tuple[tuple[str, str, tuple[str, ...], int], ...] = (
	("广东省", "深圳市", ("宝安区", "龙岗区", "龙华区"), 14),
	("广东省", "东莞市", ("长安镇", "虎门镇", "塘厦镇"), 10),
	("广东省", "广州市", ("白云区", "番禺区", "增城区"), 6),
	("广东省", "佛山市", ("顺德区", "南海区"), 4),
	("浙江省", "宁波市", ("鄞州区", "慈溪市", "余姚市"), 7),
	("浙江省", "杭州市", ("萧山区", "余杭区"), 5),
	("浙江省", "金华市", ("义乌市", "永康市"), 4),
	("江苏省", "苏州市", ("昆山市", "吴江区", "工业园区"), 10),
	("江苏省", "无锡市", ("新吴区", "江阴市"), 3),
	("福建省", "厦门市", ("集美区", "海沧区"), 4),
	("福建省", "泉州市", ("晋江市", "石狮市"), 3),
	("上海市", "上海市", ("松江区", "嘉定区", "闵行区"), 8),
	("北京市", "北京市", ("大兴区", "朝阳区", "通州区"), 6),
	("天津市", "天津市", ("滨海新区", "武清区"), 3),
	("河南省", "郑州市", ("航空港区", "金水区", "中牟县"), 8),
	("新疆维吾尔自治区", "乌鲁木齐市", ("米东区",), 1),
)
# (employer's business, or "" for work without an employer; jobs; weight for fathers, for mothers)
_JOBS: tuple[tuple[str, tuple[str, ...], int, int], ...] = (
	("电子有限公司", ("流水线工人", "质检员", "仓库管理员"), 15, 30),
	("服装有限公司", ("缝纫工", "熨烫工"), 3, 18),
	("鞋业有限公司", ("制鞋工",), 4, 8),
	("建设工程有限公司", ("钢筋工", "木工", "瓦工", "架子工"), 32, 3),
	("物流有限公司", ("快递分拣员", "装卸工", "货车司机"), 14, 6),
	("餐饮管理有限公司", ("厨师", "服务员", "洗碗工"), 8, 16),
	("家政服务有限公司", ("保洁员", "育儿嫂"), 0, 12),
	("", ("外卖骑手", "网约车司机", "个体经营小吃店"), 14, 5),
	("机械制造有限公司", ("焊工", "车床工"), 10, 2),
)
_FIRM_NAMES = tuple(
	"鑫达 华兴 永盛 恒通 宏发 金源 富康 利民 顺达 嘉禾 天成 和信 盛泰 联创 新宇 万隆 佳美 瑞丰 安居 广联".split()
)
_HOME_FREQUENCY_WEIGHTS = dict(zip(HOME_FREQUENCIES, (4, 10, 25, 46, 15), strict=True))
_CHRONIC_CONDITIONS = (
	"哮喘，需随身携带药物",
	"过敏性鼻炎",
	"先天性心脏病（已手术，定期复查）",
	"癫痫，需按时服药",
	"贫血",
)
_SERIOUS_CONDITIONS = ("白血病，正在治疗", "肾病综合征，长期治疗", "严重先天性心脏病，等待手术")
_DISABILITIES = ("听力二级残疾", "肢体四级残疾", "视力三级残疾", "智力三级残疾", "言语二级残疾")
_HARDSHIP_NOTES = (
	"父母务工收入不稳定，家中有老人需赡养",
	"家中有重病人员，医疗支出大",
	"父亲务工受伤，收入减少",
	"多子女家庭，教育支出大",
	"住房为危房，正在申请改造",
)
_WEAK_NOTES = (
	"年迈体弱，仅能照料日常起居",
	"患慢性病，照料能力有限",
	"腿脚不便，难以接送孩子",
	"不识字，无法辅导作业",
)
_NONE_NOTES = ("长期卧病在床，无力照料", "重度残疾，生活需他人照料", "患重病住院，无法照料孩子")
_OTHER_PARENT_CANNOT = ("长期患病，无法照料孩子", "重度残疾，生活不能自理", "精神疾病，需要他人照料")
_TRANSFER_REASONS = ("随父母转学至{0}", "随务工父母到{0}就读", "转入县城学校就读")
_RETURN_REASONS = ("父母返乡务工，由父母照料", "父亲返乡创业，家中有父母照料", "母亲返乡照料孩子")


# ---- the generator


@dataclass(frozen=True)
class _HomeParent:
	"""The parent who stays home when only one parent works away."""

	relation: str
	name: str
	gender: str


class _CountyGenerator:
	def __init__(
		self,
		children: int,
		seed: int,
		today: datetime.date,
		profile: CountyProfile,
		taken_id_numbers: Iterable[str],
	) -> None:
		self.children_count = children
		self.today = today
		self.profile = profile
		self.year_start = school_year_start(today)
		self.fake = Faker("zh_CN")
		self.fake.seed_instance(f"{profile.key}:{seed}")
		self.rng = self.fake.random
		# Phones and ID sequence numbers come from their own streams: a phone library that refuses
		# a number, or an ID number already on file, changes only that number, not the county.
		self.phone_fake = Faker("zh_CN")
		self.phone_fake.seed_instance(f"{profile.key}:{seed}:phones")
		self.id_rng = random.Random(f"{profile.key}:{seed}:ids")
		self.used_ids: set[str] = set(taken_id_numbers)
		self.used_phones: set[str] = set()
		self.staff: list[Person] = []
		self.staff_counters: dict[str, int] = {}
		self.guardians: list[Guardian] = []

	# -- random helpers

	def chance(self, probability: float) -> bool:
		return self.rng.random() < probability

	def pick(self, items: Sequence[T]) -> T:
		return items[self.rng.randrange(len(items))]

	def weighted(self, weights: dict[T, float]) -> T:
		return self.rng.choices(list(weights), weights=list(weights.values()))[0]

	def date_between(self, start: datetime.date, end: datetime.date) -> datetime.date:
		if end <= start:
			return start
		return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

	def mobile(self) -> str:
		"""A mobile number no one else in the county has, in the form the app stores."""
		while True:
			try:
				number = normalize_phone(self.phone_fake.phone_number())
			except RuleError:  # e.g. 149 numbers, which are data-only
				continue
			if number not in self.used_phones:
				self.used_phones.add(number)
				return number

	def landline(self) -> str:
		while True:
			local = f"{self.phone_fake.random_element('2368')}{self.phone_fake.random_int(0, 999999):06d}"
			try:
				number = normalize_phone(f"{self.profile.area_code}-{local}")
			except RuleError:
				continue
			if number not in self.used_phones:
				self.used_phones.add(number)
				return number

	def id_number(self, region: Region, birth_date: datetime.date, gender: str) -> str:
		code = region.code_for(birth_date.year)
		while True:
			number = make_id_number(code, birth_date, self.id_rng.randrange(1000), gender)
			if number not in self.used_ids:
				self.used_ids.add(number)
				return number

	def adult_name(self, gender: str, surname: str | None = None) -> str:
		given = self.fake.first_name_male() if gender == MALE else self.fake.first_name_female()
		return (surname or self.fake.last_name()) + given

	def child_name(self, surname: str, gender: str) -> str:
		first, second = (_BOY_FIRST, _BOY_SECOND) if gender == MALE else (_GIRL_FIRST, _GIRL_SECOND)
		if self.chance(0.12):
			return surname + self.pick(second)
		return surname + self.pick(first) + self.pick(second)

	# -- places

	def townships(self) -> list[str]:
		seat, *rural = self.profile.townships
		count = min(len(rural), max(2, math.ceil(self.children_count / 1000) - 1))
		chosen = set(self.rng.sample(rural, count))
		# The county seat always takes part; the order is the county's own.
		return [seat, *(t for t in rural if t in chosen)]

	def villages(self, township: str, children: int) -> list[Village]:
		count = min(30, max(6, children // 40))
		names: list[str] = []
		while len(names) < count:
			name = self.fake.last_name()[0] + self.pick(_VILLAGE_SUFFIXES) + "村"
			if name not in names:
				names.append(name)
		return [self.village(township, name) for name in names]

	def village(self, township: str, name: str) -> Village:
		if self.chance(0.08):  # no contact registered yet: a gap in the files
			return Village(name, township, None, None)
		return Village(name, township, self.adult_name(self.weighted({MALE: 4, FEMALE: 1})), self.mobile())

	# -- schools

	def schools(self, township: str, is_seat: bool, children: int, villages: list[Village]) -> list[School]:
		"""The township's middle school(s) and central primary school, or one nine-year school (always
		in a small township), then village primary schools and teaching points. The county seat has
		a middle school, a central, a village primary school and a teaching point even in a small
		county, whose other townships have nine-year schools: every school type appears."""
		prefix = f"{self.profile.county}{township}"
		schools: list[School] = []
		if is_seat or (children >= 400 and self.chance(0.75)):
			schools.append(self.school(f"{prefix}初级中学", JUNIOR_MIDDLE, township, range(7, 10)))
			if children >= 1600:
				schools.append(self.school(f"{prefix}第二初级中学", JUNIOR_MIDDLE, township, range(7, 10)))
			schools.append(self.school(f"{prefix}中心小学", PRIMARY, township, range(1, 7)))
		else:
			schools.append(self.school(f"{prefix}九年一贯制学校", NINE_YEAR, township, range(1, 10)))
		sites = self.rng.sample(villages, len(villages))
		primaries = min(len(sites), children // 250 + is_seat)
		teaching_points = min(len(sites) - primaries, children // 500 + is_seat)
		for village in sites[:primaries]:
			stem = village.name.removesuffix("村")
			schools.append(self.school(f"{prefix}{stem}小学", PRIMARY, township, range(1, 7), village))
		for village in sites[primaries : primaries + teaching_points]:
			stem = village.name.removesuffix("村")
			grades = range(1, self.pick((3, 4)) + 1)
			schools.append(self.school(f"{prefix}{stem}教学点", TEACHING_POINT, township, grades, village))
		return schools

	def school(
		self, name: str, school_type: str, township: str, grades: range, village: Village | None = None
	) -> School:
		place = village.name if village else f"{self.pick(_STREETS)}{self.rng.randint(1, 120)}号"
		profile = self.profile
		return School(
			school_name=name,
			school_type=school_type,
			township=township,
			address=f"{profile.province}{profile.prefecture}{profile.county}{township}{place}",
			phone=self.landline(),
			grades=tuple(grades),
		)

	def school_for(self, grade: int, schools: list[School]) -> School:
		offering = [s for s in schools if grade in s.grades]
		return self.rng.choices(offering, weights=[_school_weight(s) for s in offering])[0]

	# -- families

	def family(self, township: str, villages: list[Village], size: int, schools: list[School]) -> list[Child]:
		"""Brothers and sisters: one home, the same parents away and the same guardians."""
		profile = self.profile
		village = self.pick(villages)
		region = profile.region if self.chance(0.93) else self.pick(profile.neighbours)
		ethnicity = self.ethnicity(dict(profile.minority_townships).get(township))
		surname = self.fake.last_name()
		address = (
			f"{profile.county}{township}{village.name}{self.rng.randint(1, 12)}组{self.rng.randint(1, 80)}号"
		)
		grades = sorted(self.rng.sample(range(1, 10), size))
		births = [self.birth_date(grade) for grade in grades]
		left_behind_type = self.weighted({BOTH_AWAY: 70, ONE_AWAY_OTHER_CANNOT: 12, ONE_AWAY: 18})
		parents, home_parent = self.parents(surname, left_behind_type, min(births))
		since = max(p.away_since for p in parents)
		guardians = self.family_guardians(surname, left_behind_type, home_parent, address, region, since)
		links = [GuardianLink(g.key, index == 0) for index, g in enumerate(guardians)]
		economy = self.economy(left_behind_type)
		household_type = "Urban" if township == profile.townships[0] and self.chance(0.3) else "Rural"
		children = []
		for grade, birth_date in zip(grades, births, strict=True):
			gender = MALE if self.chance(0.53) else FEMALE
			child = Child(
				child_name=self.child_name(surname, gender),
				gender=gender,
				birth_date=birth_date,
				id_number=self.id_number(region, birth_date, gender),
				ethnicity=ethnicity,
				household_register=profile.household_register(region),
				household_type=household_type,
				school=self.school_for(grade, schools).school_name,
				grade=grade,
				address=address,
				village=village.name,
				village_contact_name=village.contact_name,
				village_contact_phone=village.contact_phone,
				left_behind_type=left_behind_type,
				left_behind_since=max(since, birth_date),
				parents_away=parents,
				guardians=links,
				**economy,
			)
			self.health(child)
			self.file_dates(child)
			children.append(child)
		return children

	def ethnicity(self, township_minority: str | None) -> str:
		if township_minority and self.chance(0.4):
			return township_minority
		roll = self.rng.random()
		if roll < 0.985:
			return "汉族"
		return "回族" if roll < 0.995 else self.pick(_OTHER_ETHNICITIES)

	def birth_date(self, grade: int) -> datetime.date:
		"""A birth date that puts the child in `grade` this school year, and under 16 today."""
		usual_age = ENTRY_AGE - 1 + grade
		age = usual_age + self.weighted({0: 60, 1: 35, 2: 5})
		youngest_allowed = years_before(self.today, AGE_LIMIT) + datetime.timedelta(days=1)
		while True:
			# Aged `age` on 1 September: born from 2 September of one year to 1 September of the next.
			earliest = max(
				years_before(self.year_start, age + 1) + datetime.timedelta(days=1), youngest_allowed
			)
			latest = min(years_before(self.year_start, age), self.today)
			if earliest <= latest or age == usual_age:
				return self.date_between(earliest, latest)
			age -= 1

	def parents(
		self, surname: str, left_behind_type: str, eldest_birth: datetime.date
	) -> tuple[list[ParentAway], _HomeParent | None]:
		father = self.adult_name(MALE, surname)
		mother = self.adult_name(FEMALE)
		if left_behind_type == BOTH_AWAY:
			destination = self.destination()
			mother_destination = destination if self.chance(0.65) else self.destination()
			return [
				self.parent_away("Father", father, destination, eldest_birth),
				self.parent_away("Mother", mother, mother_destination, eldest_birth),
			], None
		if self.chance(0.85):
			away = self.parent_away("Father", father, self.destination(), eldest_birth)
			return [away], _HomeParent("Mother", mother, FEMALE)
		away = self.parent_away("Mother", mother, self.destination(), eldest_birth)
		return [away], _HomeParent("Father", father, MALE)

	def destination(self) -> tuple[str, str, str]:
		province, city, districts, _ = self.rng.choices(_DESTINATIONS, weights=[d[3] for d in _DESTINATIONS])[
			0
		]
		return province, city, self.pick(districts)

	def parent_away(
		self, relation: str, name: str, destination: tuple[str, str, str], eldest_birth: datetime.date
	) -> ParentAway:
		province, city, district = destination
		column = 2 if relation == "Father" else 3
		business, jobs, *_ = self.rng.choices(_JOBS, weights=[j[column] for j in _JOBS])[0]
		employer = f"{self.pick(_FIRM_NAMES)}{business} " if business else ""
		latest = self.today - datetime.timedelta(days=60)
		frequency = self.weighted(_HOME_FREQUENCY_WEIGHTS)
		if province == self.profile.province and self.chance(0.5):
			frequency = "Monthly"  # work in the home province: home often
		return ParentAway(
			relation=relation,
			parent_name=name,
			phone=self.mobile() if self.chance(0.96) else None,
			work_province=province,
			work_place=f"{city}{district} {employer}{self.pick(jobs)}",
			away_since=self.date_between(min(eldest_birth + datetime.timedelta(days=180), latest), latest),
			home_frequency=frequency,
		)

	def family_guardians(
		self,
		surname: str,
		left_behind_type: str,
		home_parent: _HomeParent | None,
		address: str,
		region: Region,
		since: datetime.date,
	) -> list[Guardian]:
		"""Mostly grandparents. With one parent away the other parent is the guardian, or, when
		that parent cannot care for the child (ill, disabled), is on file next to the grandparents."""
		guardians: list[Guardian] = []
		if home_parent and left_behind_type == ONE_AWAY:
			guardians.append(self.home_parent_guardian(home_parent, "Good", address, region))
			if self.chance(0.6):
				return guardians
		for relation, gender, family_name in self.guardian_plan(surname):
			guardians.append(self.relative_guardian(relation, gender, family_name, address, region, since))
		if home_parent and left_behind_type == ONE_AWAY_OTHER_CANNOT and self.chance(0.5):
			capacity = "None" if self.chance(0.6) else "Weak"
			guardians.append(self.home_parent_guardian(home_parent, capacity, address, region))
		return guardians

	def guardian_plan(self, surname: str) -> list[tuple[str, str, str | None]]:
		"""Who looks after the children: (relation, gender, surname when it is the family's)."""
		kind = self.weighted(
			{"paternal": 45, "paternal_one": 22, "maternal": 15, "relative": 10, "entrusted": 3}
		)
		if kind == "paternal":
			return [("Grandfather", MALE, surname), ("Grandmother", FEMALE, None)]
		if kind == "paternal_one":
			return [("Grandmother", FEMALE, None)] if self.chance(0.6) else [("Grandfather", MALE, surname)]
		if kind == "maternal":
			grandmother = ("Maternal Grandmother", FEMALE, None)
			return [grandmother, ("Maternal Grandfather", MALE, None)] if self.chance(0.5) else [grandmother]
		if kind == "relative":
			return [
				self.pick((("Uncle", MALE, surname), ("Aunt", FEMALE, None), ("Other Relative", MALE, None)))
			]
		return [self.pick((("Entrusted Guardian", FEMALE, None), ("Neighbour or Friend", MALE, None)))]

	def relative_guardian(
		self,
		relation: str,
		gender: str,
		surname: str | None,
		address: str,
		region: Region,
		since: datetime.date,
	) -> Guardian:
		if relation.startswith(("Grand", "Maternal")):
			age = min(80, max(55, round(self.rng.gauss(66, 6))))
			weak_share = 0.1 + max(0, age - 65) * 0.025
		else:
			age = self.rng.randint(30, 60)
			weak_share = 0.05
		roll = self.rng.random()
		capacity = "None" if roll < 0.05 else "Weak" if roll < 0.05 + weak_share else "Good"
		entrusted = relation in ("Entrusted Guardian", "Neighbour or Friend")
		return self.add_guardian(
			name=self.adult_name(gender, surname),
			relation=relation,
			gender=gender,
			age=age,
			capacity=capacity,
			address=address,
			region=region,
			has_phone=self.chance(0.92 if age < 70 else 0.7),
			agreement_signed_on=self.date_between(since, self.today) if entrusted else None,
		)

	def home_parent_guardian(
		self, parent: _HomeParent, capacity: str, address: str, region: Region
	) -> Guardian:
		return self.add_guardian(
			name=parent.name,
			relation=parent.relation,
			gender=parent.gender,
			age=self.rng.randint(28, 48),
			capacity=capacity,
			address=address,
			region=region,
			has_phone=True,
			notes=None if capacity == "Good" else self.pick(_OTHER_PARENT_CANNOT),
		)

	def add_guardian(
		self,
		*,
		name: str,
		relation: str,
		gender: str,
		age: int,
		capacity: str,
		address: str,
		region: Region,
		has_phone: bool,
		agreement_signed_on: datetime.date | None = None,
		notes: str | None = None,
	) -> Guardian:
		birth_date = self.date_between(
			years_before(self.today, age + 1) + datetime.timedelta(days=1), years_before(self.today, age)
		)
		if notes is None and capacity != "Good":
			notes = self.pick(_WEAK_NOTES if capacity == "Weak" else _NONE_NOTES)
		guardian = Guardian(
			key=len(self.guardians) + 1,
			guardian_name=name,
			relation=relation,
			phone=self.mobile() if has_phone else None,
			age=age_on(birth_date, self.today),
			capacity=capacity,
			health=self.guardian_health(capacity),
			address=address,
			id_number=self.id_number(region, birth_date, gender) if self.chance(0.9) else None,
			notes=notes,
			agreement_signed_on=agreement_signed_on,
		)
		self.guardians.append(guardian)
		return guardian

	def guardian_health(self, capacity: str) -> str:
		if capacity == "Good":
			return "Healthy" if self.chance(0.85) else "Chronic Illness"
		if capacity == "Weak":
			return self.weighted({"Chronic Illness": 70, "Serious Illness": 15, "Disability": 15})
		return self.pick(("Serious Illness", "Disability"))

	def economy(self, left_behind_type: str) -> dict[str, object]:
		hardship = 35 if left_behind_type == ONE_AWAY_OTHER_CANNOT else 22
		economy = self.weighted({"Adequate": 12, "Ordinary": 83 - hardship, "Hardship": hardship, "": 5})
		is_hardship = economy == "Hardship"
		return {
			"family_economy": economy or None,
			"is_dibao": is_hardship and self.chance(0.4),
			"is_poverty_registered": is_hardship and self.chance(0.45),
			"economy_notes": self.pick(_HARDSHIP_NOTES) if is_hardship else None,
		}

	def health(self, child: Child) -> None:
		child.health_status = (
			self.weighted({"Healthy": 90, "Chronic Illness": 7, "Serious Illness": 1, "": 2}) or None
		)
		if child.health_status == "Chronic Illness":
			child.health_notes = self.pick(_CHRONIC_CONDITIONS)
		elif child.health_status == "Serious Illness":
			child.health_notes = self.pick(_SERIOUS_CONDITIONS)
			if self.chance(0.5):
				child.schooling_status = "Suspended"
		if self.chance(0.015):
			child.has_disability = True
			child.disability_notes = self.pick(_DISABILITIES)

	def file_dates(self, child: Child) -> None:
		"""When the file was opened (调查摸底, mostly at the start of a school year), the contact
		card issued, and the status over time."""
		earliest = max(child.left_behind_since, years_before(self.year_start, 2))
		latest = min(self.today, self.year_start + datetime.timedelta(days=45))
		child.filed_on = self.date_between(earliest, latest)
		if self.chance(0.88):
			issued = child.filed_on + datetime.timedelta(days=self.rng.randint(0, 40))
			child.contact_card_issued_on = min(issued, self.today)
		child.status_date = child.filed_on
		child.status_log = [StatusEntry(ACTIVE, child.filed_on, None)]
		if child.filed_on < self.today and self.chance(0.03):
			self.close(child)

	def close(self, child: Child) -> None:
		"""A file closed with a date and a reason: the child moved away, or the parents came home."""
		if self.chance(0.65):
			status = TRANSFERRED
			reason = self.pick(_TRANSFER_REASONS).format(child.parents_away[0].work_place.split(" ")[0])
		else:
			status, reason = PARENTS_RETURNED, self.pick(_RETURN_REASONS)
		child.status = status
		child.status_date = self.date_between(child.filed_on + datetime.timedelta(days=1), self.today)
		child.status_reason = reason
		child.status_log.append(StatusEntry(status, child.status_date, reason))

	# -- classes and staff

	def classes(self, school: School, pupils: list[Child]) -> list[SchoolClass]:
		"""At least one class per grade; as many as the school's left-behind children need."""
		class_size = self.rng.randint(18, 26)
		classes: list[SchoolClass] = []
		for grade in school.grades:
			in_grade = [c for c in pupils if c.grade == grade]
			count = max(1, math.ceil(len(in_grade) / class_size))
			year = entry_year(grade, school.school_type, self.year_start)
			grade_classes = [
				SchoolClass(school.school_name, grade, number, year) for number in range(1, count + 1)
			]
			self.rng.shuffle(in_grade)
			for index, child in enumerate(in_grade):
				child.care_class = grade_classes[index % count].name
			classes += grade_classes
		return classes

	def boarding(self, child: Child, school: School) -> None:
		if child.grade >= 7:
			share = 0.45
		elif child.grade >= 4 and school.school_type != TEACHING_POINT:
			share = 0.15
		else:
			return
		if self.chance(share):
			child.is_boarding = True
			hall = "男生宿舍" if child.gender == MALE else "女生宿舍"
			child.dormitory = (
				f"{hall}{self.rng.randint(1, 3)}号楼{self.rng.randint(1, 4)}{self.rng.randint(1, 20):02d}室"
			)

	def person(self, prefix: str, roles: tuple[str, ...], female_share: float = 0.5) -> Person:
		self.staff_counters[prefix] = self.staff_counters.get(prefix, 0) + 1
		gender = FEMALE if self.chance(female_share) else MALE
		person = Person(
			email=f"{prefix}{self.staff_counters[prefix]:04d}@{self.profile.key}.{EMAIL_DOMAIN}",
			full_name=self.adult_name(gender),
			gender=gender,
			phone=self.mobile(),
			roles=roles,
		)
		self.staff.append(person)
		return person

	def school_staff(self, school: School, classes: list[SchoolClass]) -> None:
		"""The leadership group (领导小组), a counsellor, class teachers, and subject teachers of whom
		some are mentors (帮扶教师) with an account."""
		female_share = 0.5 if school.school_type == JUNIOR_MIDDLE else 0.7
		duties = ("组长",) if school.school_type == TEACHING_POINT or len(classes) < 6 else ("组长", "副组长")
		for duty in duties:
			leader = self.person("l", (scope.SCHOOL_LEADER,), 0.3)
			school.members.append(SchoolMember(leader.email, scope.MEMBER_LEADER, duty, leader.phone))
		if school.school_type != TEACHING_POINT:
			counselor = self.person("c", (scope.COUNSELOR, scope.MENTOR), 0.8)
			school.members.append(
				SchoolMember(counselor.email, scope.MEMBER_COUNSELOR, "心理辅导教师", counselor.phone)
			)
		mentors = [
			self.person("m", (scope.MENTOR,), female_share) for _ in range(math.ceil(len(classes) / 3))
		]
		subjects = _MIDDLE_SUBJECTS if school.school_type == JUNIOR_MIDDLE else _PRIMARY_SUBJECTS
		for number, school_class in enumerate(classes):
			teacher = self.person("t", (scope.CLASS_TEACHER, scope.MENTOR), female_share)
			school_class.class_teacher = teacher.email
			school_class.class_teacher_phone = teacher.phone
			mentor_subject, *other_subjects = self.rng.sample(subjects, self.rng.randint(2, 3))
			mentor = mentors[number // 3]
			school_class.subject_teachers = [
				SubjectTeacher(mentor.full_name, mentor_subject, mentor.phone, mentor.email),
				*(self.subject_teacher(subject, female_share) for subject in other_subjects),
			]

	def subject_teacher(self, subject: str, female_share: float) -> SubjectTeacher:
		gender = FEMALE if self.chance(female_share) else MALE
		return SubjectTeacher(self.adult_name(gender), subject, self.mobile())

	def county_staff(self, schools: list[School], townships: list[str]) -> None:
		"""Bureau administrators, and inspectors (责任督学) who each look after a few townships."""
		for _ in range(2):
			self.person("a", (scope.ADMINISTRATOR,))
		inspectors = [self.person("i", (scope.INSPECTOR,), 0.4) for _ in range(math.ceil(len(townships) / 4))]
		for index, township in enumerate(townships):
			inspector = inspectors[index % len(inspectors)]
			for school in schools:
				if school.township == township:
					school.members.append(
						SchoolMember(inspector.email, scope.MEMBER_INSPECTOR, "责任督学", inspector.phone)
					)

	# -- the whole county

	def generate(self, only_schools: bool) -> DemoCounty:
		townships = self.townships()
		sizes = _split(self.children_count, [self.rng.uniform(0.7, 1.3) for _ in townships])
		villages = {t: self.villages(t, n) for t, n in zip(townships, sizes, strict=True)}
		schools_of = {
			t: self.schools(t, i == 0, n, villages[t])
			for i, (t, n) in enumerate(zip(townships, sizes, strict=True))
		}
		schools = [s for t in townships for s in schools_of[t]]
		county = DemoCounty(self.profile, self.today, townships, [], schools, [], [], [], [], [])
		if only_schools:
			return county
		county.villages = [v for t in townships for v in villages[t]]
		for township, size in zip(townships, sizes, strict=True):
			while size > 0:
				family_size = min(size, self.weighted({1: 55, 2: 35, 3: 10}))
				county.children += self.family(
					township, villages[township], family_size, schools_of[township]
				)
				size -= family_size
		pupils: dict[str, list[Child]] = {}
		for child in county.children:
			pupils.setdefault(child.school, []).append(child)
		for school in schools:
			school_classes = self.classes(school, pupils.get(school.school_name, []))
			self.school_staff(school, school_classes)
			county.classes += school_classes
			for child in pupils.get(school.school_name, []):
				self.boarding(child, school)
		self.county_staff(schools, townships)
		county.staff = self.staff
		county.guardians = self.guardians
		county.terms = academic_year_terms(self.today)
		return county


def _school_weight(school: School) -> float:
	"""How many of a township's children a school takes, relative to a village primary school."""
	if school.school_type == TEACHING_POINT:
		return 0.5
	if school.school_type == PRIMARY and not school.school_name.endswith("中心小学"):
		return 1
	return 3


def _split(total: int, shares: list[float]) -> list[int]:
	"""Split `total` in proportion to `shares`, exactly."""
	raw = [total * s / sum(shares) for s in shares]
	sizes = [math.floor(r) for r in raw]
	for index in sorted(range(len(raw)), key=lambda i: sizes[i] - raw[i])[: total - sum(sizes)]:
		sizes[index] += 1
	return sizes


def generate_county(
	children: int,
	seed: int,
	today: datetime.date,
	county: str = DEFAULT_COUNTY,
	*,
	taken_id_numbers: Iterable[str] = (),
	only_schools: bool = False,
) -> DemoCounty:
	"""A demo county with exactly `children` left-behind children, as of `today`.

	`taken_id_numbers` are ID numbers already on file, which the county must not reuse.
	`only_schools` stops after the schools (cheap, to see whether a demo is already there).
	"""
	if children < 1:
		raise ValueError("children must be at least 1")
	return _CountyGenerator(children, seed, today, COUNTIES[county], taken_id_numbers).generate(only_schools)
