"""学期工作总结: the figures of a school's (or the county's) term, from the term's records, and each
beside the previous term's. Rows in, figures out: the Term Summary gathers the records in a fixed
number of queries and stores what this returns; once submitted, the stored figures are what was
signed and what the next term compares with.

The rules each figure follows are the engine's: compliance from `core.compliance` (through the
ledger), the five haves from `core.five_haves`, plan states from `core.plans`, a mandatory report
from `core.incidents`. A child counts in the term when their file was open on one of its days
(filed by its end, not closed before its start)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from leftbehind_care.core import compliance as engine
from leftbehind_care.core import evaluation, five_haves
from leftbehind_care.core.incidents import MANDATORY_REPORT_KINDS
from leftbehind_care.core.plans import ENDED
from leftbehind_care.reports.columns import _lt

ACTIVE = "Active"
RISK_ORDER = {"Low": 0, "Medium": 1, "High": 2}

# Sections, in the order the document shows them.
SECTIONS = {
	"children": _lt("Children in the Programme"),
	"care": _lt("Pairing and Contact"),
	"trouble": _lt("Children in Difficulty"),
	"support": _lt("Support and Safety"),
	"five_haves": _lt("The Five Haves"),
	"evaluation": _lt("Evaluation Results"),
}


@dataclass(frozen=True)
class FigureSpec:
	key: str
	section: str
	label: str
	fieldtype: str = "Int"  # Int, Percent or Currency


def _spec(section: str, fieldtype: str = "Int"):
	return lambda key, label: FigureSpec(key, section, label, fieldtype)


_C, _P = _spec("children"), _spec("children", "Percent")
_K, _KP = _spec("care"), _spec("care", "Percent")
_T, _TP = _spec("trouble"), _spec("trouble", "Percent")
_S, _SP, _SC = _spec("support"), _spec("support", "Percent"), _spec("support", "Currency")
_F = _spec("five_haves", "Percent")
_E = _spec("evaluation")

FIGURES: tuple[FigureSpec, ...] = (
	_C("children_start", _lt("Children at the Start of the Term")),
	_C("children_end", _lt("Children at the End of the Term")),
	_C("joined", _lt("Children Who Joined")),
	_C("left", _lt("Children Who Left")),
	_C("left_parents_returned", _lt("Left: Parents Returned")),
	_C("left_aged_out", _lt("Left: Aged Out")),
	_C("left_transferred", _lt("Left: Transferred")),
	_C("left_graduated", _lt("Left: Graduated")),
	_C("type_both_parents_away", _lt("Both Parents Away")),
	_C("type_one_parent_other_cannot_care", _lt("One Parent Away, Other Cannot Care")),
	_C("type_one_parent_away", _lt("One Parent Away")),
	_C("unsupervised", _lt("Unsupervised Child Alerts")),
	_P("completeness", _lt("Average File Completeness")),
	_K("paired", _lt("Children with a Mentor")),
	_KP("paired_share", _lt("Share of Children with a Mentor")),
	_K("paired_staff", _lt("Mentor: Staff")),
	_K("paired_volunteer", _lt("Mentor: Volunteer")),
	_K("paired_peer_student", _lt("Mentor: Peer Student")),
	_K("paired_proxy_parent", _lt("Mentor: Proxy Parent")),
	_K("talks_met", _lt("Monthly Talks Held")),
	_K("talks_missed", _lt("Monthly Talks Missed")),
	_KP("talks_rate", _lt("Talk Compliance")),
	_K("contacts_met", _lt("Monthly Family Contacts Held")),
	_K("contacts_missed", _lt("Monthly Family Contacts Missed")),
	_KP("contacts_rate", _lt("Family Contact Compliance")),
	_K("visits_met", _lt("Children Visited at Home")),
	_K("visits_missed", _lt("Home Visits Missed")),
	_KP("visits_rate", _lt("Home Visit Compliance")),
	_K("meetings_met", _lt("Guardians Who Attended a Meeting")),
	_K("meetings_missed", _lt("Guardian Meetings Missed")),
	_KP("meetings_rate", _lt("Guardian Meeting Compliance")),
	_T("assessed", _lt("Children Assessed")),
	_T("risk_low", _lt("Risk Level: Low")),
	_T("risk_medium", _lt("Risk Level: Medium")),
	_T("risk_high", _lt("Risk Level: High")),
	_T("risk_up", _lt("Risk Higher than Last Term")),
	_T("risk_down", _lt("Risk Lower than Last Term")),
	_T("plans_opened", _lt("Plans Opened")),
	_T("plans_approved", _lt("Plans Approved")),
	_T("plans_closed", _lt("Plans Closed")),
	_T("plans_escalated", _lt("Plans Escalated")),
	_T("plan_reviews_overdue", _lt("Plan Reviews Overdue")),
	_T("counselling_sessions", _lt("Counselling Sessions")),
	_T("incidents", _lt("Incidents")),
	_TP("incidents_told_in_time", _lt("Incidents Told to Parents within 24 Hours")),
	_T("mandatory_reports", _lt("Mandatory Reports Made")),
	_S("priority_tutoring", _lt("Children Given Priority Tutoring")),
	_S("priority_daily_care", _lt("Children Given Priority Daily-Life Care")),
	_S("priority_activity", _lt("Children Given a Priority Activity Place")),
	_SP("boarding_share", _lt("Share of Children Boarding")),
	_S("aid_records", _lt("Aid Given")),
	_SC("aid_amount", _lt("Aid Amount")),
	_SC("funds_allocated", _lt("Funds Allocated")),
	_SC("funds_spent", _lt("Funds Spent")),
	_S("dropout_opened", _lt("Dropout Cases Opened")),
	_S("dropout_returned", _lt("Children Back in School")),
	_S("hazards_found", _lt("Safety Hazards Found")),
	_S("hazards_fixed_in_time", _lt("Hazards Fixed by Their Deadline")),
	_S("hazards_overdue", _lt("Hazards Past Their Deadline")),
	_S("activities", _lt("Care Activities")),
	_SP("activity_share", _lt("Share of Children Who Took Part in an Activity")),
	*(
		_F(f"have_{have}", label)
		for have, label in (
			(five_haves.STUDY, _lt("Schooling Guided")),
			(five_haves.GUARDIANSHIP, _lt("Guardian Present")),
			(five_haves.SAFETY, _lt("Safety Assured")),
			(five_haves.FAMILY, _lt("Family Affection Kept")),
			(five_haves.ACTIVITY, _lt("Activity Place")),
		)
	),
	_F("have_all_five", _lt("All Five Haves")),
	_E("eval_excellent", _lt("Evaluated Excellent")),
	_E("eval_good", _lt("Evaluated Good")),
	_E("eval_pass", _lt("Evaluated Pass")),
	_E("eval_fail", _lt("Evaluated Fail")),
)
BY_KEY = {spec.key: spec for spec in FIGURES}

# Stored values mapped to figure keys.
LEFT_KEYS = {
	"Parents Returned": "left_parents_returned",
	"Aged Out": "left_aged_out",
	"Transferred": "left_transferred",
	"Graduated": "left_graduated",
}
TYPE_KEYS = {
	"Both Parents Away": "type_both_parents_away",
	"One Parent Away, Other Cannot Care": "type_one_parent_other_cannot_care",
	"One Parent Away": "type_one_parent_away",
}
MENTOR_KEYS = {
	"Staff": "paired_staff",
	"Volunteer": "paired_volunteer",
	"Peer Student": "paired_peer_student",
	"Proxy Parent": "paired_proxy_parent",
}
PRIORITY_KEYS = {
	"Tutoring": "priority_tutoring",
	"Daily-Life Care": "priority_daily_care",
	"Activity Placement": "priority_activity",
}


@dataclass(frozen=True)
class ChildRow:
	name: str
	filed_on: datetime.date | None
	status: str | None
	status_date: datetime.date | None  # when a closed file was closed
	left_behind_type: str | None
	unsupervised_alert: int
	completeness: float | None


@dataclass(frozen=True)
class PlanRow:
	drafted_on: datetime.date | None
	approved_on: datetime.date | None
	ended: tuple[tuple[str, datetime.date], ...]  # (Closed or Escalated, day) of its moves
	review_overdue: int
	workflow_state: str | None


@dataclass(frozen=True)
class IncidentRow:
	occurred_on: datetime.date
	notified_in_time: int
	kind: str | None
	reported: bool


@dataclass(frozen=True)
class DropoutRow:
	opened_on: datetime.date | None
	case_status: str | None
	closed_on: datetime.date | None


@dataclass(frozen=True)
class HazardRow:
	found_on: datetime.date | None
	deadline: datetime.date | None
	fixed_on: datetime.date | None


@dataclass
class TermRecords:
	"""What a term's figures are computed from, for one school or the county: `on` is the day the
	term is read on (its last day once it ended, today while it runs). Record lists hold the
	term's records (dated in the term) of the children in scope."""

	start: datetime.date
	end: datetime.date
	on: datetime.date
	children: list[ChildRow] = field(default_factory=list)
	pairings: list[tuple] = field(default_factory=list)  # (child, mentor_kind, status, from, to)
	# The compliance engine's month and term results of the children, each with how many children
	# had it (`counted`; on a site, `ledger.counts`).
	months: list[tuple[engine.MonthResult, int]] = field(default_factory=list)
	terms: list[tuple[engine.TermResult, int]] = field(default_factory=list)
	assessments: list[tuple] = field(default_factory=list)  # (child, assessed_on, risk_level)
	previous_assessments: list[tuple] = field(default_factory=list)  # of the term before
	plans: list[PlanRow] = field(default_factory=list)
	counselling_sessions: int = 0
	incidents: list[IncidentRow] = field(default_factory=list)
	priorities: list[tuple] = field(default_factory=list)  # (child, priority kind)
	boarders: set[str] = field(default_factory=set)  # children with a boarding record this term
	aid: list[tuple] = field(default_factory=list)  # (aid kind, amount)
	funds: list[tuple] = field(default_factory=list)  # (allocated, spent) of each fund entry
	dropouts: list[DropoutRow] = field(default_factory=list)
	hazards: list[HazardRow] = field(default_factory=list)
	activities: list[tuple] = field(default_factory=list)  # (activity, child or None)
	five_haves: five_haves.Shares | None = None  # of the children at the end of the term
	evaluation_results: list[str | None] = field(default_factory=list)  # of the term's final evaluations


