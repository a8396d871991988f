"""Fill a site with a demo county: `make_demo(children=200, seed=1)`, or from the shell
`bench --site S make-care-demo --children 200 --seed 1`.

`leftbehind_care.core.demo` generates the county; this module writes it. Schools, classes and terms
are few and go through `doc.insert()`, so their controllers validate them. Users, guardians and
children go in with bulk inserts (a county has thousands of them; a User insert alone takes half a
second, as it clears the site cache), with every value a controller would compute computed here by
the same core functions, and the naming series moved past the names used.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.model.naming import NamingSeries
from frappe.utils import getdate, now, now_datetime, nowdate
from frappe.utils.password import update_password

from leftbehind_care import ledger
from leftbehind_care.assessments import SCORE_FIELDS, default_template, ensure_default_template
from leftbehind_care.core import assessment as assessment_rules
from leftbehind_care.core import child as rules
from leftbehind_care.core import incidents as incident_rules
from leftbehind_care.core import support as support_rules
from leftbehind_care.core.demo import (
	COUNTIES,
	DEFAULT_COUNTY,
	EMAIL_DOMAIN,
	Child,
	DemoCounty,
	Guardian,
	Person,
	TermPlan,
	adopt_calendar,
	generate_county,
)
from leftbehind_care.core.demo_access import FileReadPlan, generate_file_reads
from leftbehind_care.core.demo_care import (
	AssessmentPlan,
	IncidentPlan,
	MeetingPlan,
	PairingPlan,
	PlanPlan,
	generate_assessments,
	generate_contacts_and_visits,
	generate_counselling,
	generate_incidents,
	generate_meetings,
	generate_pairings,
	generate_plans,
	generate_talks,
)
from leftbehind_care.core.demo_parents import (
	ArticlePlan,
	ParentAccountPlan,
	generate_articles,
	generate_parent_accounts,
)
from leftbehind_care.core.demo_support import SupportDemo, generate_support
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.names import search_key
from leftbehind_care.core.parents import NOTICE_VERSION, PARENT, PARENT_ROLE, USED, code_key
from leftbehind_care.core.parents import expires_at as invitation_expires_at
from leftbehind_care.core.plans import next_review_on
from leftbehind_care.core.school import school_year_start
from leftbehind_care.core.terms import Term, check_term
from leftbehind_care.desk import ensure_module_profile
from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import (
	LeftBehindChild,
)

DEMO_PASSWORD = "Demo@2026"
# Rows per INSERT statement: well under MariaDB's default max_allowed_packet (16 MB).
CHUNK_SIZE = 1000


@dataclass
class DemoSummary:
	county: str
	townships: int = 0
	schools: int = 0
	classes: int = 0
	users: int = 0
	terms: int = 0
	guardians: int = 0
	pairings: int = 0
	talks: int = 0
	contacts: int = 0
	visits: int = 0
	meetings: int = 0
	plans: int = 0
	assessments: int = 0
	counselling: int = 0
	incidents: int = 0
	priorities: int = 0
	boarding: int = 0
	aid: int = 0
	dropout_cases: int = 0
	inspections: int = 0
	activities: int = 0
	term_summaries: int = 0
	evaluations: int = 0
	parent_accounts: int = 0
	parent_articles: int = 0
	file_reads: int = 0
	children: int = 0
	unsupervised: int = 0
	# Seconds per step, in the order the steps ran.
	timings: dict[str, float] = field(default_factory=dict)

	@contextmanager
	def timing(self, step: str) -> Iterator[None]:
		started = time.monotonic()
		yield
		self.timings[step] = round(time.monotonic() - started, 2)


def make_demo(
	children: int = 200, seed: int = 1, county: str = DEFAULT_COUNTY, commit: bool = True
) -> DemoSummary:
	"""Create a demo county with `children` left-behind children. Refuses if that county's demo
	is already on the site. `commit=False` leaves the transaction open (for tests)."""
	check_options(children, county)
	today = getdate(nowdate())
	refuse_if_present(children, seed, county, today)
	summary = DemoSummary(county=COUNTIES[county].county)
	with summary.timing("generate"):
		data = generate_county(children, seed, today, county, taken_id_numbers=id_numbers_on_file())
		data.terms = adopt_calendar(data.terms, site_terms())
	with summary.timing("terms"):
		summary.terms = insert_terms(data)
	with summary.timing("users"):
		summary.users = insert_users(data.staff, accounts_opened_at(today))
		# Written past User.validate: the care staff get their module profile as new users do.
		ensure_module_profile()
	with summary.timing("schools"):
		summary.schools = insert_schools(data)
	with summary.timing("classes"):
		summary.classes = insert_classes(data)
	with summary.timing("guardians"):
		guardian_names = insert_guardians(data)
	with summary.timing("children"):
		summary.unsupervised, child_names = insert_children(data, guardian_names)
	with summary.timing("pairings"):
		pairings = generate_pairings(data, seed)
		summary.pairings = insert_pairings(data, pairings, child_names)
	with summary.timing("talks"):
		talks = generate_talks(data, pairings, seed)
		summary.talks = insert_child_records(data, "Talk Record", talks, "talker", child_names)
	with summary.timing("contacts and visits"):
		contacts, visits = generate_contacts_and_visits(data, seed)
		summary.contacts = insert_child_records(data, "Family Contact", contacts, "contacted_by", child_names)
		summary.visits = insert_child_records(data, "Home Visit", visits, "recorded_by", child_names)
	with summary.timing("parents' accounts"):
		accounts, calls = generate_parent_accounts(data, seed, taken_phones=mobiles_taken())
		summary.parent_accounts = insert_parent_accounts(data, accounts, child_names)
		summary.contacts += insert_child_records(data, "Family Contact", calls, "contacted_by", child_names)
		summary.parent_articles = insert_articles(generate_articles(data, seed))
	with summary.timing("meetings"):
		meetings = generate_meetings(data, pairings, seed)
		summary.meetings = insert_meetings(meetings, child_names)
	with summary.timing("intervention plans"):
		plans = generate_plans(data, seed)
		plan_names = insert_plans(data, plans, child_names)
		summary.plans = len(plan_names)
	with summary.timing("assessments, counselling and incidents"):
		summary.assessments = insert_assessments(
			data, generate_assessments(data, plans, seed), child_names, plan_names
		)
		summary.counselling = insert_child_records(
			data, "Counseling Session", generate_counselling(data, plans, seed), "counselor", child_names
		)
		summary.incidents = insert_incidents(
			data, generate_incidents(data, plans, seed), child_names, plan_names
		)
	with summary.timing("support around the child"):
		insert_support(data, generate_support(data, seed), child_names, summary)
	with summary.timing("file reads"):
		summary.file_reads = insert_file_reads(
			data, generate_file_reads(data, seed), child_names, guardian_names
		)
	with summary.timing("compliance ledger"):
		# The records above were written in bulk, past the saves that keep the ledger current.
		ledger.rebuild()
	with summary.timing("evaluations"):
		summary.evaluations = insert_evaluations(data, seed, today)
	with summary.timing("term summaries"):
		summary.term_summaries = insert_term_summaries(data, seed, today)
	summary.townships = len(data.townships)
	summary.guardians = len(guardian_names)
	summary.children = len(data.children)
	if commit:
		# A CLI command that writes a whole county: nothing else commits for it.
		frappe.db.commit()  # nosemgrep: frappe-manual-commit
	return summary


# ---- before anything is written


def check_options(children: int, county: str) -> None:
	if children < 1:
		frappe.throw(_("The demo needs at least one child."), title=_("Invalid Demo Options"))
	if county not in COUNTIES:
		frappe.throw(
			_("There is no demo county {0}. Choose one of: {1}.").format(county, ", ".join(sorted(COUNTIES))),
			title=_("Invalid Demo Options"),
		)


def refuse_if_present(children: int, seed: int, county: str, today: datetime.date) -> None:
	"""A county's demo goes onto a site once: its schools and users would collide."""
	schools = [
		s.school_name for s in generate_county(children, seed, today, county, only_schools=True).schools
	]
	present = frappe.get_all("Care School", filters={"name": ("in", schools)}, pluck="name", limit=1)
	present += frappe.get_all(
		"User", filters={"name": ("like", f"%@{county}.{EMAIL_DOMAIN}")}, pluck="name", limit=1
	)
	if present:
		frappe.throw(
			_(
				"The demo data of {0} is already on this site (for example {1}). Run the demo on a site without it, or choose another county."
			).format(COUNTIES[county].county, present[0]),
			title=_("Demo Data Exists"),
		)


