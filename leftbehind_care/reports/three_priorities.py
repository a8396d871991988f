"""三个优先: for one term, which of the three priorities (tutoring, daily-life care, an activity
place) each active child received, and who received none (the rules:
`leftbehind_care.core.support`). Rows in, figures out; the Script Report gathers and formats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from leftbehind_care.core import support as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

COLUMNS = (
	*CHILD_COLUMNS,
	Column("tutoring", _lt("Tutoring"), "Check", 90),
	Column("daily_care", _lt("Daily-Life Care"), "Check", 90),
	Column("activity", _lt("Activity Placement"), "Check", 90),
	Column("none", _lt("Received None"), "Check", 90),
)


@dataclass(frozen=True)
class ChildLine:
	child: str
	child_name: str
	class_title: str


@dataclass
class ThreePriorities:
	rows: list[dict] = field(default_factory=list)
	children: int = 0
	received_none: int = 0


def build(
	children: Iterable[ChildLine], received: Iterable[tuple[str, str]], gaps_only: bool = False
) -> ThreePriorities:
	"""`children` are the reader's active children in the order shown; `received` the (child,
	priority kind) of the term's Priority Support records. With `gaps_only`, only the children who
	received none are listed; the counts are of all."""
	children = list(children)
	received = list(received)
	kinds: dict[str, list[str]] = {}
	for child, kind in received:
		kinds.setdefault(child, []).append(kind)
	gaps = {gap.child for gap in rules.priority_gaps([c.child for c in children], received)}
	report = ThreePriorities(children=len(children), received_none=len(gaps))
	for line in children:
		if gaps_only and line.child not in gaps:
			continue
		got = rules.priorities_received(kinds.get(line.child, []))
		report.rows.append(
			{
				"child": line.child,
				"child_name": line.child_name,
				"class_title": line.class_title,
				"tutoring": int(got[rules.TUTORING]),
				"daily_care": int(got[rules.DAILY_CARE]),
				"activity": int(got[rules.ACTIVITY_PLACEMENT]),
				"none": int(line.child in gaps),
			}
		)
	return report
