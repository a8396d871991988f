"""家长端, the Frappe side: invitations issued from the child's form, the parent's opening of one
(a website user with the role Care Parent), and which children a parent's account reaches.

The rules (codes, expiry, the phone's last four digits, what a parent may change) are in
`leftbehind_care.core.parents`. A parent reaches a child only through an invitation they opened
that the school has not withdrawn, of a child still in the programme, whose row in the file (the
parent away or the guardian invited) is still there: leaving the programme, a removed row or a
withdrawn invitation ends access with no other step.
"""

from __future__ import annotations

import base64
import datetime
import io

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint, get_datetime, get_url, getdate, now_datetime, nowdate

from leftbehind_care.core import parents as rules
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error

PARENT_ROLE = rules.PARENT_ROLE
INVITATION = "Care Parent Invitation"
CHILD = "Left Behind Child"
JOIN_ROUTE = "/parent/join"


# ---- which children an account reaches


def parent_children(user: str | None = None) -> list[frappe._dict]:
	"""The children `user` reaches as a parent: (child, invitee_kind, invitee_row) of each opened,
	unwithdrawn invitation of a child in the programme whose invited row is still in the file."""
	user = user or frappe.session.user
	if user in ("Guest", "Administrator"):
		return []
	invitation, child = frappe.qb.DocType(INVITATION), frappe.qb.DocType(CHILD)
	rows = (
		frappe.qb.from_(invitation)
		.join(child)
		.on(child.name == invitation.child)
		.select(invitation.child, invitation.invitee_kind, invitation.invitee_row, invitation.name)
		.where((invitation.user == user) & (invitation.status == rules.USED) & (child.status == ACTIVE))
		.orderby(invitation.child)
		.run(as_dict=True)
	)
	kept = []
	for row in rows:
		if frappe.db.exists(
			rules.ROWS[row.invitee_kind].doctype, {"name": row.invitee_row, "parent": row.child}
		):
			kept.append(row)
	return kept


def is_parent(user: str | None = None) -> bool:
	user = user or frappe.session.user
	return user not in ("Guest", "Administrator") and PARENT_ROLE in frappe.get_roles(user)


def close_account_without_children(user: str) -> None:
	"""A parent's account that reaches no child any more is disabled (a staff account is left)."""
	if set(frappe.get_roles(user)) - {PARENT_ROLE, "Guest", "All"}:
		return
	if not parent_children(user):
		frappe.db.set_value("User", user, "enabled", 0)


# ---- the class teacher's side: issue, show, withdraw


@frappe.whitelist(methods=["POST"])
def issue_invitation(child: str, invitee_kind: str, invitee_row: str) -> dict:
	"""A new invitation for the parent away or guardian in row `invitee_row` of `child`'s file,
	with its code shown this once (a new one replaces that person's pending invitations)."""
	doc = frappe.get_doc(
		{"doctype": INVITATION, "child": child, "invitee_kind": invitee_kind, "invitee_row": invitee_row}
	)
	doc.insert()
	return card(doc, doc.flags.code)


@frappe.whitelist()
def invitation_card(name: str) -> dict:
	"""The code, link and QR code of a pending invitation, for whoever may change it (to print it
	again for the parent)."""
	doc = invitation_in_care(name)
	if doc.status != rules.PENDING:
		frappe.throw(_("Only a pending invitation can be shown again. Issue a new one."))
	return card(doc, doc.get_password("code"))


@frappe.whitelist(methods=["POST"])
def revoke_invitation(name: str) -> None:
	"""Withdraw an invitation: a pending code no longer opens, and an account made with it no
	longer reaches the child (nor anything, if it reached no other child)."""
	doc = invitation_in_care(name)
	doc.status = rules.REVOKED
	doc.save()