def id_numbers_on_file() -> set[str]:
	numbers = set()
	for doctype in ("Left Behind Child", "Child Guardian"):
		numbers.update(frappe.get_all(doctype, filters={"id_number": ("is", "set")}, pluck="id_number"))
	return numbers


# ---- few records: through their controllers


def site_terms() -> list[TermPlan]:
	return [
		TermPlan(t.name, t.academic_year, t.semester, getdate(t.start_date), getdate(t.end_date))
		for t in frappe.get_all(
			"Care Term", fields=["name", "academic_year", "semester", "start_date", "end_date"]
		)
	]


def insert_terms(data: DemoCounty) -> int:
	"""The current school year's terms, unless the site already has its own calendar for them."""
	existing = [
		Term(t.name, getdate(t.start_date), getdate(t.end_date))
		for t in frappe.get_all("Care Term", fields=["name", "start_date", "end_date"])
	]
	inserted = 0
	for plan in data.terms:
		if plan.term_name in {t.name for t in existing}:
			continue
		try:
			check_term(Term(plan.term_name, plan.start_date, plan.end_date), existing)
		except RuleError:  # overlaps a term of the site's own
			continue
		frappe.get_doc({"doctype": "Care Term", **vars(plan)}).insert()
		inserted += 1
	return inserted


def insert_schools(data: DemoCounty) -> int:
	for school in data.schools:
		frappe.get_doc(
			{
				"doctype": "Care School",
				"school_name": school.school_name,
				"school_type": school.school_type,
				"county": data.profile.county,
				"township": school.township,
				"address": school.address,
				"phone": school.phone,
				"members": [vars(member) for member in school.members],
			}
		).insert()
	return len(data.schools)


def insert_classes(data: DemoCounty) -> int:
	for school_class in data.classes:
		frappe.get_doc(
			{
				"doctype": "Care Class",
				"school": school_class.school,
				"grade": school_class.grade,
				"class_no": school_class.class_no,
				"year_of_entry": school_class.year_of_entry,
				"class_teacher": school_class.class_teacher,
				"class_teacher_phone": school_class.class_teacher_phone,
				"subject_teachers": [vars(teacher) for teacher in school_class.subject_teachers],
			}
		).insert()
	return len(data.classes)


# ---- many records: bulk inserts


def mobiles_taken() -> set[str]:
	return set(frappe.get_all("User", filters={"mobile_no": ("is", "set")}, pluck="mobile_no"))


