"""学期工作总结 on a site: the figures of a school's term on a known data set, frozen once submitted,
beside the previous term's signed summary; the review workflow refused out of order and for the
wrong role; each role's scope; the printed document and its PDF."""

from __future__ import annotations

import contextlib
import datetime
import functools
import http.server
import threading

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days

from leftbehind_care import term_summary
from leftbehind_care.tests import utils as u
from leftbehind_care.tests.test_care_network import ComplianceCase

DAY = datetime.timedelta(days=1)
SUMMARY = "Care Term Summary"
SCHOOL_C = "测试丙小学"
# Queries to read a term's records, for a school or the county: a query per child would pass it
# by ten when ten children are added.
FIGURE_QUERIES = 30
WRITTEN = {
	"practices": "建立成长档案袋，每月谈心",
	"problems": "部分家长联系不上",
	"next_measures": "推行亲情视频",
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
	def log_message(self, *args) -> None:
		pass


@contextlib.contextmanager
def assets_served():
	"""wkhtmltopdf reads the print style from the site's address, which a test site does not
	serve: the site's assets on a local port, as the site's address while the PDF is made."""
	sites = frappe.utils.get_bench_path() + "/sites"
	handler = functools.partial(QuietHandler, directory=sites)
	server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
	thread = threading.Thread(target=server.serve_forever, daemon=True)
	thread.start()
	before = frappe.local.conf.get("host_name")
	frappe.local.conf.host_name = f"http://127.0.0.1:{server.server_port}"
	try:
		yield
	finally:
		frappe.local.conf.host_name = before
		server.shutdown()
		server.server_close()


def figures(doc) -> dict[str, float]:
	return {row.figure: row.value for row in doc.figures}


class TestTermSummary(ComplianceCase):
	def summary(
		self, user: str = u.LEADER, school: str | None = u.SCHOOL_A, term: str | None = None, **fields
	):
		with self.set_user(user):
			return frappe.get_doc(
				{"doctype": SUMMARY, "school": school, "term": term or self.term, **fields}
			).insert()

	def assertRefused(self, fragment: str, action, *args) -> None:
		before = (u.count(SUMMARY), u.count("Care Term Summary Figure"))
		with self.assertRaises(frappe.ValidationError) as ctx:
			action(*args)
		frappe.set_user("Administrator")  # v16's set_user does not restore the user on an exception
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual((u.count(SUMMARY), u.count("Care Term Summary Figure")), before)

	def school_c(self) -> dict[str, str]:
		"""A school of three children, made in the test's transaction: c1 filed before the term,
		c2 joining in it, c3 filed before it and transferred out in it."""
		u.make_school(SCHOOL_C)
		care_class = u.make_class(SCHOOL_C, 5, 1)
		start = frappe.get_doc("Care Term", self.term).start_date
		kids = {}
		for key, name, filed_on in (
			("c1", "郑小一", add_days(start, -30)),
			("c2", "郑小二", add_days(start, 10)),
			("c3", "郑小三", add_days(start, -30)),
		):
			kids[key] = (
				u.child_doc(
					care_class,
					name,
					[u.make_guardian(f"{name[0]}奶奶").name],
					filed_on=filed_on,
					status_date=filed_on,
					birth_date=u.TODAY - datetime.timedelta(days=11 * 365),
				)
				.insert()
				.name
			)
		frappe.db.set_value(
			"Left Behind Child", kids["c3"], {"status": "Transferred", "status_date": add_days(start, 20)}
		)
		frappe.get_doc(
			{
				"doctype": "Priority Support",
				"child": kids["c2"],
				"priority_kind": "Tutoring",
				"what_was_done": "补习",
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "Care Activity",
				"activity_kind": "Theme Class Meeting",
				"title": "感恩主题班会",
				"school": SCHOOL_C,
				"participants": [{"child": kids["c1"]}],
			}
		).insert()
		return kids

	def test_the_figures_of_a_known_school(self):
		self.school_c()
		doc = self.summary(u.ADMIN, SCHOOL_C)
		f = figures(doc)
		self.assertEqual(
			(f["children_start"], f["children_end"], f["joined"], f["left"], f["left_transferred"]),
			(2, 2, 1, 1, 1),
		)
		self.assertEqual((f["priority_tutoring"], f["activities"], f["activity_share"]), (1, 1, 50.0))
		self.assertEqual(f["have_activity"], 50.0)
		self.assertEqual(doc.name, f"{SCHOOL_C}-{self.term}")
		self.assertEqual(len(doc.figures), len(figures(doc)))
		self.assertTrue(all(not row.has_previous for row in doc.figures))  # no earlier term here
		self.assertEqual(str(doc.figures_as_of), str(u.TODAY))

	def test_a_submitted_summary_is_frozen_and_the_next_term_compares_with_it(self):
		kids = self.school_c()
		term = frappe.get_doc("Care Term", self.term)
		earlier = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试上学期",
				"academic_year": "测试上学年",
				"semester": "Second Semester",
				"start_date": add_days(term.start_date, -150),
				"end_date": add_days(term.start_date, -5),
			}
		).insert()
		doc = self.summary(u.ADMIN, SCHOOL_C, term=earlier.name, **WRITTEN)
		with self.set_user(u.ADMIN):
			apply_workflow(doc, "Submit")
		doc.reload()
		self.assertEqual((doc.workflow_state, doc.submitted_by), ("Submitted", u.ADMIN))
		signed = figures(doc)
		self.assertEqual((signed["children_start"], signed["children_end"]), (0, 2))
		# Records change after the signing: the summary stands as signed.
		frappe.db.set_value("Left Behind Child", kids["c1"], "left_behind_type", "One Parent Away")
		frappe.db.set_value("Left Behind Child", kids["c3"], "status_date", add_days(term.start_date, -100))
		with self.set_user(u.ADMIN):
			frappe.get_doc(SUMMARY, doc.name).save()
		self.assertEqual(figures(frappe.get_doc(SUMMARY, doc.name)), signed)
		# Nor does a save that sends other figures (a form's read-only fields, sent by hand).
		with self.set_user(u.ADMIN):
			tampered = frappe.get_doc(SUMMARY, doc.name)
			tampered.figures[0].value = 9999
			tampered.submitted_by = u.LEADER
			tampered.save()
		self.assertEqual(figures(frappe.get_doc(SUMMARY, doc.name)), signed)
		self.assertEqual(frappe.db.get_value(SUMMARY, doc.name, "submitted_by"), u.ADMIN)
		self.assertRefused(
			"stands as the school signed it", self.change, doc.name, u.ADMIN, {"practices": "改写"}
		)
		# This term's summary shows the signed figures as the previous term's.
		now = self.summary(u.ADMIN, SCHOOL_C)
		self.assertEqual(now.previous_summary, doc.name)
		rows = {row.figure: row for row in now.figures}
		self.assertTrue(all(row.has_previous for row in now.figures))
		self.assertEqual(rows["children_end"].previous, 2)
		self.assertEqual(
			rows["priority_tutoring"].change, rows["priority_tutoring"].value - signed["priority_tutoring"]
		)

	def change(self, name: str, user: str, fields: dict) -> None:
		with self.set_user(user):
			doc = frappe.get_doc(SUMMARY, name)
			doc.update(fields)
			doc.save()

	def test_the_figures_are_read_in_a_fixed_number_of_queries(self):
		term = term_summary.term_named(self.term)

		def counted(school: str | None) -> dict[str, float]:
			term_summary.figures(school, term)  # fills the caches a desk process has warm
			with u.assert_query_count(self, FIGURE_QUERIES):
				return term_summary.figures(school, term)

		before = {school: counted(school) for school in (u.SCHOOL_A, None)}
		for n in range(10):
			child = self.child(f"测试{'甲乙丙丁戊己庚辛壬癸'[n]}童", self.first_month)
			with self.set_user(u.TEACHER):
				u.make_talk(child, talk_date=add_days(self.first_month, 5))
		for school in (u.SCHOOL_A, None):
			self.assertEqual(counted(school)["children_end"], before[school]["children_end"] + 10)

	def test_a_summary_keeps_its_school_and_term(self):
		"""Its name says its school and term: neither changes once it is saved."""
		doc = self.summary(u.ADMIN)
		county = self.summary(u.ADMIN, None)
		u.make_school(SCHOOL_C)  # a school without a summary: the change is no duplicate
		for name, field, value in ((doc.name, "school", SCHOOL_C), (county.name, "school", SCHOOL_C)):
			with self.assertRaises(frappe.CannotChangeConstantError), self.set_user(u.ADMIN):
				again = frappe.get_doc(SUMMARY, name)
				again.set(field, value)
				again.save()
			frappe.set_user("Administrator")
			self.assertEqual(
				frappe.db.get_value(SUMMARY, name, "school"), None if name == county.name else u.SCHOOL_A
			)

	def test_the_workflow_in_order_and_by_the_right_role(self):
		doc = self.summary()
		self.assertEqual(doc.workflow_state, "Draft")
		self.assertRefused(
			"needs Main Practices", self.change, doc.name, u.LEADER, {"workflow_state": "Submitted"}
		)
		self.assertRefused(
			"cannot go from Draft to Reviewed",
			self.change,
			doc.name,
			u.LEADER,
			{**WRITTEN, "workflow_state": "Reviewed"},
		)
		self.change(doc.name, u.LEADER, {**WRITTEN, "workflow_state": "Submitted"})
		self.assertRefused(
			"Only Care Administrator may", self.change, doc.name, u.LEADER, {"workflow_state": "Reviewed"}
		)
		self.assertRefused(
			"stands as the school signed it", self.change, doc.name, u.LEADER, {"problems": "改写"}
		)
		# The bureau returns it only with remarks; the leader resubmits; the bureau reviews.
		self.assertRefused(
			"needs Review Remarks", self.change, doc.name, u.ADMIN, {"workflow_state": "Draft"}
		)
		self.change(doc.name, u.ADMIN, {"workflow_state": "Draft", "review_remarks": "请补充家访情况"})
		self.change(
			doc.name, u.LEADER, {"practices": "补充：本学期家访全覆盖", "workflow_state": "Submitted"}
		)
		with self.set_user(u.ADMIN):
			apply_workflow(frappe.get_doc(SUMMARY, doc.name), "Mark Reviewed")
		doc.reload()
		self.assertEqual((doc.workflow_state, doc.reviewed_by), ("Reviewed", u.ADMIN))

	def test_who_may_write_and_read_which_summary(self):
		self.assertRefused("only for the schools you lead", self.summary, u.LEADER, u.SCHOOL_B)
		self.assertRefused("county", self.summary, u.LEADER, None)
		mine = self.summary()
		self.assertRefused("already on file", self.summary)
		county = self.summary(u.ADMIN, None)
		self.assertEqual(county.name, f"全县-{self.term}")
		# School B's may be on file already (the privacy audit keeps one of this term's name).
		other = frappe.db.get_value(SUMMARY, {"school": u.SCHOOL_B, "term": self.term})
		other = frappe._dict(name=other) if other else self.summary(u.ADMIN, u.SCHOOL_B)
		for user, sees in (
			(u.LEADER, {mine.name}),
			(u.INSPECTOR, {mine.name}),  # the school assigned to them: figures, no child's name
			(u.ADMIN, {mine.name, county.name, other.name}),
			(u.TEACHER, set()),
			(u.MENTOR, set()),
			(u.COUNSELOR, set()),
		):
			with self.subTest(user=user), self.set_user(user):
				for name in (mine.name, county.name, other.name):
					self.assertEqual(frappe.has_permission(SUMMARY, "read", doc=name), name in sees, name)
				if frappe.has_permission(SUMMARY, "read"):
					listed = set(frappe.get_list(SUMMARY, pluck="name"))
					self.assertEqual(listed & {mine.name, county.name, other.name}, sees)
					rows = frappe.get_list(
						"Care Term Summary Figure",
						filters={"parent": ("in", [mine.name, county.name, other.name])},
						fields=["parent"],
						parent_doctype=SUMMARY,
					)
					self.assertEqual({row.parent for row in rows}, sees)
		with self.set_user(u.INSPECTOR):
			self.assertFalse(frappe.has_permission(SUMMARY, "write", doc=mine.name))

	def test_a_term_not_begun_is_not_summed_up(self):
		term = frappe.get_doc("Care Term", self.term)
		later = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试未来学期",
				"academic_year": "测试学年",
				"semester": "Second Semester",
				"start_date": add_days(term.end_date, 20),
				"end_date": add_days(term.end_date, 150),
			}
		).insert()
		self.assertRefused("once it has begun", self.summary, u.LEADER, u.SCHOOL_A, later.name)

	def test_the_printed_document_and_its_pdf(self):
		doc = self.summary(**WRITTEN)
		with self.set_user(u.LEADER):
			html = frappe.get_print(SUMMARY, doc.name, "Term Summary", doc=frappe.get_doc(SUMMARY, doc.name))
		self.assertIn(WRITTEN["practices"], html)
		self.assertIn(u.SCHOOL_A, html)
		frappe.local.lang = "zh"
		frappe.local.lang_full_dict = None
		try:
			with self.set_user(u.LEADER), assets_served():
				pdf = frappe.get_print(SUMMARY, doc.name, "Term Summary", as_pdf=True)
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertGreater(len(pdf), 5000)


