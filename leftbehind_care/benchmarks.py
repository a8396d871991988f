"""Speed figures on a real site, for the paths a county uses every day.

Run on a site with demo data (bench --site S make-care-demo --children 20000):

    bench --site S execute leftbehind_care.benchmarks.run
    bench --site S execute leftbehind_care.benchmarks.reports

It prints one line per measurement (median and worst of several runs) and changes nothing.
`reports` runs every app report for the county's administrator and for one school's leader, and
prints each one's time, the queries it ran, and the time of one hand-written SQL query that reads
the same figures, with the ratio of the two.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import frappe
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.utils import add_days, getdate, nowdate

from leftbehind_care import privacy
from leftbehind_care.compliance import care_targets, care_terms, report_term
from leftbehind_care.core import scope as roles
from leftbehind_care.core.compliance import Targets
from leftbehind_care.core.workflow import read as read_workflow
from leftbehind_care.coverage import coverage_day
from leftbehind_care.leftbehind_care.report.child_register.child_register import execute as child_register


def timed(label: str, fn: Callable[[], object], repeat: int = 5) -> None:
	samples = []
	result = None
	for _ in range(repeat):
		start = time.perf_counter()
		result = fn()
		samples.append((time.perf_counter() - start) * 1000)
	size = len(result) if hasattr(result, "__len__") else result
	print(
		f"{label:<58} median {statistics.median(samples):8.1f} ms   worst {max(samples):8.1f} ms   rows {size}"
	)


def first_user_with(role: str) -> str | None:
	has_role = frappe.qb.DocType("Has Role")
	rows = (
		frappe.qb.from_(has_role)
		.select(has_role.parent)
		.where((has_role.role == role) & (has_role.parenttype == "User"))
		.orderby(has_role.parent)
		.limit(1)
		.run()
	)
	return rows[0][0] if rows else None


def run() -> None:
	children = frappe.db.count("Left Behind Child")
	print(f"site {frappe.local.site}: {children} children, {frappe.db.count('Child Guardian')} guardians")
	users = {
		"administrator": first_user_with(roles.ADMINISTRATOR) or "Administrator",
		"school leader": first_user_with(roles.SCHOOL_LEADER),
		"class teacher": first_user_with(roles.CLASS_TEACHER),
	}
	try:
		for persona, user in users.items():
			if not user:
				print(f"no {persona} on this site: run make-care-demo first")
				continue
			frappe.set_user(user)
			timed(
				f"{persona}: list view, first 20 active children",
				lambda: frappe.get_list(
					"Left Behind Child",
					filters={"status": "Active"},
					fields=["name", "child_name", "care_class", "completeness", "unsupervised_alert"],
					limit_page_length=20,
				),
			)
			card = frappe.get_doc("Number Card", "Unsupervised Children").as_dict()
			timed(
				f"{persona}: number card, unsupervised children",
				lambda card=card: get_result(card, card.filters_json),
			)
			timed(
				f"{persona}: link search 'zh'",
				lambda: frappe.call("frappe.desk.search.search_link", doctype="Left Behind Child", txt="zh"),
			)
			timed(
				f"{persona}: parents' phones listed on their own",
				lambda: frappe.get_list(
					"Left Behind Child Parent",
					parent_doctype="Left Behind Child",
					fields=["parent", "phone"],
					limit_page_length=100,
				),
			)
			timed(
				f"{persona}: count of active children (get_count)",
				lambda: privacy.get_count("Left Behind Child", {"status": "Active"}),
			)
			timed(f"{persona}: Child Register report", lambda: child_register({})[1], repeat=3)
	finally:
		frappe.set_user("Administrator")


# ---- reports against hand-written SQL

# One query per report reading what the report shows, written by hand for the whole county: the
# yardstick the report's time is compared with. `%(…)s` values: `term_start`, `term_end`, `term`,
# `today`, `month_days` (Targets.min_month_days), `talks` (talks per month), `on` (the day Care
# Coverage reads the five haves on).
# The children named by each hazard past its deadline and not fixed on the day, one row each (a
# hazard names file numbers one per line): a recursive table both Care Coverage's and a term
# summary's hand-written queries join.
NAMED_HAZARDS = """named as (
	select h.name, substring_index(h.affected_children, '\\n', 1) as child,
		substring(h.affected_children,
			length(substring_index(h.affected_children, '\\n', 1)) + 2) as rest
	from `tabSafety Hazard` h
	where h.deadline < %(on)s and (h.fixed_on is null or h.fixed_on > %(on)s)
		and coalesce(h.affected_children, '') != ''
	union all
	select name, substring_index(rest, '\\n', 1),
		substring(rest, length(substring_index(rest, '\\n', 1)) + 2)
	from named where rest != ''
)"""

HAND_SQL = {
	"Child Register": """
		select c.name, c.child_name, c.gender, c.age, c.school, k.class_title, c.left_behind_type,
			g.guardian_name, g.phone, g.capacity, c.unsupervised_alert, c.completeness,
			c.missing_items, c.contact_card_issued_on
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		left join (
			select parent, guardian_name, phone, capacity, row_number() over (
				partition by parent order by is_primary desc, idx asc) as n
			from `tabLeft Behind Child Guardian` where parenttype = 'Left Behind Child'
		) g on g.parent = c.name and g.n = 1
		where c.status = 'Active'
		order by c.school, c.care_class, c.child_name""",
	"Talk Compliance": """
		select c.name, c.child_name, c.school, k.class_title, k.class_teacher, e.period_start,
			e.period_end, e.due_days, e.talks
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		left join `tabCare Compliance Entry` e on e.child = c.name and e.period_type = 'Month'
			and e.period_start <= %(term_end)s and e.period_end >= %(term_start)s
		where c.filed_on <= %(term_end)s and (c.status = 'Active' or c.status_date >= %(term_start)s)
		order by c.school, c.care_class, c.child_name""",
	"At-Risk Children": """
		select c.name, c.child_name, k.class_title, c.unsupervised_alert,
			(select a.risk_level from `tabCare Assessment` a where a.child = c.name
				order by a.assessed_on desc, a.creation desc limit 1) as risk_level,
			(select count(*) from `tabIntervention Plan` p where p.child = c.name
				and coalesce(p.workflow_state, 'Draft') not in ('Closed', 'Escalated')) as plans,
			(select count(*) from `tabCare Incident` i where i.child = c.name and (
				i.parents_notified_at is null or coalesce(i.follow_up, '') = ''
				or (i.incident_kind = 'Suspected Abuse' and i.reported_at is null))) as incidents,
			(select count(*) from `tabCare Compliance Entry` e where e.child = c.name
				and e.period_type = 'Month' and e.period_start >= %(term_start)s
				and e.period_end < %(today)s and e.due_days >= %(month_days)s
				and e.talks < %(talks)s) as missed
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		where c.status = 'Active'""",
	"Three Priorities": """
		select c.name, c.child_name, k.class_title, s.priority_kind
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		left join `tabPriority Support` s on s.child = c.name and s.term = %(term)s
		where c.status = 'Active'
		order by c.care_class, c.child_name""",
	"Care Coverage": f"""
		with recursive {NAMED_HAZARDS}
		select c.name, c.child_name, k.class_title,
			(sp.child is not null or tu.child is not null) as study,
			g.parent is not null as guardianship,
			coalesce(i.n, 0) as open_incidents,
			coalesce(hz.n, 0) as overdue_hazards,
			fc.last_contact as last_parent_contact,
			act.child is not null as activity
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		left join (select distinct child from `tabMentor Pairing` where focus = 'Study'
			and (from_date is null or from_date <= %(on)s)
			and (to_date >= %(on)s or (to_date is null and status != 'Ended'))) sp on sp.child = c.name
		left join (select distinct child from `tabPriority Support` where term = %(term)s
			and priority_kind = 'Tutoring') tu on tu.child = c.name
		left join (select distinct parent from `tabLeft Behind Child Guardian`
			where parenttype = 'Left Behind Child' and capacity in ('Good', 'Weak')
			and coalesce(trim(phone), '') != '') g on g.parent = c.name
		left join (select child, count(*) as n from `tabCare Incident`
			where coalesce(follow_up, '') = '' group by child) i on i.child = c.name
		left join (select trim(child) as child, count(distinct name) as n from named
			group by trim(child)) hz on hz.child = c.name
		left join (select child, max(contact_date) as last_contact from `tabFamily Contact`
			where with_whom in ('Father', 'Mother', 'Both Parents') and contact_date <= %(on)s
			group by child) fc on fc.child = c.name
		left join (select distinct ap.child from `tabCare Activity Participant` ap
			join `tabCare Activity` a on a.name = ap.parent
			where ap.parenttype = 'Care Activity' and a.term = %(term)s
			and a.activity_date <= %(on)s) act on act.child = c.name
		where c.status = 'Active'
		order by c.school, c.care_class, c.child_name""",
	"Care Activity Counts": """
		select p.child, p.child_name, p.care_class, count(*)
		from `tabCare Activity Participant` p
		join `tabCare Activity` a on a.name = p.parent and p.parenttype = 'Care Activity'
		where a.term = %(term)s and p.child is not null
		group by p.child, p.child_name, p.care_class""",
	"Boarding Mobilisation": """
		select c.name, c.child_name, k.class_title, c.village, c.distance_to_school_km,
			c.is_boarding, min(g.capacity)
		from `tabLeft Behind Child` c
		left join `tabCare Class` k on k.name = c.care_class
		left join `tabLeft Behind Child Guardian` l on l.parent = c.name
			and l.parenttype = 'Left Behind Child'
		left join `tabChild Guardian` g on g.name = l.guardian
		where c.status = 'Active'
		group by c.name, c.child_name, k.class_title, c.village, c.distance_to_school_km,
			c.is_boarding""",
	"Intervention Plan Status": """
		select p.name, p.child_name, k.class_title, p.workflow_state, p.drafted_on, tu.full_name,
			lu.full_name, p.approved_on, p.next_review_on, p.review_overdue, max(t.at)
		from `tabIntervention Plan` p
		left join `tabCare Class` k on k.name = p.care_class
		left join `tabUser` tu on tu.name = p.responsible_teacher
		left join `tabUser` lu on lu.name = p.participating_leader
		left join `tabIntervention Plan Transition` t on t.parent = p.name
			and t.parenttype = 'Intervention Plan' and t.to_state in ('Closed', 'Escalated')
		group by p.name, p.child_name, k.class_title, p.workflow_state, p.drafted_on, tu.full_name,
			lu.full_name, p.approved_on, p.next_review_on, p.review_overdue
		order by p.review_overdue desc, p.drafted_on asc""",
	"Schooling and Safety Follow-ups": """
		select f.name, f.child_name, k.class_title, f.opened_on, f.responsible_leader,
			f.schooling_status, count(a.name), max(a.attempt_date)
		from `tabSchooling Follow-up` f
		left join `tabCare Class` k on k.name = f.care_class
		left join `tabPersuasion Attempt` a on a.parent = f.name
			and a.parenttype = 'Schooling Follow-up'
		where f.case_status = 'Following Up'
		group by f.name, f.child_name, k.class_title, f.opened_on, f.responsible_leader,
			f.schooling_status
		order by f.opened_on""",
	"Bureau Overview": """
		select s.school, s.term, s.workflow_state, s.figures_as_of, f.figure, f.value
		from `tabCare Term Summary` s
		join `tabCare Term` t on t.name = s.term
		join `tabCare Term Summary Figure` f on f.parent = s.name and f.parenttype = 'Care Term Summary'
		where s.school is not null and t.end_date <= %(term_end)s
			and f.figure in ('children_end', 'hazards_overdue', 'paired_share', 'talks_rate',
				'contacts_rate', 'visits_rate', 'meetings_rate', 'incidents_told_in_time',
				'activity_share', 'have_all_five')
		order by s.school, t.start_date""",
	"Child File Access": """
		select l.creation, u.full_name, l.export_from, l.reference_document,
			coalesce(c.child_name, g.guardian_name), l.method, l.report_name, l.file_type
		from `tabAccess Log` l
		left join `tabUser` u on u.name = l.user
		left join `tabLeft Behind Child` c on l.export_from = 'Left Behind Child'
			and c.name = l.reference_document
		left join `tabChild Guardian` g on l.export_from = 'Child Guardian'
			and g.name = l.reference_document
		where l.export_from in ('Left Behind Child', 'Child Guardian')
			and l.creation >= %(month_ago)s
			and not (l.method = 'Print' and coalesce(l.report_name, '') = '')
		order by l.creation desc limit 5000""",
}


# A county's term summary figures (`term_summary.figures(None, term)`), as one hand-written query:
# each group of figures aggregated by the database, the five haves of the children at the end of
# the term decided per child by joins, as in Care Coverage's.
SUMMARY_SQL = f"""
	with recursive {NAMED_HAZARDS}, kids as (
		select name, filed_on, status, status_date, left_behind_type, unsupervised_alert, completeness
		from `tabLeft Behind Child`
		where filed_on <= %(term_end)s and (status = 'Active' or status_date > %(term_start)s)
	), at_end as (
		select * from kids where filed_on <= %(on)s and (status = 'Active' or status_date > %(on)s)
	)
	select
		(select count(*) from kids where filed_on <= %(term_start)s
			and (status = 'Active' or status_date > %(term_start)s)) as children_start,
		(select count(*) from at_end) as children_end,
		(select count(*) from kids where filed_on > %(term_start)s and filed_on <= %(on)s) as joined,
		(select count(*) from kids where status != 'Active' and status_date > %(term_start)s
			and status_date <= %(on)s) as gone,
		(select concat_ws(',', sum(left_behind_type = 'Both Parents Away'),
			sum(left_behind_type = 'One Parent Away'), sum(unsupervised_alert), avg(completeness))
			from at_end) as kinds,
		(select group_concat(n) from (select count(distinct p.child) as n from `tabMentor Pairing` p
			join at_end e on e.name = p.child
			where (p.from_date is null or p.from_date <= %(on)s)
			and (p.to_date >= %(on)s or (p.to_date is null and p.status != 'Ended'))
			group by p.mentor_kind) x) as paired,
		(select concat_ws(',', sum(talks >= %(talks)s), sum(talks < %(talks)s and period_end < %(today)s),
			sum(contacts >= 1), sum(contacts < 1 and period_end < %(today)s))
			from `tabCare Compliance Entry` where period_type = 'Month'
			and period_start <= %(term_end)s and period_end >= %(term_start)s) as months,
		(select concat_ws(',', sum(visits >= 1), sum(meetings >= 1)) from `tabCare Compliance Entry`
			where period_type = 'Term' and term = %(term)s) as terms,
		(select group_concat(n) from (select count(*) as n from `tabCare Assessment` a
			where a.term = %(term)s and a.assessed_on = (select max(b.assessed_on)
				from `tabCare Assessment` b where b.child = a.child and b.term = %(term)s)
			group by a.risk_level) x) as risks,
		(select concat_ws(',', sum(drafted_on between %(term_start)s and %(term_end)s),
			sum(approved_on between %(term_start)s and %(term_end)s), sum(review_overdue))
			from `tabIntervention Plan` where drafted_on <= %(term_end)s) as plans,
		(select count(*) from `tabCounseling Session`
			where session_date between %(term_start)s and %(term_end)s) as sessions,
		(select concat_ws(',', count(*), sum(notified_in_time), sum(reported_at is not null))
			from `tabCare Incident` where occurred_at >= %(term_start)s
			and occurred_at < %(term_end)s + interval 1 day) as incidents,
		(select group_concat(n) from (select count(distinct child) as n from `tabPriority Support`
			where term = %(term)s group by priority_kind) x) as priorities,
		(select count(distinct b.child) from `tabBoarding Record` b join at_end e on e.name = b.child
			where b.term = %(term)s) as boarders,
		(select concat_ws(',', count(*), sum(amount)) from `tabAid Record` where term = %(term)s) as aid,
		(select concat_ws(',', sum(boarding_allocated + aid_allocated + activities_allocated),
			sum(boarding_spent + aid_spent + activities_spent))
			from `tabCare Fund Entry` where term = %(term)s) as funds,
		(select concat_ws(',', sum(opened_on between %(term_start)s and %(term_end)s),
			sum(case_status = 'Back in School' and closed_on between %(term_start)s and %(term_end)s))
			from `tabSchooling Follow-up` where opened_on <= %(term_end)s) as dropouts,
		(select concat_ws(',', count(*), sum(h.fixed_on <= h.deadline),
			sum(h.deadline < %(on)s and (h.fixed_on is null or h.fixed_on > %(on)s)))
			from `tabSafety Hazard` h join `tabSafety Inspection` i on i.name = h.parent
			where i.inspection_date between %(term_start)s and %(term_end)s) as hazards,
		(select concat_ws(',', count(distinct a.name), count(distinct e.name))
			from `tabCare Activity` a left join `tabCare Activity Participant` ap on ap.parent = a.name
			left join at_end e on e.name = ap.child
			where a.term = %(term)s and a.activity_date <= %(on)s) as activities,
		(select concat_ws(',', sum(sp.child is not null or tu.child is not null), sum(g.parent is not null),
			sum(i.child is null and hz.child is null), sum(fc.child is not null),
			sum(act.child is not null),
			sum((sp.child is not null or tu.child is not null) and g.parent is not null
				and i.child is null and hz.child is null and fc.child is not null
				and act.child is not null))
			from at_end c
			left join (select distinct child from `tabMentor Pairing` where focus = 'Study'
				and (from_date is null or from_date <= %(on)s)
				and (to_date >= %(on)s or (to_date is null and status != 'Ended'))) sp on sp.child = c.name
			left join (select distinct child from `tabPriority Support` where term = %(term)s
				and priority_kind = 'Tutoring') tu on tu.child = c.name
			left join (select distinct parent from `tabLeft Behind Child Guardian`
				where parenttype = 'Left Behind Child' and capacity in ('Good', 'Weak')
				and coalesce(trim(phone), '') != '') g on g.parent = c.name
			left join (select distinct child from `tabCare Incident`
				where coalesce(follow_up, '') = '') i on i.child = c.name
			left join (select distinct trim(child) as child from named) hz on hz.child = c.name
			left join (select child from `tabFamily Contact`
				where with_whom in ('Father', 'Mother', 'Both Parents') and contact_date <= %(on)s
				group by child having max(contact_date) >= %(on)s - interval %(contact_days)s day) fc
				on fc.child = c.name
			left join (select distinct ap.child from `tabCare Activity Participant` ap
				join `tabCare Activity` a on a.name = ap.parent
				where ap.parenttype = 'Care Activity' and a.term = %(term)s
				and a.activity_date <= %(on)s) act on act.child = c.name) as five_haves,
		(select group_concat(n) from (select count(*) as n from `tabCare Evaluation`
			where term = %(term)s and workflow_state in ('Final', 'Acknowledged') group by result) x)
			as evaluations