@frappe.whitelist(methods=["POST"])
def send_invitation_sms(name: str) -> dict:
	"""Send a pending invitation's code and link to the invitee's phone on file, through the site's
	SMS gateway (SMS Settings). Frappe's own sender logs each message whole; this one does not (the
	code is a key): the invitation's timeline says it was sent, and to which number."""
	import requests
	from frappe.core.doctype.sms_settings.sms_settings import get_headers, send_request

	doc = invitation_in_care(name)
	if doc.status != rules.PENDING:
		frappe.throw(_("Only a pending invitation can be sent. Issue a new one."))
	settings = frappe.get_single("SMS Settings")
	if not settings.sms_gateway_url:
		frappe.throw(
			_("This site sends no SMS (SMS Settings has no gateway). Give the parent the printed invitation.")
		)
	code = doc.get_password("code")
	text = _(
		"{0}: {1}, {2}'s class teacher invites you to the school's parents' pages. Code {3}, valid until {4}: {5}"
	).format(
		doc.school,
		doc.invitee_name,
		doc.child_name,
		code,
		frappe.format(doc.expires_at, "Date"),
		card_link(code),
	)
	params = {settings.message_parameter: text, settings.receiver_parameter: doc.phone}
	params.update({row.parameter: row.value for row in settings.parameters if not row.header})
	headers = get_headers(settings)
	try:
		send_request(
			settings.sms_gateway_url,
			params,
			headers,
			settings.use_post,
			headers.get("Content-Type") == "application/json",
		)
	except requests.RequestException:
		frappe.log_error(title="Parent invitation SMS")
		frappe.throw(
			_("The SMS could not be sent. Give the parent the printed invitation, or try again later.")
		)
	doc.add_comment("Info", _("Sent by SMS to {0}").format(doc.phone))
	return {"sent_to": doc.phone}


def sms_available() -> bool:
	return bool(frappe.db.get_single_value("SMS Settings", "sms_gateway_url"))


def invitation_in_care(name: str):
	"""The invitation, for whoever may change it; one refusal for one outside their care and for
	one that does not exist."""
	from leftbehind_care.privacy import out_of_care

	if name and frappe.db.exists(INVITATION, name):
		doc = frappe.get_doc(INVITATION, name)
		if frappe.has_permission(INVITATION, "write", doc=doc):
			return doc
	frappe.throw(out_of_care(INVITATION, name or "", "open"), frappe.PermissionError)


def pending_invitation_cards(child: str) -> list[dict]:
	"""For the contact card (联系卡): the child's pending invitations that the reader may issue —
	code, link and QR code — so the card handed to the family carries them. Others print none."""
	cards = []
	for name in frappe.get_all(
		INVITATION,
		filters={"child": child, "status": rules.PENDING, "expires_at": (">", now_datetime())},
		pluck="name",
		ignore_permissions=True,
	):
		doc = frappe.get_doc(INVITATION, name)
		if frappe.has_permission(INVITATION, "write", doc=doc):
			cards.append(card(doc, doc.get_password("code")))
	return cards


def card(doc, code: str) -> dict:
	link = card_link(code)
	return {
		"name": doc.name,
		"code": code,
		"link": link,
		"qr": qr_data_uri(link),
		"invitee_name": doc.invitee_name,
		"child_name": doc.child_name,
		"expires_at": str(doc.expires_at),
		"sms": sms_available(),
	}


def card_link(code: str) -> str:
	# In the school's language (the issuer's): a guest's pages are otherwise in the site's.
	return get_url(f"{JOIN_ROUTE}?code={code}&_lang={frappe.local.lang}")


def qr_data_uri(text: str) -> str:
	import pyqrcode

	stream = io.BytesIO()
	pyqrcode.create(text).svg(stream, scale=4, quiet_zone=2)
	return "data:image/svg+xml;base64," + base64.b64encode(stream.getvalue()).decode()


# ---- the parent's side: opening an invitation


def find_invitation(code: str | None):
	"""The invitation of `code`, or the same refusal for a wrong code as for none."""
	name = frappe.db.get_value(INVITATION, {"code_key": rules.code_key(code)}) if code else None
	if not name:
		raise RuleError("invitation_not_found")
	return frappe.get_doc(INVITATION, name)


def as_rule(doc) -> rules.Invitation:
	return rules.Invitation(
		status=doc.status,
		issued_at=get_datetime(doc.issued_at),
		expires_at=get_datetime(doc.expires_at),
		phone=doc.phone,
		phone_tries=doc.phone_tries or 0,
	)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=20, seconds=60 * 60)
def check_invitation(code: str) -> dict:
	"""Whether a code opens, and for whom (the child's and the invitee's names as the school
	wrote them: the code was given to this person)."""
	try:
		doc = find_invitation(code)
		rules.check_open(as_rule(doc), now_datetime())
	except RuleError as err:
		raise_rule_error(err)
	return {
		"child_name": doc.child_name,
		"invitee_name": doc.invitee_name,
		"tries_left": rules.tries_left(as_rule(doc)),
		"has_account": bool(existing_account(doc.phone)),
		"greeting": _("{0}, family of {1}").format(doc.invitee_name, doc.child_name),
	}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=20, seconds=60 * 60)