def insert_parent_accounts(
	data: DemoCounty, accounts: list[ParentAccountPlan], child_names: list[str]
) -> int:
	"""家长端: the parents' website accounts (role Care Parent) and the invitations they opened, as
	`leftbehind_care.parents.accept_invitation` leaves them (the notice accepted too)."""
	if not accounts:
		return 0
	stamp = Stamp(frappe.session.user)
	language = "zh" if frappe.db.exists("Language", "zh") else None
	bulk_insert(
		"User",
		["name", "email", "first_name", "full_name", "mobile_no", "language", "user_type"]
		+ ["send_welcome_email", "enabled"],
		([a.email, a.email, a.name, a.name, a.phone, language, "Website User", 0, 1] for a in accounts),
		stamp,
	)
	bulk_insert(
		"Has Role",
		["name", "parent", "parenttype", "parentfield", "idx", "role"],
		([frappe.generate_hash(length=10), a.email, "User", "roles", 1, PARENT_ROLE] for a in accounts),
		stamp,
	)
	rows = {
		(row.parent, row.idx): row.name
		for row in frappe.get_all(
			"Left Behind Child Parent",
			filters={
				"parent": ("in", [child_names[a.child] for a in accounts]),
				"parenttype": "Left Behind Child",
			},
			fields=["name", "parent", "idx"],
		)
	}
	names = reserve_names("Care Parent Invitation", len(accounts))
	invitation_rows = []
	for name, a in zip(names, accounts, strict=True):
		child = data.children[a.child]
		parent = child_names[a.child]
		relation = child.parents_away[a.parent].relation
		invitation_rows.append(
			[name, a.issued_by, a.issued_by, parent, child.child_name, child.school, child.care_class]
			+ [PARENT, rows[(parent, a.parent + 1)], a.name, relation, a.phone, USED]
			+ [a.issued_at.date(), a.issued_at, invitation_expires_at(a.issued_at), a.issued_by, 0]
			+ [a.opened_at, a.email, NOTICE_VERSION, a.opened_at, code_key(frappe.generate_hash())]
		)
	bulk_insert(
		"Care Parent Invitation",
		["name", "owner", "modified_by", "child", "child_name", "school", "care_class"]
		+ ["invitee_kind", "invitee_row", "invitee_name", "relation", "phone", "status"]
		+ ["issued_on", "issued_at", "expires_at", "issued_by", "phone_tries"]
		+ ["used_at", "user", "notice_version", "notice_accepted_at", "code_key"],
		invitation_rows,
		Stamp(),
	)
	for account in accounts:
		update_password(account.email, DEMO_PASSWORD)
	return len(accounts)


def insert_file_reads(
	data: DemoCounty, reads: list[FileReadPlan], child_names: list[str], guardian_names: dict[int, str]
) -> int:
	"""The Access Log entries of the reads, each made by its reader at its time, as
	`privacy.log_print`, `privacy.export_report` and `privacy.log_rest_reads` leave them."""
	rows = []
	for read in reads:
		record = None
		if read.child is not None:
			record = child_names[read.child]
			if read.guardian is not None:
				record = guardian_names[data.children[read.child].guardians[read.guardian].guardian]
		at = read.at.strftime("%Y-%m-%d %H:%M:%S.%f")
		rows.append(
			[
				frappe.generate_hash(length=10),
				read.user,
				read.doctype,
				record,
				read.method,
				read.report_name,
				read.file_type,
				at,
				at,
				at,
				read.user,
				read.user,
			]
		)
	frappe.db.bulk_insert(
		"Access Log",
		[
			"name",
			"user",
			"export_from",
			"reference_document",
			"method",
			"report_name",
			"file_type",
			"timestamp",
			"creation",
			"modified",
			"owner",
			"modified_by",
		],
		rows,
		chunk_size=CHUNK_SIZE,
	)
	return len(rows)


def insert_articles(articles: list[ArticlePlan]) -> int:
	"""家长课堂: the county's articles (by its administrator) and each school's, published."""
	names = reserve_names("Care Parent Article", len(articles))
	bulk_insert(
		"Care Parent Article",
		["name", "title", "school", "summary", "body", "published", "published_on"],
		(
			[name, a.title, a.school, a.summary, a.body, 1, a.published_on]
			for name, a in zip(names, articles, strict=True)
		),
		Stamp(frappe.session.user),
	)
	return len(articles)


def accounts_opened_at(today: datetime.date) -> str:
	"""Staff accounts date from the start of the school year. Dated now, they would trip Frappe's
	user throttle (more than 60 users created within 60 minutes) for everyone else for an hour."""
	opened = datetime.datetime.combine(school_year_start(today), datetime.time(8))
	return str(min(opened, now_datetime() - datetime.timedelta(hours=2)))


def insert_users(staff: list[Person], created: str) -> int:
	"""Users with their roles, as `User.insert()` leaves them (notification settings, a share of
	their own record, a Frappe login id), and the demo password."""
	stamp = Stamp(frappe.session.user, created)
	taken_mobiles = set(
		frappe.get_all("User", filters={"mobile_no": ("in", [p.phone for p in staff])}, pluck="mobile_no")
	)
	language = "zh" if frappe.db.exists("Language", "zh") else None
	bulk_insert(
		"User",
		["name", "email", "first_name", "full_name", "gender", "mobile_no", "language"]
		+ ["user_type", "send_welcome_email", "enabled"],
		(
			[p.email, p.email, p.full_name, p.full_name, p.gender]
			+ [None if p.phone in taken_mobiles else p.phone, language, "System User", 0, 1]
			for p in staff
		),
		stamp,
	)
	bulk_insert(
		"Has Role",
		["name", "parent", "parenttype", "parentfield", "idx", "role"],
		(
			[frappe.generate_hash(length=10), p.email, "User", "roles", idx, role]
			for p in staff
			for idx, role in enumerate(p.roles, start=1)
		),
		stamp,
	)
	bulk_insert(
		"User Social Login",
		["name", "parent", "parenttype", "parentfield", "idx", "provider", "userid"],
		(
			[frappe.generate_hash(length=10), p.email, "User", "social_logins", 1, "frappe"]
			+ [frappe.generate_hash(length=39)]
			for p in staff
		),
		stamp,
	)
	bulk_insert("Notification Settings", ["name", "user"], ([p.email, p.email] for p in staff), stamp)
	bulk_insert(
		"DocShare",
		["name", "user", "share_doctype", "share_name", "read", "write", "share"],
		([frappe.generate_hash(length=10), p.email, "User", p.email, 1, 1, 1] for p in staff),
		stamp,
	)
	for person in staff:
		update_password(person.email, DEMO_PASSWORD)
	for key in ("users_for_mentions", "enabled_users"):
		frappe.cache.delete_key(key)
	return len(staff)


