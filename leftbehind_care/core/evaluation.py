"""检查考核: how a class teacher, a class or a department is rated for a term — metrics from the
records of the children they look after, weighted as Care Settings says, the school leader's
score beside them, and a result 优秀/良好/合格/不合格. A confirmed dereliction (失职) rates the
person 不合格 whatever the score (the bureau's report: 因工作失职造成严重后果的, 师德考核和年度考核
为不合格).

Each metric is a share (0–100) of what was due, or None where nothing was due: a metric without a
basis leaves the weighting, it is not scored 0."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from leftbehind_care.core import compliance as engine

# The metrics, each with the Care Settings key of its weight.
METRICS = (
	("talks", "eval_weight_talks"),
	("contacts", "eval_weight_contacts"),
	("records_on_time", "eval_weight_records"),
	("pairing", "eval_weight_pairing"),
	("plan_reviews", "eval_weight_plans"),
	("incidents_told", "eval_weight_incidents"),
	("five_haves", "eval_weight_five_haves"),
)

EXCELLENT, GOOD, PASS, FAIL = "Excellent", "Good", "Pass", "Fail"
RESULTS = (EXCELLENT, GOOD, PASS, FAIL)


def share(part: int, whole: int) -> float | None:
	return round(100.0 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Basis:
	"""The records one evaluation is judged on: those of the children the person (or class, or
	department) looked after in the term."""

	children: frozenset[str]
	compliance: Mapping[str, engine.ChildCompliance]
	talks: Iterable[tuple[datetime.date, datetime.date]]  # (talk date, day it was entered)
	paired: frozenset[str]  # children with an active pairing on the day
	plans_under_way: Iterable[bool]  # each plan under way: is its review overdue?
	incidents_told: Iterable[bool]  # each incident of the term: were the parents told in time?
	all_five: frozenset[str]  # children with all five haves on the day


def metrics(basis: Basis, term_start: datetime.date, term_end: datetime.date, record_days: int) -> dict:
	"""Each metric of METRICS, as a share or None."""
	met = {"talks": [0, 0], "contacts": [0, 0]}
	for child, result in basis.compliance.items():
		if child not in basis.children:
			continue
		for month in result.months:
			if term_start.replace(day=1) <= month.month <= term_end:
				for key, status in (("talks", month.talk_status), ("contacts", month.contact_status)):
					if status in (engine.MET, engine.MISSED):
						met[key][1] += 1
						met[key][0] += int(status == engine.MET)
	talks = list(basis.talks)
	on_time = sum(1 for talk_date, entered in talks if (entered - talk_date).days <= record_days)
	plans = list(basis.plans_under_way)
	incidents = list(basis.incidents_told)
	return {
		"talks": share(*met["talks"]),
		"contacts": share(*met["contacts"]),
		"records_on_time": share(on_time, len(talks)),
		"pairing": share(len(basis.paired & basis.children), len(basis.children)),
		"plan_reviews": share(sum(1 for overdue in plans if not overdue), len(plans)),
		"incidents_told": share(sum(1 for told in incidents if told), len(incidents)),
		"five_haves": share(len(basis.all_five & basis.children), len(basis.children)),
	}


def metric_score(values: Mapping[str, float | None], weights: Mapping[str, int]) -> float | None:
	"""The metrics' weighted mean (0–100) over those with a basis and a weight; None with none."""
	total = weight = 0.0
	for key, weight_key in METRICS:
		value, w = values.get(key), weights.get(weight_key, 0)
		if value is not None and w > 0:
			total += value * w
			weight += w
	return round(total / weight, 1) if weight else None


def total_score(metric: float | None, leader: float | None, leader_share: int) -> float | None:
	"""The metrics' score and the leader's (0–100), the leader's counting `leader_share` percent;
	either alone where the other is missing."""
	if metric is None:
		return leader
	if leader is None:
		return metric
	return round(metric * (100 - leader_share) / 100 + leader * leader_share / 100, 1)


@dataclass(frozen=True)
class Rating:
	result: str | None
	reason: str  # code: "score", "dereliction", "no_score"


