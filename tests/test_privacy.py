import json

import pytest

from leftbehind_care.core.privacy import hidden_fields_used

CHILD = "Left Behind Child"
PARENT_ROW = "Left Behind Child Parent"
HIDDEN = {CHILD: {"id_number", "health_status", "family_economy"}, PARENT_ROW: set()}


def used(**query):
	return hidden_fields_used(CHILD, HIDDEN, **query)


@pytest.mark.parametrize(
	"filters",
	[
		{"id_number": "411421201601011234"},
		{"id_number": ["like", "4114%"]},
		[["id_number", "=", "x"]],
		[["id_number", "like", "41%"], ["status", "=", "Active"]],
		[[CHILD, "id_number", "=", "x"]],
		[[CHILD, "id_number", "=", "x", False]],
		["id_number", "x"],
		["id_number", "=", "x"],
		[{"id_number": "x"}],
		{"`tabLeft Behind Child`.`id_number`": "x"},
		{"tabLeft Behind Child.id_number": "x"},
		json.dumps({"id_number": "x"}),
		json.dumps([[CHILD, "id_number", "=", "x"]]),
		["`tabLeft Behind Child`.id_number like '41%'"],
		"`tabLeft Behind Child`.id_number like '41%'",
		{"ifnull(id_number, '')": "x"},
	],
)
def test_every_filter_shape_on_a_hidden_field_is_found(filters):
	assert used(filters=filters) == ["id_number"]
	assert used(or_filters=filters) == ["id_number"]


@pytest.mark.parametrize(
	"filters",
	[
		None,
		"",
		{},
		[],
		{"child_name": "id_number"},  # a value is never a field
		[["status", "=", "Active"], ["child_name", "like", "%id_number%"]],
		[[PARENT_ROW, "phone", "=", "13812345678"]],
		{"school": "x", "care_class": ["in", ["a", "b"]]},
	],
)
def test_readable_fields_and_values_pass(filters):
	assert used(filters=filters) == []


def test_order_by_and_group_by():
	assert used(order_by="id_number desc") == ["id_number"]
	assert used(
		order_by="`tabLeft Behind Child`.`modified` desc, `tabLeft Behind Child`.`family_economy` asc"
	) == ["family_economy"]
	assert used(group_by="`tabLeft Behind Child`.health_status") == ["health_status"]
	assert used(order_by="modified desc", group_by="school") == []


def test_several_hidden_fields_are_named_once_each():
	assert used(
		filters={"id_number": "x"}, or_filters=[["health_status", "=", "y"]], order_by="id_number"
	) == [
		"health_status",
		"id_number",
	]


def test_child_table_fields_are_checked_against_their_own_doctype():
	hidden = {CHILD: set(), PARENT_ROW: {"phone"}}
	assert hidden_fields_used(CHILD, hidden, filters=[[PARENT_ROW, "phone", "=", "1"]]) == ["phone"]
	assert hidden_fields_used(CHILD, hidden, filters={"phone": "1"}) == []  # the child has no field phone


def test_a_user_who_reads_every_field_is_never_refused():
	assert hidden_fields_used(CHILD, {CHILD: set()}, filters={"id_number": "x"}, order_by="id_number") == []
	assert hidden_fields_used(CHILD, {}, filters={"id_number": "x"}) == []