GUARDIAN_FIELDS = [
	"guardian_name",
	"relation",
	"phone",
	"age",
	"capacity",
	"address",
	"agreement_signed_on",
	"id_number",
	"health",
	"notes",
]


def insert_guardians(data: DemoCounty) -> dict[int, str]:
	"""Returns the name (GDN-…) of each guardian, by its key. A guardian is filed by the class
	teacher of the first of their children."""
	reserved = reserve_names("Child Guardian", len(data.guardians))
	names = {g.key: name for g, name in zip(data.guardians, reserved, strict=True)}
	teachers = data.class_teacher_of()
	filed_by = {}
	for child in data.children:
		for link in child.guardians:
			filed_by.setdefault(link.guardian, teachers[child.care_class])
	series = naming_series("Child Guardian")
	bulk_insert(
		"Child Guardian",
		["name", "naming_series", "search_key", "owner", "modified_by", *GUARDIAN_FIELDS],
		(
			[names[g.key], series, search_key(g.guardian_name), filed_by[g.key], filed_by[g.key]]
			+ [getattr(g, f) for f in GUARDIAN_FIELDS]
			for g in data.guardians
		),
		Stamp(),
	)
	return names


CHILD_FIELDS = [
	"child_name",
	"gender",
	"birth_date",
	"id_number",
	"ethnicity",
	"household_register",
	"household_type",
	"care_class",
	"school",
	"grade",
	"schooling_status",
	"is_boarding",
	"dormitory",
	"address",
	"village",
	"village_contact_name",
	"village_contact_phone",
	"left_behind_type",
	"left_behind_since",
	"health_status",
	"has_disability",
	"disability_notes",
	"health_notes",
	"family_economy",
	"is_dibao",
	"is_poverty_registered",
	"economy_notes",
	"contact_card_issued_on",
	"filed_on",
	"status",
	"status_date",
	"status_reason",
]
CARE_FLAG_FIELDS = ["search_key", "age", "unsupervised_alert", "completeness", "missing_items"]
PARENT_FIELDS = [
	"relation",
	"parent_name",
	"phone",
	"work_province",
	"work_place",
	"away_since",
	"home_frequency",
]


def insert_children(data: DemoCounty, guardian_names: dict[int, str]) -> tuple[int, list[str]]:
	"""The children with their parents away, guardians and status log; returns how many raise the
	unsupervised alert, and the children's names. Each child is filed by their class teacher."""
	names = reserve_names("Left Behind Child", len(data.children))
	teachers = data.class_teacher_of()
	guardians = {g.key: g for g in data.guardians}
	series = naming_series("Left Behind Child")
	rows, parents, links, log = [], [], [], []
	alerts = 0
	for name, child in zip(names, data.children, strict=True):
		teacher = teachers[child.care_class]
		its_guardians = [guardians[link.guardian] for link in child.guardians]
		flags = care_flags(child, its_guardians, data)
		alerts += flags["unsupervised_alert"]
		rows.append(
			[name, series, teacher, teacher, *child_values(child), *(flags[f] for f in CARE_FLAG_FIELDS)]
		)
		for idx, parent in enumerate(child.parents_away, start=1):
			parents.append(
				child_row(name, teacher, "parents_away", idx) + [getattr(parent, f) for f in PARENT_FIELDS]
			)
		for idx, (link, guardian) in enumerate(zip(child.guardians, its_guardians, strict=True), start=1):
			links.append(
				child_row(name, teacher, "guardians", idx)
				+ [guardian_names[link.guardian], guardian.guardian_name, guardian.relation, guardian.phone]
				+ [guardian.capacity, int(link.is_primary)]
			)
		for idx, entry in enumerate(child.status_log, start=1):
			log.append(
				child_row(name, teacher, "status_log", idx)
				+ [entry.status, entry.status_date, entry.reason, teacher]
			)
	stamp = Stamp()
	bulk_insert(
		"Left Behind Child",
		["name", "naming_series", "owner", "modified_by", *CHILD_FIELDS, *CARE_FLAG_FIELDS],
		rows,
		stamp,
	)
	table = ["name", "owner", "modified_by", "parent", "parenttype", "parentfield", "idx"]
	bulk_insert("Left Behind Child Parent", table + PARENT_FIELDS, parents, stamp)
	bulk_insert(
		"Left Behind Child Guardian",
		table + ["guardian", "guardian_name", "relation", "phone", "capacity", "is_primary"],
		links,
		stamp,
	)
	bulk_insert(
		"Left Behind Child Status Log", table + ["status", "status_date", "reason", "changed_by"], log, stamp
	)
	return alerts, names


PAIRING_FIELDS = [
	"mentor_kind",
	"mentor_user",
	"mentor_name",
	"mentor_phone",
	"mentor_school",
	"focus",
	"from_date",
	"to_date",
	"status",
	"end_reason",
]