"""


def queries_run(fn: Callable[[], object]) -> int:
	"""How many statements `fn` sent to the database, as the database counts them."""
	if frappe.db.db_type == "sqlite":
		statements = []
		frappe.db._conn.set_trace_callback(statements.append)
		try:
			fn()
		finally:
			frappe.db._conn.set_trace_callback(None)
		return len(statements)

	def questions() -> int:
		# The database's own count of statements: no query builder writes SHOW STATUS.
		status = frappe.db.sql("show session status like 'Questions'")  # nosemgrep: frappe-using-db-sql
		return int(status[0][1])

	before = questions()
	fn()
	return questions() - before - 1  # the second SHOW counts itself


def median_ms(fn: Callable[[], object], repeat: int) -> float:
	samples = []
	for _ in range(repeat):
		start = time.perf_counter()
		fn()
		samples.append((time.perf_counter() - start) * 1000)
	return statistics.median(samples)


def reports(repeat: int = 3, only: str | None = None) -> None:
	"""Each report (or `only` the one named) for the county and one school, beside its hand SQL."""
	today = getdate(nowdate())
	term = report_term(None, care_terms(), today)
	if not term:
		print("no term on this site: run make-care-demo first")
		return
	values = {
		"term": term.name,
		"term_start": term.start,
		"term_end": term.end,
		"today": today,
		"month_days": Targets().min_month_days,
		"talks": care_targets().talks_per_month,
		"month_ago": add_days(today, -30),
		"on": coverage_day(term, today),
	}
	read_workflow("intervention_plan")  # warm what a desk process has warm
	names = frappe.get_all("Report", filters={"module": "Leftbehind Care"}, pluck="name", order_by="name")
	names = [name for name in names if not only or name == only]
	people = {
		"county (administrator)": first_user_with(roles.ADMINISTRATOR),
		"one school (leader)": first_user_with(roles.SCHOOL_LEADER),
	}
	print(f"site {frappe.local.site} ({frappe.db.db_type}): {frappe.db.count('Left Behind Child')} children")
	print(f"{'report':<34}{'reader':<24}{'rows':>7}{'ms':>9}{'queries':>9}{'hand SQL ms':>13}{'ratio':>8}")
	try:
		for name in names:
			module = frappe.get_attr(
				f"leftbehind_care.leftbehind_care.report.{frappe.scrub(name)}.{frappe.scrub(name)}.execute"
			)
			hand = HAND_SQL.get(name)
			# The yardstick is SQL written by hand, as a person tuning the figures would write it.
			run_hand = lambda hand=hand: frappe.db.sql(hand, values)  # noqa: E731  # nosemgrep: frappe-using-db-sql
			hand_ms = median_ms(run_hand, repeat) if hand else None
			for persona, user in people.items():
				if not user:
					continue
				frappe.set_user(user)
				frappe.clear_cache(user=user)
				try:
					result = module({})
				except frappe.PermissionError:
					print(f"{name:<34}{persona:<24}{'refused':>7}")
					continue
				ms = median_ms(lambda module=module: module({}), repeat)
				count = queries_run(lambda module=module: module({}))
				ratio = f"{ms / hand_ms:6.2f}x" if hand_ms and persona.startswith("county") else ""
				hand_text = f"{hand_ms:12.1f}" if hand_ms and persona.startswith("county") else ""
				print(
					f"{name:<34}{persona:<24}{len(result[1]):>7}{ms:9.1f}{count:>9}{hand_text:>13}{ratio:>8}"
				)
		if not only or only == SUMMARY:
			summary_figures(term, values, people, repeat)
	finally:
		frappe.set_user("Administrator")


SUMMARY = "Term Summary"


def summary_figures(term, values: dict, people: dict[str, str | None], repeat: int) -> None:
	"""A term summary's figures, as its save computes them: the county's (read by an administrator)
	beside SUMMARY_SQL, and the leader's school's."""
	from leftbehind_care import term_summary
	from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting

	values = {**values, "contact_days": get_setting("parent_contact_days")}
	run_hand = lambda: frappe.db.sql(SUMMARY_SQL, values)  # noqa: E731  # nosemgrep: frappe-using-db-sql
	hand_ms = median_ms(run_hand, repeat)
	for persona, user in people.items():
		if not user:
			continue
		frappe.set_user(user)
		school = None
		if not persona.startswith("county"):
			school = frappe.db.get_value("Care School Member", {"user": user}, "parent")
		figures = lambda school=school: term_summary.figures(school, term, values["today"])  # noqa: E731
		result = figures()
		ms = median_ms(figures, repeat)
		count = queries_run(figures)
		county = persona.startswith("county")
		ratio = f"{ms / hand_ms:6.2f}x" if county else ""
		hand_text = f"{hand_ms:12.1f}" if county else ""
		print(f"{SUMMARY:<34}{persona:<24}{len(result):>7}{ms:9.1f}{count:>9}{hand_text:>13}{ratio:>8}")
