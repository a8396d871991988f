"""Frappe methods that would answer outside the user's scope, answered within it; and the Access
Log of sensitive reads.

Frappe's `frappe.client.get_count` counts with `frappe.db.count`; `validate_link` and
`get_link_title` look a record up without a permission check; `frappe.client.get` with filters
finds the record before checking it (a refusal says "it exists"); `has_permission` and
`get_doc_permissions` judge a row of a child's file by its parent DocType alone; `toggle_like`
writes into any record; and the list sidebar's "assigned to" and workflow-state counts count every
record, by any column. Each of them would tell a user something about a child they may not see.
`hooks.override_whitelisted_methods` points them here: for this app's scoped DocTypes they answer
as if the records outside the scope did not exist; for every other DocType they hand over to
Frappe unchanged. The privacy audit (tests/test_privacy_audit.py) is how they were found.
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import frappe
import frappe.client
import frappe.desk.desk_page
import frappe.desk.doctype.tag.tag
import frappe.desk.form.load
import frappe.desk.form.save
import frappe.desk.like
import frappe.desk.listview
import frappe.desk.query_report
import frappe.desk.search
from frappe import _
from frappe.core.doctype.access_log.access_log import make_access_log
from frappe.templates.includes.comments import comments
from frappe.utils import escape_html
from frappe.website.page_renderers.template_page import TemplatePage
from frappe.workflow.doctype.workflow import workflow

from leftbehind_care.core.privacy import version_for_reader
from leftbehind_care.permissions import (
	CHILD,
	FAMILIES,
	SEVERAL_CHILDREN,
	get_scope,
	readers_children,
	refuse_hidden_fields,
	sees_whole_record,
)

# DocTypes whose records are scoped per user (children, their rows, guardians).
SCOPED = frozenset(FAMILIES)
MODULE = "Leftbehind Care"
# Reading one of these leaves an entry in the Access Log.
LOGGED = frozenset({CHILD, "Child Guardian"})


def _guarded(doctype: str) -> bool:
	"""One of the app's DocTypes: Frappe methods that count, like, tag or comment on any record
	answer for these only as the user's permissions allow (a DocType read by the county alone,
	such as the compliance ledger, included)."""
	return doctype in SCOPED or (
		isinstance(doctype, str) and frappe.db.get_value("DocType", doctype, "module", cache=True) == MODULE
	)


def _parent_of(doctype: str) -> str | None:
	family = FAMILIES[doctype]
	return family[0] if family[0] != doctype else None


def _readable(doctype: str, name: str) -> bool:
	# The document's own check: for a row of a child's file it also asks the row's child.
	return frappe.get_doc(doctype, name).has_permission("read")


def out_of_care(doctype: str, name: str, action: str) -> str:
	"""The one sentence that refuses a record outside the user's care, on the form and the print."""
	if action == "print":
		text = _(
			"{0} {1} is not among the children and records you look after, so you may not print it. If it should be in your care, ask your school leader."
		)
	else:
		text = _(
			"{0} {1} is not among the children and records you look after, so you may not open it. If it should be in your care, ask your school leader."
		)
	# The name comes from the address the person typed: shown as text, never as markup.
	return text.format(_(doctype), escape_html(name))


@frappe.whitelist()
def getdoc(doctype, name, user=None):
	"""The desk form's `getdoc`: a record outside the user's care is refused in one sentence,
	instead of Frappe's three (the permission check's log and its own), which name the user's
	login and internal checks. The record's history comes as the reader may see it."""
	try:
		result = frappe.desk.form.load.getdoc(doctype, name)
	except frappe.PermissionError:
		if doctype in SCOPED or (doctype == "Report" and _is_app_report(name)):
			frappe.clear_messages()
			shown = _(name) if doctype == "Report" else name
			frappe.flags.error_message = out_of_care(doctype, shown, "open")
		raise
	docinfo_for_reader()
	return result


def _is_app_report(name) -> bool:
	return frappe.db.get_value("Report", name, "module") == MODULE


