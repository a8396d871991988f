"""关爱活动统计: for a term, how many care activities each child took part in, or each class's and
school's children (the counting: `leftbehind_care.core.activities.counts`), as the rows of the
view the reader chose. Rows in, figures out; the Script Report gathers and formats."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from leftbehind_care.core import activities as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

CHILDREN, CLASSES, SCHOOLS = "Children", "Classes", "Schools"

COLUMNS = {
	CHILDREN: (*CHILD_COLUMNS, Column("activities", _lt("Activities Taken Part In"), "Int", 110)),
	CLASSES: (
		Column("class_title", _lt("Class"), width=220),
		Column("activities", _lt("Activities"), "Int", 110),
	),
	SCHOOLS: (
		Column("school", _lt("School"), "Link", 220, "Care School"),
		Column("activities", _lt("Activities"), "Int", 110),
	),
}


def build(
	view: str | None,
	participants: Iterable[tuple[str, rules.Participation, str]],
	class_titles: Mapping[str, str],
) -> tuple[tuple[Column, ...], list[dict]]:
	"""`participants` are (activity, participation, child's name) of the rows the reader may
	see; `class_titles` each class's title. Returns the view's columns and rows: children most
	active first, classes and schools by name."""
	view = view if view in COLUMNS else CHILDREN
	by_activity: dict[str, list[rules.Participation]] = {}
	child_of: dict[str, tuple[str, str | None]] = {}
	for activity, participation, child_name in participants:
		by_activity.setdefault(activity, []).append(participation)
		child_of[participation.child] = (child_name, participation.care_class)
	result = rules.counts(by_activity.items())
	if view == SCHOOLS:
		rows = [{"school": school, "activities": n} for school, n in sorted(result.by_school.items())]
	elif view == CLASSES:
		rows = [
			{"class_title": class_titles.get(c, c), "activities": n}
			for c, n in sorted(result.by_class.items(), key=lambda item: class_titles.get(item[0], item[0]))
		]
	else:
		rows = [
			{
				"child": child,
				"child_name": child_of[child][0],
				"class_title": class_titles.get(child_of[child][1], child_of[child][1]),
				"activities": n,
			}
			for child, n in sorted(result.by_child.items(), key=lambda item: (-item[1], item[0]))
		]
	return COLUMNS[view], rows
