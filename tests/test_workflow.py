"""The intervention plan's workflow, as shipped: every allowed and forbidden move per role."""

import itertools

import pytest

from leftbehind_care.core import workflow as wf
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.scope import (
	ADMINISTRATOR,
	CLASS_TEACHER,
	COUNSELOR,
	INSPECTOR,
	MENTOR,
	SCHOOL_LEADER,
)

PLAN = wf.read("intervention_plan")
ROLES = (ADMINISTRATOR, SCHOOL_LEADER, CLASS_TEACHER, COUNSELOR, MENTOR, INSPECTOR)
FULL = {field: True for field in PLAN.content_fields}

# (from, to): the roles that may make the move. Every other pair is illegal for everyone.
ALLOWED = {
	("Draft", "Pending Approval"): {CLASS_TEACHER, COUNSELOR},
	("Pending Approval", "In Progress"): {SCHOOL_LEADER},
	("Pending Approval", "Rejected"): {SCHOOL_LEADER},
	("Rejected", "Draft"): {CLASS_TEACHER, COUNSELOR},
	("In Progress", "Under Review"): {CLASS_TEACHER, COUNSELOR, SCHOOL_LEADER},
	("Under Review", "In Progress"): {CLASS_TEACHER, COUNSELOR, SCHOOL_LEADER},
	("In Progress", "Closed"): {SCHOOL_LEADER},
	("In Progress", "Escalated"): {SCHOOL_LEADER},
}


def code(call, *args, **kwargs):
	with pytest.raises(RuleError) as err:
		call(*args, **kwargs)
	return err.value.code


def test_the_shipped_workflow_starts_in_draft_and_names_every_state():
	assert PLAN.initial == "Draft"
	assert PLAN.document_type == "Intervention Plan"
	assert [s.name for s in PLAN.states] == [
		"Draft",
		"Pending Approval",
		"Rejected",
		"In Progress",
		"Under Review",
		"Closed",
		"Escalated",
	]


@pytest.mark.parametrize("role", ROLES)
def test_every_move_for_every_role(role):
	names = [s.name for s in PLAN.states]
	for from_state, to_state in itertools.permutations(names, 2):
		allowed = ALLOWED.get((from_state, to_state))
		args = (PLAN, from_state, to_state, [role], FULL, "actor@x")
		if allowed is None:
			assert code(wf.check_move, *args) == "workflow_move_illegal", (from_state, to_state)
		elif role in allowed:
			assert wf.check_move(*args).to_state == to_state
		else:
			assert code(wf.check_move, *args) == "workflow_move_not_allowed", (role, from_state, to_state)


def test_staying_in_a_state_is_no_move():
	assert wf.check_move(PLAN, "In Progress", "In Progress", [MENTOR], {}, "x") is None


def test_a_move_needs_its_fields():
	empty = dict.fromkeys(PLAN.content_fields, False)
	cases = {
		("Draft", "Pending Approval", CLASS_TEACHER): ("goals", "participating_leader"),
		("Pending Approval", "In Progress", SCHOOL_LEADER): ("participating_leader",),
		("Pending Approval", "Rejected", SCHOOL_LEADER): ("rejection_reason",),
		("In Progress", "Closed", SCHOOL_LEADER): ("outcome",),
		("In Progress", "Escalated", SCHOOL_LEADER): ("referral_target", "referral_date"),
	}
	for (from_state, to_state, role), fields in cases.items():
		with pytest.raises(RuleError) as err:
			wf.check_move(PLAN, from_state, to_state, [role], empty, "leader@x")
		assert err.value.code == "workflow_fields_required"
		assert err.value.params["fields"] == fields


def test_nobody_approves_what_they_drafted_or_submitted():
	for to_state in ("In Progress", "Rejected"):
		assert (
			code(
				wf.check_move,
				PLAN,
				"Pending Approval",
				to_state,
				[SCHOOL_LEADER],
				FULL,
				"l@x",
				["t@x", "l@x"],
			)
			== "workflow_self_approval"
		)
		assert wf.check_move(PLAN, "Pending Approval", to_state, [SCHOOL_LEADER], FULL, "l@x", ["t@x"])
	# Submitting is no approval: the drafter submits their own plan.
	assert wf.check_move(PLAN, "Draft", "Pending Approval", [CLASS_TEACHER], FULL, "t@x", ["t@x"])


def test_an_unknown_state_is_refused():
	assert (
		code(wf.check_move, PLAN, "Draft", "Approved", [SCHOOL_LEADER], FULL, "x") == "workflow_state_unknown"
	)


