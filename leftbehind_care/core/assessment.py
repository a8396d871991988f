"""Care assessment (关爱评估): a template of questions in six domains, and how answers become a risk level.

Every answer counts concern, 0 meaning none, so a higher score always means a child who needs more care.
Scores are on a 0..100 scale, per domain and in total, and the template's thresholds turn them into
a risk level. A high result proposes an intervention plan (帮扶方案).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from leftbehind_care.core.errors import RuleError

# 学习, 行为, 心理, 健康, 安全, 亲情
DOMAINS = ("Study", "Behaviour", "Psychology", "Health", "Safety", "Family Bonds")

LOW = "Low"  # 低
MEDIUM = "Medium"  # 中
HIGH = "High"  # 高
RISK_LEVELS = (LOW, MEDIUM, HIGH)

MAX_SCALE = 10  # the highest answer a question may have (answers are chosen from 0..10)


@dataclass(frozen=True)
class Item:
	"""One question; its answer is 0..scale_max, higher meaning more concern."""

	key: str
	domain: str
	scale_max: int
	weight: float = 1.0
	# An answer at or above this value makes the result HIGH by itself, whatever the scores: the
	# questions about danger (thoughts of self-harm, being hurt at home) are not averaged away.
	red_flag_at: int | None = None
	# What each answer means, 0 first ("从不", "偶尔", ...): scale_max + 1 of them, or none.
	labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Thresholds:
	"""Where medium and high risk begin, on the 0..100 scale."""

	medium: float
	high: float


@dataclass(frozen=True)
class Answer:
	key: str
	value: int | None


@dataclass(frozen=True)
class AssessmentResult:
	domain_scores: dict[str, float]
	total: float
	risk_level: str
	high_domains: tuple[str, ...]
	red_flags: tuple[str, ...] = ()  # the keys of the items answered at their red flag


@dataclass(frozen=True)
class TrendPoint:
	term: str
	total: float
	risk_level: str
	change: float | None  # since the previous assessment; None for the first


def check_template(items: Sequence[Item], thresholds: Thresholds) -> None:
	"""A template can be scored: every item has a known domain, a scale and a positive weight, and
	high risk begins above medium risk."""
	if not items:
		raise RuleError("assessment_template_empty")
	seen: set[str] = set()
	for item in items:
		if item.key in seen:
			raise RuleError("assessment_item_duplicate", key=item.key)
		seen.add(item.key)
		if item.domain not in DOMAINS:
			raise RuleError("assessment_domain_unknown", key=item.key, domain=item.domain)
		if item.scale_max < 1:
			raise RuleError("assessment_scale_invalid", key=item.key, scale_max=item.scale_max)
		if not item.weight > 0:
			raise RuleError("assessment_weight_invalid", key=item.key, weight=item.weight)
		if item.red_flag_at is not None and not 1 <= item.red_flag_at <= item.scale_max:
			raise RuleError(
				"assessment_red_flag_invalid",
				key=item.key,
				red_flag_at=item.red_flag_at,
				scale_max=item.scale_max,
			)
		if item.labels and len(item.labels) != item.scale_max + 1:
			raise RuleError(
				"assessment_labels_invalid", key=item.key, labels=len(item.labels), answers=item.scale_max + 1
			)
	if not 0 < thresholds.medium < thresholds.high <= 100:
		raise RuleError("assessment_thresholds_invalid", medium=thresholds.medium, high=thresholds.high)


def score(items: Sequence[Item], answers: Iterable[Answer], thresholds: Thresholds) -> AssessmentResult:
	"""Weighted scores per domain and in total, and the risk level they give.

	The total is HIGH at the high threshold, MEDIUM at the medium one. A single domain at the high
	threshold also makes the result HIGH: a child can be in crisis in one domain (thoughts of
	self-harm, being hurt at home) while doing well in the others, and the average must not hide
	that. One domain at the medium threshold does not lift the result, since one worry is common.
	An item answered at its red flag makes the result HIGH on its own.
	Levels are read from the rounded scores, so the number on the form and the level always agree.
	"""
	check_template(items, thresholds)
	values = _answer_values(items, answers)
	domain_scores = {}
	for domain in DOMAINS:
		in_domain = [item for item in items if item.domain == domain]
		if in_domain:
			domain_scores[domain] = _percent(in_domain, values)
	total = _percent(items, values)
	high_domains = tuple(domain for domain, value in domain_scores.items() if value >= thresholds.high)
	red_flags = tuple(
		item.key for item in items if item.red_flag_at is not None and values[item.key] >= item.red_flag_at
	)
	if total >= thresholds.high or high_domains or red_flags:
		risk_level = HIGH
	elif total >= thresholds.medium:
		risk_level = MEDIUM
	else:
		risk_level = LOW
	return AssessmentResult(domain_scores, total, risk_level, high_domains, red_flags)


def check_answerable(items: Sequence[Item]) -> None:
	"""A template saved on the site: each question's answers fit the form's choice of 0..MAX_SCALE."""
	for item in items:
		if item.scale_max > MAX_SCALE:
			raise RuleError("assessment_scale_invalid", key=item.key, scale_max=item.scale_max)


def parse_labels(text: str | None) -> tuple[str, ...]:
	"""Answer labels as typed on a template: "从不/偶尔/经常/总是"."""
	return tuple(part.strip() for part in (text or "").split("/") if part.strip())


def scale_text(item: Item, labels: Sequence[str]) -> str:
	"""The answers of a question as shown beside it: "0 从不 · 1 偶尔 · 2 经常 · 3 总是", or "0–3"
	when they have no labels."""
	labels = item.labels or labels
	if len(labels) != item.scale_max + 1:
		return f"0–{item.scale_max}"
	return " · ".join(f"{value} {label}" for value, label in enumerate(labels))


def scoring(items: Sequence[Item], thresholds: Thresholds) -> tuple:
	"""What a template's scores depend on; the wording of its questions and labels is not part of it."""
	return (
		tuple(sorted((i.key, i.domain, i.scale_max, float(i.weight), i.red_flag_at) for i in items)),
		(float(thresholds.medium), float(thresholds.high)),
	)


