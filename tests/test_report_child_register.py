"""留守儿童花名册's builder on hand-computed data."""

import datetime

from leftbehind_care.reports.child_register import COLUMNS, ChildLine, GuardianLink, build

CARD = datetime.date(2026, 9, 1)
TITLES = {"K1": "3年级(1)班", "K2": "3年级(2)班"}
LABELS = {
	"Male": "男",
	"Female": "女",
	"Both Parents Away": "父母双方外出",
	"One Parent Away": "父母一方外出",
	"Good": "良好",
	"Weak": "较弱",
}
ITEMS = {"id_number": "身份号码", "family_economy": "家庭经济"}


def child(name, school="民权县甲小学", care_class="K1", **facts):
	values = {
		"child_name": f"{name}的名字",
		"gender": "Male",
		"age": 9,
		"left_behind_type": "Both Parents Away",
		"is_boarding": 0,
		"contact_card_issued_on": None,
		"completeness": 100,
		"missing_items": None,
		"unsupervised_alert": 0,
		"status": "Active",
		**facts,
	}
	return ChildLine(name=name, school=school, care_class=care_class, **values)


def guardian(child, name, is_primary=0, idx=1, capacity="Good"):
	return GuardianLink(child, name, f"138{idx:08d}", capacity, is_primary, idx)


def register(children, guardians=(), titles=TITLES):
	return build(children, guardians, titles, lambda value: LABELS.get(value, value), ITEMS)


def test_each_child_with_their_primary_guardian_else_the_first():
	guardians = [
		guardian("LBC-1", "赵爷爷", idx=1, capacity="Weak"),
		guardian("LBC-1", "赵奶奶", is_primary=1, idx=2),
		guardian("LBC-2", "钱妈妈", idx=3),
		guardian("LBC-2", "钱爸爸", idx=2),
	]
	rows = register([child("LBC-1"), child("LBC-2"), child("LBC-3")], guardians).rows
	assert [(r["name"], r["guardian_name"], r["guardian_phone"]) for r in rows] == [
		("LBC-1", "赵奶奶", "13800000002"),
		("LBC-2", "钱爸爸", "13800000002"),
		("LBC-3", None, None),
	]
	assert [r["guardian_capacity"] for r in rows] == ["良好", "良好", None]


def test_stored_values_in_the_readers_language_and_the_class_by_its_title():
	rows = register(
		[
			child("LBC-1", gender="Female", missing_items="id_number, family_economy"),
			child("LBC-2", care_class="K9", gender=None, left_behind_type="", missing_items="unknown_item"),
			child("LBC-3", care_class=None),
		]
	).rows
	assert [(r["gender"], r["left_behind_type"], r["class_title"]) for r in rows] == [
		("女", "父母双方外出", "3年级(1)班"),
		(None, "", None),  # nothing stored stays as it is; a class without a title shows nothing
		("男", "父母双方外出", None),
	]
	# The keys of what a file lacks as labels; a key without one shows as it is stored.
	assert [r["missing_items"] for r in rows] == ["身份号码、家庭经济", "unknown_item", ""]
	# What is shown as stored is handed on unchanged.
	assert rows[0]["care_class"] == "K1" and rows[0]["status"] == "Active" and rows[0]["age"] == 9


def test_the_summary_counts_what_a_leader_counts():
	report = register(
		[
			child("LBC-1", unsupervised_alert=1, completeness=80, is_boarding=1),
			child("LBC-2", contact_card_issued_on=CARD),
			child("LBC-3", completeness=None),
		]
	)
	summary = report.summary
	assert (summary.children, summary.unsupervised, summary.incomplete) == (3, 1, 2)
	assert (summary.average_completeness, summary.cards_issued, summary.boarding) == (60, 1, 1)


def test_the_chart_splits_by_school_then_class_then_left_behind_type():
	by_school = register(
		[child("LBC-1"), child("LBC-2", school="民权县乙小学"), child("LBC-3", school="民权县乙小学")]
	)
	# The county every school's name begins with is left out of the legend.
	assert by_school.chart == [("乙小学", 2), ("甲小学", 1)]
	by_class = register([child("LBC-1"), child("LBC-2", care_class="K2"), child("LBC-3")])
	assert by_class.chart == [("3年级(1)班", 2), ("3年级(2)班", 1)]
	by_type = register([child("LBC-1"), child("LBC-2", left_behind_type="One Parent Away")])
	# The left-behind type as the reader reads it.
	assert sorted(by_type.chart) == [("父母一方外出", 1), ("父母双方外出", 1)]


def test_an_empty_scope():
	report = register([], [guardian("LBC-9", "孙奶奶")])
	assert (report.rows, report.chart) == ([], [])
	assert (report.summary.children, report.summary.average_completeness) == (0, 0)


def test_columns_match_the_rows():
	row = register([child("LBC-1")]).rows[0]
	fieldnames = [c.fieldname for c in COLUMNS]
	assert len(set(fieldnames)) == len(fieldnames)
	# Beside the columns, the rows keep the class, boarding and status the file stores.
	assert set(row) == {*fieldnames, "care_class", "is_boarding", "status"}
	assert COLUMNS[0].as_dict() == {
		"fieldname": "name",
		"label": "Child",
		"fieldtype": "Link",
		"width": 150,
		"options": "Left Behind Child",
	}