def accept_invitation(code: str, digits: str, password: str | None = None) -> dict:
	"""Open an invitation: the last four digits of the phone on file, then a password for a new
	account, which is logged in. A parent who has an account already (a sibling's) keeps it and
	their password: the child joins it, and they log in as usual (the code and the digits are no
	password)."""
	try:
		doc = find_invitation(code)
		rules.check_open(as_rule(doc), now_datetime())
		if not rules.digits_match(as_rule(doc), digits):
			tries = (doc.phone_tries or 0) + 1
			frappe.db.set_value(INVITATION, doc.name, "phone_tries", tries, update_modified=False)
			# The wrong try counts though the request fails (a failed request is rolled back).
			frappe.db.commit()  # nosemgrep: frappe-manual-commit
			left = rules.PHONE_TRIES - tries
			if left <= 0:
				raise RuleError("invitation_locked")
			frappe.throw(
				_(
					"These are not the last four digits of the phone the school has on file. {0} tries left."
				).format(left),
				title=_("Wrong Digits"),
			)
	except RuleError as err:
		raise_rule_error(err)
	user = existing_account(doc.phone)
	new_account = not user
	if new_account:
		if frappe.db.exists("User", {"mobile_no": doc.phone}):
			frappe.throw(
				_(
					"This mobile number belongs to a school staff account. Ask the class teacher to invite another number."
				),
				title=_("Number in Use"),
			)
		if not password:
			frappe.throw(_("Choose a password for your account."), title=_("Password"))
		user = make_account(doc, password)
	doc.reload()
	# Recorded as the parent's own act (the invitation's history names them, not a visitor).
	frappe.set_user(user)
	doc.flags.from_parent = True
	doc.status, doc.used_at, doc.user = rules.USED, now_datetime(), user
	doc.save(ignore_permissions=True)
	frappe.db.set_value("User", user, "enabled", 1)
	if not new_account:
		# The sibling joins the account; its holder logs in with their own password.
		frappe.set_user("Guest")
		return {"redirect": "/login?redirect-to=/parent"}
	frappe.local.login_manager.login_as(user)
	return {"redirect": "/parent"}


def existing_account(phone: str) -> str | None:
	"""The parent's account of this mobile number, made by an earlier invitation (a sibling's)."""
	for user in frappe.get_all("User", filters={"mobile_no": phone}, pluck="name"):
		if PARENT_ROLE in frappe.get_roles(user):
			return user
	return None


def make_account(doc, password: str) -> str:
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": rules.account_email(doc.phone),
			"first_name": doc.invitee_name or doc.phone,
			"mobile_no": doc.phone,
			"user_type": "Website User",
			"send_welcome_email": 0,
			"language": "zh",
			"new_password": password,
			"roles": [{"role": PARENT_ROLE}],
		}
	)
	user.flags.ignore_permissions = True
	user.insert()
	return user.name


# ---- the parent's pages (www/parent): what they read and what they do


class NotYours(frappe.PermissionError):
	"""A child or record the parent does not reach: answered as a stranger is answered."""


def reached(user: str | None = None) -> dict[str, frappe._dict]:
	"""The parent's children by name (refused to anyone who is not a parent)."""
	user = user or frappe.session.user
	if not is_parent(user):
		raise frappe.PermissionError(_("These pages are for the parents the school has invited."))
	return {row.child: row for row in parent_children(user)}


def reached_child(child: str | None) -> frappe._dict:
	row = reached().get(child or "")
	if row is None:
		raise NotYours(_("Not found."))
	return row


def page_context() -> dict:
	"""Everything the parent's page shows, for the children the logged-in parent reaches."""
	children = reached()
	cards = [child_card(row) for row in children.values()]
	return {
		"children": cards,
		"child_names": {card["name"]: card["child_name"] for card in cards},
		"letters": school_letters(list(children)),
		"letter_kinds": {
			rules.TALK_NOTE: _("From a Teacher"),
			rules.VISIT_NOTE: _("Home Visit"),
			rules.MEETING: _("Parent Meeting"),
			rules.ACTIVITY: _("Activity"),
			rules.INCIDENT: _("Major Incident"),
		},
		"articles": articles_for({card["school"] for card in cards}),
		"parent_kind": rules.PARENT,
		"today": nowdate(),
		"needs_notice": rules.needs_notice(accepted_notices()),
		"notice_version": rules.NOTICE_VERSION,
		"channels": rules.CALL_CHANNELS,
		"home_frequencies": rules.HOME_FREQUENCIES,
	}


