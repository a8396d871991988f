"""Every app report on a site: the number of queries it runs does not grow with the number of
children, and the heavy ones run as Frappe's prepared (background) reports give what the report
gives on screen, within the reader's scope."""

from __future__ import annotations

import frappe
from frappe.desk.query_report import generate_report_result
from frappe.utils import add_days

from leftbehind_care.tests import utils as u
from leftbehind_care.tests.test_care_network import ComplianceCase

# A report that ran a query per child would pass this bound by ten when ten children are added.
QUERIES = 20
HEAVY = ("Child Register", "Talk Compliance", "At-Risk Children")


def app_reports() -> list[str]:
	return frappe.get_all("Report", filters={"module": "Leftbehind Care"}, pluck="name", order_by="name")


def execute(report: str, filters: dict):
	scrubbed = frappe.scrub(report)
	return frappe.get_attr(f"leftbehind_care.leftbehind_care.report.{scrubbed}.{scrubbed}.execute")(filters)


class TestReportsAtScale(ComplianceCase):
	def add_children(self, count: int) -> None:
		with self.set_user(u.TEACHER):
			for n in range(count):
				child = self.child(f"测试{'甲乙丙丁戊己庚辛壬癸'[n]}童", self.first_month)
				u.make_talk(child, talk_date=add_days(self.first_month, 5))

	def queries_of_every_report(self, user: str) -> dict[str, int]:
		rows = {}
		for report in app_reports():
			filters = {"term": self.term}
			with self.subTest(report=report, user=user), self.set_user(user):
				try:
					execute(report, filters)  # fills the caches a desk process has warm
				except frappe.PermissionError:
					continue
				with u.assert_query_count(self, QUERIES):
					result = execute(report, filters)
				rows[report] = len(result[1])
		return rows

	def test_queries_do_not_grow_with_the_number_of_children(self):
		users = (u.ADMIN, u.LEADER)
		before = {user: self.queries_of_every_report(user) for user in users}
		self.assertGreaterEqual(len(before[u.ADMIN]), 8)
		self.add_children(10)
		after = {user: self.queries_of_every_report(user) for user in users}
		for user in users:
			# Ten more children, in the same number of queries (each run above is held to the bound).
			self.assertEqual(after[user]["Child Register"], before[user]["Child Register"] + 10)
			self.assertEqual(after[user]["Talk Compliance"], before[user]["Talk Compliance"] + 10)

	def test_heavy_reports_run_as_prepared_reports_give_what_the_screen_gives(self):
		"""What Frappe's background job runs for a prepared report: the report for the user who
		asked, with their filters; the rows are those the report gives them on screen."""
		for report in HEAVY:
			doc = frappe.get_doc("Report", report)
			doc.custom_columns = []  # as the job sets it (Frappe v15 reads it)
			filters = frappe._dict(term=self.term) if report == "Talk Compliance" else frappe._dict()
			for user in (u.TEACHER, u.LEADER):
				with self.subTest(report=report, user=user), self.set_user(user):
					prepared = generate_report_result(doc, filters=dict(filters), user=user)
					shown = execute(report, dict(filters))
					self.assertEqual(len(prepared["result"]), len(shown[1]))
					children = {
						row.get("child") or row.get("name")
						for row in prepared["result"]
						if isinstance(row, dict)
					}
					self.assertNotIn(self.world["b1"], children)
					if user == u.TEACHER:
						self.assertNotIn(self.world["a2"], children)
