"""教育局总览: the county's schools side by side on the same measures of a term, from their term
summaries (figures only: no child is named), the weakest on each measure marked, and the trend of
the five haves over the last terms. Rows in, figures out; the Script Report gathers the summaries
the reader may read."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.reports.columns import Column, _lt

# The measures compared, in the order shown: each a figure of the term summary where more is better.
MEASURES = (
	("paired_share", _lt("Share of Children with a Mentor")),
	("talks_rate", _lt("Talk Compliance")),
	("contacts_rate", _lt("Family Contact Compliance")),
	("visits_rate", _lt("Home Visit Compliance")),
	("meetings_rate", _lt("Guardian Meeting Compliance")),
	("incidents_told_in_time", _lt("Incidents Told to Parents within 24 Hours")),
	("activity_share", _lt("Share of Children Who Took Part in an Activity")),
	("have_all_five", _lt("All Five Haves")),
)
# Figures shown beside them (counts, where more is not better).
COUNTS = (
	("children_end", _lt("Children at the End of the Term")),
	("hazards_overdue", _lt("Hazards Past Their Deadline")),
)
TREND = "have_all_five"

COLUMNS = (
	Column("school", _lt("School"), "Link", 220, "Care School"),
	Column("workflow_state", _lt("Summary Status"), width=100),
	Column("figures_as_of", _lt("Figures As Of"), "Date", 100),
	*(Column(key, label, "Int", 110) for key, label in COUNTS),
	*(Column(key, label, "Percent", 110) for key, label in MEASURES),
	Column("trend", _lt("All Five Haves, Last Terms"), width=170),
	Column("weakest", _lt("Weakest On"), width=220),
)


@dataclass(frozen=True)
class SchoolTerm:
	"""A school's summary of one term: its state, the day its figures were read, its figures."""

	school: str
	term: str
	workflow_state: str | None
	figures_as_of: datetime.date | None
	figures: Mapping[str, float]


@dataclass
class Overview:
	rows: list[dict] = field(default_factory=list)
	schools_without_summary: list[str] = field(default_factory=list)
	# Each shown school's five haves by term, the term's own and those before it.
	trends: dict[str, dict[str, float]] = field(default_factory=dict)


def build(
	term: str,
	earlier_terms: Iterable[str],
	summaries: Iterable[SchoolTerm],
	schools: Iterable[str],
	label: Callable[[str], str] = lambda text: text,
) -> Overview:
	"""`summaries` of `term` and of `earlier_terms` (oldest first) for the `schools` the reader may
	see; `label` translates a measure's label. A school is marked weakest on a measure where its
	value is the lowest of the schools that have the term's summary (unless all have the same).
	Rows are ordered weakest first: by the five haves, then by name."""
	earlier_terms = list(earlier_terms)
	by_term: dict[tuple[str, str], SchoolTerm] = {(s.school, s.term): s for s in summaries}
	schools = sorted(set(schools))
	current = [by_term[(school, term)] for school in schools if (school, term) in by_term]
	overview = Overview(schools_without_summary=[s for s in schools if (s, term) not in by_term])
	lowest = {}
	for key, _label in MEASURES:
		values = [s.figures.get(key, 0) for s in current]
		if len(values) > 1 and min(values) < max(values):  # all alike: none is the weakest
			lowest[key] = min(values)
	for summary in sorted(current, key=lambda s: (s.figures.get(TREND, 0), s.school)):
		row = {
			"school": summary.school,
			"workflow_state": label(summary.workflow_state) if summary.workflow_state else None,
			"figures_as_of": summary.figures_as_of,
		}
		for key, _label in (*COUNTS, *MEASURES):
			row[key] = summary.figures.get(key, 0)
		trend = {
			t: by_term[(summary.school, t)].figures.get(TREND, 0)
			for t in [*earlier_terms, term]
			if (summary.school, t) in by_term
		}
		overview.trends[summary.school] = trend
		row["trend"] = " → ".join(f"{value:g}%" for value in trend.values())
		row["weakest"] = "、".join(
			label(text) for key, text in MEASURES if key in lowest and row[key] == lowest[key]
		)
		overview.rows.append(row)
	return overview


def chart(overview: Overview, terms: Iterable[str]) -> dict | None:
	"""A bar chart of the five haves: the schools in the rows' order (weakest first), a bar per term
	of `terms` (oldest first) that any of them summed up, a school without that term's summary at 0.
	Drawn without animation, its entry included: Frappe's pages may draw a chart again while they
	settle (a report page, a workspace at phone width), and a bar chart redrawn under its animation
	throws in the browser (removeChild)."""
	if not overview.rows:
		return None
	schools = [row["school"] for row in overview.rows]
	shown = [t for t in terms if any(t in overview.trends[school] for school in schools)]
	return {
		"data": {
			"labels": schools,
			"datasets": [
				{"name": t, "values": [overview.trends[school].get(t, 0) for school in schools]}
				for t in shown
			],
		},
		"type": "bar",
		"fieldtype": "Percent",
		"animate": 0,
		"disableEntryAnimation": 1,  # the first draw's animation runs whatever `animate` says
		"axisOptions": {"xAxisMode": "tick"},
	}
