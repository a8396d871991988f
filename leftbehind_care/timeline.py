"""The child's form timeline: pairings, talks, family contacts, home visits and the meetings the
child or their family attended, each on the day it happened, beside Frappe's own activity.

Frappe calls `child_timeline` while loading a form the user may read (hook
`additional_timeline_content`); the records are read with `frappe.get_list`, so the viewer's scope
applies to them as well.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import escape_html, get_datetime, get_url_to_form

from leftbehind_care.messages import option_label

CHILD = "Left Behind Child"
LIMIT = 30  # of each kind, the latest


def child_timeline(doctype: str, docname: str) -> list[dict]:
	if doctype != CHILD:
		return []
	items = []
	for record_type, date_field, by_field, text_field in (
		("Talk Record", "talk_date", "talker", "topics"),
		("Family Contact", "contact_date", "contacted_by", "summary"),
		("Home Visit", "visit_date", "recorded_by", "findings"),
		("Mentor Pairing", "from_date", "mentor_user", "mentor_name"),
	):
		for row in frappe.get_list(
			record_type,
			filters={"child": docname},
			fields=["name", date_field, by_field, text_field],
			order_by=f"{date_field} desc",
			limit_page_length=LIMIT,
		):
			items.append(item(record_type, row.name, row[date_field], row[by_field], row[text_field]))
	for row in meetings_of(docname):
		items.append(
			item(
				"Care Meeting",
				row.name,
				row.meeting_date,
				row.host,
				f"{row.topic}（{option_label(row.attendee_kind)}）",
			)
		)
	return items


def meetings_of(child: str) -> list:
	"""Meetings the child or their family attended, among those the viewer may read."""
	names = frappe.get_list(
		"Care Meeting Attendee",
		parent_doctype="Care Meeting",
		filters={"child": child, "present": 1},
		fields=["parent", "attendee_kind"],
		limit_page_length=LIMIT,
	)
	kinds = {row.parent: row.attendee_kind for row in names}
	if not kinds:
		return []
	rows = frappe.get_list(
		"Care Meeting",
		filters={"name": ("in", sorted(kinds))},
		fields=["name", "meeting_date", "host", "topic"],
		order_by="meeting_date desc",
	)
	for row in rows:
		row.attendee_kind = kinds[row.name]
	return rows


def item(doctype: str, name: str, day, user: str | None, text: str | None) -> dict:
	who = escape_html(frappe.utils.get_fullname(user)) if user else ""
	summary = escape_html((text or "").strip()[:80])
	return {
		"icon": "small-message",
		"creation": get_datetime(day),
		"content": '<a href="{url}">{label}</a> {who}{sep}{summary}'.format(
			url=get_url_to_form(doctype, name),
			label=escape_html(_(doctype)),
			who=who,
			sep="：" if summary else "",
			summary=summary,
		),
	}
