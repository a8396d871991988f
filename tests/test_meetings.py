import pytest

from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.meetings import Attendee, check_attendees


def codes(meeting_type, attendees):
	with pytest.raises(RuleError) as err:
		check_attendees(meeting_type, attendees)
	return err.value.code, err.value.params


def test_a_meeting_of_children_guardians_and_staff():
	check_attendees(
		"Symposium",
		[
			Attendee(1, "Child", child="LBC-1"),
			Attendee(2, "Guardian", child="LBC-1", name="张奶奶"),
			Attendee(3, "Guardian", child="LBC-1", name="张爷爷"),  # two guardians of one child
			Attendee(4, "Mentor", user="t@x"),
			Attendee(5, "School Staff", name="李校长"),
		],
	)


def test_a_meeting_needs_attendees_and_a_known_type():
	assert codes("Symposium", [])[0] == "meeting_without_attendees"
	assert codes("Picnic", [Attendee(1, "Child", child="LBC-1")])[0] == "meeting_type_unknown"
	assert codes("Symposium", [Attendee(1, "Neighbour", name="王")])[0] == "attendee_kind_unknown"


def test_a_guardian_row_names_whose_guardian_came():
	assert codes("Parent Meeting", [Attendee(1, "Guardian", name="张奶奶")]) == (
		"attendee_child_missing",
		{"row": 1, "kind": "Guardian"},
	)


def test_staff_are_a_user_or_a_name():
	assert codes("Staff Seminar", [Attendee(1, "School Staff", name="  ")])[0] == "attendee_person_missing"


def test_nobody_is_listed_twice():
	assert codes(
		"Symposium", [Attendee(1, "Child", child="LBC-1"), Attendee(2, "Child", child="LBC-1", name="x")]
	) == ("attendee_twice", {"row": 2, "first": 1})
	assert (
		codes("Staff Seminar", [Attendee(1, "Mentor", user="t@x"), Attendee(2, "Mentor", user="t@x")])[0]
		== "attendee_twice"
	)
