"""关爱覆盖 (五有): for each active child on a day, which of the five haves the records show and the
gaps of the others (the rules: `leftbehind_care.core.five_haves`), or per class and school the
share of their children with each — the list a class teacher works from. Rows in, figures out; the
Script Report gathers and formats."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.core import five_haves as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

CHILDREN, CLASSES, SCHOOLS = "Children", "Classes", "Schools"

# Each have's name as the bureau's report writes it (学业有教…), by its key.
HAVE_LABELS = {
	rules.STUDY: _lt("Schooling Guided"),
	rules.GUARDIANSHIP: _lt("Guardian Present"),
	rules.SAFETY: _lt("Safety Assured"),
	rules.FAMILY: _lt("Family Affection Kept"),
	rules.ACTIVITY: _lt("Activity Place"),
}

# Each gap's sentence, by its code; `{0}` is the count the gap carries.
GAP_LABELS = {
	rules.NO_STUDY_SUPPORT: _lt("No study mentor and no tutoring this term"),
	rules.NO_GUARDIAN: _lt("No guardian on file"),
	rules.NO_ABLE_GUARDIAN: _lt("No guardian able to care"),
	rules.NO_GUARDIAN_PHONE: _lt("No phone for the guardian who cares"),
	rules.OPEN_INCIDENTS: _lt("Incidents without a follow-up: {0}"),
	rules.OVERDUE_HAZARDS: _lt("Hazards past their deadline: {0}"),
	rules.NO_PARENT_CONTACT: _lt("No contact with a parent on record"),
	rules.PARENT_CONTACT_STALE: _lt("Last contact with a parent {0} days ago"),
	rules.NO_ACTIVITY: _lt("No care activity this term"),
}

_HAVE_COLUMNS = tuple(Column(have, HAVE_LABELS[have], "Check", 90) for have in rules.HAVES)
_SHARE_COLUMNS = (
	Column("children", _lt("Children"), "Int", 80),
	*(Column(have, HAVE_LABELS[have], "Percent", 100) for have in rules.HAVES),
	Column("all_five", _lt("All Five"), "Percent", 90),
)

COLUMNS = {
	CHILDREN: (
		*CHILD_COLUMNS,
		*_HAVE_COLUMNS,
		Column("gaps", _lt("Gaps"), width=320),
	),
	CLASSES: (
		Column("school", _lt("School"), "Link", 220, "Care School"),
		Column("class_title", _lt("Class"), width=150),
		*_SHARE_COLUMNS,
	),
	SCHOOLS: (Column("school", _lt("School"), "Link", 220, "Care School"), *_SHARE_COLUMNS),
}


@dataclass(frozen=True)
class ChildLine:
	child: str
	child_name: str | None
	school: str | None
	care_class: str | None


@dataclass
class CareCoverage:
	columns: tuple[Column, ...]
	rows: list[dict] = field(default_factory=list)
	total: rules.Shares = field(default_factory=rules.Shares)


def gap_text(gap: rules.Gap, translate: Callable[[str], str]) -> str:
	text = translate(GAP_LABELS[gap.code])
	return text.replace("{0}", str(gap.count)) if gap.count is not None else text


def child_coverage(
	children: Iterable[str], on: datetime.date, parent_contact_days: int, **records
) -> dict[str, rules.Coverage]:
	"""Each child's five haves on `on` (`records` as `core.five_haves.facts_by_child` takes them)."""
	facts = rules.facts_by_child(children, on, **records)
	return {child: rules.judge(f, on, parent_contact_days) for child, f in facts.items()}


def build(
	view: str | None,
	children: Iterable[ChildLine],
	coverage: Mapping[str, rules.Coverage],
	class_titles: Mapping[str, str],
	translate: Callable[[str], str] = lambda text: text,
	gaps_only: bool = False,
) -> CareCoverage:
	"""`children` in the order shown, `coverage` each one's five haves. Per child: a mark for each
	have and the gaps in words (with `gaps_only`, only children missing one or more); per class or
	school: the share of their children with each have and with all five, by school and class. The
	total counts every child, whatever the view."""
	view = view if view in COLUMNS else CHILDREN
	report = CareCoverage(COLUMNS[view])
	groups: dict[tuple, rules.Shares] = {}
	for line in children:
		result = coverage[line.child]
		report.total.add(result)
		if view == CHILDREN:
			if gaps_only and result.all_five:
				continue
			report.rows.append(
				{
					"child": line.child,
					"child_name": line.child_name,
					"class_title": class_titles.get(line.care_class, line.care_class),
					**{have: int(yes) for have, yes in result.haves.items()},
					"gaps": "；".join(gap_text(gap, translate) for gap in result.gaps),
				}
			)
		else:
			key = (line.school or "",) if view == SCHOOLS else (line.school or "", line.care_class or "")
			groups.setdefault(key, rules.Shares()).add(result)
	if view == SCHOOLS:
		report.rows = [
			share_row({"school": school or None}, groups[(school,)]) for (school,) in sorted(groups)
		]
	elif view == CLASSES:
		keyed = sorted(groups, key=lambda key: (key[0], class_titles.get(key[1], key[1])))
		report.rows = [
			share_row(
				{"school": school or None, "class_title": class_titles.get(care_class, care_class) or None},
				groups[(school, care_class)],
			)
			for school, care_class in keyed
		]
	return report


def share_row(row: dict, shares: rules.Shares) -> dict:
	row["children"] = shares.children
	for have in rules.HAVES:
		row[have] = shares.share(have)
	row["all_five"] = shares.share()
	return row