def counted(
	compliance: Mapping[str, engine.ChildCompliance],
) -> tuple[list[tuple[engine.MonthResult, int]], list[tuple[engine.TermResult, int]]]:
	"""Children's compliance as TermRecords holds it: each distinct month and term result, with how
	many children had it."""
	months = Counter(month for child in compliance.values() for month in child.months)
	terms = Counter(term for child in compliance.values() for term in child.terms)
	return list(months.items()), list(terms.items())


def in_term(day: datetime.date | None, start: datetime.date, end: datetime.date) -> bool:
	return day is not None and start <= day <= end


def open_on(child: ChildRow, day: datetime.date) -> bool:
	"""The child's file was open on `day`: filed by then and not closed before it."""
	if child.filed_on is None or child.filed_on > day:
		return False
	return child.status == ACTIVE or (child.status_date is not None and child.status_date > day)


def in_programme(child: ChildRow, start: datetime.date, end: datetime.date) -> bool:
	"""The child's file was open on a day of the term."""
	if child.filed_on is None or child.filed_on > end:
		return False
	return child.status == ACTIVE or (child.status_date is not None and child.status_date > start)


def share(part: float, whole: float) -> float:
	return round(100.0 * part / whole, 1) if whole else 0.0


def latest_risk(rows: Iterable[tuple]) -> dict[str, str]:
	"""Each child's latest risk level among `rows` (child, assessed_on, risk_level)."""
	latest: dict[str, tuple] = {}
	for child, assessed_on, level in rows:
		if level and (child not in latest or assessed_on > latest[child][0]):
			latest[child] = (assessed_on, level)
	return {child: level for child, (_day, level) in latest.items()}


