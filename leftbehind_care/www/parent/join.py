"""家长端: opening an invitation (the code from the paper, the link or the QR code)."""

from __future__ import annotations

import frappe
from frappe import _

no_cache = 1


def get_context(context):
	context.title = _("Join the School's Parents' Pages")
	context.code = frappe.form_dict.get("code") or ""
	context.no_breadcrumbs = 1
	return context
