"""Which fields a list query uses to choose or order its rows.

A user who may not read a field (its permlevel is above theirs) must not filter, sort or group
by it either: a filter on a hidden ID number answers "is this number on file?" one question at a
time, even when the column itself is stripped from the result. The Frappe shell
(`leftbehind_care.privacy`) refuses such queries; this module only reads them.

Filters come in every shape Frappe accepts: a dict, a list of dicts, lists of 2, 3 or 4+ items
(`[field, value]`, `[field, op, value]`, `[doctype, field, op, value]`), JSON text, and raw SQL
condition strings. Field names may be written `field`, `tabDocType.field`, with backticks, or
inside a function (`ifnull(field, '')`). Values are never inspected.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def hidden_fields_used(
	doctype: str,
	hidden: Mapping[str, Iterable[str]],
	*,
	filters=None,
	or_filters=None,
	order_by: str | None = None,
	group_by: str | None = None,
) -> list[str]:
	"""The hidden fields a query chooses, sorts or groups its rows by, sorted.

	`hidden` maps a DocType (the queried one and its child tables) to the fieldnames the user
	may not read.
	"""
	hidden = {dt: frozenset(fields) for dt, fields in hidden.items() if fields}
	if not hidden:
		return []
	used: set[str] = set()
	for condition in (filters, or_filters):
		for ref_doctype, field in _filter_fields(doctype, condition):
			used |= _hidden_in_reference(ref_doctype, field, hidden)
	any_hidden = frozenset().union(*hidden.values())
	for clause in (order_by, group_by):
		if clause:
			used |= _hidden_words(str(clause), any_hidden)
	return sorted(used)


def _filter_fields(doctype: str, filters) -> Iterable[tuple[str | None, str]]:
	"""(DocType or None, field expression) of each condition; None when the text is raw SQL."""
	if filters is None or filters == "":
		return
	if isinstance(filters, str):
		try:
			filters = json.loads(filters)
		except ValueError:
			yield None, filters
			return
	if isinstance(filters, Mapping):
		for key in filters:
			yield doctype, str(key)
		return
	if isinstance(filters, list | tuple):
		if filters and all(isinstance(f, str) for f in filters) and len(filters) in (2, 3):
			# A single condition written as a flat list: [field, value] or [field, op, value].
			yield doctype, filters[0]
			return
		for condition in filters:
			if isinstance(condition, Mapping):
				yield from _filter_fields(doctype, condition)
			elif isinstance(condition, str):
				yield None, condition
			elif isinstance(condition, list | tuple) and condition:
				if len(condition) >= 4:
					yield str(condition[0]), str(condition[1])
				else:
					yield doctype, str(condition[0])


def _hidden_in_reference(
	ref_doctype: str | None, field: str, hidden: Mapping[str, frozenset[str]]
) -> set[str]:
	if ref_doctype is None or "(" in field or " " in field.strip():
		# Raw SQL or a function: any hidden name in it counts.
		return _hidden_words(field, frozenset().union(*hidden.values()))
	field = field.replace("`", "").strip()
	if "." in field:
		table, field = field.rsplit(".", 1)
		ref_doctype = table[3:] if table.startswith("tab") else ref_doctype
	return {field} & hidden.get(ref_doctype, frozenset())


def _hidden_words(text: str, names: frozenset[str]) -> set[str]:
	return set(_WORD.findall(text.replace("`", " "))) & names
