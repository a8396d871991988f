"""三个优先: for one term, which of the three priorities (tutoring, daily-life care, an activity
place) each active child received, and who received none (the rules:
`leftbehind_care.core.support`). Rows in, figures out; the Script Report gathers and formats."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from leftbehind_care.core import support as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

COLUMNS = (
	*CHILD_COLUMNS,
	Column("tutoring", _lt("Tutoring"), "Check", 90),
	Column("daily_care", _lt("Daily-Life Care"), "Check", 90),
	Column("activity", _lt("Activity Placement"), "Check", 90),
	Column("none", _lt("Received None"), "Check", 90),
)


class ChildLine(NamedTuple):
	"""A child as the report reads it (a tuple: a county's twenty thousand are made quickly)."""

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
	received none are listed; the counts are of all.

	The rules (`core.support`) judge each distinct set of kinds a child received once: a county has
	twenty thousand children but at most eight such sets."""
	kinds: dict[str, set[str]] = {}
	for child, kind in received:
		kinds.setdefault(child, set()).add(kind)
	judged: dict[frozenset[str], tuple[int, int, int, int]] = {}

	def judge(got: frozenset[str]) -> tuple[int, int, int, int]:
		flags = rules.priorities_received(got)
		gap = bool(rules.priority_gaps(["child"], [("child", kind) for kind in got]))
		return (
			int(flags[rules.TUTORING]),
			int(flags[rules.DAILY_CARE]),
			int(flags[rules.ACTIVITY_PLACEMENT]),
			int(gap),
		)

	report = ThreePriorities()
	rows = report.rows
	nothing = frozenset()
	for child, child_name, class_title in children:
		got = frozenset(kinds.get(child, nothing))
		flags = judged.get(got)
		if flags is None:
			flags = judged[got] = judge(got)
		report.children += 1
		report.received_none += flags[3]
		if gaps_only and not flags[3]:
			continue
		rows.append(
			{
				"child": child,
				"child_name": child_name,
				"class_title": class_title,
				"tutoring": flags[0],
				"daily_care": flags[1],
				"activity": flags[2],
				"none": flags[3],
			}
		)
	return report