@frappe.whitelist(allow_guest=True)
def getpage(name: str | None = None):
	"""`frappe.desk.desk_page.getpage`, which the desk asks for every address it has no route for.
	The address of this app's records that the user may not open at all (an inspector typing a
	child's address) gets the one sentence of refusal, not "page left-behind-child not found"."""
	name = name or frappe.form_dict.get("name")
	try:
		# Frappe v15 reads the name from the request, v16 takes it as an argument.
		frappe.response.docs.append(frappe.desk.desk_page.get(name))
	except (frappe.DoesNotExistError, frappe.PermissionError):
		if frappe.session.user == "Guest":
			raise
		# Frappe v16 asks for its report page when a user with no report at all (an inspector)
		# opens a report's address.
		if name == "query-report":
			_refuse_records(_("Reports"))
		doctype = _app_doctype_of_slug(name)
		if not doctype:
			raise
		_refuse_records(_(doctype))


def _refuse_records(what: str):
	frappe.clear_messages()
	frappe.flags.error_message = _(
		"{0} are not among the records you look after, so you may not open them. If they should be in your care, ask your school leader."
	).format(what)
	raise frappe.PermissionError


@frappe.whitelist()
def get_script(report_name):
	"""`frappe.desk.query_report.get_script`, the first thing Frappe v15 asks of a report: a report
	of this app the user may not open is refused in the sentence the form gives."""
	try:
		return frappe.desk.query_report.get_script(report_name)
	except frappe.PermissionError:
		if _is_app_report(report_name):
			frappe.clear_messages()
			frappe.flags.error_message = out_of_care("Report", _(report_name), "open")
		raise


def _app_doctype_of_slug(slug) -> str | None:
	"""The app's DocType whose desk address is `slug` (`left-behind-child`), if any."""
	if not slug:
		return None
	for doctype in frappe.get_all("DocType", filters={"module": MODULE, "istable": 0}, pluck="name"):
		if frappe.scrub(doctype).replace("_", "-") == slug:
			return doctype
	return None


@frappe.whitelist()
def get_docinfo(doc=None, doctype=None, name=None):
	"""`frappe.desk.form.load.get_docinfo`: the form's history as the reader may see it."""
	frappe.desk.form.load.get_docinfo(doc, doctype, name)
	docinfo_for_reader()


@frappe.whitelist(methods=["POST", "PUT"])
def savedocs(doc, action):
	"""The form's save (`frappe.desk.form.save.savedocs`), which sends the record and its history
	back."""
	frappe.desk.form.save.savedocs(doc, action)
	docs_for_reader()
	docinfo_for_reader()


@frappe.whitelist(methods=["POST", "PUT"])
def cancel(doctype=None, name=None, workflow_state_fieldname=None, workflow_state=None):
	frappe.desk.form.save.cancel(doctype, name, workflow_state_fieldname, workflow_state)
	docs_for_reader()
	docinfo_for_reader()


@frappe.whitelist(methods=["POST", "PUT"])
def discard(doctype, name):
	"""Frappe v16's discard of a draft, which sends the record (as loaded, not saved) and its
	history back."""
	frappe.desk.form.save.discard(doctype, name)
	docs_for_reader()
	docinfo_for_reader()


def docs_for_reader() -> None:
	"""The records the form's save, cancel or discard sends back, as the reader may see them (a
	document these load without saving never passes `permissions.ShownToReader`), with the titles
	of what they link to, as the form's load sends them (a class as 7年级(1)班, a person by name)."""
	docs = frappe.response.get("docs") or []
	for i, d in enumerate(docs):
		if isinstance(d, dict) and frappe.get_meta(d.get("doctype")).module == MODULE:
			doc = frappe.get_doc(d)
			doc.apply_fieldlevel_read_permissions()
			frappe.desk.form.load.set_link_titles(doc)
			shown = doc.as_dict()
			shown.update({k: v for k, v in d.items() if k.startswith("__") or k == "localname"})
			shown["__onload"] = {**(d.get("__onload") or {}), **doc.get_onload()}
			docs[i] = shown


