"""Arithmetic of the child register (花名册): what a school leader counts."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class RegisterSummary:
	children: int
	unsupervised: int
	incomplete: int
	average_completeness: int
	cards_issued: int
	boarding: int


def register_summary(rows: Iterable[Mapping[str, object]]) -> RegisterSummary:
	"""Counts over register rows with keys unsupervised_alert, completeness,
	contact_card_issued_on and is_boarding."""
	rows = list(rows)
	total = len(rows)
	completeness = [int(r.get("completeness") or 0) for r in rows]
	return RegisterSummary(
		children=total,
		unsupervised=sum(1 for r in rows if r.get("unsupervised_alert")),
		incomplete=sum(1 for c in completeness if c < 100),
		average_completeness=round(sum(completeness) / total) if total else 0,
		cards_issued=sum(1 for r in rows if r.get("contact_card_issued_on")),
		boarding=sum(1 for r in rows if r.get("is_boarding")),
	)


def chart_groups(rows: Iterable[Mapping[str, object]]) -> tuple[str, list[tuple[str, int]]]:
	"""How the register's chart splits the children: by school when they are in several, else by
	class when in several, else by left-behind type — whichever tells the reader something. Rows
	have keys school, class_title and left_behind_type; returns the key and (label, count) pairs
	in the rows' order, largest first."""
	rows = list(rows)
	key = next(
		(k for k in ("school", "class_title") if len({r.get(k) for r in rows}) > 1), "left_behind_type"
	)
	counts: dict[str, int] = {}
	for row in rows:
		label = str(row.get(key) or "-")
		counts[label] = counts.get(label, 0) + 1
	return key, sorted(counts.items(), key=lambda item: -item[1])


def short_labels(labels: list[str], width: int = 8) -> list[str]:
	"""A chart's legend labels short enough for a phone: the county (or district, city) that every
	label begins with is left out (民权县… before each school), and a label longer than `width`
	characters is cut, ending in "…" (the chart measures Latin letters and lets wider Chinese labels
	overlap)."""
	common = os.path.commonprefix(labels) if len(labels) > 1 else ""
	prefix = common[: max(common.rfind(place) for place in "县区市") + 1]
	out = []
	for label in labels:
		rest = label[len(prefix) :] or label
		out.append(rest if len(rest) <= width else rest[: width - 1] + "…")
	return out
