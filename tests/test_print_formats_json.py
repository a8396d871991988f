"""Checks of the shipped print formats, without Frappe.

Frappe renders a print format with a forgiving Jinja (an unknown attribute prints as text, it
does not fail), so a misspelt field would only show up on paper. Every `doc.<field>`, every
row field inside a loop over a child table, every field of a linked record fetched with
`frappe.get_doc` / `frappe.db.get_value`, and every field named in `doc.get_formatted("...")`
or `has_permlevel_access_to("...")` must exist in the app's DocType JSON.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "leftbehind_care"
MODULE = PACKAGE / "leftbehind_care"
MODULE_NAME = (PACKAGE / "modules.txt").read_text().split("\n")[0].strip()
DOCTYPES = {
	json.loads(p.read_text())["name"]: json.loads(p.read_text())
	for p in sorted(MODULE.glob("doctype/*/*.json"))
}
PRINT_FORMATS = sorted(MODULE.glob("print_format/*/*.json"))

# Columns every document has, and the Document methods the templates call.
STANDARD_FIELDS = {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx"}
DOC_METHODS = {"get", "get_formatted", "has_permlevel_access_to"}
NO_DATA = {"Section Break", "Column Break", "Tab Break", "HTML", "Button", "Fold", "Heading"}
SENSITIVE_LEVEL = 1

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def load(path: Path) -> dict:
	"""The print format document, with its template from the `<name>.html` file beside it
	(Frappe renders a standard format from that file, and extracts its strings for translation)."""
	document = json.loads(path.read_text())
	assert document["html"] == "", "the template lives in the .html file only"
	return {**document, "html": path.with_suffix(".html").read_text()}


def fields_of(doctype: str) -> set[str]:
	return {f["fieldname"] for f in DOCTYPES[doctype]["fields"] if f["fieldtype"] not in NO_DATA}


def field(doctype: str, fieldname: str) -> dict:
	return next(f for f in DOCTYPES[doctype]["fields"] if f["fieldname"] == fieldname)


def sensitive_fields(doctype: str) -> set[str]:
	return {f for f in fields_of(doctype) if (field(doctype, f).get("permlevel") or 0) >= SENSITIVE_LEVEL}


def table_doctypes(doctype: str) -> dict[str, str]:
	return {f["fieldname"]: f["options"] for f in DOCTYPES[doctype]["fields"] if f["fieldtype"] == "Table"}


def variables(html: str, doc_type: str) -> dict[str, set[str]]:
	"""Template variable -> the DocTypes whose records it may hold."""
	found: dict[str, set[str]] = {"doc": {doc_type}}
	# {% set care_class = frappe.get_doc("Care Class", ...) %}
	for var, doctype in re.findall(rf'set ({IDENT}) = frappe\.get_(?:cached_)?doc\("([^"]+)"', html):
		found.setdefault(var, set()).add(doctype)
	# {% set school = frappe.db.get_value("Care School", ..., [...], as_dict=True) %}
	for var, doctype in re.findall(rf'set ({IDENT}) = frappe\.db\.get_value\("([^"]+)"', html):
		found.setdefault(var, set()).add(doctype)
	# {% for row in doc.guardians %}, {% for teacher in care_class.subject_teachers %}: repeat
	# until no loop adds anything, so loops over loops resolve too.
	changed = True
	while changed:
		changed = False
		for var, owner, table in re.findall(rf"for ({IDENT}) in ({IDENT})\.({IDENT})", html):
			for doctype in set(found.get(owner, ())):
				child = table_doctypes(doctype).get(table)
				if child and child not in found.setdefault(var, set()):
					found[var].add(child)
					changed = True
	return found


@pytest.fixture(params=PRINT_FORMATS, ids=lambda p: p.parent.name)
def print_format(request) -> tuple[Path, dict]:
	return request.param, load(request.param)


def test_the_app_ships_both_formats():
	assert {load(p)["name"] for p in PRINT_FORMATS} >= {"Contact Card", "Child File"}


def test_print_format_document(print_format):
	path, pf = print_format
	assert pf["doctype"] == "Print Format"
	assert path.parent.name == path.stem == pf["name"].lower().replace(" ", "_")
	assert pf["doc_type"] in DOCTYPES and not DOCTYPES[pf["doc_type"]].get("istable")
	assert pf["module"] == MODULE_NAME
	assert pf["standard"] == "Yes"
	assert pf["custom_format"] == 1
	assert pf["print_format_type"] == "Jinja"
	assert pf["disabled"] == 0
	assert pf["raw_printing"] == 0
	assert pf["print_format_builder"] == 0
	assert pf["html"].strip()
	assert "@page" in (pf.get("css") or ""), "set the paper size for the browser's print"
	# Migrate re-imports the file only when `modified` is newer than the site's copy.
	for stamp in ("creation", "modified"):
		datetime.strptime(pf[stamp], "%Y-%m-%d %H:%M:%S.%f")
	assert pf["modified"] >= pf["creation"]
	assert pf["owner"] == pf["modified_by"] == "Administrator"


def test_every_field_the_template_reads_exists(print_format):
	_path, pf = print_format
	html = pf["html"]
	known = variables(html, pf["doc_type"])
	unknown = []
	for var, doctypes in known.items():
		allowed = set().union(*(fields_of(dt) for dt in doctypes)) | STANDARD_FIELDS
		if var == "doc" or any(not DOCTYPES[dt].get("istable") for dt in doctypes):
			allowed |= DOC_METHODS
		else:
			allowed |= {"get", "get_formatted"}
		for attr in re.findall(rf"\b{var}\.({IDENT})", html):
			if attr not in allowed:
				unknown.append(f"{var}.{attr}")
		for method, name in re.findall(
			rf'\b{var}\.(get_formatted|has_permlevel_access_to|get)\("({IDENT})"', html
		):
			if name not in allowed - DOC_METHODS:
				unknown.append(f'{var}.{method}("{name}")')
	assert unknown == []


def test_linked_lookups_name_real_fields(print_format):
	_path, pf = print_format
	unknown = []
	for doctype, fieldlist in re.findall(
		r'frappe\.db\.get_value\("([^"]+)",[^\[\]]*?\[([^\]]*)\]', pf["html"]
	):
		assert doctype in DOCTYPES, doctype
		for name in re.findall(r'"([^"]+)"', fieldlist):
			if name not in fields_of(doctype) | STANDARD_FIELDS:
				unknown.append(f"{doctype}.{name}")
	assert unknown == []


def test_date_macro_names_real_date_fields(print_format):
	"""`date("field")` formats a date of the child, `date("field", row)` one of a table row."""
	_path, pf = print_format
	html = pf["html"]
	doc_type = pf["doc_type"]
	rows = set().union(*(fields_of(dt) for dt in table_doctypes(doc_type).values()))
	for name, row in re.findall(rf'\bdate\("({IDENT})"(?:,\s*({IDENT}))?\)', html):
		assert name in (rows if row else fields_of(doc_type)), name


def test_contact_card_holds_no_sensitive_field():
	pf = load(MODULE / "print_format/contact_card/contact_card.json")
	html = pf["html"]
	doc_type = pf["doc_type"]
	read = set(re.findall(rf"\bdoc\.({IDENT})", html)) | set(
		re.findall(rf'\bdoc\.get(?:_formatted)?\("({IDENT})"', html)
	)
	assert read & sensitive_fields(doc_type) == set()


def test_child_file_checks_access_before_each_sensitive_group():
	"""Jinja print formats get the whole document: the file must ask before printing
	permlevel-1 values (the site test renders it as a user without access)."""
	pf = load(MODULE / "print_format/child_file/child_file.json")
	html = pf["html"]
	doc_type = pf["doc_type"]
	sensitive = sensitive_fields(doc_type)
	read = set(re.findall(rf"\bdoc\.({IDENT})", html)) & sensitive
	assert read >= {"id_number", "health_status", "family_economy"}, "the file shows all sections"
	for checked in re.findall(rf'has_permlevel_access_to\("({IDENT})"\)', html):
		assert checked in sensitive, checked


def test_template_parses_as_jinja(print_format):
	from jinja2.sandbox import SandboxedEnvironment

	SandboxedEnvironment().parse(print_format[1]["html"])