def docinfo_for_reader() -> None:
	"""The record's history, attachments and their log in the form's `docinfo` as the reader may
	see them: Frappe sends every Version's old and new values whatever the field's permission
	level, and the rows of every child a record names (`core.privacy.version_for_reader`)."""
	docinfo = frappe.response.get("docinfo")
	user = frappe.session.user
	if not docinfo or user == "Administrator":
		return
	doctype, name = docinfo.doctype, docinfo.name
	meta = frappe.get_meta(doctype)
	if meta.module != MODULE:
		return
	levels = set(meta.get_permlevel_access("read", user=user))
	hidden = {df.fieldname for df in meta.fields if (df.permlevel or 0) not in levels}
	for table in meta.get_table_fields():
		hidden |= {
			f"{table.fieldname}.{df.fieldname}"
			for df in frappe.get_meta(table.options).fields
			if (df.permlevel or 0) not in levels
		}
	versions = [(v, json.loads(v.data or "{}")) for v in docinfo.get("versions") or []]
	shown_row = rows_shown_in_history(doctype, name, [data for _v, data in versions])
	docinfo.versions = []
	empty = _("(empty)")  # Frappe's timeline writes an empty value as "null"
	for version, data in versions:
		shown = version_for_reader(data, hidden, shown_row)
		if shown is None:
			continue
		for change in shown["changed"] + [c for row in shown["row_changed"] for c in row[3]]:
			change[1:] = [empty if value in (None, "") else value for value in change[1:]]
		docinfo.versions.append({**version, "data": frappe.as_json(shown, indent=None)})
	hidden_files = [
		frappe.db.get_value(doctype, name, df.fieldname)
		for df in meta.fields
		if df.fieldname in hidden and df.fieldtype in ("Attach", "Attach Image")
	]
	hidden_files = [url for url in hidden_files if url]
	if hidden_files:
		docinfo.attachments = [a for a in docinfo.attachments or [] if a.get("file_url") not in hidden_files]
		docinfo.attachment_logs = [
			log
			for log in docinfo.get("attachment_logs") or []
			if not any(url in (log.get("content") or "") for url in hidden_files)
		]


def rows_shown_in_history(doctype: str, name: str, diffs: list[dict]):
	"""`shown_row` of `version_for_reader`: for a record naming several children, the rows of the
	children the reader looks after (rows known by name only are looked up among the stored ones;
	a row since deleted is not shown)."""
	if doctype not in SEVERAL_CHILDREN:
		return lambda table, row, row_name: True
	field, row_doctype = SEVERAL_CHILDREN[doctype]
	user = frappe.session.user
	scope = get_scope(user)
	place = frappe.db.get_value(doctype, name, ["school", "host", "owner"])
	if place and sees_whole_record(scope, user, *place):
		return lambda table, row, row_name: True
	stored = dict(
		frappe.get_all(
			row_doctype,
			filters={"parenttype": doctype, "parent": name},
			fields=["name", "child"],
			as_list=True,
		)
	)
	named = {
		row.get("child")
		for data in diffs
		for key in ("added", "removed")
		for table, row in data.get(key) or []
	}
	visible = readers_children(scope, set(stored.values()) | named)

	def shown_row(table: str, row, row_name) -> bool:
		if table != field:
			return True
		if row is None and row_name not in stored:
			return False
		child = row.get("child") if row is not None else stored[row_name]
		return not child or child in visible

	return shown_row


class PrintRefusal(TemplatePage):
	"""`/printview` of a record outside the user's care (or of none): Frappe answers with its
	"uncaught server exception" page, a 404, an English paragraph and a traceback; this page
	answers with the sentence the form gives (`hooks.page_renderer`)."""

	def can_render(self) -> bool:
		form = frappe.form_dict
		if self.path != "printview" or form.doctype not in SCOPED or not form.name or form.doc or form.key:
			return False
		if frappe.flags.ignore_print_permissions:  # as Frappe's own print check
			return False
		if not frappe.db.exists(form.doctype, form.name):
			return True
		return not any(
			frappe.has_permission(form.doctype, ptype, doc=form.name) for ptype in ("read", "print")
		)

	def render(self):
		frappe.local.message_title = _("Not in Your Care")
		frappe.local.message = out_of_care(frappe.form_dict.doctype, frappe.form_dict.name, "print")
		frappe.local.response["context"] = dict(
			indicator_color="red", primary_action="/app", primary_label=_("Back to the Desk"), fullpage=True
		)
		self.set_standard_path("message")
		self.http_status_code = 403
		return super().render()


@frappe.whitelist()
def get_count(doctype, filters=None, debug=False, cache=False):
	"""`frappe.client.get_count`, counted through `frappe.get_list` so the scope applies."""
	if not _guarded(doctype):
		return frappe.client.get_count(doctype, filters=filters, debug=debug, cache=cache)
	rows = frappe.get_list(
		doctype,
		filters=frappe.client.get_safe_filters(filters),
		fields=["count(*) as total"],
		parent_doctype=_parent_of(doctype) if doctype in SCOPED else None,
		as_list=True,
	)
	return rows[0][0] if rows else 0


