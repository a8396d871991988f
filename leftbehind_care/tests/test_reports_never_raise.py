"""Every report of the app, opened bare or with filters that point elsewhere, as every role; and
none shows a child its reader may not see.

Frappe v15 marks a Script Report that raises as a prepared (background) report for good
(`Report.execute_script_report` leaves its 15-second watcher running), and from then on the report
waits for a worker. So a report defaults what it can and answers the rest with an empty result and
a sentence; the only error it may give is the refusal of a role that may not open it."""

from __future__ import annotations

import json

import frappe
from frappe.desk.query_report import run

from leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child import (
	missing_item_labels,
)
from leftbehind_care.tests import utils as u

PERSONAS = (u.ADMIN, u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR, u.INSPECTOR)
FILTERS = (
	{},
	{"school": u.SCHOOL_B},
	{"school": "没有这所学校"},
	{"care_class": "没有这个班"},
	{"term": "没有这个学期"},
	{"view": "没有这种视图", "status": "没有这种状态", "risk_level": "没有"},
	{"from_date": "2001-01-01", "to_date": "2000-01-01"},
)


class TestReportsNeverRaise(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# The world holds b1's records of every kind a report lists: a plan, a dropout case,
		# priorities, boarding…
		cls.children = u.make_world()
		cls.reports = frappe.get_all("Report", filters={"module": "Leftbehind Care"}, pluck="name")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_every_report_bare_and_with_foreign_filters_as_every_role(self):
		self.assertGreaterEqual(len(self.reports), 9)
		problems = []
		for report in self.reports:
			for persona in PERSONAS:
				for filters in FILTERS:
					frappe.set_user(persona)
					try:
						run(report, filters=json.dumps(filters))
					except frappe.PermissionError:
						continue  # a role that may not open the report is refused
					except Exception as e:
						problems.append(f"{report} as {persona} with {filters}: {type(e).__name__}: {e}")
		frappe.set_user("Administrator")
		self.assertEqual(problems, [])
		self.assertEqual(
			frappe.get_all(
				"Report", filters={"name": ("in", self.reports), "prepared_report": 1}, pluck="name"
			),
			[],
		)

	def test_no_report_shows_a_child_its_reader_may_not_see(self):
		"""Each report, in each of its views, as every role that may open it: neither the file
		number nor the name of a world child outside the reader's scope is anywhere in the answer."""
		names = {
			key: (child, frappe.db.get_value("Left Behind Child", child, "child_name"))
			for key, child in self.children.items()
		}
		views = ({}, {"view": "At Risk"}, {"view": "Hazards"}, {"gaps_only": 1})
		problems, opened = [], set()
		for report in self.reports:
			for persona in PERSONAS:
				for filters in views:
					frappe.set_user(persona)
					try:
						answer = json.dumps(run(report, filters=json.dumps(filters)), default=str)
					except frappe.PermissionError:
						continue
					opened.add((report, persona))
					for key, values in names.items():
						if key in u.SEES[persona]:
							continue
						problems.extend(
							f"{report} as {persona} with {filters} shows {key} ({value})"
							for value in values
							if value in answer
						)
		frappe.set_user("Administrator")
		self.assertEqual(problems, [])
		# The readers who see less than the county did open reports (the check is not empty).
		self.assertTrue({(r, p) for r, p in opened if p in (u.LEADER, u.TEACHER, u.COUNSELOR)})
		self.assertIn(("Intervention Plan Status", u.TEACHER), opened)
		self.assertIn(("Schooling and Safety Follow-ups", u.LEADER), opened)

	def test_the_register_shows_the_class_the_guardian_and_what_is_missing_in_words(self):
		a1 = self.children["a1"]
		frappe.set_user(u.TEACHER)
		rows = {r["name"]: r for r in run("Child Register", filters="{}")["result"]}
		frappe.set_user("Administrator")
		self.assertEqual(set(rows) & set(self.children.values()), {a1})
		row, child = rows[a1], frappe.get_doc("Left Behind Child", a1)
		guardian = (
			next(g for g in child.guardians if g.is_primary)
			if any(g.is_primary for g in child.guardians)
			else child.guardians[0]
		)
		self.assertEqual(
			(row["class_title"], row["guardian_name"], row["guardian_phone"], row["guardian_capacity"]),
			(
				frappe.db.get_value("Care Class", child.care_class, "class_title"),
				guardian.guardian_name,
				guardian.phone,
				frappe._(guardian.capacity),
			),
		)
		self.assertEqual(row["gender"], frappe._(child.gender))
		self.assertEqual(row["missing_items"], missing_item_labels(child.missing_items))