def articles_for(schools: set[str]) -> list[dict]:
	"""家长课堂: the published articles of the county (no school) and of the children's schools,
	newest first; the article's HTML as the editor left it, cleaned again before it is shown."""
	from frappe.utils.html_utils import sanitize_html

	article = frappe.qb.DocType("Care Parent Article")
	rows = (
		frappe.qb.from_(article)
		.select(
			article.name, article.title, article.summary, article.body, article.published_on, article.school
		)
		.where(
			(article.published == 1)
			& (
				article.school.isnull()
				| (article.school == "")
				| article.school.isin(sorted(schools) or [""])
			)
		)
		.orderby(article.published_on, order=frappe.qb.desc)
		.orderby(article.name, order=frappe.qb.desc)
		.limit(30)
		.run(as_dict=True)
	)
	for row in rows:
		row.body = sanitize_html(row.body or "")
	return rows


def child_card(row) -> dict:
	"""我的孩子: the school's and teachers' names and phones, the mentor (phone where agreed), and
	the parent's own row of the file (我的信息)."""
	child = frappe.db.get_value(
		CHILD, row.child, ["name", "child_name", "school", "care_class"], as_dict=True
	)
	care_class = frappe.db.get_value(
		"Care Class",
		child.care_class,
		["class_title", "class_teacher_name", "class_teacher_phone"],
		as_dict=True,
	)
	subject_teachers = frappe.get_all(
		"Care Class Teacher",
		filters={"parent": child.care_class, "parenttype": "Care Class"},
		fields=["teacher_name", "subject", "phone"],
		order_by="idx",
	)
	mentors = frappe.get_all(
		"Mentor Pairing",
		filters={"child": child.name, "status": "Active"},
		fields=["mentor_name", "mentor_phone", "phone_for_parents"],
	)
	own = frappe.db.get_value(
		rules.ROWS[row.invitee_kind].doctype,
		row.invitee_row,
		list(rules.PARENT_FIELDS) if row.invitee_kind == rules.PARENT else list(rules.GUARDIAN_FIELDS),
		as_dict=True,
	)
	return {
		"name": child.name,
		"child_name": child.child_name,
		"school": child.school,
		"school_phone": frappe.db.get_value("Care School", child.school, "phone"),
		"class_title": care_class.class_title,
		"class_teacher": care_class.class_teacher_name,
		"class_teacher_phone": care_class.class_teacher_phone,
		"subject_teachers": subject_teachers,
		"mentors": [
			{"name": m.mentor_name, "phone": m.mentor_phone if m.phone_for_parents else None} for m in mentors
		],
		"invitee_kind": row.invitee_kind,
		"own": own,
	}


def school_letters(children: list[str]) -> list[rules.Letter]:
	"""学校来信: notes for the parents on talks and home visits, parent meetings of the children's
	classes and schools, activities they took part in, and major incidents (with when the parents
	were told and whether they acknowledged)."""
	if not children:
		return []
	items: list[rules.Letter] = []
	for doctype, date_field, kind in (
		("Talk Record", "talk_date", rules.TALK_NOTE),
		("Home Visit", "visit_date", rules.VISIT_NOTE),
	):
		for row in frappe.get_all(
			doctype,
			filters={"child": ("in", children), "parent_note": ("is", "set")},
			fields=["name", "child", date_field, "parent_note"],
			ignore_permissions=True,
		):
			items.append(rules.Letter(kind, row.child, row[date_field], row.parent_note, row.name))
	classes = {
		c.name: c for c in frappe.get_all(CHILD, {"name": ("in", children)}, ["name", "school", "care_class"])
	}
	for child in classes.values():
		for meeting in frappe.get_all(
			"Care Meeting",
			filters={"meeting_type": rules.PARENT_MEETING, "school": child.school},
			or_filters=[["care_class", "=", child.care_class], ["care_class", "is", "not set"]],
			fields=["name", "topic", "meeting_date", "place"],
			ignore_permissions=True,
		):
			text = " · ".join(part for part in (meeting.topic, meeting.place) if part)
			items.append(rules.Letter(rules.MEETING, child.name, meeting.meeting_date, text, meeting.name))
	participant = frappe.qb.DocType("Care Activity Participant")
	activity = frappe.qb.DocType("Care Activity")
	for row in (
		frappe.qb.from_(participant)
		.join(activity)
		.on(activity.name == participant.parent)
		.select(activity.name, participant.child, activity.activity_date, activity.title)
		.where(participant.child.isin(children))
		.run(as_dict=True)
	):
		items.append(rules.Letter(rules.ACTIVITY, row.child, row.activity_date, row.title, row.name))
	for row in frappe.get_all(
		"Care Incident",
		filters={"child": ("in", children)},
		fields=[
			"name",
			"child",
			"incident_kind",
			"occurred_at",
			"parents_notified_at",
			"parents_acknowledged_at",
		],
		ignore_permissions=True,
	):
		told = minute_of(row.parents_notified_at) if row.parents_notified_at else ""
		text = _(row.incident_kind) + (" · " + _("told {0}").format(told) if told else "")
		items.append(
			rules.Letter(
				rules.INCIDENT, row.child, row.occurred_at, text, row.name, bool(row.parents_acknowledged_at)
			)
		)
	return rules.letters(items)