def check_template_change(assessments: int, before: tuple, after: tuple) -> None:
	"""A template that has scored children keeps its scoring, so that a child's results across terms
	compare like with like; its wording may still be corrected."""
	if assessments and before != after:
		raise RuleError("assessment_template_in_use", assessments=assessments)


def proposes_plan(result: AssessmentResult) -> bool:
	"""A high result proposes an intervention plan for the child."""
	return result.risk_level == HIGH


# What a high result does about a plan.
NEW_PLAN = "new"  # draft a plan linked to the assessment
OPEN_PLAN = "open"  # the child already has a plan under way: link it, draft no second one
NO_PLAN = "none"


def plan_proposal(
	risk_level: str, proposed_plan: str | None, open_plans: Sequence[str]
) -> tuple[str, str | None]:
	"""(what to do, the plan to link) after an assessment is saved.

	A high result drafts a plan, once: an assessment that already proposed one keeps it, and a child
	whose plan is still under way (drafted, awaiting approval, in progress or under review) gets no
	second plan, the assessment being linked to the open one instead, so the people already caring
	for the child see the new result. A result that is not high proposes nothing.
	"""
	if risk_level != HIGH or proposed_plan:
		return NO_PLAN, None
	if open_plans:
		return OPEN_PLAN, open_plans[0]
	return NEW_PLAN, None


# The plan problem kinds (Intervention Plan Problem) a domain's high score points to.
DOMAIN_PROBLEMS = {
	"Study": "Not Studying",
	"Behaviour": "Behaviour",
	"Psychology": "Psychological",
	"Health": "Health and Daily Care",
	"Safety": "Safety",
	"Family Bonds": "Family Bonds",
}


def proposed_problems(items: Sequence[Item], result: AssessmentResult) -> list[tuple[str, str]]:
	"""(problem kind, domain) for the draft plan: each domain at the high threshold or holding a
	red-flag answer, in domain order, one row per problem kind."""
	domains = set(result.high_domains) | {item.domain for item in items if item.key in result.red_flags}
	problems: list[tuple[str, str]] = []
	for domain in DOMAINS:
		kind = DOMAIN_PROBLEMS[domain]
		if domain in domains and kind not in {k for k, _ in problems}:
			problems.append((kind, domain))
	return problems


def check_once_per_term(existing_terms: Iterable[str], term: str | None) -> None:
	"""A child is reassessed with a template once per term, so terms compare like with like.

	`existing_terms` are the terms of the child's other assessments with the same template.
	"""
	if not term:
		raise RuleError("assessment_outside_term")
	if term in set(existing_terms):
		raise RuleError("assessment_twice_in_term", term=term)


def trend(results: Sequence[tuple[str, float, str]]) -> list[TrendPoint]:
	"""(term, total, risk level) oldest first, each with its change since the one before, so the
	child's form shows whether care is working."""
	points = []
	previous: float | None = None
	for term, total, risk_level in results:
		change = None if previous is None else _round(Fraction(str(total)) - Fraction(str(previous)))
		points.append(TrendPoint(term, total, risk_level, change))
		previous = total
	return points


def _answer_values(items: Sequence[Item], answers: Iterable[Answer]) -> dict[str, int]:
	"""Every item answered exactly once, within its scale."""
	by_key = {item.key: item for item in items}
	values: dict[str, int] = {}
	seen: set[str] = set()
	for answer in answers:
		item = by_key.get(answer.key)
		if item is None:
			raise RuleError("assessment_answer_unknown", key=answer.key)
		if answer.key in seen:
			raise RuleError("assessment_answer_twice", key=answer.key)
		seen.add(answer.key)
		if answer.value is None:
			continue
		if not 0 <= answer.value <= item.scale_max:
			raise RuleError(
				"assessment_answer_out_of_range", key=answer.key, value=answer.value, scale_max=item.scale_max
			)
		values[answer.key] = answer.value
	for item in items:
		if item.key not in values:
			raise RuleError("assessment_answer_missing", key=item.key)
	return values