def insert_pairings(data: DemoCounty, plans: list[PairingPlan], child_names: list[str]) -> int:
	"""结对帮扶: each pairing entered by the child's class teacher."""
	names = reserve_names("Mentor Pairing", len(plans))
	teachers = data.class_teacher_of()
	rows = []
	for name, plan in zip(names, plans, strict=True):
		child = data.children[plan.child]
		teacher = teachers[child.care_class]
		rows.append(
			[
				name,
				teacher,
				teacher,
				child_names[plan.child],
				child.child_name,
				child.school,
				child.care_class,
			]
			+ [getattr(plan, f) for f in PAIRING_FIELDS]
		)
	bulk_insert(
		"Mentor Pairing",
		["name", "owner", "modified_by", "child", "child_name", "school", "care_class", *PAIRING_FIELDS],
		rows,
		Stamp(),
	)
	return len(plans)


def insert_child_records(
	data: DemoCounty, doctype: str, plans: list, recorder: str, child_names: list[str]
) -> int:
	"""Records about one child (talks, family contacts, home visits), each made by its recorder;
	the plans' fields are the DocType's."""
	names = reserve_names(doctype, len(plans))
	fields = [f.name for f in dataclasses.fields(plans[0]) if f.name != "child"] if plans else []
	rows = []
	for name, plan in zip(names, plans, strict=True):
		child = data.children[plan.child]
		by = getattr(plan, recorder)
		rows.append(
			[name, by, by, child_names[plan.child], child.child_name, child.school, child.care_class]
			+ [getattr(plan, f) for f in fields]
		)
	bulk_insert(
		doctype,
		["name", "owner", "modified_by", "child", "child_name", "school", "care_class", *fields],
		rows,
		Stamp(),
	)
	return len(plans)


MEETING_FIELDS = ["meeting_type", "topic", "meeting_date", "school", "care_class", "place", "host", "minutes"]
ATTENDEE_FIELDS = ["attendee_kind", "child", "user", "attendee_name", "present"]


def insert_meetings(plans: list[MeetingPlan], child_names: list[str]) -> int:
	"""Care Meetings and their attendance, each held by its host."""
	names = reserve_names("Care Meeting", len(plans))
	meetings, attendees = [], []
	for name, plan in zip(names, plans, strict=True):
		meetings.append([name, plan.host, plan.host, *(getattr(plan, f) for f in MEETING_FIELDS)])
		for idx, row in enumerate(plan.attendees, start=1):
			attendees.append(
				[
					frappe.generate_hash(length=10),
					plan.host,
					plan.host,
					name,
					"Care Meeting",
					"attendees",
					idx,
				]
				+ [
					row.attendee_kind,
					None if row.child is None else child_names[row.child],
					row.user,
					row.attendee_name,
					int(row.present),
				]
			)
	bulk_insert("Care Meeting", ["name", "owner", "modified_by", *MEETING_FIELDS], meetings, Stamp())
	bulk_insert(
		"Care Meeting Attendee",
		["name", "owner", "modified_by", "parent", "parenttype", "parentfield", "idx", *ATTENDEE_FIELDS],
		attendees,
		Stamp(),
	)
	return len(plans)


PLAN_FIELDS = [
	"child",
	"child_name",
	"school",
	"care_class",
	"workflow_state",
	"drafted_on",
	"drafted_by",
	"goals",
	"responsible_teacher",
	"participating_leader",
	"review_interval_days",
	"next_review_on",
	"review_overdue",
	"submitted_by",
	"approved_by",
	"approved_on",
	"outcome",
	"referral_target",
	"referral_date",
]
PLAN_ROWS = {
	"Intervention Plan Problem": ("problems", ["problem_kind", "details"]),
	"Intervention Plan Action": ("actions", ["action", "action_owner", "due_on", "done"]),
	"Intervention Plan Review": ("reviews", ["review_date", "progress", "reviewed_by"]),
	"Intervention Plan Transition": ("transitions", ["from_state", "action", "to_state", "by_user", "at"]),
}


def insert_plans(data: DemoCounty, plans: list[PlanPlan], child_names: list[str]) -> list[str]:
	"""Intervention plans as far along their workflow as generated, with their rows; returns their
	names."""
	today = data.today
	names = reserve_names("Intervention Plan", len(plans))
	records, rows = [], {doctype: [] for doctype in PLAN_ROWS}
	for name, plan in zip(names, plans, strict=True):
		child = data.children[plan.child]
		due = next_review_on(plan.state, plan.approved_on, [day for day, _ in plan.reviews], 30)
		submitted = plan.transitions[0][3] if plan.transitions else None
		records.append(
			[name, plan.responsible_teacher, plan.responsible_teacher]
			+ [
				child_names[plan.child],
				child.child_name,
				child.school,
				child.care_class,
				plan.state,
				plan.drafted_on,
				plan.responsible_teacher,
				plan.goals,
				plan.responsible_teacher,
				plan.participating_leader,
				30,
				due,
				int(bool(due and due < today)),
				submitted,
				plan.participating_leader if plan.approved_on else None,
				plan.approved_on,
				plan.outcome,
				plan.referral_target,
				plan.referral_date,
			]
		)
		values = {
			"Intervention Plan Problem": [list(p) for p in plan.problems],
			"Intervention Plan Action": [
				[a, plan.responsible_teacher, due_on, int(done)] for a, due_on, done in plan.actions
			],
			"Intervention Plan Review": [
				[day, progress, plan.responsible_teacher] for day, progress in plan.reviews
			],
			"Intervention Plan Transition": [
				[from_state, action, to_state, by, f"{on} 16:30:00"]
				for from_state, action, to_state, by, on in plan.transitions
			],
		}
		for doctype, (parentfield, _fields) in PLAN_ROWS.items():
			for idx, row in enumerate(values[doctype], start=1):
				rows[doctype].append(
					[frappe.generate_hash(length=10), plan.responsible_teacher, plan.responsible_teacher]
					+ [name, "Intervention Plan", parentfield, idx, *row]
				)
	bulk_insert("Intervention Plan", ["name", "owner", "modified_by", *PLAN_FIELDS], records, Stamp())
	for doctype, (_parentfield, fields) in PLAN_ROWS.items():
		bulk_insert(
			doctype,
			["name", "owner", "modified_by", "parent", "parenttype", "parentfield", "idx", *fields],
			rows[doctype],
			Stamp(),
		)
	return names


