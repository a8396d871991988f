"""Who read whose file: the Access Log entries of children's and guardians' files as the county
administrator reads them — each reader by name, each record by the person it is about, how and in
what it was read in their language. Rows in, rows out; the Script Report gathers and formats."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

from leftbehind_care.reports.columns import Column, _lt

COLUMNS = (
	Column("creation", _lt("When"), "Datetime", 180),
	# The person's name, not their login (an e-mail address); the filter takes the login.
	Column("user_name", _lt("User"), width=100),
	Column("export_from", _lt("Document Type"), width=100),
	Column("reference_document", _lt("Record"), width=150),
	Column("record_name", _lt("Child or Guardian"), width=110),
	Column("method", _lt("How"), width=80),
	Column("report_name", _lt("Format or Report"), width=140),
	Column("file_type", _lt("File Type"), width=80),
)

# A print read in the browser is a web page to its reader; PDF, CSV and Excel keep their names.
WEB_PAGE = _lt("Web Page")
# A record read through Frappe's REST API (`/api/resource`, `frappe.client.get`), in words.
METHODS = {"REST": _lt("Program Interface")}


class AccessEntry(NamedTuple):
	"""An Access Log entry (its fields, in the order the query reads them)."""

	creation: datetime.datetime
	user: str | None
	export_from: str  # the DocType of the record read
	reference_document: str | None
	method: str | None  # Print, Export, REST, Form
	report_name: str | None  # the print format or report
	file_type: str | None


def build(
	entries: Iterable[AccessEntry],
	full_names: Mapping[str, str],
	record_titles: Mapping[tuple[str, str], str],
	translate: Callable[[str], str],
) -> list[dict]:
	"""`entries` in the order shown; `full_names` each user's full name; `record_titles` the name
	of the child or guardian of each (DocType, record); `translate` a DocType, method, format or
	report name as the reader reads it."""
	return [
		{
			"creation": entry.creation,
			"user": entry.user,
			"export_from": translate(entry.export_from),
			"reference_document": entry.reference_document,
			"method": translate(METHODS.get(entry.method, entry.method)) if entry.method else "",
			"report_name": translate(entry.report_name) if entry.report_name else "",
			"file_type": translate(WEB_PAGE) if entry.file_type == "HTML" else entry.file_type,
			"user_name": full_names.get(entry.user) or entry.user,
			"record_name": record_titles.get((entry.export_from, entry.reference_document), ""),
		}
		for entry in entries
	]