def _percent(items: Sequence[Item], values: dict[str, int]) -> float:
	"""100 * Σ(weight * value / scale_max) / Σ(weight), in exact fractions so that a score meant to sit
	on a threshold is not a hair below it."""
	weights = {item.key: Fraction(str(item.weight)) for item in items}
	concern = sum(weights[item.key] * Fraction(values[item.key], item.scale_max) for item in items)
	return _round(100 * concern / sum(weights.values()))


def _round(value: Fraction) -> float:
	"""One decimal, halves away from zero, as a person rounds."""
	tenths = math.floor(abs(value) * 10 + Fraction(1, 2))
	return math.copysign(tenths / 10, value) if tenths else 0.0


# The default template (默认评估模板). Every item is asked on the same frequency scale:
# 0 从不 (never), 1 偶尔 (sometimes), 2 经常 (often), 3 总是 (always).
# Items about danger to the child (self-harm, harm at home, no guardian at night) weigh more, and
# three of them are red flags: any talk of self-harm, and being hurt at home or alone at night often.
_SCALE = 3
DEFAULT_LABELS = ("从不", "偶尔", "经常", "总是")
DEFAULT_TEMPLATE_NAME = "默认关爱评估"

DEFAULT_THRESHOLDS = Thresholds(medium=30, high=55)

DEFAULT_TEMPLATE = (
	Item("study_homework", "Study", _SCALE),
	Item("study_attention", "Study", _SCALE),
	Item("study_absence", "Study", _SCALE, 1.5),
	Item("behaviour_fighting", "Behaviour", _SCALE),
	Item("behaviour_rules", "Behaviour", _SCALE),
	Item("behaviour_games", "Behaviour", _SCALE),
	Item("psychology_low_mood", "Psychology", _SCALE),
	Item("psychology_withdrawn", "Psychology", _SCALE),
	Item("psychology_self_harm", "Psychology", _SCALE, 2.0, red_flag_at=1),
	Item("health_meals", "Health", _SCALE),
	Item("health_untreated_illness", "Health", _SCALE, 1.5),
	Item("health_hygiene", "Health", _SCALE),
	Item("safety_no_guardian_at_night", "Safety", _SCALE, 2.0, red_flag_at=2),
	Item("safety_dangerous_places", "Safety", _SCALE, 1.5),
	Item("safety_bullied", "Safety", _SCALE, 1.5),
	Item("family_no_contact", "Family Bonds", _SCALE),
	Item("family_hurt_at_home", "Family Bonds", _SCALE, 2.0, red_flag_at=2),
	Item("family_feels_abandoned", "Family Bonds", _SCALE),
)

# key: (English, the msgid for translation; Chinese, the question as asked)
DEFAULT_QUESTIONS: dict[str, tuple[str, str]] = {
	"study_homework": ("The child does not finish homework.", "不能按时完成作业"),
	"study_attention": ("The child cannot concentrate in class.", "上课注意力不集中"),
	"study_absence": ("The child misses school or is late without a reason.", "无故缺课、迟到或逃学"),
	"behaviour_fighting": ("The child fights or quarrels with classmates.", "与同学打架、争吵"),
	"behaviour_rules": ("The child breaks school rules or tells lies.", "违反校规校纪、说谎"),
	"behaviour_games": (
		"The child spends hours on phone games or in internet cafés.",
		"长时间玩手机游戏或进网吧",
	),
	"psychology_low_mood": ("The child seems sad or cries easily.", "情绪低落、爱哭"),
	"psychology_withdrawn": ("The child keeps apart and avoids talking to others.", "孤僻，不愿与人交流"),
	"psychology_self_harm": (
		"The child talks about hurting themselves or not wanting to live.",
		"流露自伤或轻生的想法",
	),
	"health_meals": ("The child skips meals or does not have enough to eat.", "不吃早饭或吃不饱"),
	"health_untreated_illness": ("The child is ill and is not taken to a doctor.", "生病得不到及时就医"),
	"health_hygiene": ("The child's body and clothes are not clean.", "个人卫生差、衣着不整洁"),
	"safety_no_guardian_at_night": ("No adult guardian is at home at night.", "夜间无监护人在家"),
	"safety_dangerous_places": (
		"The child plays near rivers, ponds, roads or other dangerous places without an adult.",
		"无大人陪同到河塘、公路等危险地方玩耍",
	),
	"safety_bullied": ("The child is bullied or threatened by others.", "受到他人欺凌或威胁"),
	"family_no_contact": (
		"The parents working away go weeks without calling the child.",
		"外出务工的父母长时间不与孩子联系",
	),
	"family_hurt_at_home": ("The child is beaten, harshly scolded or hurt at home.", "在家中被打骂或伤害"),
	"family_feels_abandoned": ("The child misses the parents and feels left alone.", "想念父母、感到被冷落"),
}
