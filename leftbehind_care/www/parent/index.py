"""家长端: the parent's page — 我的孩子, 学校来信, 亲情联系, 我的信息 (and the notice on first visit)."""

from __future__ import annotations

import frappe
from frappe import _

from leftbehind_care import parents

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/parent"
		raise frappe.Redirect
	# Anyone logged in who is not an invited parent is refused there (parents.reached).
	context.update(parents.page_context())
	context.title = _("My Child at School")
	context.no_breadcrumbs = 1
	context.show_sidebar = 0
	return context
