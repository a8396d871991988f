"""What a user may not read, found in what they ask and removed from what they receive.

Which fields a list query uses to choose or order its rows: a user who may not read a field (its permlevel is above theirs) must not filter, sort or group
by it either: a filter on a hidden ID number answers "is this number on file?" one question at a
time, even when the column itself is stripped from the result. The Frappe shell
(`leftbehind_care.privacy`) refuses such queries; this module only reads them.

Filters come in every shape Frappe accepts: a dict, a list of dicts, lists of 2, 3 or 4+ items
(`[field, value]`, `[field, op, value]`, `[doctype, field, op, value]`), JSON text, and raw SQL
condition strings. Field names may be written `field`, `tabDocType.field`, with backticks, or
inside a function (`ifnull(field, '')`). Values are never inspected.

Inside a record the user may open: the rows of a record that names several children that they
see (`shown_rows`), the rows they did not see kept when they save it (`rows_kept_from_reader`),
and what they see of its history (`version_for_reader`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Set

from leftbehind_care.core.errors import RuleError

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


# ---- What a reader receives of a record they may open

# A row a reader may not see, as the record's history or the stored record knows it.
RowShown = Callable[[str, Mapping | None, str | None], bool]


def shown_rows(
	row_children: Sequence[str | None], readers_children: Set[str], sees_whole: bool
) -> list[bool]:
	"""Which rows of a record that names several children (an activity's participants, a
	meeting's attendees) a reader sees: all of them when they see the whole record (its organiser,
	its school's leaders, the county); otherwise the rows of the children they look after and the
	rows that name no child (a teacher who attended)."""
	return [sees_whole or not child or child in readers_children for child in row_children]


def rows_kept_from_reader(
	incoming: Sequence[tuple[str | None, Mapping]],
	not_shown: Sequence[tuple[str, Mapping]],
	changes_otherwise: bool,
) -> list[tuple[str, Mapping]]:
	"""The stored rows a reader did not see, to keep when they save the record: they cannot send
	rows they never received, so a missing one is kept, not deleted. A row they did not see sent
	back changed, or a save whose only change is to take such a row away (deleting the row by
	name), is a probe, not an edit, and is refused (`RuleError("row_not_shown")`).

	`incoming` are (row name or None for a new row, values) as sent; `not_shown` (row name,
	stored values) of the rows the reader does not see; `changes_otherwise` whether the save
	changes anything else. Returns the rows to add back."""
	sent = {name: values for name, values in incoming if name}
	kept = []
	for name, stored in not_shown:
		if name not in sent:
			kept.append((name, stored))
			continue
		changed = sorted(k for k, v in stored.items() if k in sent[name] and not _same(sent[name][k], v))
		if changed:
			raise RuleError("row_not_shown", row=name, fields=changed)
	if kept and not changes_otherwise:
		raise RuleError("row_not_shown", row=kept[0][0], fields=[])
	return kept


def _same(sent: object, stored: object) -> bool:
	# A form sends "" or 0 where the database holds NULL, and dates as text.
	if not sent and not stored:
		return True
	return str(sent) == str(stored)


def version_for_reader(data: Mapping, hidden_fields: Set[str], shown_row: RowShown) -> dict | None:
	"""What a reader may see of one entry of a record's history (a Frappe Version's diff): no
	value of a field above their permission level, in the record or in its rows, and no row they
	may not see. `hidden_fields` holds the record's hidden fieldnames and, as "table.field", its
	rows' (a hidden table field hides its rows); `shown_row(table, row values or None, row name)`
	says whether a row is shown. None when nothing is left to show."""

	def row_values(table: str, row: Mapping) -> dict:
		return {k: v for k, v in row.items() if f"{table}.{k}" not in hidden_fields}

	out = dict(data)
	out["changed"] = [c for c in data.get("changed") or [] if c[0] not in hidden_fields]
	for key in ("added", "removed"):
		out[key] = [
			[table, row_values(table, row)]
			for table, row in data.get(key) or []
			if table not in hidden_fields and shown_row(table, row, row.get("name"))
		]
	out["row_changed"] = []
	for table, idx, row_name, changes in data.get("row_changed") or []:
		if table in hidden_fields or not shown_row(table, None, row_name):
			continue
		changes = [c for c in changes if f"{table}.{c[0]}" not in hidden_fields]
		if changes:
			out["row_changed"].append([table, idx, row_name, changes])
	diffs = ("changed", "added", "removed", "row_changed")
	if any(data.get(key) for key in diffs) and not any(out[key] for key in diffs):
		return None
	return out