ASSESSMENT_FIELDS = [
	"child",
	"child_name",
	"school",
	"care_class",
	"assessed_on",
	"term",
	"template",
	"assessed_by",
	"risk_level",
	"total_score",
	"red_flags",
	"proposed_plan",
	*SCORE_FIELDS.values(),
]


def insert_assessments(
	data: DemoCounty, assessments: list[AssessmentPlan], child_names: list[str], plan_names: list[str]
) -> int:
	"""This term's assessments with the default template, and their answers; a plan drafted after a
	high result names it as its source."""
	ensure_default_template()
	template = frappe.get_doc("Assessment Template", default_template())
	questions = {row.item_key: row.question for row in template.items}
	labels = assessment_rules.parse_labels(template.answer_labels)
	items = assessment_rules.DEFAULT_TEMPLATE
	names = reserve_names("Care Assessment", len(assessments))
	records, answers, sources = [], [], []
	for name, x in zip(names, assessments, strict=True):
		child = data.children[x.child]
		plan = plan_names[x.plan] if x.plan is not None else None
		records.append(
			[name, x.assessed_by, x.assessed_by, child_names[x.child], child.child_name, child.school]
			+ [child.care_class, x.assessed_on, x.term, template.name, x.assessed_by, x.result.risk_level]
			+ [x.result.total, "\n".join(f"“{questions[k]}”" for k in x.result.red_flags), plan]
			+ [x.result.domain_scores.get(domain) for domain in SCORE_FIELDS]
		)
		for idx, (item, value) in enumerate(zip(items, x.answers, strict=True), start=1):
			answers.append(
				[frappe.generate_hash(length=10), x.assessed_by, x.assessed_by, name, "Care Assessment"]
				+ ["answers", idx, item.key, item.domain, questions[item.key], str(value)]
				+ [assessment_rules.scale_text(item, labels)]
			)
		if plan:
			sources.append((plan, name))
	bulk_insert("Care Assessment", ["name", "owner", "modified_by", *ASSESSMENT_FIELDS], records, Stamp())
	bulk_insert(
		"Care Assessment Answer",
		["name", "owner", "modified_by", "parent", "parenttype", "parentfield", "idx"]
		+ ["item_key", "domain", "question", "answer", "scale"],
		answers,
		Stamp(),
	)
	for plan, name in sources:
		frappe.db.set_value("Intervention Plan", plan, "source_assessment", name, update_modified=False)
	return len(assessments)


INCIDENT_FIELDS = [
	"child",
	"child_name",
	"school",
	"care_class",
	"incident_kind",
	"occurred_at",
	"place",
	"recorded_by",
	"description",
	"parents_notified_at",
	"notified_by",
	"notified_in_time",
	"notification_overdue",
	"leader_alerted",
	"reported_to",
	"reported_at",
	"intervention_plan",
	"follow_up",
]


def insert_incidents(
	data: DemoCounty, incidents: list[IncidentPlan], child_names: list[str], plan_names: list[str]
) -> int:
	now = now_datetime()
	names = reserve_names("Care Incident", len(incidents))
	rows = []
	for name, x in zip(names, incidents, strict=True):
		child = data.children[x.child]
		rows.append(
			[name, x.recorded_by, x.recorded_by, child_names[x.child], child.child_name, child.school]
			+ [child.care_class, x.incident_kind, x.occurred_at, x.place, x.recorded_by, x.description]
			+ [x.parents_notified_at, x.notified_by]
			+ [int(bool(incident_rules.notified_in_time(x.occurred_at, x.parents_notified_at)))]
			+ [int(incident_rules.notification_overdue(x.occurred_at, x.parents_notified_at, now)), 0]
			+ [x.reported_to, x.reported_at, plan_names[x.plan] if x.plan is not None else None, x.follow_up]
		)
	bulk_insert("Care Incident", ["name", "owner", "modified_by", *INCIDENT_FIELDS], rows, Stamp())
	return len(incidents)


