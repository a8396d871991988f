"""The daily reminder job: digests for class teachers, mentors and school leaders (which, and
when, is decided in `leftbehind_care.core.reminders`). Each digest is a Frappe notification and an
e-mail in the queue, written in the recipient's language, and recorded as a Care Reminder whose
unique key stops it from being sent twice.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.utils import escape_html, get_url_to_form, get_url_to_list, get_url_to_report, getdate, nowdate

from leftbehind_care.compliance import CHILD, CHILD_FIELDS, care_window, compliance_of
from leftbehind_care.core import reminders as rules
from leftbehind_care.core.scope import MEMBER_LEADER, SCHOOL_LEADER
from leftbehind_care.leftbehind_care.doctype.care_settings.care_settings import get_setting
from leftbehind_care.utils import class_titles


def send_reminders() -> list[str]:
	"""Send the digests due today that were not sent yet; returns their keys."""
	today = getdate(nowdate())
	terms, term, since = care_window(today)
	monthly = term is not None and rules.monthly_reminders_due(today, get_setting("reminder_day"))
	visit_term = rules.visit_reminders_term(terms, today, get_setting("visit_reminder_days"))
	if not (monthly or visit_term):
		return []
	children = frappe.get_all(
		CHILD,
		filters={"status": "Active"},
		fields=[*CHILD_FIELDS, "child_name", "school", "care_class"],
		order_by="school, care_class, child_name",
	)
	results = compliance_of(children, today, since, terms)
	teachers = dict(frappe.get_all("Care Class", fields=["name", "class_teacher"], as_list=True))
	mentors = mentors_of_children(today) if visit_term else {}
	refs = [
		rules.ChildRef(
			c.name,
			c.child_name,
			c.school,
			c.care_class,
			teachers.get(c.care_class),
			tuple(mentors.get(c.name, ())),
		)
		for c in children
	]
	digests = []
	if monthly:
		digests += rules.talk_digests(refs, results, today)
		digests += rules.leader_digests(
			rules.school_numbers(refs, results, today), leaders_by_school(), today
		)
	if visit_term:
		digests += rules.visit_digests(refs, results, visit_term)
	sent = set(
		frappe.get_all(
			"Care Reminder",
			filters={"period": ("in", sorted({d.period for d in digests}))},
			pluck="reminder_key",
		)
	)
	delivered = []
	for digest in rules.unsent(digests, sent):
		deliver(digest, visit_term)
		delivered.append(digest.key)
	return delivered


def mentors_of_children(today) -> dict[str, list[str]]:
	"""Mentors who log in, per child, from active pairings that have not run out."""
	mentors = defaultdict(list)
	for child, user, to_date in frappe.get_all(
		"Mentor Pairing",
		filters={"status": "Active", "mentor_user": ("is", "set")},
		fields=["child", "mentor_user", "to_date"],
		as_list=True,
	):
		if not to_date or getdate(to_date) >= today:
			mentors[child].append(user)
	return mentors


def leaders_by_school() -> dict[str, list[str]]:
	"""Each school's leaders, in the order its leadership group lists them (the first is the one
	made responsible for a follow-up case)."""
	leaders = defaultdict(list)
	rows = frappe.get_all(
		"Care School Member",
		filters={"parenttype": "Care School", "member_role": MEMBER_LEADER},
		fields=["parent", "user"],
		order_by="parent asc, idx asc",
		as_list=True,
	)
	with_role = set(
		frappe.get_all("Has Role", filters={"role": SCHOOL_LEADER, "parenttype": "User"}, pluck="parent")
	)
	for school, user in rows:
		if user in with_role:
			leaders[school].append(user)
	return leaders


def deliver(digest: rules.Digest, term) -> None:
	user = frappe.db.get_value("User", digest.recipient, ["email", "language", "enabled"], as_dict=True)
	if not user or not user.enabled:
		return
	with language(user.language):
		subject, body, link = compose(digest, term)
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"type": "Alert",
			"for_user": digest.recipient,
			"subject": subject,
			"email_content": body,
			"link": link,
		}
	).insert(ignore_permissions=True)
	emailed = False
	if user.email:
		try:
			frappe.sendmail(recipients=[user.email], subject=subject, message=body, delayed=True)
			emailed = True
		except frappe.OutgoingEmailError:
			pass  # the site sends no e-mail: the notification in the desk is the reminder
	frappe.get_doc(
		{
			"doctype": "Care Reminder",
			"reminder_key": digest.key,
			"kind": digest.kind,
			"recipient": digest.recipient,
			"period": digest.period,
			"school": digest.school,
			"children_count": len(digest.children) or digest.numbers.get("children", 0),
			"emailed": emailed,
		}
	).insert(ignore_permissions=True)


def alert_about(user: str, lang: str | None, subject_of, doctype: str, name: str) -> None:
	"""A desk notification about one record, its subject (`subject_of()`) written in `lang`."""
	with language(lang):
		subject = subject_of()
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"type": "Alert",
			"for_user": user,
			"subject": subject,
			"document_type": doctype,
			"document_name": name,
			"link": get_url_to_form(doctype, name),
		}
	).insert(ignore_permissions=True)


@contextmanager
def language(lang: str | None):
	"""Write in the recipient's language (their own, else the site's)."""
	previous = frappe.local.lang
	frappe.local.lang = lang or frappe.db.get_default("lang") or previous
	try:
		yield
	finally:
		frappe.local.lang = previous


def compose(digest: rules.Digest, term) -> tuple[str, str, str]:
	if digest.kind == rules.SCHOOL:
		n = digest.numbers
		subject = _("Care this month at {0}: {1} children still need a talk").format(
			digest.school, n["talks_open"]
		)
		lines = [
			_("Children in the programme: {0}").format(n["children"]),
			_("Still without this month's talk with the class teacher: {0}").format(n["talks_open"]),
			_("Still without this month's family contact: {0}").format(n["contacts_open"]),
			_("Still without this term's home visit: {0}").format(n["visits_open"]),
			_("Guardian still at no meeting this term: {0}").format(n["meetings_open"]),
		]
		return subject, as_html(lines), get_url_to_report("Talk Compliance")
	titles = class_titles({c.care_class for c in digest.children if c.care_class})
	names = [f"{c.child_name}（{titles.get(c.care_class, c.care_class or '')}）" for c in digest.children]
	if digest.kind == rules.TALKS:
		subject = _("{0} of your children still need this month's talk").format(len(names))
		intro = _("Please talk with these children before the month ends and fill in the talk record card:")
	else:
		subject = _("{0} of your paired children have had no home visit this term").format(len(names))
		intro = _("The term ends on {0}. Please visit these children's homes before then:").format(
			frappe.format(term.end, "Date")
		)
	return subject, as_html([intro, *names]), desk_url("my-students")


def as_html(lines: list[str]) -> str:
	return "".join(f"<p>{escape_html(line)}</p>" for line in lines)


def desk_url(route: str) -> str:
	"""A desk page's address, built from Frappe's own URL of a list (the desk's prefix differs
	between Frappe versions)."""
	return get_url_to_list("Care Term").rsplit("/", 1)[0] + "/" + route