def build(r: TermRecords) -> dict[str, float]:
	"""Every figure of FIGURES, by key."""
	f: dict[str, float] = dict.fromkeys(BY_KEY, 0)
	in_scope = [c for c in r.children if in_programme(c, r.start, r.end)]
	at_start = [c for c in in_scope if open_on(c, r.start)]
	# The children at the end of the term (today's, while it runs).
	at_end = [c for c in in_scope if open_on(c, r.on)]
	end_names = {c.name for c in at_end}
	f["children_start"] = len(at_start)
	f["children_end"] = len(at_end)
	f["joined"] = sum(1 for c in in_scope if c.filed_on and r.start < c.filed_on <= r.on)
	for c in in_scope:
		# Closed on the first day, a file was not open in the term; from the next day on, it left.
		if c.status != ACTIVE and c.status_date and r.start < c.status_date <= r.on:
			f["left"] += 1
			if c.status in LEFT_KEYS:
				f[LEFT_KEYS[c.status]] += 1
	for c in at_end:
		if c.left_behind_type in TYPE_KEYS:
			f[TYPE_KEYS[c.left_behind_type]] += 1
		f["unsupervised"] += int(bool(c.unsupervised_alert))
	f["completeness"] = round(sum(c.completeness or 0 for c in at_end) / len(at_end), 1) if at_end else 0.0

	paired: dict[str, set[str]] = {}
	for child, kind, status, from_date, to_date in r.pairings:
		if child in end_names and five_haves.pairing_active(status, from_date, to_date, r.on):
			paired.setdefault(child, set()).add(kind)
	f["paired"] = len(paired)
	f["paired_share"] = share(len(paired), len(at_end))
	for kinds in paired.values():
		for kind in kinds:
			if kind in MENTOR_KEYS:
				f[MENTOR_KEYS[kind]] += 1

	for month, children in r.months:
		if in_term(month.month, r.start.replace(day=1), r.end):
			for kind, status in (("talks", month.talk_status), ("contacts", month.contact_status)):
				if status == engine.MET:
					f[f"{kind}_met"] += children
				elif status == engine.MISSED:
					f[f"{kind}_missed"] += children
	for term, children in r.terms:
		if term.term.start == r.start and term.term.end == r.end:
			for kind, status in (("visits", term.visit_status), ("meetings", term.meeting_status)):
				if status == engine.MET:
					f[f"{kind}_met"] += children
				elif status == engine.MISSED:
					f[f"{kind}_missed"] += children
	for kind in ("talks", "contacts", "visits", "meetings"):
		f[f"{kind}_rate"] = share(f[f"{kind}_met"], f[f"{kind}_met"] + f[f"{kind}_missed"])

	now = latest_risk(r.assessments)
	before = latest_risk(r.previous_assessments)
	f["assessed"] = len(now)
	for child, level in now.items():
		key = f"risk_{level.lower()}"
		if key in f:
			f[key] += 1
		if child in before and level in RISK_ORDER and before[child] in RISK_ORDER:
			change = RISK_ORDER[level] - RISK_ORDER[before[child]]
			f["risk_up"] += int(change > 0)
			f["risk_down"] += int(change < 0)

	for plan in r.plans:
		f["plans_opened"] += int(in_term(plan.drafted_on, r.start, r.end))
		f["plans_approved"] += int(in_term(plan.approved_on, r.start, r.end))
		ended = [state for state, day in plan.ended if in_term(day, r.start, r.end)]
		f["plans_closed"] += int(ENDED[0] in ended)
		f["plans_escalated"] += int(ENDED[1] in ended)
		f["plan_reviews_overdue"] += int(bool(plan.review_overdue) and plan.workflow_state not in ENDED)
	f["counselling_sessions"] = r.counselling_sessions

	incidents = [i for i in r.incidents if in_term(i.occurred_on, r.start, r.end)]
	f["incidents"] = len(incidents)
	f["incidents_told_in_time"] = share(sum(1 for i in incidents if i.notified_in_time), len(incidents))
	f["mandatory_reports"] = sum(1 for i in incidents if i.kind in MANDATORY_REPORT_KINDS and i.reported)

	for key in PRIORITY_KEYS.values():
		f[key] = 0
	received: dict[str, set[str]] = {}
	for child, kind in r.priorities:
		if kind in PRIORITY_KEYS:
			received.setdefault(PRIORITY_KEYS[kind], set()).add(child)
	for key, children in received.items():
		f[key] = len(children)
	f["boarding_share"] = share(len(r.boarders & end_names), len(at_end))
	f["aid_records"] = len(r.aid)
	f["aid_amount"] = round(sum(amount or 0 for _kind, amount in r.aid), 2)
	f["funds_allocated"] = round(sum(a or 0 for a, _s in r.funds), 2)
	f["funds_spent"] = round(sum(s or 0 for _a, s in r.funds), 2)
	f["dropout_opened"] = sum(1 for d in r.dropouts if in_term(d.opened_on, r.start, r.end))
	f["dropout_returned"] = sum(
		1 for d in r.dropouts if d.case_status == "Back in School" and in_term(d.closed_on, r.start, r.end)
	)
	hazards = [h for h in r.hazards if in_term(h.found_on, r.start, r.end)]
	f["hazards_found"] = len(hazards)
	f["hazards_fixed_in_time"] = sum(
		1 for h in hazards if h.fixed_on and h.deadline and h.fixed_on <= h.deadline
	)
	f["hazards_overdue"] = sum(1 for h in hazards if five_haves.hazard_overdue(h.deadline, h.fixed_on, r.on))
	f["activities"] = len({activity for activity, _child in r.activities})
	took_part = {child for _activity, child in r.activities if child in end_names}
	f["activity_share"] = share(len(took_part), len(at_end))

	for result, count in evaluation.result_counts(r.evaluation_results).items():
		f[f"eval_{result.lower()}"] = count
	if r.five_haves is not None:
		for have in five_haves.HAVES:
			f[f"have_{have}"] = r.five_haves.share(have)
		f["have_all_five"] = r.five_haves.share()
	return f


@dataclass(frozen=True)
class FigureRow:
	key: str
	section: str
	label: str
	fieldtype: str
	value: float
	previous: float | None
	change: float | None


def compare(current: Mapping[str, float], previous: Mapping[str, float] | None) -> list[FigureRow]:
	"""Each figure in FIGURES' order beside the previous term's (None where there is none: no
	previous summary, or a figure it did not have) and the change."""
	rows = []
	for spec in FIGURES:
		value = current.get(spec.key, 0)
		before = previous.get(spec.key) if previous else None
		change = round(value - before, 2) if before is not None else None
		rows.append(FigureRow(spec.key, spec.section, spec.label, spec.fieldtype, value, before, change))
	return rows
