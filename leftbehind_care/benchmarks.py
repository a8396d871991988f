"""Speed figures on a real site, for the paths a county uses every day.

Run on a site with demo data (bench --site S make-care-demo --children 20000):

    bench --site S execute leftbehind_care.benchmarks.run

It prints one line per measurement (median and worst of several runs) and changes nothing.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import frappe
from frappe.desk.doctype.number_card.number_card import get_result

from leftbehind_care import privacy
from leftbehind_care.core import scope as roles
from leftbehind_care.leftbehind_care.report.child_register.child_register import execute as child_register


def timed(label: str, fn: Callable[[], object], repeat: int = 5) -> None:
	samples = []
	result = None
	for _ in range(repeat):
		start = time.perf_counter()
		result = fn()
		samples.append((time.perf_counter() - start) * 1000)
	size = len(result) if hasattr(result, "__len__") else result
	print(
		f"{label:<58} median {statistics.median(samples):8.1f} ms   worst {max(samples):8.1f} ms   rows {size}"
	)


def first_user_with(role: str) -> str | None:
	has_role = frappe.qb.DocType("Has Role")
	rows = (
		frappe.qb.from_(has_role)
		.select(has_role.parent)
		.where((has_role.role == role) & (has_role.parenttype == "User"))
		.orderby(has_role.parent)
		.limit(1)
		.run()
	)
	return rows[0][0] if rows else None


def run() -> None:
	children = frappe.db.count("Left Behind Child")
	print(f"site {frappe.local.site}: {children} children, {frappe.db.count('Child Guardian')} guardians")
	users = {
		"administrator": first_user_with(roles.ADMINISTRATOR) or "Administrator",
		"school leader": first_user_with(roles.SCHOOL_LEADER),
		"class teacher": first_user_with(roles.CLASS_TEACHER),
	}
	try:
		for persona, user in users.items():
			if not user:
				print(f"no {persona} on this site: run make-care-demo first")
				continue
			frappe.set_user(user)
			timed(
				f"{persona}: list view, first 20 active children",
				lambda: frappe.get_list(
					"Left Behind Child",
					filters={"status": "Active"},
					fields=["name", "child_name", "care_class", "completeness", "unsupervised_alert"],
					limit_page_length=20,
				),
			)
			card = frappe.get_doc("Number Card", "Unsupervised Children").as_dict()
			timed(
				f"{persona}: number card, unsupervised children",
				lambda card=card: get_result(card, card.filters_json),
			)
			timed(
				f"{persona}: link search 'zh'",
				lambda: frappe.call("frappe.desk.search.search_link", doctype="Left Behind Child", txt="zh"),
			)
			timed(
				f"{persona}: parents' phones listed on their own",
				lambda: frappe.get_list(
					"Left Behind Child Parent",
					parent_doctype="Left Behind Child",
					fields=["parent", "phone"],
					limit_page_length=100,
				),
			)
			timed(
				f"{persona}: count of active children (get_count)",
				lambda: privacy.get_count("Left Behind Child", {"status": "Active"}),
			)
			timed(f"{persona}: Child Register report", lambda: child_register({})[1], repeat=3)
	finally:
		frappe.set_user("Administrator")