def insert_support(data: DemoCounty, demo: SupportDemo, child_names: list[str], summary: DemoSummary) -> None:
	"""The support around the child: extras on each file, this term's priorities, boarding, aid,
	funds, dropout cases, inspections, venues and activities."""
	frappe.db.bulk_update(
		"Left Behind Child",
		{
			child_names[e.child]: {
				"distance_to_school_km": e.distance_to_school_km,
				"long_absence": int(e.long_absence),
				"repeated_failing": int(e.repeated_failing),
			}
			for e in demo.extras
		},
		update_modified=False,
	)
	summary.priorities = insert_child_records(
		data, "Priority Support", demo.priorities, "given_by", child_names
	)
	summary.boarding = insert_child_records(
		data, "Boarding Record", demo.boarding, "recorded_by", child_names
	)
	# A Currency column holds no NULL: goods are stored with the amount 0, as the form saves them.
	aid = [dataclasses.replace(a, amount=a.amount or 0) for a in demo.aid]
	summary.aid = insert_child_records(data, "Aid Record", aid, "handed_over_by", child_names)
	insert_terms_of_records()
	cases = []
	for plan in demo.dropouts:
		child = data.children[plan.child]
		cases.append(
			{
				"doctype": "Schooling Follow-up",
				"child": child_names[plan.child],
				"child_name": child.child_name,
				"school": child.school,
				"care_class": child.care_class,
				"schooling_status": child.schooling_status,
				"opened_on": plan.opened_on,
				"opened_by": plan.opened_by,
				"responsible_leader": plan.responsible_leader,
				"reason": plan.reason,
				"case_status": plan.case_status,
				"return_date": plan.return_date,
				"closed_on": plan.return_date,
				"attempts": [vars(a) for a in plan.attempts],
			}
		)
	summary.dropout_cases = insert_documents(cases, "opened_by")
	today = data.today
	inspections = []
	for plan in demo.inspections:
		rows = []
		for h in plan.hazards:
			overdue = h.deadline < today and not (h.fixed_on or h.reported_on)
			rows.append(
				{
					"area": h.area,
					"description": h.description,
					"risk_level": h.risk_level,
					"owner_name": h.owner_name,
					"deadline": h.deadline,
					"fixed_on": h.fixed_on,
					"reported_to": h.reported_to,
					"reported_on": h.reported_on,
					"affected_children": "\n".join(child_names[c] for c in h.affected) or None,
					"overdue": int(overdue),
				}
			)
		inspections.append(
			{
				"doctype": "Safety Inspection",
				"school": plan.school,
				"inspection_date": plan.inspection_date,
				"inspectors": plan.inspectors,
				"hazards": rows,
				"overdue_hazards": sum(r["overdue"] for r in rows),
				"open_hazards": sum(not (r["fixed_on"] or r["reported_on"]) for r in rows),
			}
		)
	summary.inspections = insert_documents(inspections)
	for venue in demo.venues:
		if not frappe.db.exists("Care Venue", venue.venue_name):
			frappe.get_doc({"doctype": "Care Venue", **vars(venue)}).insert(ignore_permissions=True)
	activities = []
	for plan in demo.activities:
		activities.append(
			{
				"doctype": "Care Activity",
				**{k: v for k, v in vars(plan).items() if k != "participants"},
				"term": term_name_on(plan.activity_date),
				"owner": plan.host,
				"participant_count": len(plan.participants),
				"participants": [
					{
						"child": child_names[c],
						"child_name": data.children[c].child_name,
						"care_class": data.children[c].care_class,
						"school": data.children[c].school,
					}
					for c in plan.participants
				],
			}
		)
	summary.activities = insert_documents(activities, "host")
	for fund in demo.funds:
		name = f"{fund.school}-{fund.term}"
		if frappe.db.exists("Care Fund Entry", name):
			continue
		values = {
			"school": fund.school,
			"term": fund.term,
			"pupils": fund.pupils,
			"pupils_boarding": fund.pupils_boarding,
		}
		values["public_funds"] = fund.public_funds
		for line in fund.lines:
			key = {"Boarding Improvement": "boarding", "Aid": "aid", "Activities": "activities"}[line.use]
			values[f"{key}_allocated"], values[f"{key}_spent"] = line.allocated, line.spent
		values["share_spent"] = support_rules.fund_share(fund.public_funds, fund.lines)
		doc = frappe.get_doc({"doctype": "Care Fund Entry", **values})
		doc.name = name
		doc.flags.name_set = True
		doc.db_insert()


EVALUATED_SCHOOLS = 3


def insert_evaluations(data: DemoCounty, seed: int, today: datetime.date) -> int:
	"""检查考核 of the running term for the first few schools: a round with a grade group of two class
	teachers, its evaluations made from the records; the leader's score given, most confirmed and
	made final, some acknowledged by their teacher."""
	from leftbehind_care.compliance import term_of
	from leftbehind_care.evaluations import make_evaluations

	term = term_of(today)
	if term is None:
		return 0
	rng = random.Random(f"evaluations-{seed}")
	made = 0
	for school in sorted(s.school_name for s in data.schools)[:EVALUATED_SCHOOLS]:
		if frappe.db.exists("Care Evaluation Round", {"school": school, "term": term.name}):
			continue
		teachers = sorted({c.class_teacher for c in data.classes if c.school == school and c.class_teacher})[
			:2
		]
		doc = frappe.get_doc(
			{
				"doctype": "Care Evaluation Round",
				"school": school,
				"term": term.name,
				"departments": [
					{"department_name": "低年级组", "department_kind": "Grade Group", "member": teacher}
					for teacher in teachers
				],
			}
		).insert()
		made += make_evaluations(doc.name)
		for name in frappe.get_all("Care Evaluation", filters={"evaluation_round": doc.name}, pluck="name"):
			evaluation = frappe.get_doc("Care Evaluation", name)
			evaluation.leader_score = rng.choice((70, 75, 80, 85, 88, 92, 95))
			evaluation.leader_remarks = rng.choice(_EVALUATION_REMARKS)
			evaluation.save()
			state = rng.choices(("Draft", "Confirmed", "Final", "Acknowledged"), (2, 2, 4, 3))[0]
			if state != "Draft":
				evaluation.db_set("workflow_state", state, update_modified=False)
			if state == "Acknowledged":
				evaluation.db_set("acknowledged_on", today, update_modified=False)
	return made


_EVALUATION_REMARKS = (
	"谈心记录及时、认真，能发现问题并跟进。",
	"家校联系较好，家访还需提前安排。",
	"结对帮扶落实到位，孩子变化明显。",
	"个别孩子的帮扶方案复查不及时，下学期改进。",
)