def rate(total: float | None, thresholds: Mapping[str, int], dereliction_confirmed: bool) -> Rating:
	"""优秀 from `eval_excellent`, 良好 from `eval_good`, 合格 from `eval_pass`, else 不合格; a
	confirmed dereliction is 不合格 whatever the score."""
	if dereliction_confirmed:
		return Rating(FAIL, "dereliction")
	if total is None:
		return Rating(None, "no_score")
	for result, key in ((EXCELLENT, "eval_excellent"), (GOOD, "eval_good"), (PASS, "eval_pass")):
		if total >= thresholds[key]:
			return Rating(result, "score")
	return Rating(FAIL, "score")


def result_counts(results: Iterable[str | None]) -> dict[str, int]:
	"""How many of each result (for the term summary), every result listed."""
	counts = dict.fromkeys(RESULTS, 0)
	for result in results:
		if result in counts:
			counts[result] += 1
	return counts


# ---- who is evaluated in a round, and on which children

CLASS_TEACHER, CLASS, DEPARTMENT = "Class Teacher", "Class", "Department"


@dataclass(frozen=True)
class Subject:
	kind: str
	key: str  # the teacher's user, the class's name or the department's name
	title: str


@dataclass(frozen=True)
class SchoolClass:
	name: str
	title: str
	class_teacher: str | None


def subjects(
	classes: Iterable[SchoolClass], departments: Iterable[tuple[str, str]], names: Mapping[str, str]
) -> list[Subject]:
	"""Whom a round evaluates: every class teacher of the school's classes (by name), every class,
	every department named (`departments`: (department, member) rows)."""
	classes = list(classes)
	teachers = sorted({c.class_teacher for c in classes if c.class_teacher})
	return [
		*(Subject(CLASS_TEACHER, user, names.get(user, user)) for user in teachers),
		*(Subject(CLASS, c.name, c.title) for c in sorted(classes, key=lambda c: c.title)),
		*(Subject(DEPARTMENT, d, d) for d in sorted({d for d, _member in departments})),
	]


def subject_classes(
	subject: Subject, classes: Iterable[SchoolClass], departments: Iterable[tuple[str, str]]
) -> set[str]:
	"""The classes whose children the subject is judged on: a teacher's own classes, the class
	itself, the classes of a department's members."""
	classes = list(classes)
	if subject.kind == CLASS:
		return {c.name for c in classes if c.name == subject.key}
	if subject.kind == CLASS_TEACHER:
		teachers = {subject.key}
	else:
		teachers = {member for department, member in departments if department == subject.key}
	return {c.name for c in classes if c.class_teacher in teachers}


def acknowledgers(
	subject: Subject, classes: Iterable[SchoolClass], departments: Iterable[tuple[str, str]]
) -> set[str]:
	"""Who acknowledges the final result: the teacher, the class's teacher, a department member."""
	if subject.kind == CLASS_TEACHER:
		return {subject.key}
	if subject.kind == CLASS:
		return {c.class_teacher for c in classes if c.name == subject.key and c.class_teacher}
	return {member for department, member in departments if department == subject.key}


# ---- the evaluation's workflow, worded for an evaluation

WORKFLOW_CODES = {
	"workflow_move_illegal": "evaluation_move_illegal",
	"workflow_fields_locked": "evaluation_locked",
	"workflow_edit_not_allowed": "evaluation_locked",
}
ACKNOWLEDGED = "Acknowledged"


def as_evaluation_error(err):
	code = WORKFLOW_CODES.get(err.code)
	return type(err)(code, **err.params) if code else err


def check_leader_score(score: float | None) -> None:
	from leftbehind_care.core.errors import RuleError

	if score is not None and not 0 <= score <= 100:
		raise RuleError("evaluation_leader_score", score=score)


def check_acknowledgement(to_state: str, user: str, evaluated: set[str]) -> None:
	"""Only the person evaluated (a class's teacher, a department's member) acknowledges it."""
	from leftbehind_care.core.errors import RuleError

	if to_state == ACKNOWLEDGED and user not in evaluated:
		raise RuleError("evaluation_acknowledged_by_other")