class TestBureauOverview(ComplianceCase):
	def run_overview(self, user: str, **filters) -> dict:
		with self.set_user(user):
			return frappe.get_attr("frappe.desk.query_report.run")(
				"Bureau Overview", {"term": self.term, **filters}
			)

	def test_schools_side_by_side_for_the_county_and_an_inspector(self):
		with self.set_user(u.LEADER):
			frappe.get_doc({"doctype": SUMMARY, "school": u.SCHOOL_A, "term": self.term}).insert()
		if not frappe.db.exists(SUMMARY, {"school": u.SCHOOL_B, "term": self.term}):
			with self.set_user(u.ADMIN):
				frappe.get_doc({"doctype": SUMMARY, "school": u.SCHOOL_B, "term": self.term}).insert()
		county = self.run_overview(u.ADMIN)
		schools = {row["school"] for row in county["result"]}
		self.assertLessEqual({u.SCHOOL_A, u.SCHOOL_B}, schools)
		a = next(row for row in county["result"] if row["school"] == u.SCHOOL_A)
		stored = frappe.db.get_value(
			"Care Term Summary Figure",
			{"parent": f"{u.SCHOOL_A}-{self.term}", "figure": "talks_rate"},
			"value",
		)
		self.assertEqual(a["talks_rate"], stored)
		# The chart: a bar per school in the rows' order, this term's five haves among them.
		bars = county["chart"]["data"]
		self.assertEqual(bars["labels"], [row["school"] for row in county["result"]])
		self.assertEqual(bars["datasets"][-1]["name"], self.term)
		self.assertEqual(bars["datasets"][-1]["values"][bars["labels"].index(u.SCHOOL_A)], a["have_all_five"])
		inspector = self.run_overview(u.INSPECTOR)
		self.assertEqual({row["school"] for row in inspector["result"]}, {u.SCHOOL_A})
		self.assertEqual(inspector["chart"]["data"]["labels"], [u.SCHOOL_A])
		# Figures only: no child's name or file number anywhere in what the inspector gets.
		text = frappe.as_json(inspector)
		for child in (self.world["a1"], self.talked, self.forgotten):
			self.assertNotIn(child, text)
			self.assertNotIn(frappe.db.get_value("Left Behind Child", child, "child_name"), text)

	def test_roles_without_it_are_refused_and_a_foreign_term_is_a_sentence(self):
		for user in (u.LEADER, u.TEACHER, u.MENTOR, u.COUNSELOR):
			with self.subTest(user=user), self.assertRaises(frappe.PermissionError):
				self.run_overview(user)
			frappe.set_user("Administrator")
		result = self.run_overview(u.ADMIN, term="no such term")
		self.assertEqual(result["result"], [])
		self.assertIn("Choose a term", str(result.get("message")))
