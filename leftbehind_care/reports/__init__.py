"""Framework-free report builders: the Script Reports gather rows and hand them here."""


def checks_as_words(columns: list, rows: list, yes: str, no: str) -> tuple[list, list]:
	"""A report's yes/no (Check) columns as words, for a spreadsheet that would show 1 and 0: the
	columns become text and each row's value `yes` or `no`. Rows are dicts or lists in the
	columns' order; the inputs are left as they were."""
	checks = [
		index
		for index, column in enumerate(columns)
		if isinstance(column, dict) and column.get("fieldtype") == "Check"
	]
	if not checks:
		return columns, rows
	columns = [dict(c, fieldtype="Data") if i in checks else c for i, c in enumerate(columns)]
	fields = [columns[i]["fieldname"] for i in checks]
	out = []
	for row in rows:
		if isinstance(row, dict):
			row = dict(row)
			for field in fields:
				if field in row:
					row[field] = yes if row[field] else no
		else:
			row = list(row)
			for index in checks:
				if index < len(row):
					row[index] = yes if row[index] else no
		out.append(row)
	return columns, out


# The filters the reports share (public/js/desk.js declares them for the desk).
SCOPE_FILTERS = ("school", "care_class")


def scope_conditions(filters, fields=SCOPE_FILTERS, **fixed) -> dict:
	"""The conditions a report reads its rows with: `fixed` ones (status Active…) and each of the
	shared filters (school, class; `fields` adds a report's own) the reader chose."""
	conditions = dict(fixed)
	for field in fields:
		if filters.get(field):
			conditions[field] = filters[field]
	return conditions
