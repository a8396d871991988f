"""动员寄宿: the active children to ask to board, because no guardian is able to care for them or
they live far from school, weakest guardianship first; or, per school, the share of boarders among
left-behind children and among all pupils (the rules: `leftbehind_care.core.support`). Rows in,
figures out; the Script Report gathers and formats."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from leftbehind_care.core import support as rules
from leftbehind_care.reports.columns import CHILD_COLUMNS, Column, _lt

CHILDREN, SCHOOLS = "Children", "Schools"

COLUMNS = {
	CHILDREN: (
		*CHILD_COLUMNS,
		Column("village", _lt("Village"), width=120),
		Column("distance", _lt("Distance to School (km)"), "Float", 140),
		Column("reasons", _lt("Why Boarding Is Advised"), width=200),
	),
	SCHOOLS: (
		Column("school", _lt("School"), "Link", 200, "Care School"),
		Column("left_behind", _lt("Left-Behind Children"), "Int", 110),
		Column("left_behind_boarding", _lt("Of Them Boarding"), "Int", 100),
		Column("left_behind_share", _lt("Boarding Share"), "Percent", 100),
		Column("pupils", _lt("Pupils Enrolled"), "Int", 100),
		Column("pupils_boarding", _lt("Pupils Boarding"), "Int", 100),
		Column("pupils_share", _lt("Boarding Share of All Pupils"), "Percent", 140),
	),
}


@dataclass(frozen=True)
class ChildLine:
	child: str
	child_name: str
	class_title: str | None
	village: str | None
	school: str
	status: str
	is_boarding: bool
	distance_km: float | None


def facts(line: ChildLine, capacities: Mapping[str, tuple[str, ...]]) -> rules.BoardingFacts:
	return rules.BoardingFacts(
		line.child,
		line.school,
		line.status,
		line.is_boarding,
		tuple(capacities.get(line.child, ())),
		line.distance_km,
	)


def children_to_mobilise(
	children: Iterable[ChildLine],
	capacities: Mapping[str, tuple[str, ...]],
	far_km: float,
	reason_labels: Mapping[str, str],
) -> list[dict]:
	"""`children` are the reader's active children in the order shown; `capacities` the capacity of
	each child's guardians; `reason_labels` a reason's words (`rules.mobilisation_reasons`). The
	children to mobilise, weakest guardianship first, then the farthest."""
	by_child = {line.child: line for line in children}
	listed = rules.boarding_mobilisation([facts(line, capacities) for line in by_child.values()], far_km)
	return [
		{
			"child": found.child,
			"child_name": by_child[found.child].child_name,
			"class_title": by_child[found.child].class_title,
			"village": by_child[found.child].village,
			"distance": found.distance_km,
			"reasons": "、".join(reason_labels[reason] for reason in reasons),
		}
		for found, reasons in listed
	]


def boarding_shares(
	children: Iterable[ChildLine], fund_entries: Iterable[tuple[str, int | None, int | None]]
) -> list[dict]:
	"""`fund_entries` are (school, pupils, of them boarding) of the term's Care Fund Entries; a
	school that entered no pupils, or is none of the children's, has no share of all pupils. Per
	school of the children, by name."""
	children = list(children)
	schools = {line.school for line in children}
	pupils = {
		school: (enrolled, boarding or 0)
		for school, enrolled, boarding in fund_entries
		if enrolled and school in schools
	}
	return [
		{
			"school": share.school,
			"left_behind": share.left_behind,
			"left_behind_boarding": share.left_behind_boarding,
			"left_behind_share": share.left_behind_share,
			"pupils": share.pupils,
			"pupils_boarding": share.pupils_boarding,
			"pupils_share": share.pupils_share,
		}
		for share in rules.boarding_shares([facts(line, {}) for line in children], pupils)
	]