@frappe.whitelist()
def get(doctype, name=None, filters=None, parent=None):
	"""`frappe.client.get`: a record chosen by filters is looked for within the scope only, so a
	refusal never says that a matching record exists elsewhere."""
	if doctype in SCOPED and not name and filters:
		names = frappe.get_list(
			doctype,
			filters=frappe.parse_json(filters),
			pluck="name",
			limit_page_length=1,
			parent_doctype=parent or _parent_of(doctype),
		)
		if not names:
			frappe.throw(_("{0} not found").format(_(doctype)), frappe.DoesNotExistError)
		name, filters = names[0], None
	return frappe.client.get(doctype, name=name, filters=filters, parent=parent)


@frappe.whitelist()
def validate_link(doctype: str, docname: str, fields=None):
	"""`frappe.client.validate_link`: a record outside the scope is answered as missing."""
	if (
		doctype in SCOPED
		and isinstance(docname, str)
		and frappe.db.exists(doctype, docname)
		and not _readable(doctype, docname)
	):
		return frappe._dict(name=None)
	return frappe.client.validate_link(doctype, docname, fields=fields)


@frappe.whitelist()
def get_link_title(doctype, docname):
	"""`frappe.desk.search.get_link_title`: the title (a child's name) only for readable records;
	for others the answer Frappe gives for a record not on file."""
	if (
		doctype in SCOPED
		and frappe.get_meta(doctype).show_title_field_in_link
		and frappe.db.exists(doctype, docname)
		and not _readable(doctype, docname)
	):
		return None
	return frappe.desk.search.get_link_title(doctype, docname)


@frappe.whitelist()
def has_permission(doctype, docname, perm_type="read"):
	"""`frappe.client.has_permission`: a row of a child's file answers for its child (Frappe's
	function-level check sees only the parent DocType's role permission for a row)."""
	if doctype in SCOPED and frappe.is_table(doctype):
		row = frappe.get_doc(doctype, docname) if frappe.db.exists(doctype, docname) else None
		return {"has_permission": bool(row and row.has_permission(perm_type.lower()))}
	return frappe.client.has_permission(doctype, docname, perm_type)


@frappe.whitelist()
def get_doc_permissions(doctype, docname):
	"""`frappe.client.get_doc_permissions`, refused for a row whose child the user may not read."""
	if doctype in SCOPED and frappe.is_table(doctype):
		frappe.get_doc(doctype, docname).check_permission("read")
	return frappe.client.get_doc_permissions(doctype, docname)


@frappe.whitelist()
def toggle_like(doctype, name, add=False):
	"""`frappe.desk.like.toggle_like`, which writes into any record: only into readable ones."""
	if _guarded(doctype):
		frappe.get_doc(doctype, name).check_permission("read")
	return frappe.desk.like.toggle_like(doctype, name, add)


@frappe.whitelist()
def add_tag(tag, dt, dn, color=None):
	"""`frappe.desk.doctype.tag.tag.add_tag`, which tags any record (and, for a table without a
	tag column, adds the column, committing the transaction): only readable ones."""
	if _guarded(dt):
		frappe.get_doc(dt, dn).check_permission("read")
	return frappe.desk.doctype.tag.tag.add_tag(tag, dt, dn, color)


@frappe.whitelist()
def add_tags(tags, dt, docs, color=None):
	if _guarded(dt):
		for name in frappe.parse_json(docs):
			frappe.get_doc(dt, name).check_permission("read")
	return frappe.desk.doctype.tag.tag.add_tags(tags, dt, docs, color)


@frappe.whitelist()
def remove_tag(tag, dt, dn):
	if _guarded(dt):
		frappe.get_doc(dt, dn).check_permission("read")
	return frappe.desk.doctype.tag.tag.remove_tag(tag, dt, dn)


@frappe.whitelist(allow_guest=True)
def add_comment(comment, comment_email, comment_by, reference_doctype, reference_name, route):
	"""The website's comment form (`frappe.templates.includes.comments.comments.add_comment`)
	comments on any record it is given, for any logged-in user, and e-mails the record's title to
	its creator: on the app's records, only where the user may read."""
	if _guarded(reference_doctype):
		frappe.get_doc(reference_doctype, reference_name).check_permission("read")
	return comments.add_comment(comment, comment_email, comment_by, reference_doctype, reference_name, route)


