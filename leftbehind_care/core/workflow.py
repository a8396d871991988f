"""Workflows as data (`leftbehind_care/workflows/*.json`) and the rules they imply.

A workflow file names its states (who may edit in each, and which fields), and its transitions
(from, action, to, the roles that may take it, the fields it requires and may set, and whether the
person who drafted or submitted the document may take it). The shell turns the same file into
Frappe's Workflow records, so a site administrator reads it in Frappe's workflow builder; these
rules enforce it on the server, where Frappe v15 leaves per-state editing to the browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from leftbehind_care.core.errors import RuleError

WORKFLOWS = Path(__file__).resolve().parent.parent / "workflows"


@dataclass(frozen=True)
class State:
	name: str
	style: str
	editors: tuple[str, ...]
	editable: frozenset[str]


@dataclass(frozen=True)
class Transition:
	from_state: str
	action: str
	to_state: str
	roles: tuple[str, ...]
	requires: tuple[str, ...] = ()
	sets: tuple[str, ...] = ()
	self_approval: bool = True
	# Roles that take the move when nobody of `roles` can (the only leader of a school drafted or
	# submitted the plan): the move never waits for ever.
	fallback_roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Workflow:
	name: str
	document_type: str
	state_field: str
	content_fields: tuple[str, ...]
	states: tuple[State, ...]
	transitions: tuple[Transition, ...]
	# The document's flag that says its fallback roles are the ones to move it (kept by its
	# controller; Frappe's workflow shows them the move only then).
	fallback_field: str = ""

	@property
	def initial(self) -> str:
		return self.states[0].name

	def state(self, name: str) -> State:
		for state in self.states:
			if state.name == name:
				return state
		raise RuleError("workflow_state_unknown", state=name)

	def moves(self, from_state: str, roles: Iterable[str] = ()) -> list[Transition]:
		"""The transitions out of a state; with `roles`, those one of the roles may take."""
		roles = set(roles)
		return [
			t
			for t in self.transitions
			if t.from_state == from_state and (not roles or roles.intersection(t.roles))
		]


def load(data: Mapping) -> Workflow:
	"""A workflow from its file's data, checked: every transition joins known states, and every
	field a state may edit or a transition requires or sets is one of the content fields."""
	content = tuple(data["content_fields"])
	states = tuple(
		State(s["state"], s.get("style", ""), tuple(s["editors"]), frozenset(s.get("editable", ())))
		for s in data["states"]
	)
	transitions = tuple(
		Transition(
			t["from"],
			t["action"],
			t["to"],
			tuple(t["roles"]),
			tuple(t.get("requires", ())),
			tuple(t.get("sets", ())),
			bool(t.get("self_approval", True)),
			tuple(t.get("fallback_roles", ())),
		)
		for t in data["transitions"]
	)
	workflow = Workflow(
		data["workflow_name"],
		data["document_type"],
		data["state_field"],
		content,
		states,
		transitions,
		data.get("fallback_field", ""),
	)
	names = [s.name for s in states]
	if len(set(names)) != len(names):
		raise ValueError(f"{workflow.name}: a state is listed twice")
	for state in states:
		if not state.editable <= set(content):
			raise ValueError(f"{workflow.name}: {state.name} edits fields that are not content fields")
	for t in transitions:
		if t.from_state not in names or t.to_state not in names:
			raise ValueError(f"{workflow.name}: {t.action} joins an unknown state")
		if not set(t.requires) | set(t.sets) <= set(content):
			raise ValueError(f"{workflow.name}: {t.action} names fields that are not content fields")
		if t.from_state == t.to_state:
			raise ValueError(f"{workflow.name}: {t.action} does not change the state")
		if t.fallback_roles and (t.self_approval or not workflow.fallback_field):
			raise ValueError(f"{workflow.name}: {t.action} has fallback roles but no one it is closed to")
	return workflow


def read(name: str) -> Workflow:
	"""The workflow shipped as `leftbehind_care/workflows/<name>.json`."""
	return load(json.loads((WORKFLOWS / f"{name}.json").read_text(encoding="utf-8")))


def check_move(
	workflow: Workflow,
	from_state: str,
	to_state: str,
	roles: Iterable[str],
	facts: Mapping[str, object],
	actor: str,
	earlier_actors: Iterable[str] = (),
	others_may: bool = True,
) -> Transition | None:
	"""The transition a save makes, or None when the state stays. Refused: a move the workflow
	does not have (`workflow_move_illegal`), one the person's roles may not take
	(`workflow_move_not_allowed`; a fallback role takes it only when `others_may` is false — no
	one of the move's own roles but the drafter and submitter could), one whose required fields are
	empty (`workflow_fields_required`, `facts` maps each field to whether it has a value), and an
	approval by the person who drafted or submitted the document (`workflow_self_approval`)."""
	if from_state == to_state:
		return None
	workflow.state(to_state)
	transition = next(
		(t for t in workflow.transitions if t.from_state == from_state and t.to_state == to_state), None
	)
	if transition is None:
		raise RuleError("workflow_move_illegal", from_state=from_state, to_state=to_state)
	roles = set(roles)
	if not roles.intersection(transition.roles) and (
		others_may or not roles.intersection(transition.fallback_roles)
	):
		raise RuleError(
			"workflow_move_not_allowed",
			action=transition.action,
			roles=transition.roles if others_may else transition.fallback_roles,
		)
	missing = [field for field in transition.requires if not facts.get(field)]
	if missing:
		raise RuleError("workflow_fields_required", action=transition.action, fields=tuple(missing))
	if not transition.self_approval and actor in set(earlier_actors):
		raise RuleError("workflow_self_approval", action=transition.action)
	return transition


def check_edits(
	workflow: Workflow,
	state: str,
	transition: Transition | None,
	changed: Iterable[str],
	roles: Iterable[str],
) -> None:
	"""What a save changes must be editable in the state it starts from, by one of the state's
	editors — or be set by the transition the save makes (a rejection's reason, a closing outcome).
	Refused: `workflow_edit_not_allowed` (no editor role) and `workflow_fields_locked`."""
	changed = [field for field in changed if field in workflow.content_fields]
	if not changed:
		return
	current = workflow.state(state)
	allowed = set(current.editable) | set(transition.sets if transition else ())
	locked = tuple(field for field in changed if field not in allowed)
	if locked:
		raise RuleError("workflow_fields_locked", state=state, fields=locked)
	if not transition and not set(roles).intersection(current.editors):
		raise RuleError("workflow_edit_not_allowed", state=state, roles=current.editors)