def test_what_may_be_edited_in_each_state():
	# A draft is written freely by its editors.
	wf.check_edits(PLAN, "Draft", None, ["goals", "actions", "child"], [CLASS_TEACHER])
	assert code(wf.check_edits, PLAN, "Draft", None, ["goals"], [MENTOR]) == "workflow_edit_not_allowed"
	# Pending approval, the plan is what the leader approves: nothing changes under them.
	with pytest.raises(RuleError) as err:
		wf.check_edits(PLAN, "Pending Approval", None, ["goals", "actions"], [SCHOOL_LEADER])
	assert (err.value.code, err.value.params["fields"]) == ("workflow_fields_locked", ("goals", "actions"))
	# An approved plan's goals are locked; its actions and reviews go on.
	wf.check_edits(PLAN, "In Progress", None, ["actions", "reviews"], [CLASS_TEACHER])
	assert (
		code(wf.check_edits, PLAN, "In Progress", None, ["goals"], [SCHOOL_LEADER])
		== "workflow_fields_locked"
	)
	assert (
		code(wf.check_edits, PLAN, "In Progress", None, ["child"], [SCHOOL_LEADER])
		== "workflow_fields_locked"
	)
	# Under review, goals may be changed.
	wf.check_edits(PLAN, "Under Review", None, ["goals"], [COUNSELOR])
	# Closed and escalated plans are history.
	for state in ("Closed", "Escalated"):
		assert (
			code(wf.check_edits, PLAN, state, None, ["reviews"], [SCHOOL_LEADER]) == "workflow_fields_locked"
		)
	# Fields that are not content (set by the controller) are not judged here.
	wf.check_edits(PLAN, "Closed", None, ["next_review_on", "workflow_state"], [MENTOR])


def test_a_transition_may_set_its_own_fields():
	close = wf.check_move(PLAN, "In Progress", "Closed", [SCHOOL_LEADER], FULL, "l@x")
	wf.check_edits(PLAN, "In Progress", close, ["outcome"], [SCHOOL_LEADER])
	assert (
		code(wf.check_edits, PLAN, "In Progress", close, ["goals"], [SCHOOL_LEADER])
		== "workflow_fields_locked"
	)
	reject = wf.check_move(PLAN, "Pending Approval", "Rejected", [SCHOOL_LEADER], FULL, "l@x")
	wf.check_edits(PLAN, "Pending Approval", reject, ["rejection_reason"], [SCHOOL_LEADER])


def test_a_broken_workflow_file_is_refused():
	data = {
		"workflow_name": "W",
		"document_type": "D",
		"state_field": "workflow_state",
		"content_fields": ["a"],
		"states": [{"state": "S", "editors": ["R"], "editable": ["a"]}, {"state": "T", "editors": ["R"]}],
		"transitions": [{"from": "S", "action": "Go", "to": "T", "roles": ["R"]}],
	}
	assert wf.load(data).moves("S", ["R"])[0].to_state == "T"
	for broken in (
		{**data, "transitions": [{"from": "S", "action": "Go", "to": "X", "roles": ["R"]}]},
		{**data, "transitions": [{"from": "S", "action": "Go", "to": "S", "roles": ["R"]}]},
		{
			**data,
			"states": [{"state": "S", "editors": ["R"], "editable": ["b"]}, {"state": "T", "editors": []}],
		},
		{
			**data,
			"transitions": [{"from": "S", "action": "Go", "to": "T", "roles": ["R"], "requires": ["b"]}],
		},
		{**data, "states": [data["states"][0], data["states"][0]]},
	):
		with pytest.raises(ValueError):
			wf.load(broken)


def test_the_county_decides_when_no_other_leader_of_the_school_can():
	"""The school's only leader drafted or submitted the plan: the county's care administrator
	approves or rejects it, and only then."""
	for to_state in ("In Progress", "Rejected"):
		args = (PLAN, "Pending Approval", to_state, [ADMINISTRATOR], FULL, "admin@x", ["l@x"])
		assert wf.check_move(*args, others_may=False).to_state == to_state
		assert code(wf.check_move, *args, others_may=True) == "workflow_move_not_allowed"
		# The leader who drafted it still may not approve it.
		assert (
			code(
				wf.check_move,
				PLAN,
				"Pending Approval",
				to_state,
				[SCHOOL_LEADER],
				FULL,
				"l@x",
				["l@x"],
				others_may=False,
			)
			== "workflow_self_approval"
		)
	# Other moves have no fallback: a care administrator never submits or closes a plan.
	assert (
		code(wf.check_move, PLAN, "In Progress", "Closed", [ADMINISTRATOR], FULL, "admin@x", others_may=False)
		== "workflow_move_not_allowed"
	)


def test_fallback_roles_only_on_moves_closed_to_their_drafter():
	data = {
		"workflow_name": "x",
		"document_type": "X",
		"state_field": "s",
		"content_fields": [],
		"states": [{"state": "A", "editors": []}, {"state": "B", "editors": []}],
		"transitions": [{"from": "A", "action": "Go", "to": "B", "roles": ["R"], "fallback_roles": ["F"]}],
	}
	with pytest.raises(ValueError):
		wf.load(data)
