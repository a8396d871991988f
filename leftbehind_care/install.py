"""Install and migrate steps. Roles arrive as a fixture; the settings get their defaults here."""

from __future__ import annotations

import frappe


def after_install() -> None:
	ensure_settings()


def after_migrate() -> None:
	ensure_settings()


def ensure_settings() -> None:
	"""Save Care Settings once so that every tunable number has its default stored."""
	if not frappe.db.get_single_value("Care Settings", "mentor_capacity"):
		frappe.get_single("Care Settings").save(ignore_permissions=True)


def after_uninstall() -> None:
	"""Remove the six care roles, which arrived as a fixture, and their grants to users."""
	from leftbehind_care.core.scope import CARE_ROLES

	frappe.db.delete("Has Role", {"role": ("in", CARE_ROLES)})
	for role in CARE_ROLES:
		frappe.delete_doc("Role", role, force=True, ignore_permissions=True, ignore_missing=True)
	# Frappe commits before its after_uninstall hooks, not after them.
	frappe.db.commit()  # nosemgrep: frappe-manual-commit
