"""What the reports share: their filters' conditions, and yes/no columns in words for a spreadsheet."""

from leftbehind_care.reports import checks_as_words

COLUMNS = [
	{"fieldname": "child", "fieldtype": "Link"},
	{"fieldname": "tutoring", "fieldtype": "Check"},
	{"fieldname": "none", "fieldtype": "Check"},
]


def test_dict_rows_get_words_and_the_columns_become_text():
	rows = [{"child": "A", "tutoring": 1, "none": 0}, {"child": "B", "tutoring": 0, "none": None}]
	columns, out = checks_as_words(COLUMNS, rows, "是", "否")
	assert [c["fieldtype"] for c in columns] == ["Link", "Data", "Data"]
	assert out == [
		{"child": "A", "tutoring": "是", "none": "否"},
		{"child": "B", "tutoring": "否", "none": "否"},
	]
	# What was handed in is unchanged.
	assert rows[0]["tutoring"] == 1 and COLUMNS[1]["fieldtype"] == "Check"


def test_list_rows_and_reports_without_checks():
	columns, out = checks_as_words(COLUMNS, [["A", 1, 0]], "是", "否")
	assert out == [["A", "是", "否"]]
	plain = [{"fieldname": "child", "fieldtype": "Data"}]
	assert checks_as_words(plain, [{"child": "A"}], "是", "否") == (plain, [{"child": "A"}])
	# A total row shorter than the columns is left as it is past its end.
	assert checks_as_words(COLUMNS, [["合计"]], "是", "否")[1] == [["合计"]]


def test_scope_conditions_take_what_the_reader_chose():
	from leftbehind_care.reports import scope_conditions

	assert scope_conditions({"school": "甲", "care_class": ""}, status="Active") == {
		"status": "Active",
		"school": "甲",
	}
	assert scope_conditions({}, ("school", "workflow_state")) == {}
	assert scope_conditions({"workflow_state": "Draft"}, ("school", "workflow_state")) == {
		"workflow_state": "Draft"
	}


def test_every_script_report_runs_through_the_shared_report_layer():
	"""Each app report's `execute` is a `care_report`: read-only (a replica where the site has
	one), yes/no columns in words when exported. A new report without it fails here."""
	import ast
	import pathlib

	reports = pathlib.Path(__file__).parents[1] / "leftbehind_care" / "leftbehind_care" / "report"
	scripts = sorted(
		path for path in reports.glob("*/*.py") if path.stem == path.parent.name and path.stem != "__init__"
	)
	assert len(scripts) >= 9
	for path in scripts:
		tree = ast.parse(path.read_text())
		execute = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "execute")
		assert [ast.unparse(d) for d in execute.decorator_list] == ["care_report"], path.name
