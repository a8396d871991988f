"""Child File Access's builder on hand-computed data."""

import datetime

from leftbehind_care.reports.child_file_access import COLUMNS, AccessEntry, build

AT = datetime.datetime(2026, 11, 30, 9, 15)
CHILD, GUARDIAN = "Left Behind Child", "Child Guardian"
ZH = {
	CHILD: "留守儿童",
	GUARDIAN: "监护人",
	"Print": "打印",
	"Export": "导出",
	"Web Page": "网页",
	"Program Interface": "程序接口",
}
NAMES = {"teacher@x.cn": "王老师"}
TITLES = {(CHILD, "LBC-1"): "赵小明", (GUARDIAN, "G-1"): "赵奶奶"}


def entry(export_from=CHILD, record="LBC-1", method="Print", report_name="Child File", file_type="HTML"):
	return AccessEntry(AT, "teacher@x.cn", export_from, record, method, report_name, file_type)


def rows(entries):
	return build(entries, NAMES, TITLES, lambda text: ZH.get(text, text))


def test_each_read_by_the_readers_name_and_the_record_by_its_person():
	out = rows([entry(), entry(GUARDIAN, "G-1", "Export", None, "CSV")])
	assert out == [
		{
			"creation": AT,
			"user": "teacher@x.cn",
			"export_from": "留守儿童",
			"reference_document": "LBC-1",
			"method": "打印",
			"report_name": "Child File",
			"file_type": "网页",  # a print read in the browser
			"user_name": "王老师",
			"record_name": "赵小明",
		},
		{
			"creation": AT,
			"user": "teacher@x.cn",
			"export_from": "监护人",
			"reference_document": "G-1",
			"method": "导出",
			"report_name": "",
			"file_type": "CSV",
			"user_name": "王老师",
			"record_name": "赵奶奶",
		},
	]


def test_what_is_not_known_shows_as_logged_or_empty():
	unknown = AccessEntry(AT, "new@x.cn", CHILD, "LBC-9", None, "", "PDF")
	[row] = rows([unknown])
	assert (row["user_name"], row["record_name"]) == ("new@x.cn", "")
	assert (row["method"], row["report_name"], row["file_type"]) == ("", "", "PDF")
	# A child's record number is not a guardian's: the title is looked up by both.
	assert rows([entry(GUARDIAN, "LBC-1")])[0]["record_name"] == ""
	# An entry without a user has no name.
	assert rows([AccessEntry(AT, None, CHILD, "LBC-1", "REST", None, None)])[0]["user_name"] is None


def test_no_entries():
	assert rows([]) == []


def test_columns_match_the_rows():
	row = rows([entry()])[0]
	fieldnames = [c.fieldname for c in COLUMNS]
	# The reader's login stays in the rows, not in the columns: the report shows their name.
	assert set(row) == {*fieldnames, "user"} and "user" not in fieldnames
	assert COLUMNS[-1].as_dict() == {
		"fieldname": "file_type",
		"label": "File Type",
		"fieldtype": "Data",
		"width": 80,
	}


def test_a_read_through_the_rest_api_is_named_in_words():
	(row,) = rows([entry(method="REST", report_name=None, file_type=None)])
	assert row["method"] == "程序接口"