@frappe.whitelist()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	"""The list sidebar's counts. Frappe counts "assigned to" over every record that matches the
	filters; here only over those the user may read."""
	if doctype in SCOPED:
		refuse_hidden_fields(doctype, filters=frappe.parse_json(current_filters), group_by=field)
		if field == "assigned_to":
			names = frappe.get_list(
				doctype, filters=frappe.parse_json(current_filters), pluck="name", limit_page_length=0
			)
			current_filters = frappe.as_json({"name": ["in", names or [""]]})
	return frappe.desk.listview.get_group_by_count(doctype, current_filters, field)


@frappe.whitelist()
def get_workflow_state_count(doctype, workflow_state_field, states):
	"""The workflow state counts of the list sidebar. Frappe counts with `frappe.get_all`, over
	every record and by any column; here only records the user reads, by a field they may read."""
	if doctype not in SCOPED:
		return workflow.get_workflow_state_count(doctype, workflow_state_field, states)
	refuse_hidden_fields(doctype, group_by=workflow_state_field)
	if workflow_state_field not in frappe.get_meta(doctype).get_valid_columns():
		return []
	rows = frappe.get_list(
		doctype,
		fields=[workflow_state_field, "count(*) as count"],
		filters={workflow_state_field: ["not in", frappe.parse_json(states) or [""]]},
		group_by=workflow_state_field,
		order_by=None,
		parent_doctype=_parent_of(doctype),
	)
	return [row for row in rows if row[workflow_state_field]]


@frappe.whitelist()
def export_report():
	"""`frappe.desk.query_report.export_query`, leaving an Access Log entry when the report lists
	children (Frappe logs exports from the report view and Data Export, not from reports), with
	the app's yes/no columns in words."""
	form = frappe.local.form_dict
	# The app's reports write their yes/no columns as 是 and 否 (utils.checks_in_words).
	frappe.flags.lbc_exporting = True
	try:
		result = frappe.desk.query_report.export_query()
	finally:
		frappe.flags.lbc_exporting = False
	ref_doctype = frappe.get_cached_value("Report", form.get("report_name"), "ref_doctype")
	if ref_doctype in LOGGED:
		make_access_log(
			doctype=ref_doctype,
			report_name=form.get("report_name"),
			file_type=form.get("file_format_type"),
			filters=form.get("filters"),
			method="Export",
		)
	return result


# ---- Access Log


def log_print(doc) -> None:
	"""Called from the controllers' `before_print`: who printed whose file, in which format."""
	form = frappe.local.form_dict
	path = frappe.request.path if getattr(frappe.local, "request", None) else ""
	make_access_log(
		doctype=doc.doctype,
		document=doc.name,
		method="Print",
		report_name=form.get("format") or form.get("print_format") or "Standard",
		file_type="PDF" if "pdf" in path.lower() else "HTML",
	)


# Methods that return one whole document to the caller.
_DOCUMENT_READS = {"frappe.client.get": "REST", "frappe.desk.form.load.getdoc": "Form"}


def log_rest_reads(response=None, request=None) -> None:
	"""`after_request` hook: a child's or guardian's file read successfully over HTTP —
	`/api/resource/<doctype>/<name>`, `/api/v2/document/…`, `frappe.client.get` or the desk form —
	leaves an Access Log entry."""
	if response is None or request is None or response.status_code != 200:
		return
	if frappe.session.user in (None, "Guest"):
		return
	read = _document_read(request)
	if read and read[0] in LOGGED and read[1]:
		make_access_log(doctype=read[0], document=read[1], method=read[2])


def _document_read(request) -> tuple[str, str, str] | None:
	parts = [unquote(p) for p in request.path.strip("/").split("/")]
	if request.method == "GET" and len(parts) >= 4:
		if parts[:2] == ["api", "resource"] or parts[:3] == ["api", "v1", "resource"]:
			return parts[-2], parts[-1], "REST"
		if parts[:3] == ["api", "v2", "document"] and len(parts) == 5:
			return parts[3], parts[4], "REST"
	if len(parts) >= 3 and parts[-2] == "method" and parts[-1] in _DOCUMENT_READS:
		form = frappe.local.form_dict
		return form.get("doctype"), form.get("name"), _DOCUMENT_READS[parts[-1]]
	return None
