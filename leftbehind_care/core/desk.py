"""What of the desk a care user meets: where they land after logging in, and whether Frappe's own
workspaces (Users, Website, Tools, Integrations, Build) are hidden from their sidebar."""

from __future__ import annotations

from collections.abc import Iterable

from leftbehind_care.core.scope import (
	ADMINISTRATOR,
	CARE_ROLES,
	CLASS_TEACHER,
	COUNSELOR,
	MENTOR,
	SCHOOL_LEADER,
	SUPERUSER_ROLES,
)

# The page class teachers and mentors work from, child by child.
MY_STUDENTS = "my-students"

# Whoever keeps the site itself (users, workspaces) sees Frappe's desk as Frappe shows it.
SITE_KEEPERS = (*SUPERUSER_ROLES, "Workspace Manager")


def is_care_staff(roles: Iterable[str]) -> bool:
	"""A person who works with the care system only: a care role and none of the site keepers'."""
	roles = set(roles)
	return bool(roles & set(CARE_ROLES)) and not roles & set(SITE_KEEPERS)


def home_page(roles: Iterable[str]) -> str | None:
	"""The page a care user lands on, where it is not the care workspace: class teachers and
	mentors land on 我的学生; whoever also leads, counsels or runs the county lands on the
	workspace with the school's numbers (None: Frappe's own choice)."""
	roles = set(roles)
	if not is_care_staff(roles):
		return None
	if roles & {ADMINISTRATOR, SCHOOL_LEADER, COUNSELOR}:
		return None
	if roles & {CLASS_TEACHER, MENTOR}:
		return MY_STUDENTS
	return None


def blocked_modules(all_modules: Iterable[str], care_modules: Iterable[str]) -> list[str]:
	"""Frappe's modules a care user's sidebar leaves out: every module but the care system's."""
	return sorted(set(all_modules) - set(care_modules))