def minute_of(moment) -> str:
	moment = get_datetime(moment)
	return f"{frappe.format(moment.date(), 'Date')} {moment:%H:%M}"


def accepted_notices(user: str | None = None) -> list[str]:
	return frappe.get_all(
		INVITATION,
		filters={"user": user or frappe.session.user, "notice_version": ("is", "set")},
		pluck="notice_version",
	)


def parent_save(doc, ignore_version: bool | None = None) -> None:
	doc.flags.from_parent = True
	doc.flags.ignore_permissions = True
	doc.save(ignore_version=ignore_version)


@frappe.whitelist(methods=["POST"])
def accept_notice(version: str) -> None:
	"""The parent accepted the school's notice of how their and the child's data are used: who,
	when and which version, on each of their invitations."""
	reached()
	if version != rules.NOTICE_VERSION:
		frappe.throw(_("The notice has changed. Reload the page and read it again."))
	for row in parent_children():
		doc = frappe.get_doc(INVITATION, row.name)
		doc.notice_version, doc.notice_accepted_at = version, now_datetime()
		parent_save(doc)


@frappe.whitelist(methods=["POST"])
def log_call(child: str, channel: str, contact_date: str, minutes: int | None = None) -> str:
	"""亲情联系: a call or video the parent had with the child, a family contact made by the parent."""
	row = reached_child(child)
	day = getdate(contact_date)
	minutes = cint(minutes) if minutes not in (None, "") else None
	try:
		rules.check_call(channel, day, minutes, getdate(nowdate()))
	except RuleError as err:
		raise_rule_error(err)
	doc = frappe.get_doc(
		{
			"doctype": "Family Contact",
			"child": child,
			"contact_date": day,
			"channel": channel,
			"with_whom": with_whom(row),
			"minutes": minutes,
			"logged_by_parent": 1,
			"summary": _("Logged by the parent on their own page"),
		}
	)
	doc.flags.from_parent = True
	doc.insert(ignore_permissions=True)
	return doc.name


def with_whom(row) -> str:
	"""Family Contact's `with_whom` for the invited person."""
	if row.invitee_kind == rules.GUARDIAN:
		return "Guardian"
	relation = frappe.db.get_value(rules.ROWS[row.invitee_kind].doctype, row.invitee_row, "relation")
	return relation if relation in ("Father", "Mother") else "Other"


@frappe.whitelist(methods=["POST"])
def acknowledge(incident: str) -> None:
	"""已知悉: the parent has read of a major incident (once; the first tap counts)."""
	child = frappe.db.get_value("Care Incident", incident, "child") if incident else None
	reached_child(child)
	doc = frappe.get_doc("Care Incident", incident)
	if not doc.parents_acknowledged_at:
		doc.parents_acknowledged_at = now_datetime()
		if not doc.parents_notified_at:
			doc.notified_by = _("The parents' page (acknowledged there)")
		doc.parents_notified_at = rules.notified_on_acknowledgement(
			get_datetime(doc.parents_notified_at) if doc.parents_notified_at else None,
			doc.parents_acknowledged_at,
		)
		parent_save(doc)


