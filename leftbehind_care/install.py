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
