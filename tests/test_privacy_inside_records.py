"""What a reader receives of a record they may open: rows of other children, rows kept when they
save, and the record's history without hidden values."""

import pytest

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.privacy import rows_kept_from_reader, shown_rows, version_for_reader


def test_a_reader_sees_the_rows_of_their_children_and_rows_naming_no_child():
	assert shown_rows(["a1", "a2", None, "b1"], {"a1"}, sees_whole=False) == [True, False, True, False]


def test_the_organiser_and_the_schools_leaders_see_every_row():
	assert shown_rows(["a1", "a2", None], set(), sees_whole=True) == [True, True, True]


def test_no_rows():
	assert shown_rows([], {"a1"}, sees_whole=False) == []


def test_rows_not_sent_back_are_kept():
	stored = [("row-a2", {"child": "a2", "present": 1})]
	incoming = [("row-a1", {"child": "a1"}), (None, {"child": "a3"})]
	assert rows_kept_from_reader(incoming, stored, changes_otherwise=True) == stored


def test_a_row_sent_back_unchanged_is_not_added_twice():
	stored = [("row-a2", {"child": "a2", "present": 1, "remarks": None})]
	incoming = [("row-a2", {"child": "a2", "present": "1", "remarks": ""})]
	assert rows_kept_from_reader(incoming, stored, changes_otherwise=False) == []


def test_a_row_not_shown_sent_back_changed_is_refused():
	stored = [("row-a2", {"child": "a2", "present": 1})]
	with pytest.raises(RuleError) as err:
		rows_kept_from_reader([("row-a2", {"child": "a1", "present": 1})], stored, changes_otherwise=True)
	assert err.value.code == "row_not_shown"
	assert err.value.params == {"row": "row-a2", "fields": ["child"]}


def test_a_save_that_only_takes_away_a_row_not_shown_is_refused():
	stored = [("row-a2", {"child": "a2"})]
	with pytest.raises(RuleError) as err:
		rows_kept_from_reader([("row-a1", {"child": "a1"})], stored, changes_otherwise=False)
	assert err.value.params == {"row": "row-a2", "fields": []}


def shown_a1_only(table, row, name):
	if row is not None:
		return row.get("child") in (None, "a1")
	return name == "row-a1"


def test_history_loses_hidden_fields_and_rows_of_other_children():
	data = {
		"changed": [["health_notes", "旧", "新"], ["address", "甲村", "乙村"]],
		"added": [
			["participants", {"name": "row-a1", "child": "a1", "secret": "x"}],
			["participants", {"name": "row-a2", "child": "a2"}],
		],
		"removed": [["participants", {"name": "row-a3", "child": "a3"}]],
		"row_changed": [
			["participants", 0, "row-a1", [["secret", "1", "2"], ["present", 0, 1]]],
			["participants", 1, "row-a2", [["present", 0, 1]]],
		],
		"data_import": None,
	}
	hidden = {"health_notes", "participants.secret"}
	assert version_for_reader(data, hidden, shown_a1_only) == {
		"changed": [["address", "甲村", "乙村"]],
		"added": [["participants", {"name": "row-a1", "child": "a1"}]],
		"removed": [],
		"row_changed": [["participants", 0, "row-a1", [["present", 0, 1]]]],
		"data_import": None,
	}


def test_an_entry_of_hidden_changes_only_is_not_shown():
	data = {"changed": [["health_notes", "旧", "新"]], "added": [], "removed": [], "row_changed": []}
	assert version_for_reader(data, {"health_notes"}, shown_a1_only) is None
	rows = {"added": [["participants", {"name": "row-a2", "child": "a2"}]]}
	assert version_for_reader(rows, set(), shown_a1_only) is None


def test_a_hidden_table_hides_its_rows():
	data = {"added": [["secrets", {"name": "r", "child": "a1"}]], "changed": [["x", 1, 2]]}
	assert version_for_reader(data, {"secrets"}, shown_a1_only)["added"] == []


def test_an_entry_without_a_diff_stays():
	creation = {"creation": "2026-09-01", "updater_reference": {"doctype": "Data Import"}}
	assert version_for_reader(creation, {"health_notes"}, shown_a1_only) == {
		**creation,
		"changed": [],
		"added": [],
		"removed": [],
		"row_changed": [],
	}
