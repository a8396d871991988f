"""The demo county on a real site: its records exist, pass their controllers' validation when
loaded and saved, work for the demo users, and the demo refuses to run twice."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_days, add_to_date, now_datetime, nowdate
from frappe.utils.password import check_password

from leftbehind_care.core.demo import EMAIL_DOMAIN
from leftbehind_care.core.school import class_name
from leftbehind_care.core.scope import CLASS_TEACHER, SCHOOL_LEADER
from leftbehind_care.demo import DEMO_PASSWORD, make_demo
from leftbehind_care.tests import utils as u

# Not the default county, so that a demo made on the test site with the command does not collide.
COUNTY = "suixian"
CHILDREN = 40
DEMO_USERS = f"%@{COUNTY}.{EMAIL_DOMAIN}"
CARE_FLAGS = ("search_key", "age", "unsupervised_alert", "completeness", "missing_items", "school", "grade")


class TestDemoData(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		# The test writes this county's demo and rolls it back; it cannot run over a committed copy.
		assert not frappe.db.exists("User", {"name": ("like", DEMO_USERS)}), (
			f"the {COUNTY} demo is committed on this test site: run the suite on a site without it"
		)
		cls.summary = make_demo(children=CHILDREN, seed=5, county=COUNTY, commit=False)
		cls.children = frappe.get_all(
			"Left Behind Child",
			filters={"school": ("like", "睢县%")},
			fields=["name", "care_class", "status", "unsupervised_alert"],
			order_by="name asc",
		)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_county_is_on_the_site(self):
		summary = self.summary
		self.assertEqual(len(self.children), CHILDREN)
		self.assertEqual(summary.children, CHILDREN)
		self.assertEqual(frappe.db.count("Care School", {"county": "睢县"}), summary.schools)
		self.assertEqual(frappe.db.count("Care Class", {"school": ("like", "睢县%")}), summary.classes)
		self.assertEqual(frappe.db.count("User", {"name": ("like", DEMO_USERS)}), summary.users)
		self.assertTrue(
			frappe.db.exists("Care Term", {"start_date": ("<=", u.TODAY), "end_date": (">=", u.TODAY)})
		)
		names = [c.name for c in self.children]
		for table, at_least in (
			("Left Behind Child Parent", CHILDREN),
			("Left Behind Child Guardian", CHILDREN),
			("Left Behind Child Status Log", CHILDREN),
		):
			self.assertGreaterEqual(frappe.db.count(table, {"parent": ("in", names)}), at_least, table)
		linked = frappe.get_all(
			"Left Behind Child Guardian", filters={"parent": ("in", names)}, pluck="guardian", distinct=True
		)
		self.assertEqual(summary.guardians, len(linked))
		self.assertEqual(summary.unsupervised, sum(c.unsupervised_alert for c in self.children))

	def test_pairings_validate_as_stored(self):
		"""Each demo pairing passes its controller: mentor, capacity, dates, active child."""
		pairings = frappe.get_all(
			"Mentor Pairing", filters={"child": ("in", [c.name for c in self.children])}, pluck="name"
		)
		self.assertEqual(len(pairings), self.summary.pairings)
		self.assertGreater(len(pairings), CHILDREN // 5)
		for name in pairings:
			frappe.get_doc("Mentor Pairing", name).run_method("validate")

	def test_talks_validate_as_stored(self):
		"""Each demo talk passes its controller as its talker would record it."""
		talks = frappe.get_all(
			"Talk Record",
			filters={"child": ("in", [c.name for c in self.children])},
			fields=["name", "talker", "by_class_teacher"],
		)
		self.assertEqual(len(talks), self.summary.talks)
		self.assertGreater(len(talks), CHILDREN)
		for row in talks[:20]:
			talk = frappe.get_doc("Talk Record", row.name)
			with self.set_user(row.talker):
				talk.run_method("validate")
			self.assertEqual((talk.talker, talk.by_class_teacher), (row.talker, row.by_class_teacher))

	def test_contacts_and_visits_validate_as_stored(self):
		children = [c.name for c in self.children]
		for doctype, made in (("Family Contact", self.summary.contacts), ("Home Visit", self.summary.visits)):
			names = frappe.get_all(doctype, filters={"child": ("in", children)}, pluck="name")
			self.assertEqual(len(names), made, doctype)
			self.assertGreater(made, 0, doctype)
			for name in names[:10]:
				frappe.get_doc(doctype, name).run_method("validate")

	def test_parents_accounts_reach_their_child_and_log_calls(self):
		from leftbehind_care import parents

		children = [c.name for c in self.children]
		invitations = frappe.get_all(
			"Care Parent Invitation",
			filters={"child": ("in", children), "status": "Used"},
			fields=["name", "child", "user"],
		)
		self.assertEqual(len(invitations), self.summary.parent_accounts)
		self.assertGreater(len(invitations), 0)
		for invitation in invitations:
			frappe.get_doc("Care Parent Invitation", invitation.name).run_method("validate")
			self.assertEqual(frappe.db.get_value("User", invitation.user, "user_type"), "Website User")
			self.assertEqual([c.child for c in parents.parent_children(invitation.user)], [invitation.child])
			frappe.set_user(invitation.user)
			try:
				page = parents.page_context()
			finally:
				frappe.set_user("Administrator")
			self.assertEqual([c["name"] for c in page["children"]], [invitation.child])
			self.assertTrue(page["articles"])
		calls = frappe.get_all(
			"Family Contact", filters={"child": ("in", children), "logged_by_parent": 1}, pluck="name"
		)
		self.assertTrue(calls)
		for name in calls:
			frappe.get_doc("Family Contact", name).run_method("validate")

	def test_file_reads_show_in_child_file_access(self):
		logged = frappe.get_all(
			"Access Log",
			filters={"user": ("like", DEMO_USERS), "creation": (">=", add_days(nowdate(), -30))},
			fields=["user", "export_from", "reference_document", "method"],
		)
		self.assertEqual(len(logged), self.summary.file_reads)
		mine = {c.name for c in self.children}
		reads = [r for r in logged if r.export_from == "Left Behind Child" and r.method == "Form"]
		self.assertTrue(reads)
		self.assertTrue({r.reference_document for r in reads} <= mine)
		admin = frappe.db.get_value(
			"Has Role", {"role": "Care Administrator", "parent": ("like", DEMO_USERS)}, "parent"
		)
		frappe.set_user(admin)
		try:
			rows = frappe.get_attr("frappe.desk.query_report.run")("Child File Access", {})["result"]
		finally:
			frappe.set_user("Administrator")
		demo = [r for r in rows if (r["user"] or "").endswith(DEMO_USERS[1:])]
		self.assertEqual(len(demo), min(len(logged), 5000))
		child_rows = [r for r in demo if r["reference_document"] in mine]
		self.assertTrue(child_rows)
		names = dict(
			frappe.get_all(
				"Left Behind Child",
				filters={"name": ("in", list(mine))},
				fields=["name", "child_name"],
				as_list=True,
			)
		)
		for row in child_rows:
			self.assertEqual(row["record_name"], names[row["reference_document"]])
			self.assertTrue(row["user_name"] and row["user_name"] != row["user"])

	def test_intervention_plans_validate_as_stored(self):
		"""Each demo plan is where its workflow says and validates as its last mover saved it."""
		children = [c.name for c in self.children]
		names = frappe.get_all("Intervention Plan", filters={"child": ("in", children)}, pluck="name")
		self.assertEqual(len(names), self.summary.plans)
		self.assertGreater(self.summary.plans, 0)
		for name in names:
			plan = frappe.get_doc("Intervention Plan", name)
			plan._doc_before_save = frappe.get_doc("Intervention Plan", name)
			with self.set_user(plan.transitions[-1].by_user if plan.transitions else plan.drafted_by):
				plan.run_method("validate")
			stored = frappe.db.get_value(
				"Intervention Plan", name, ["next_review_on", "review_overdue"], as_dict=True
			)
			self.assertEqual(
				(str(plan.next_review_on), plan.review_overdue),
				(str(stored.next_review_on), stored.review_overdue),
			)

	def test_care_and_support_records_validate_as_stored(self):
		"""Assessments, counselling, incidents and the support around the child, each validated as
		the person who recorded it (the county's own records by Administrator)."""
		children = [c.name for c in self.children]
		schools = frappe.get_all("Care School", filters={"county": "睢县"}, pluck="name")
		counts = {}
		for doctype, by, filters in (
			("Care Assessment", "assessed_by", {"child": ("in", children)}),
			("Counseling Session", "counselor", {"child": ("in", children)}),
			("Care Incident", "recorded_by", {"child": ("in", children)}),
			("Priority Support", "given_by", {"child": ("in", children)}),
			("Boarding Record", "recorded_by", {"child": ("in", children)}),
			("Aid Record", "handed_over_by", {"child": ("in", children)}),
			("Schooling Follow-up", "opened_by", {"child": ("in", children)}),
			("Care Activity", "host", {"school": ("in", schools)}),
			("Safety Inspection", None, {"school": ("in", schools)}),
			("Care Fund Entry", None, {"school": ("in", schools)}),
		):
			names = frappe.get_all(doctype, filters=filters, pluck="name")
			counts[doctype] = len(names)
			for name in names:
				with self.subTest(doctype=doctype, name=name):
					doc = frappe.get_doc(doctype, name)
					doc._doc_before_save = frappe.get_doc(doctype, name)
					with self.set_user(doc.get(by) if by else "Administrator"):
						doc.run_method("validate")
		self.assertEqual(counts["Care Assessment"], self.summary.assessments)
		self.assertEqual(counts["Priority Support"], self.summary.priorities)
		self.assertEqual(counts["Schooling Follow-up"], self.summary.dropout_cases)
		for doctype in (
			"Care Assessment",
			"Priority Support",
			"Aid Record",
			"Care Activity",
			"Safety Inspection",
		):
			self.assertGreater(counts[doctype], 0, doctype)

	def test_each_school_sums_up_the_running_term(self):
		schools = frappe.get_all("Care School", filters={"county": "睢县"}, pluck="name")
		summaries = frappe.get_all(
			"Care Term Summary",
			filters={"school": ("in", schools)},
			fields=["name", "school", "workflow_state", "submitted_by"],
		)
		self.assertEqual(len(summaries), self.summary.term_summaries)
		self.assertEqual(sorted(s.school for s in summaries), sorted(schools))
		for row in summaries:
			with self.subTest(summary=row.name):
				doc = frappe.get_doc("Care Term Summary", row.name)
				self.assertIn(doc.workflow_state, ("Draft", "Submitted", "Reviewed"))
				figures = {f.figure: f.value for f in doc.figures}
				# The demo's own children (a later test here files one more).
				active = frappe.db.count(
					"Left Behind Child",
					{
						"school": row.school,
						"status": "Active",
						"name": ("in", [c.name for c in self.children]),
					},
				)
				self.assertEqual(figures["children_end"], active)
				if doc.workflow_state != "Draft":
					self.assertTrue(doc.practices and doc.problems and doc.next_measures and doc.submitted_by)
				doc._doc_before_save = frappe.get_doc("Care Term Summary", row.name)
				with self.set_user(row.submitted_by or "Administrator"):
					doc.run_method("validate")

	def test_the_first_schools_are_evaluated(self):
		schools = frappe.get_all("Care School", filters={"county": "睢县"}, pluck="name")
		evaluations = frappe.get_all(
			"Care Evaluation",
			filters={"school": ("in", schools)},
			fields=["name", "subject_kind", "workflow_state", "result", "total_score"],
		)
		self.assertEqual(len(evaluations), self.summary.evaluations)
		self.assertGreater(len(evaluations), 0)
		self.assertEqual({e.subject_kind for e in evaluations}, {"Class Teacher", "Class", "Department"})
		for row in evaluations:
			with self.subTest(evaluation=row.name):
				self.assertTrue(row.result and 0 <= row.total_score <= 100)
				doc = frappe.get_doc("Care Evaluation", row.name)
				doc._doc_before_save = frappe.get_doc("Care Evaluation", row.name)
				doc.run_method("validate")

	def test_demo_users_leave_the_user_throttle_alone(self):
		# Frappe refuses new users once more than 60 were created within the last 60 minutes.
		recent = {"name": ("like", DEMO_USERS), "creation": (">=", add_to_date(now_datetime(), hours=-1))}
		self.assertEqual(frappe.db.count("User", recent), 0)
		u.make_user("lbc-after-demo@test.invalid", CLASS_TEACHER)

	def test_every_child_validates_as_stored(self):
		"""The controller recomputes the same flags that the bulk insert stored."""
		for row in self.children:
			child = frappe.get_doc("Left Behind Child", row.name)
			stored = {f: child.get(f) for f in CARE_FLAGS}
			child.run_method("validate")
			self.assertEqual({f: child.get(f) for f in CARE_FLAGS}, stored, row.name)

	def test_a_child_and_its_guardian_save(self):
		child = frappe.get_doc("Left Behind Child", self.children[0].name)
		log = len(child.status_log)
		child.save()
		child.reload()
		self.assertEqual(len(child.status_log), log)
		guardian = frappe.get_doc("Child Guardian", child.guardians[0].guardian)
		age = guardian.age
		guardian.save()
		self.assertEqual(guardian.age, age)

	def test_schools_and_classes_save(self):
		school = frappe.get_doc(
			"Care School", frappe.get_all("Care School", {"county": "睢县"}, pluck="name")[0]
		)
		school.save()
		care_class = frappe.get_doc("Care Class", self.children[0].care_class)
		care_class.save()
		self.assertEqual(
			care_class.name, class_name(care_class.school, care_class.year_of_entry, care_class.class_no)
		)

	def test_a_new_child_takes_the_next_name_of_the_series(self):
		care_class = self.children[0].care_class
		guardian = u.make_guardian("周奶奶").name
		child = u.child_doc(
			care_class, "周新来", [guardian], birth_date=u.TODAY - datetime.timedelta(days=9 * 365)
		)
		child.insert()
		last = max(c.name for c in self.children)
		self.assertGreater(child.name, last)
		self.assertEqual(len(child.name), len(last))

	def test_class_teacher_logs_in_and_sees_own_class(self):
		teacher = frappe.db.get_value("Care Class", self.children[0].care_class, "class_teacher")
		self.assertIn(CLASS_TEACHER, frappe.get_roles(teacher))
		check_password(teacher, DEMO_PASSWORD)
		frappe.set_user(teacher)
		seen = frappe.get_list("Left Behind Child", filters={"school": ("like", "睢县%")}, pluck="care_class")
		self.assertTrue(seen)
		self.assertEqual(set(seen), {self.children[0].care_class})

	def test_school_leader_sees_own_school(self):
		school = frappe.db.get_value("Care Class", self.children[0].care_class, "school")
		leader = frappe.get_all(
			"Care School Member", filters={"parent": school, "member_role": "Leader"}, pluck="user", limit=1
		)[0]
		self.assertIn(SCHOOL_LEADER, frappe.get_roles(leader))
		frappe.set_user(leader)
		seen = frappe.get_list("Left Behind Child", filters={"school": ("like", "睢县%")}, pluck="school")
		self.assertEqual(set(seen), {school})

	def test_a_second_run_refuses(self):
		with self.assertRaises(frappe.ValidationError):
			make_demo(children=CHILDREN, seed=5, county=COUNTY, commit=False)
		with self.assertRaises(frappe.ValidationError):
			make_demo(children=CHILDREN * 10, seed=6, county=COUNTY, commit=False)
