"""Support around the child as real users: the three priorities, boarding, aid and the funds of a
term, the dropout case that opens by itself and closes only with the child back or recorded as gone,
safety hazards and their one alert, care activities with the organiser's own children — each
refusing bad input with nothing written, each scoped per role, and the reports behind them."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import now_datetime

from leftbehind_care import support
from leftbehind_care.leftbehind_care.doctype.care_activity.care_activity import class_children
from leftbehind_care.tests import utils as u

DAY = datetime.timedelta(days=1)
CHILD = "Left Behind Child"
CASE = "Schooling Follow-up"


class SupportCase(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def setUp(self):
		# The site's own terms stay; one of ours is added, in the test's transaction, where none
		# holds today.
		self.terms = u.terms_around_today()
		self.term = self.terms.this_term
		for key in ("a1", "a2"):
			frappe.db.set_value(CHILD, self.children[key], "filed_on", self.terms.this.start_date - DAY)
		self.started = now_datetime() - datetime.timedelta(seconds=1)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def make_term(self, name, start, end) -> str:
		doc = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": name,
				"academic_year": "测试学年",
				"semester": "First Semester",
				"start_date": start,
				"end_date": end,
			}
		)
		return doc.insert().name

	def record(self, doctype: str, user: str = u.TEACHER, child: str | None = None, **fields):
		with self.set_user(user):
			return frappe.get_doc(
				{"doctype": doctype, "child": child or self.children["a1"], **fields}
			).insert()

	def assertRefused(self, fragment: str, doctype: str, user: str = u.TEACHER, **fields):
		before = frappe.db.count(doctype)
		with self.assertRaises(frappe.ValidationError) as ctx:
			self.record(doctype, user, **fields)
		frappe.set_user("Administrator")  # v16's set_user does not restore the user on an exception
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(frappe.db.count(doctype), before)

	def alerts(self, user: str, doctype: str) -> list[str]:
		return frappe.get_all(
			"Notification Log",
			filters={"for_user": user, "document_type": doctype, "creation": (">=", self.started)},
			pluck="document_name",
		)


class TestPrioritiesBoardingAid(SupportCase):
	def test_priorities_are_recorded_by_whoever_looks_after_the_child(self):
		doc = self.record("Priority Support", priority_kind="Tutoring", what_was_done="周末补习数学")
		self.assertEqual((doc.term, doc.given_by), (self.term, u.TEACHER))
		mentored = self.record(
			"Priority Support", u.MENTOR, priority_kind="Daily-Life Care", what_was_done="陪同就医"
		)
		self.assertEqual(mentored.given_by, u.MENTOR)
		self.assertRefused(
			"only of children you look after",
			"Priority Support",
			child=self.children["b1"],
			priority_kind="Tutoring",
			what_was_done="x",
		)
		self.assertRefused(
			"in the future",
			"Priority Support",
			priority_kind="Tutoring",
			what_was_done="x",
			support_date=u.TODAY + DAY,
		)
		with self.set_user(u.INSPECTOR):
			self.assertFalse(frappe.has_permission("Priority Support", "read", doc=doc.name))

	def test_the_gap_list_names_the_children_who_got_none(self):
		self.record("Priority Support", priority_kind="Tutoring", what_was_done="补习")
		with self.set_user(u.LEADER):
			rows = frappe.get_attr("frappe.desk.query_report.run")("Three Priorities", {"term": self.term})[
				"result"
			]
		by_child = {r["child"]: r for r in rows}
		self.assertEqual(
			(by_child[self.children["a1"]]["tutoring"], by_child[self.children["a1"]]["none"]), (1, 0)
		)
		self.assertEqual(by_child[self.children["a2"]]["none"], 1)
		self.assertNotIn(self.children["b1"], by_child)
		with self.set_user(u.TEACHER):
			rows = frappe.get_attr("frappe.desk.query_report.run")(
				"Three Priorities", {"term": self.term, "gaps_only": 1}
			)["result"]
		self.assertEqual([r["child"] for r in rows], [])  # a1, the teacher's only child, got tutoring

	def test_boarding_in_a_term_the_child_was_in_the_programme(self):
		old = self.make_term("测试旧学期", self.terms.earliest - 200 * DAY, self.terms.earliest - 100 * DAY)
		doc = self.record("Boarding Record", term=self.term, dormitory="男生宿舍201", bed="3号床")
		self.assertEqual(
			frappe.db.get_value(CHILD, self.children["a1"], ["is_boarding", "dormitory"]), (1, "男生宿舍201")
		)
		self.assertRefused("already recorded", "Boarding Record", term=self.term, dormitory="另一间")
		self.assertRefused(
			"not in the programme at any time",
			"Boarding Record",
			term=old,
			dormitory="x",
			boarding_from=u.TODAY,
		)
		self.assertTrue(doc.name)

	def test_aid_must_be_money_above_zero_or_goods(self):
		self.assertRefused("above 0", "Aid Record", aid_kind="Grant", amount=0)
		self.assertRefused("above 0", "Aid Record", aid_kind="Grant", amount=-50)
		self.assertRefused("List the goods", "Aid Record", aid_kind="Goods")
		self.assertRefused("names its donor", "Aid Record", aid_kind="Social Donation", amount=300)
		doc = self.record("Aid Record", aid_kind="Social Donation", amount=300, donor="县爱心协会")
		self.assertEqual(doc.term, self.term)
		for user in (u.MENTOR, u.COUNSELOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission("Aid Record", "read", doc=doc.name))

	def test_funds_are_not_spent_above_the_allocation(self):
		with self.set_user(u.LEADER):
			doc = frappe.get_doc(
				{
					"doctype": "Care Fund Entry",
					"school": u.SCHOOL_A,
					"term": self.term,
					"public_funds": 100000,
					"aid_allocated": 6000,
					"aid_spent": 5000,
					"activities_allocated": 3000,
					"activities_spent": 3000,
				}
			).insert()
			self.assertEqual(doc.share_spent, 8.0)
			doc.boarding_allocated, doc.boarding_spent = 1000, 1200
			self.assertRaisesRegex(frappe.ValidationError, "only 1000", doc.save)
			other = frappe.get_doc({"doctype": "Care Fund Entry", "school": u.SCHOOL_B, "term": self.term})
			self.assertRaisesRegex(frappe.ValidationError, "only for the schools you lead", other.insert)
		with self.set_user(u.TEACHER):
			self.assertFalse(frappe.has_permission("Care Fund Entry", "read", doc=doc.name))


class TestDropoutFollowUp(SupportCase):
	def stop_schooling(self, status: str = "Dropped Out"):
		child = frappe.get_doc(CHILD, self.children["a1"])
		child.schooling_status = status
		child.save()
		return child

	def case(self):
		return frappe.get_doc(CASE, {"child": self.children["a1"], "case_status": "Following Up"})

	def test_a_case_opens_by_itself_and_tells_the_leader(self):
		self.stop_schooling()
		case = self.case()
		self.assertEqual((case.responsible_leader, case.opened_on), (u.LEADER, u.TODAY))
		self.assertEqual(self.alerts(u.LEADER, CASE), [case.name])
		self.stop_schooling("Suspended")  # still out of school: the same case
		self.assertEqual(frappe.db.count(CASE, {"child": self.children["a1"]}), 1)

	def test_it_closes_only_with_the_child_back_or_recorded_as_gone(self):
		self.stop_schooling()
		with self.set_user(u.TEACHER):
			case = self.case()
			case.append(
				"attempts",
				{
					"attempt_date": u.TODAY,
					"by_whom": "班主任",
					"with_whom": "奶奶",
					"outcome": "答应下周返校",
				},
			)
			case.save()
			case.case_status = "Back in School"
			self.assertRaisesRegex(frappe.ValidationError, "Enter the return date", case.save)
			case.reload()
			case.case_status, case.return_date = "Back in School", u.TODAY
			self.assertRaisesRegex(frappe.ValidationError, "still says", case.save)
			case.reload()
			case.case_status = "Left With Record"
			self.assertRaisesRegex(frappe.ValidationError, "Transferred, Graduated or Aged Out", case.save)
		self.stop_schooling("In School")
		with self.set_user(u.TEACHER):
			case.reload()
			case.case_status, case.return_date = "Back in School", u.TODAY
			case.save()
			self.assertEqual(case.closed_on, u.TODAY)
			case.append("attempts", {"attempt_date": u.TODAY + DAY, "by_whom": "班主任"})
			self.assertRaisesRegex(frappe.ValidationError, "in the future", case.save)

	def test_the_weekly_reminder_goes_once_a_week(self):
		self.stop_schooling()
		case = self.case()
		self.assertIn(case.name, support.remind_open_dropout_cases())
		self.assertEqual(support.remind_open_dropout_cases(), [])
		self.assertEqual(self.alerts(u.LEADER, CASE).count(case.name), 2)  # opened, then the week's reminder

	def test_no_mentor_and_no_inspector(self):
		self.stop_schooling()
		case = self.case()
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission(CASE, "read", doc=case.name))
		with self.set_user(u.LEADER):
			rows = frappe.get_attr("frappe.desk.query_report.run")(
				"Schooling and Safety Follow-ups", {"view": "Open Cases"}
			)["result"]
		self.assertIn(case.name, [r["name"] for r in rows])

	def test_the_open_cases_count_attempts_and_follow_each_readers_scope(self):
		self.stop_schooling()
		case = self.case()
		frappe.db.set_value(CASE, case.name, "opened_on", u.TODAY - 10 * DAY)
		case.reload()
		for days in (3, 1):
			case.append("attempts", {"attempt_date": u.TODAY - days * DAY, "by_whom": "班主任"})
		case.save()
		b1 = frappe.get_doc(CHILD, self.children["b1"])
		b1.schooling_status = "Dropped Out"
		b1.save()
		other = frappe.db.get_value(CASE, {"child": b1.name, "case_status": "Following Up"})
		run = frappe.get_attr("frappe.desk.query_report.run")
		with self.set_user(u.ADMIN):
			rows = {r["name"]: r for r in run("Schooling and Safety Follow-ups", {})["result"]}
		row = rows[case.name]
		self.assertEqual(
			(row["days_open"], row["attempts"], row["last_attempt"], row["class_title"]),
			(10, 2, u.TODAY - DAY, frappe.db.get_value("Care Class", case.care_class, "class_title")),
		)
		# b1's case (the test world may hold one already, with attempts of its own), counted as stored
		attempts = frappe.get_all(
			"Persuasion Attempt", filters={"parent": other, "parenttype": CASE}, pluck="attempt_date"
		)
		self.assertEqual(
			(rows[other]["attempts"], rows[other]["last_attempt"]),
			(len(attempts), max(attempts, default=None)),
		)
		with self.set_user(u.LEADER):
			names = [r["name"] for r in run("Schooling and Safety Follow-ups", {})["result"]]
		self.assertIn(case.name, names)
		self.assertNotIn(other, names)


class TestSafetyAndActivities(SupportCase):
	def inspection(self, user: str = u.LEADER, **hazard):
		with self.set_user(user):
			return frappe.get_doc(
				{
					"doctype": "Safety Inspection",
					"school": u.SCHOOL_A,
					"inspection_date": u.TODAY - 10 * DAY,
					"inspectors": "甲校安全员",
					"hazards": [{"area": "Water", "description": "学校后面的池塘无护栏", **hazard}],
				}
			).insert()

	def test_a_hazard_fixed_before_it_was_found_is_refused(self):
		with self.assertRaises(frappe.ValidationError) as ctx:
			self.inspection(fixed_on=u.TODAY - 20 * DAY)
		self.assertIn("before the inspection found it", str(ctx.exception))
		with self.assertRaises(frappe.ValidationError) as ctx:
			self.inspection(affected_children=self.children["b1"])
		self.assertIn("is not a child of", str(ctx.exception))
		self.assertEqual(frappe.db.count("Safety Inspection", {"school": u.SCHOOL_A}), 0)

	def test_an_overdue_hazard_alerts_the_leaders_once(self):
		doc = self.inspection(deadline=u.TODAY - 2 * DAY, affected_children=self.children["a1"])
		self.assertEqual(doc.overdue_hazards, 1)
		self.assertIn(doc.hazards[0].name, support.alert_overdue_hazards())  # the demo's may come too
		self.assertEqual(support.alert_overdue_hazards(), [])  # once
		self.assertEqual(self.alerts(u.LEADER, "Safety Inspection"), [doc.name])
		with self.set_user(u.LEADER):
			rows = frappe.get_attr("frappe.desk.query_report.run")(
				"Schooling and Safety Follow-ups", {"view": "Hazards"}
			)["result"]
		self.assertIn(doc.name, [r["inspection"] for r in rows])
		for user in (u.TEACHER, u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission("Safety Inspection", "read", doc=doc.name))
				self.assertEqual(support.overdue_hazards_card()["value"], 0)
		with self.set_user(u.LEADER):  # the leader's card counts the hazards of school A only
			self.assertEqual(support.overdue_hazards_card()["value"], 1)

	def test_an_activity_lists_only_the_organisers_children(self):
		with self.set_user(u.TEACHER):
			self.assertEqual(
				[
					c.child
					for c in class_children(frappe.db.get_value(CHILD, self.children["a1"], "care_class"))
				],
				[self.children["a1"]],
			)
			doc = frappe.get_doc(
				{
					"doctype": "Care Activity",
					"activity_kind": "Theme Class Meeting",
					"title": "感恩父母主题班会",
					"school": u.SCHOOL_A,
					"participants": [{"child": self.children["a1"]}],
				}
			).insert()
			self.assertEqual((doc.host, doc.participant_count, doc.term), (u.TEACHER, 1, self.term))
			doc.append("participants", {"child": self.children["b1"]})
			self.assertRaisesRegex(frappe.ValidationError, "not one of the children you look after", doc.save)
			doc.reload()
			doc.append("participants", {"child": self.children["a1"]})
			self.assertRaisesRegex(frappe.ValidationError, "same child as row 1", doc.save)
		with self.set_user(u.MENTOR):
			self.assertTrue(frappe.has_permission("Care Activity", "read", doc=doc.name))
			self.assertFalse(frappe.has_permission("Care Activity", "write", doc=doc.name))

	def test_the_childs_form_shows_this_term(self):
		self.record("Priority Support", priority_kind="Tutoring", what_was_done="补习")
		self.record("Aid Record", aid_kind="Grant", amount=500)
		from leftbehind_care.assessments import child_support

		with self.set_user(u.TEACHER):
			term = child_support(self.children["a1"])["this_term"]
		self.assertEqual(term["term"], self.term)
		self.assertEqual(term["priorities"]["Tutoring"], True)
		self.assertEqual(term["priorities"]["Activity Placement"], False)
		self.assertEqual([a["aid_kind"] for a in term["aid"]], ["Grant"])
		with self.set_user(u.MENTOR):
			term = child_support(self.children["a1"])["this_term"]
		self.assertEqual(term["aid"], [])  # a mentor does not read aid


class TestSupportOverRest(u.CareTestCase):
	"""The same rules reach a client of the REST API: refused with the message, nothing written."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def post(self, user: str, doctype: str, **fields):
		return u.RestClient(user).send_json("post", f"/api/resource/{doctype}", data=frappe.as_json(fields))

	def test_bad_records_are_refused_over_rest(self):
		a1, b1 = self.children["a1"], self.children["b1"]
		for user, doctype, fields, fragment in (
			# The personas read the site in Chinese: so do the refusals they get.
			(u.TEACHER, "Aid Record", {"child": a1, "aid_kind": "Grant", "amount": 0}, "大于 0"),
			(
				u.TEACHER,
				"Priority Support",
				{"child": b1, "priority_kind": "Tutoring", "what_was_done": "x"},
				"不是您负责的儿童",
			),
			(
				u.TEACHER,
				"Care Activity",
				{
					"activity_kind": "Speech Contest",
					"title": "x",
					"school": u.SCHOOL_A,
					"participants": [{"child": b1}],
				},
				"不是您负责的儿童",
			),
			(u.TEACHER, "Safety Inspection", {"school": u.SCHOOL_A, "inspectors": "x"}, ""),
			(u.LEADER, "Care Fund Entry", {"school": u.SCHOOL_B, "term": "x"}, ""),
		):
			with self.subTest(doctype=doctype):
				before = frappe.db.count(doctype)
				status, body = self.post(user, doctype, **fields)
				self.assertIn(status, (403, 417), body)
				self.assertIn(fragment, u.messages_of(body))
				frappe.db.rollback()
				self.assertEqual(frappe.db.count(doctype), before)

	def test_a_teacher_records_aid_over_rest(self):
		status, body = self.post(
			u.TEACHER, "Aid Record", child=self.children["a1"], aid_kind="Grant", amount=500
		)
		self.assertEqual(status, 200, body)
		self.addCleanup(
			lambda: (
				frappe.db.delete("Aid Record", {"name": body["data"]["name"]}),
				frappe.db.commit(),
			)  # nosemgrep
		)
		self.assertEqual(body["data"]["handed_over_by"], u.TEACHER)


class TestActivityCounts(SupportCase):
	def test_counts_follow_the_viewers_scope(self):
		with self.set_user(u.TEACHER):
			frappe.get_doc(
				{
					"doctype": "Care Activity",
					"activity_kind": "Theme Class Meeting",
					"title": "感恩主题班会",
					"school": u.SCHOOL_A,
					"participants": [{"child": self.children["a1"]}],
				}
			).insert()
			run = frappe.get_attr("frappe.desk.query_report.run")
			rows = run("Care Activity Counts", {"term": self.term})["result"]
			self.assertEqual([(r["child"], r["activities"]) for r in rows], [(self.children["a1"], 1)])
			classes = run("Care Activity Counts", {"term": self.term, "view": "Classes"})["result"]
			self.assertEqual([r["activities"] for r in classes], [1])
		with self.set_user(u.INSPECTOR):
			self.assertRaises(
				frappe.PermissionError,
				frappe.get_attr("frappe.desk.query_report.run"),
				"Care Activity Counts",
				{"term": self.term},
			)
