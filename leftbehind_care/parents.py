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
import io

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import get_datetime, get_url, now_datetime

from leftbehind_care.core import parents as rules
from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error

PARENT_ROLE = rules.PARENT_ROLE
INVITATION = "Care Parent Invitation"
CHILD = "Left Behind Child"
ROW_DOCTYPES = {rules.PARENT: "Left Behind Child Parent", rules.GUARDIAN: "Left Behind Child Guardian"}
JOIN_ROUTE = "/parent/join"
# Parents' accounts are named by their mobile number under a domain that receives no mail.
ACCOUNT_DOMAIN = "parent.leftbehind.invalid"


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
		if frappe.db.exists(ROW_DOCTYPES[row.invitee_kind], {"name": row.invitee_row, "parent": row.child}):
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
	doc = frappe.get_doc(INVITATION, name)
	doc.check_permission("write")
	if doc.status != rules.PENDING:
		frappe.throw(_("Only a pending invitation can be shown again. Issue a new one."))
	return card(doc, doc.get_password("code"))


@frappe.whitelist(methods=["POST"])
def revoke_invitation(name: str) -> None:
	"""Withdraw an invitation: a pending code no longer opens, and an account made with it no
	longer reaches the child (nor anything, if it reached no other child)."""
	doc = frappe.get_doc(INVITATION, name)
	doc.check_permission("write")
	doc.status = rules.REVOKED
	doc.save()


def card(doc, code: str) -> dict:
	link = get_url(f"{JOIN_ROUTE}?code={code}")
	return {
		"name": doc.name,
		"code": code,
		"link": link,
		"qr": qr_data_uri(link),
		"invitee_name": doc.invitee_name,
		"child_name": doc.child_name,
		"expires_at": str(doc.expires_at),
	}


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
	}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=20, seconds=60 * 60)
def accept_invitation(code: str, digits: str, password: str | None = None) -> dict:
	"""Open an invitation: the last four digits of the phone on file, then a password for a new
	account (a parent who has one already, for a sibling, keeps theirs). Logs the parent in."""
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
	if not user:
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
	doc.flags.from_parent = True
	doc.status, doc.used_at, doc.user = rules.USED, now_datetime(), user
	doc.save(ignore_permissions=True)
	frappe.db.set_value("User", user, "enabled", 1)
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
			"email": f"{doc.phone}@{ACCOUNT_DOMAIN}",
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
