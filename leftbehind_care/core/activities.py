"""Care activities (关爱活动): theme class meetings, group activities, shows, contests, performances,
in a school or a township 留守儿童之家; who took part, and the counts per child, class and school of a
term. Framework-free; the DocType `Care Activity` applies these rules."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError

KINDS = (
	"Theme Class Meeting",  # 主题班会
	"Group Activity",  # 团队活动
	"Painting and Calligraphy Show",  # 书画展
	"Speech Contest",  # 演讲比赛
	"Performance",  # 文艺演出
	"Mental Health Class",  # 心理健康课
	"Family Bond Activity",  # 亲情活动
	"Outing",  # 校外活动
)


def check_activity(kind: str, day: datetime.date, today: datetime.date, participants: int) -> None:
	if kind not in KINDS:
		raise RuleError("activity_kind_unknown", kind=kind)
	if day > today:
		raise RuleError("activity_in_future", day=day)
	if participants < 1:
		raise RuleError("activity_without_children")


def check_participants(children: Iterable[tuple[int, str]], in_scope: set[str]) -> None:
	"""(row, child): each child once, and each one the organiser looks after."""
	seen: dict[str, int] = {}
	for row, child in children:
		if child in seen:
			raise RuleError("activity_child_twice", row=row, first=seen[child])
		seen[child] = row
		if child not in in_scope:
			raise RuleError("activity_child_outside_scope", row=row, child=child)


@dataclass(frozen=True)
class Participation:
	child: str
	care_class: str | None
	school: str | None


@dataclass(frozen=True)
class ActivityCounts:
	by_child: dict[str, int]
	by_class: dict[str, int]  # activities the class's children took part in (each activity once)
	by_school: dict[str, int]


def counts(activities: Iterable[tuple[str, Iterable[Participation]]]) -> ActivityCounts:
	"""(activity, its participants) of a term: per child the activities they joined; per class and
	school the activities any of their children joined."""
	by_child: Counter = Counter()
	classes: dict[str, set[str]] = {}
	schools: dict[str, set[str]] = {}
	for activity, participants in activities:
		for p in participants:
			by_child[p.child] += 1
			if p.care_class:
				classes.setdefault(p.care_class, set()).add(activity)
			if p.school:
				schools.setdefault(p.school, set()).add(activity)
	return ActivityCounts(
		dict(by_child),
		{k: len(v) for k, v in classes.items()},
		{k: len(v) for k, v in schools.items()},
	)
