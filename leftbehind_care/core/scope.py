"""Who sees which children: one scope per user, built from roles and assignments.

The Frappe shell gathers a user's roles, the schools where they lead or counsel, the classes
they teach and the children paired with them, and turns the scope into query conditions and
document checks (`leftbehind_care.permissions`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ADMINISTRATOR = "Care Administrator"
SCHOOL_LEADER = "Care School Leader"
CLASS_TEACHER = "Care Class Teacher"
MENTOR = "Care Mentor"
COUNSELOR = "Care Counselor"
INSPECTOR = "Care Inspector"
CARE_ROLES = (ADMINISTRATOR, SCHOOL_LEADER, CLASS_TEACHER, MENTOR, COUNSELOR, INSPECTOR)

# Frappe's own superusers see what a care administrator sees.
SUPERUSER_ROLES = ("Administrator", "System Manager")

# How a school member row (Care School Member.member_role) ties a user to a school.
MEMBER_LEADER = "Leader"
MEMBER_COUNSELOR = "Counselor"
MEMBER_INSPECTOR = "Inspector"


@dataclass(frozen=True)
class CareScope:
	all_schools: bool = False
	# Schools whose every child the user sees (leader, counsellor).
	schools: frozenset[str] = frozenset()
	# Classes whose children the user sees (class teacher).
	classes: frozenset[str] = frozenset()
	# Single children the user sees (mentor pairings).
	children: frozenset[str] = frozenset()
	# Schools the user sees in aggregate only (inspector): never a child.
	aggregate_schools: frozenset[str] = frozenset()

	@property
	def sees_no_child(self) -> bool:
		return not (self.all_schools or self.schools or self.classes or self.children)

	def sees_child(self, name: str | None, school: str | None, care_class: str | None) -> bool:
		return (
			self.all_schools
			or (school in self.schools)
			or (care_class in self.classes)
			or (name in self.children)
		)

	def sees_school(self, school: str | None) -> bool:
		return self.all_schools or school in self.schools or school in self.aggregate_schools


def sees_all(roles: Iterable[str]) -> bool:
	"""The county's administrators (and Frappe's superusers) see every school, whatever their
	school memberships say."""
	return bool(set(roles) & {ADMINISTRATOR, *SUPERUSER_ROLES})


def build_scope(
	roles: Iterable[str],
	memberships: Iterable[tuple[str, str]] = (),
	taught_classes: Iterable[str] = (),
	paired_children: Iterable[str] = (),
) -> CareScope:
	"""Combine what each role grants; a user with several roles sees the union.

	`memberships` are (school, member_role) rows of Care School Member for the user. An
	assignment counts only with the role it belongs to: a leader row without the School Leader
	role grants nothing.
	"""
	roles = set(roles)
	memberships = list(memberships)
	if sees_all(roles):
		return CareScope(all_schools=True)

	def schools_as(member_role: str, role: str) -> set[str]:
		return {school for school, kind in memberships if kind == member_role} if role in roles else set()

	return CareScope(
		schools=frozenset(schools_as(MEMBER_LEADER, SCHOOL_LEADER) | schools_as(MEMBER_COUNSELOR, COUNSELOR)),
		classes=frozenset(taught_classes) if CLASS_TEACHER in roles else frozenset(),
		children=frozenset(paired_children) if MENTOR in roles else frozenset(),
		aggregate_schools=frozenset(schools_as(MEMBER_INSPECTOR, INSPECTOR)),
	)
