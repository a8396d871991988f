"""Frappe v15 marks a Script Report as a prepared (background) report for good when a run raises or
takes over 15 seconds; it then shows “这是一份后台报告” and waits for a worker that a site may not
have. Talk Compliance raised without a term until the reports learnt to answer every filter with a
sentence: the app's reports are set back to what their JSON says."""

import json
from pathlib import Path

import frappe


def execute():
	for path in Path(frappe.get_app_path("leftbehind_care", "leftbehind_care", "report")).glob("*/*.json"):
		report = json.loads(path.read_text())
		if report.get("doctype") == "Report" and frappe.db.exists("Report", report["name"]):
			frappe.db.set_value(
				"Report",
				report["name"],
				"prepared_report",
				report.get("prepared_report") or 0,
				update_modified=False,
			)
