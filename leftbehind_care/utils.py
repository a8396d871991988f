from __future__ import annotations

import frappe

from leftbehind_care.core.errors import RuleError


def ensure_user_has_role(user: str, role: str) -> None:
	"""Assigning a user to a duty (class teacher, school leader) requires the matching role."""
	if role not in frappe.get_roles(user):
		raise RuleError("user_lacks_role", user=user, role=role)
