"""留守儿童花名册: each child the reader looks after, with their primary guardian, alerts and how
complete the file is, the counts a school leader reads and the chart's split (the rules:
`leftbehind_care.core.register`). Rows in, figures out; the Script Report gathers and formats.

Stored option values and the keys of what a file lacks are shown in the reader's language. A
county lists some 20,000 children with a handful of distinct values among them, so the labels come
in as a callable the Script Report memoises and a mapping it makes once: each distinct value is
translated once a run, not once a row."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from leftbehind_care.core import child as child_rules
from leftbehind_care.core import register as rules
from leftbehind_care.reports.columns import CHILD_DOCTYPE, CHILD_NAME, Column, _lt

COLUMNS = (
	Column("name", _lt("Child"), "Link", 150, CHILD_DOCTYPE),
	CHILD_NAME,
	Column("gender", _lt("Gender"), width=70),
	Column("age", _lt("Age"), "Int", 70),
	Column("school", _lt("School"), "Link", 220, "Care School"),
	Column("class_title", _lt("Class"), width=110),
	Column("left_behind_type", _lt("Left-Behind Type"), width=130),
	Column("guardian_name", _lt("Guardian"), width=90),
	Column("guardian_phone", _lt("Guardian's Phone"), width=130),
	Column("guardian_capacity", _lt("Guardianship Capacity"), width=110),
	Column("unsupervised_alert", _lt("Unsupervised Child Alert"), "Check", 130),
	Column("completeness", _lt("File Completeness"), "Percent", 110),
	Column("missing_items", _lt("Missing from File"), width=200),
	Column("contact_card_issued_on", _lt("Contact Card Issued On"), "Date", 130),
)


# Not frozen: a frozen dataclass is three times slower to make, and a county reads 20,000 of these.
@dataclass(slots=True)
class ChildLine:
	"""A child's file as the register reads it (its fields, in the order the query reads them)."""

	name: str
	child_name: str | None
	gender: str | None
	age: int | None
	school: str | None
	care_class: str | None
	left_behind_type: str | None
	is_boarding: int
	contact_card_issued_on: datetime.date | None
	completeness: int | None
	missing_items: str | None  # the keys of the items missing, comma-separated
	unsupervised_alert: int
	status: str | None


@dataclass(slots=True)
class GuardianLink:
	"""One row of a child's guardians table."""

	child: str
	guardian_name: str | None
	phone: str | None
	capacity: str | None
	is_primary: int
	idx: int


@dataclass(frozen=True)
class ChildRegister:
	rows: list[dict]
	summary: rules.RegisterSummary
	# (legend label, children) of each group the chart shows, largest first; none without rows.
	chart: list[tuple[str, int]]


def primary_guardians(links: Iterable[GuardianLink]) -> dict[str, GuardianLink]:
	"""Each child's primary guardian, else the first in their guardians table."""
	chosen: dict[str, GuardianLink] = {}
	for link in links:
		current = chosen.get(link.child)
		if current is None or (not link.is_primary, link.idx) < (not current.is_primary, current.idx):
			chosen[link.child] = link
	return chosen


def build(
	children: Iterable[ChildLine],
	guardians: Iterable[GuardianLink],
	class_titles: Mapping[str, str],
	option_label: Callable[[str], str],
	item_labels: Mapping[str, str],
) -> ChildRegister:
	"""`children` in the order shown; `guardians` the rows of their guardians tables; `class_titles`
	each class's title; `option_label` a stored option value (gender, left-behind type, guardianship
	capacity) as the reader reads it, `item_labels` each completeness item's label by its key."""
	primary = primary_guardians(guardians)

	def shown(value: str | None) -> str | None:
		return option_label(value) if value else value

	missing_texts: dict[str | None, str] = {}  # a county's files miss a handful of combinations

	def missing(items: str | None) -> str:
		text = missing_texts.get(items)
		if text is None:
			text = missing_texts[items] = "、".join(
				item_labels.get(key, key) for key in child_rules.missing_keys(items)
			)
		return text

	rows = []
	for line in children:
		guardian = primary.get(line.name)
		rows.append(
			{
				"name": line.name,
				"child_name": line.child_name,
				"gender": shown(line.gender),
				"age": line.age,
				"school": line.school,
				"care_class": line.care_class,
				"left_behind_type": shown(line.left_behind_type),
				"is_boarding": line.is_boarding,
				"contact_card_issued_on": line.contact_card_issued_on,
				"completeness": line.completeness,
				"missing_items": missing(line.missing_items),
				"unsupervised_alert": line.unsupervised_alert,
				"status": line.status,
				"guardian_name": guardian.guardian_name if guardian else None,
				"guardian_phone": guardian.phone if guardian else None,
				"guardian_capacity": shown(guardian.capacity) if guardian else None,
				"class_title": class_titles.get(line.care_class),
			}
		)
	_key, groups = rules.chart_groups(rows)
	labels = rules.short_labels([label for label, _count in groups])
	return ChildRegister(
		rows=rows,
		summary=rules.register_summary(rows),
		chart=[(label, count) for label, (_label, count) in zip(labels, groups, strict=True)],
	)