def insert_term_summaries(data: DemoCounty, seed: int, today: datetime.date) -> int:
	"""学期工作总结 of the running term for the county's schools, their figures from the records
	above: most written and submitted by a leader of the school (some already reviewed by the
	county), the rest still drafts."""
	from leftbehind_care.compliance import term_of
	from leftbehind_care.core.demo_support import summary_texts
	from leftbehind_care.reminders import leaders_by_school

	term = term_of(today)
	if term is None:
		return 0
	rng = random.Random(f"summaries-{seed}")
	leaders = leaders_by_school()
	seminars = dict(
		frappe.get_all(
			"Care Meeting", filters={"meeting_type": "Staff Seminar"}, fields=["school", "name"], as_list=True
		)
	)
	made = 0
	for school in sorted(s.school_name for s in data.schools):
		if frappe.db.exists("Care Term Summary", {"school": school, "term": term.name}):
			continue
		doc = frappe.get_doc({"doctype": "Care Term Summary", "school": school, "term": term.name})
		state = rng.choices(("Draft", "Submitted", "Reviewed"), (3, 5, 2))[0]
		if state != "Draft" or rng.random() < 0.5:
			doc.update(summary_texts(rng))
			doc.seminar = seminars.get(school)
		doc.insert()
		leader = (leaders.get(school) or ["Administrator"])[0]
		if state != "Draft":
			doc.db_set(
				{"workflow_state": "Submitted", "submitted_by": leader, "submitted_on": today},
				update_modified=False,
			)
		if state == "Reviewed":
			doc.db_set({"workflow_state": "Reviewed", "reviewed_on": today}, update_modified=False)
		made += 1
	return made


def insert_terms_of_records() -> None:
	"""Priorities and aid carry their term (the controllers set it on save)."""
	for doctype, date_field in (("Priority Support", "support_date"), ("Aid Record", "aid_date")):
		table = frappe.qb.DocType(doctype)
		for term in frappe.get_all("Care Term", fields=["name", "start_date", "end_date"]):
			(
				frappe.qb.update(table)
				.set(table.term, term.name)
				.where(table.term.isnull() & table[date_field][term.start_date : term.end_date])
				.run()
			)


def term_name_on(day) -> str | None:
	return frappe.db.get_value("Care Term", {"start_date": ("<=", day), "end_date": (">=", day)})


def insert_documents(docs: list[dict], owner_field: str | None = None) -> int:
	"""Documents with child rows, written without their controllers (the generator keeps the rules:
	tests/test_demo_support.py), each named by its series."""
	for values in docs:
		doc = frappe.get_doc(values)
		doc.set_new_name()
		if owner_field and values.get(owner_field):
			doc.owner = doc.modified_by = values[owner_field]
		doc.db_insert()
		for row in doc.get_all_children():
			row.parent = doc.name
			row.db_insert()
	return len(docs)


def child_values(child: Child) -> list:
	return [int(v) if isinstance(v, bool) else v for v in (getattr(child, f) for f in CHILD_FIELDS)]


def child_row(parent: str, owner: str, parentfield: str, idx: int) -> list:
	return [frappe.generate_hash(length=10), owner, owner, parent, "Left Behind Child", parentfield, idx]


def care_flags(child: Child, guardians: list[Guardian], data: DemoCounty) -> dict:
	"""search_key, age, unsupervised_alert, completeness and missing_items, as the Left Behind Child
	controller sets them (`validate_dates`, `set_care_flags`)."""
	age = rules.age_on(child.birth_date, data.today)
	alert = rules.is_unsupervised(
		child.status, age, [rules.GuardianFacts(g.capacity, g.age) for g in guardians]
	)
	# The controller's own list of facts: the demo child carries the same attributes as the
	# document, and the guardians the same phone.
	facts = LeftBehindChild.completeness_facts(child, {g.key: g for g in guardians})
	completeness = rules.archive_completeness(facts)
	return {
		"search_key": search_key(child.child_name),
		"age": age,
		"unsupervised_alert": int(alert),
		"completeness": completeness.percent,
		"missing_items": rules.stored_missing(completeness.missing),
	}


# ---- naming and writing


def naming_series(doctype: str) -> str:
	"""The DocType's naming series: its first naming_series option, or its autoname pattern."""
	meta = frappe.get_meta(doctype)
	field = meta.get_field("naming_series")
	return field.options.split("\n")[0] if field else meta.autoname


def reserve_names(doctype: str, count: int) -> list[str]:
	"""The next `count` names of the DocType's naming series (e.g. LBC-2026-00001), with the
	series counter moved past them, as if each had been inserted one by one."""
	series = NamingSeries(naming_series(doctype))
	prefix = series.get_prefix()
	digits = series.series.rsplit(".", 1)[-1].count("#")
	table = frappe.qb.DocType("Series")
	locked = frappe.qb.from_(table).select(table.current).where(table.name == prefix).for_update().run()
	current = int(locked[0][0] or 0) if locked else 0
	series.update_counter(current + count)
	return [f"{prefix}{number:0{digits}d}" for number in range(current + 1, current + count + 1)]


class Stamp:
	"""Owner and timestamps of bulk-inserted rows."""

	def __init__(self, user: str | None = None, at: str | None = None) -> None:
		self.user = user
		self.now = at or now()

	def fields(self) -> list[str]:
		return ["creation", "modified"] + (["owner", "modified_by"] if self.user else [])

	def values(self) -> list:
		return [self.now, self.now] + ([self.user, self.user] if self.user else [])


def bulk_insert(doctype: str, fields: list[str], rows: Iterable[Sequence], stamp: Stamp) -> None:
	frappe.db.bulk_insert(
		doctype,
		[*fields, *stamp.fields()],
		(list(row) + stamp.values() for row in rows),
		chunk_size=CHUNK_SIZE,
	)