@frappe.whitelist(methods=["POST"])
def leave_message(child: str, message: str) -> None:
	"""A message for the class teacher (the school's leaders where the class has none), on their desk."""
	row = reached_child(child)
	text = " ".join((message or "").split())
	if not text:
		frappe.throw(_("Write your message first."))
	if len(text) > MESSAGE_LIMIT:
		frappe.throw(_("A message may hold at most {0} characters. Shorten it.").format(MESSAGE_LIMIT))
	rows = rules.ROWS[row.invitee_kind]
	# Read once; each recipient gets the sentence in their own language.
	person = frappe.db.get_value(rows.doctype, row.invitee_row, rows.name_field) or ""
	child_name = frappe.db.get_value(CHILD, child, "child_name")
	for user in teachers_of(child):
		tell(
			user,
			lambda: _("Message from {0} ({1}'s family): {2}").format(person, child_name, text),
			child,
		)


MESSAGE_LIMIT = 500


def teachers_of(child: str) -> list[str]:
	care_class, school = frappe.db.get_value(CHILD, child, ["care_class", "school"])
	teacher = frappe.db.get_value("Care Class", care_class, "class_teacher")
	if teacher:
		return [teacher]
	return frappe.get_all(
		"Care School Member",
		filters={"parent": school, "parenttype": "Care School", "member_role": "Leader"},
		pluck="user",
	)


def tell(user: str, subject_of, child: str) -> None:
	from leftbehind_care.reminders import alert_about

	alert_about(user, frappe.db.get_value("User", user, "language"), subject_of, CHILD, child)


@frappe.whitelist(methods=["POST"])
def update_my_info(child: str, **sent) -> dict:
	"""我的信息: the parent's own row of the file, and the same person's rows in their other
	children's files, changed at once (the child's history says who and when); a new phone is told
	to the class teacher and becomes the parent's login."""
	row = reached_child(child)
	for request_field in ("cmd", "_lang"):
		sent.pop(request_field, None)
	doctype = rules.ROWS[row.invitee_kind].doctype
	own_fields = [field for field in sent if field in rules.PARENT_FIELDS]
	current = frappe.db.get_value(doctype, row.invitee_row, own_fields or ["name"], as_dict=True) or {}
	if sent.get("planned_return"):
		sent["planned_return"] = getdate(sent["planned_return"])
	try:
		update = rules.check_update(row.invitee_kind, current, sent, getdate(nowdate()))
	except RuleError as err:
		raise_rule_error(err)
	if not update.changes:
		return {"changed": []}
	for other in parent_children():
		if other.invitee_kind == row.invitee_kind:
			update_row(other, update)
	if update.phone_changed:
		frappe.db.set_value("User", frappe.session.user, "mobile_no", update.changes["phone"])
	return {"changed": sorted(update.changes)}


def shown(value) -> str:
	"""A row's value as the history line shows it: an option in the reader's language, a date as
	the site writes dates, nothing as a dash."""
	if value in (None, ""):
		return "—"
	if isinstance(value, datetime.date):
		return frappe.format(value, "Date")
	return _(str(value))


def update_row(row, update: rules.FileUpdate) -> None:
	"""One row of the file changed as the parent asked. The child's history says who changed what
	and when in one translated line (Frappe's own history names a row's fields untranslated)."""
	rows = rules.ROWS[row.invitee_kind]
	doc = frappe.get_doc(CHILD, row.child)
	own = next(r for r in doc.get(rows.field) if r.name == row.invitee_row)
	meta = frappe.get_meta(rows.doctype)
	changes = "；".join(
		_("{0} from {1} to {2}").format(_(meta.get_label(field)), shown(own.get(field)), shown(value))
		for field, value in update.changes.items()
	)
	own.update(update.changes)
	person = own.get(rows.name_field) or ""
	parent_save(doc, ignore_version=True)
	doc.add_comment("Info", _("{0} changed on the parents' page: {1}").format(person, changes))
	if row.invitee_kind == rules.GUARDIAN and update.phone_changed and own.guardian:
		guardian = frappe.get_doc("Child Guardian", own.guardian)
		guardian.phone = update.changes["phone"]
		parent_save(guardian)
	if update.phone_changed:
		for user in teachers_of(row.child):
			tell(
				user,
				lambda: _("{0}'s {1} has a new phone number: {2}").format(
					doc.child_name, person, update.changes["phone"]
				),
				row.child,
			)
