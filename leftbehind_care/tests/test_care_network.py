"""The care network on a site: meetings and their attendance, each child's compliance on the form
and in 我的学生, the Talk Compliance report, and the reminder job."""

from __future__ import annotations

import datetime

import frappe
import frappe.desk.form.load
from frappe.utils import add_months, get_first_day, get_last_day

from leftbehind_care import api, reminders
from leftbehind_care.leftbehind_care.report.talk_compliance import talk_compliance
from leftbehind_care.reports.talk_compliance import month_key
from leftbehind_care.tests import utils as u

DAY = datetime.timedelta(days=1)
MEETING = "Care Meeting"


class CareNetworkCase(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.world = u.make_world()
		cls.class_a1 = frappe.db.get_value("Left Behind Child", cls.world["a1"], "care_class")
		cls.class_a2 = frappe.db.get_value("Left Behind Child", cls.world["a2"], "care_class")

	def setUp(self):
		frappe.db.savepoint("network_test")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback(save_point="network_test")

	def assertRefused(self, user, attendees, *fragments, care_class=..., **fields):
		before = u.count(MEETING)
		with self.set_user(user), self.assertRaises(frappe.ValidationError) as ctx:
			u.make_meeting(self.class_a1 if care_class is ... else care_class, attendees, **fields)
		for fragment in fragments:
			self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(u.count(MEETING), before)
		return str(ctx.exception)


class TestCareMeeting(CareNetworkCase):
	def test_the_teacher_records_a_class_meeting(self):
		with self.set_user(u.TEACHER):
			meeting = u.make_meeting(
				self.class_a1,
				[
					("Child", self.world["a1"]),
					("Guardian", self.world["a1"], "赵奶奶"),
					("School Staff", u.TEACHER),
				],
			)
		self.assertEqual((meeting.host, meeting.school), (u.TEACHER, u.SCHOOL_A))
		names = [row.attendee_name for row in meeting.attendees]
		self.assertEqual(names[:2], ["赵小明", "赵奶奶"])
		self.assertTrue(names[2])  # the staff member's full name

	def test_bad_meetings_are_refused_and_write_nothing(self):
		a1, a2 = self.world["a1"], self.world["a2"]
		# A child the teacher does not look after: refused without naming the child.
		message = self.assertRefused(u.TEACHER, [("Guardian", a2, "钱奶奶")], a2)
		self.assertNotIn("钱小红", message)
		# Another school, and a class the teacher does not teach.
		self.assertRefused(u.TEACHER, [("School Staff", u.TEACHER)], care_class=self.class_a2)
		self.assertRefused(u.TEACHER, [("School Staff", u.TEACHER)], care_class=None, school=u.SCHOOL_B)
		# A guardian row naming no child, nobody at all, the same child twice, a future date.
		self.assertRefused(u.TEACHER, [("Guardian", None, "赵奶奶")])
		self.assertRefused(u.TEACHER, [])
		self.assertRefused(u.TEACHER, [("Child", a1), ("Child", a1)])
		self.assertRefused(u.TEACHER, [("Child", a1)], meeting_date=u.TODAY + DAY)
		# The leader's school-wide meeting may list both classes; a class meeting only its own.
		self.assertRefused(u.LEADER, [("Child", a1), ("Child", a2)], "钱小红")
		with self.set_user(u.LEADER):
			u.make_meeting(None, [("Child", a1), ("Child", a2)], school=u.SCHOOL_A, meeting_type="Symposium")
		# A closed file takes no more meetings.
		frappe.db.set_value("Left Behind Child", a1, "status", "Transferred")
		self.assertRefused(u.LEADER, [("Child", a1)])

	def test_a_mentor_holds_meetings_for_their_paired_children_only(self):
		with self.set_user(u.MENTOR):
			u.make_meeting(None, [("Child", self.world["a1"]), ("Mentor", u.MENTOR)], school=u.SCHOOL_A)
		self.assertRefused(u.MENTOR, [("Child", self.world["a2"])], care_class=None, school=u.SCHOOL_A)
		self.assertRefused(u.MENTOR, [("Mentor", u.MENTOR)], care_class=None, school=u.SCHOOL_B)

	def test_an_inspector_records_no_meeting(self):
		with self.set_user(u.INSPECTOR):
			self.assertRaises(
				frappe.PermissionError, u.make_meeting, self.class_a1, [("School Staff", u.INSPECTOR)]
			)

	def test_each_role_lists_the_meetings_and_attendance_it_may_see(self):
		with self.set_user(u.TEACHER):
			class_meeting = u.make_meeting(self.class_a1, [("Guardian", self.world["a1"], "赵奶奶")]).name
		with self.set_user(u.LEADER):
			school_meeting = u.make_meeting(
				None, [("Guardian", self.world["a2"], "钱奶奶")], school=u.SCHOOL_A
			).name
		with self.set_user(u.MENTOR):
			mentor_meeting = u.make_meeting(None, [("Child", self.world["a1"])], school=u.SCHOOL_A).name
		b1_meeting = frappe.db.get_value(MEETING, {"minutes": u.B1_MEETING_MINUTES})
		everything = {class_meeting, school_meeting, mentor_meeting, b1_meeting}
		expected = {
			u.ADMIN: everything,
			u.LEADER: {class_meeting, school_meeting, mentor_meeting},
			u.COUNSELOR: {class_meeting, school_meeting, mentor_meeting},
			u.TEACHER: {class_meeting},
			u.MENTOR: {mentor_meeting},
			u.INSPECTOR: set(),
		}
		for user, meetings in expected.items():
			with self.subTest(user=user), self.set_user(user):
				try:
					listed = set(frappe.get_list(MEETING, pluck="name", limit_page_length=0))
					rows = set(
						frappe.get_list(
							"Care Meeting Attendee",
							parent_doctype=MEETING,
							fields=["parent"],
							pluck="parent",
							limit_page_length=0,
						)
					)
				except frappe.PermissionError:
					listed, rows = set(), set()
				self.assertEqual(listed & everything, meetings)
				self.assertEqual(rows & everything, meetings)
				for name in everything - meetings:
					self.assertFalse(frappe.has_permission(MEETING, "read", doc=name))

	def test_a_meeting_cannot_be_moved_out_of_the_teachers_reach(self):
		with self.set_user(u.TEACHER):
			meeting = u.make_meeting(self.class_a1, [("School Staff", u.TEACHER)])
			meeting.care_class = None
			meeting.school = u.SCHOOL_B
			self.assertRaises((frappe.ValidationError, frappe.PermissionError), meeting.save)
		self.assertEqual(frappe.db.get_value(MEETING, meeting.name, "school"), u.SCHOOL_A)


class TestCareMeetingOverRest(CareNetworkCase):
	def test_over_rest_as_a_teacher(self):
		client = u.RestClient(u.TEACHER)  # which ends this test's transaction: begin anew
		frappe.db.savepoint("network_test")
		meeting = {
			"meeting_type": "Parent Meeting",
			"topic": "REST家长会",
			"school": u.SCHOOL_A,
			"care_class": self.class_a1,
			"attendees": [
				{"attendee_kind": "Guardian", "child": self.world["b1"], "attendee_name": "孙奶奶"}
			],
		}
		status, body = client.send_json("post", "/api/resource/Care Meeting", data=frappe.as_json(meeting))
		self.assertEqual(status, 417)
		self.assertIn(self.world["b1"], str(body))
		self.assertNotIn("孙小刚", frappe.as_json(body, ensure_ascii=False))
		meeting["attendees"][0].update(child=self.world["a1"], attendee_name="赵奶奶")
		status, body = client.send_json("post", "/api/resource/Care Meeting", data=frappe.as_json(meeting))
		self.assertEqual(status, 200, body)
		name = body["data"]["name"]
		self.addCleanup(frappe.db.commit)  # nosemgrep: frappe-manual-commit
		self.addCleanup(frappe.delete_doc, MEETING, name, force=True, ignore_permissions=True)
		self.assertEqual(body["data"]["host"], u.TEACHER)
		status, body = client.get_json("/api/resource/Care Meeting", fields=["name"], limit_page_length=0)
		self.assertIn(name, {row["name"] for row in body["data"]})
		self.assertNotIn(
			frappe.db.get_value(MEETING, {"minutes": u.B1_MEETING_MINUTES}),
			{row["name"] for row in body["data"]},
		)


class ComplianceCase(CareNetworkCase):
	"""A term running from two months ago to two months ahead (the only term, within the test's
	transaction), and two children filed a month before it: one who had a talk every month, one
	who never had."""

	def setUp(self):
		super().setUp()
		frappe.db.delete("Care Term")
		self.first_month = get_first_day(add_months(u.TODAY, -2))
		frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试学期",
				"academic_year": "测试学年",
				"semester": "First Semester",
				"start_date": self.first_month,
				"end_date": get_last_day(add_months(u.TODAY, 2)),
			}
		).insert()
		self.term = frappe.db.get_value("Care Term", {"term_name": "测试学期"})
		filed_on = self.first_month - 30 * DAY
		self.talked = self.child("周小勤", filed_on)
		self.forgotten = self.child("吴小忘", filed_on)
		with self.set_user(u.TEACHER):
			for months_ago in (2, 1):
				u.make_talk(self.talked, talk_date=add_months(self.first_month, 2 - months_ago) + 9 * DAY)
			u.make_talk(self.talked)

	def child(self, name, filed_on):
		with self.set_user(u.TEACHER):
			return (
				u.child_doc(
					self.class_a1,
					name,
					[u.make_guardian(f"{name[0]}爷爷").name],
					filed_on=filed_on,
					status_date=filed_on,
					birth_date=u.TODAY - datetime.timedelta(days=10 * 365),
				)
				.insert()
				.name
			)


class TestChildCareStatus(ComplianceCase):
	def test_this_month_and_this_term_at_a_glance(self):
		with self.set_user(u.TEACHER):
			status = api.child_care_status(self.forgotten)
			self.assertEqual(
				(status["talk"], status["contact"], status["visit"], status["meeting"]), ("Open",) * 4
			)
			self.assertEqual(api.child_care_status(self.talked)["talk"], "Met")
		# A mentor's talk does not replace the class teacher's; records of each kind do.
		u.make_pairing(self.forgotten, mentor_user=u.MENTOR)
		with self.set_user(u.MENTOR):
			u.make_talk(self.forgotten)
			frappe.get_doc(
				{
					"doctype": "Family Contact",
					"child": self.forgotten,
					"channel": "WeChat",
					"with_whom": "Mother",
					"summary": "视频通话",
				}
			).insert()
			frappe.get_doc(
				{"doctype": "Home Visit", "child": self.forgotten, "visitors": "帮扶教师"}
			).insert()
		with self.set_user(u.TEACHER):
			u.make_meeting(self.class_a1, [("Guardian", self.forgotten, "吴爷爷")])
			status = api.child_care_status(self.forgotten)
		self.assertEqual(
			(status["talk"], status["contact"], status["visit"], status["meeting"]),
			("Open", "Met", "Met", "Met"),
		)

	def test_the_forms_timeline_shows_the_care_network(self):
		with self.set_user(u.TEACHER):
			u.make_meeting(self.class_a1, [("Guardian", self.talked, "周爷爷")], topic="期中家长会")
			frappe.desk.form.load.getdoc("Left Behind Child", self.talked)
			items = frappe.response.docinfo.additional_timeline_content
		contents = " ".join(item["content"] for item in items)
		self.assertEqual(contents.count("/talk-record/"), 3)
		self.assertIn("期中家长会", contents)
		self.assertEqual(max(item["creation"] for item in items).date(), u.TODAY)

	def test_only_those_who_see_the_child_get_its_status(self):
		for user in (u.INSPECTOR, u.MENTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(frappe.PermissionError, api.child_care_status, self.talked)
				self.assertRaises(frappe.PermissionError, api.child_care_status, "LBC-NOT-ON-FILE")
		with self.set_user(u.TEACHER):
			self.assertRaises(frappe.PermissionError, api.child_care_status, self.world["b1"])

	def test_my_students_lists_own_children_most_urgent_first(self):
		with self.set_user(u.TEACHER):
			children = api.my_students()["children"]
		names = [c["name"] for c in children]
		self.assertIn(self.talked, names)
		self.assertLess(names.index(self.forgotten), names.index(self.talked))
		self.assertNotIn(self.world["a2"], names)
		talked = next(c for c in children if c["name"] == self.talked)
		self.assertEqual((talked["talk"], str(talked["last_talk"])), ("Met", str(u.TODAY)))
		with self.set_user(u.MENTOR):
			self.assertEqual([c["name"] for c in api.my_students()["children"]], [self.world["a1"]])
		with self.set_user(u.INSPECTOR):
			self.assertEqual(api.my_students()["children"], [])


class TestTalkComplianceReport(ComplianceCase):
	def run_report(self, user, **filters):
		self.addCleanup(setattr, frappe.local, "lang", frappe.local.lang)
		frappe.local.lang = "zh"  # as the desk does for a user whose language is Chinese
		with self.set_user(user):
			columns, data, _, _, summary = talk_compliance.execute({"term": self.term, **filters})
		return columns, data, summary

	def test_child_by_month_for_the_teacher(self):
		columns, data, summary = self.run_report(u.TEACHER)
		rows = {row["child"]: row for row in data}
		self.assertNotIn(self.world["a2"], rows)
		self.assertNotIn(self.world["b1"], rows)
		months = [month_key(get_first_day(add_months(u.TODAY, n))) for n in (-2, -1, 0)]
		self.assertTrue(all(any(c["fieldname"] == m for c in columns) for m in months))
		self.assertEqual([rows[self.talked][m] for m in months], ["已谈"] * 3)
		self.assertEqual([rows[self.forgotten][m] for m in months], ["未谈", "未谈", "待谈"])
		self.assertEqual((rows[self.talked]["rate"], rows[self.forgotten]["rate"]), (100.0, 0.0))
		self.assertEqual(
			rows[self.talked]["class_title"], frappe.db.get_value("Care Class", self.class_a1, "class_title")
		)

	def test_sums_per_class_and_per_teacher(self):
		_, data, _ = self.run_report(u.LEADER, view="Classes")
		by_class = {row["care_class"]: row for row in data}
		self.assertEqual(set(by_class), {self.class_a1, self.class_a2})
		mine = by_class[self.class_a1]
		# Both test children, and the world's a1 whose months depend on when the world was filed.
		self.assertGreaterEqual(mine["children"], 2)
		self.assertGreaterEqual(mine["met"], 3)
		self.assertGreaterEqual(mine["missed"], 2)
		_, teachers, _ = self.run_report(u.LEADER, view="Teachers")
		self.assertIn(u.TEACHER, {row["teacher"] for row in teachers})

	def test_scoped_per_role(self):
		expected = {
			u.ADMIN: {self.talked, self.world["a2"], self.world["b1"]},
			u.LEADER: {self.talked, self.world["a2"]},
			u.COUNSELOR: {self.talked, self.world["a2"]},
			u.TEACHER: {self.talked},
		}
		for user, children in expected.items():
			with self.subTest(user=user):
				_, data, _ = self.run_report(user)
				listed = {row["child"] for row in data}
				self.assertEqual(
					listed & {self.talked, *self.world.values()}, children | ({self.world["a1"]} & listed)
				)
		for user in (u.INSPECTOR, u.MENTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(
					frappe.PermissionError,
					frappe.get_attr("frappe.desk.query_report.run"),
					"Talk Compliance",
					{"term": self.term},
				)


class TestReminders(ComplianceCase):
	def setUp(self):
		super().setUp()
		frappe.db.set_single_value("Care Settings", {"reminder_day": u.TODAY.day, "visit_reminder_days": 400})
		u.make_pairing(self.forgotten, mentor_user=u.MENTOR)
		u.make_outgoing_email_account(commit=False)

	def tearDown(self):
		super().tearDown()
		self.forget_email_accounts()

	@staticmethod
	def forget_email_accounts():
		"""Frappe keeps the outgoing account found for the rest of the request."""
		frappe.local.outgoing_email_account = {}

	def sent(self):
		return {
			(r.kind, r.recipient): r
			for r in frappe.get_all("Care Reminder", fields=["kind", "recipient", "school", "children_count"])
		}

	def test_one_digest_each_and_never_twice(self):
		queued = frappe.db.count("Email Queue")
		first = reminders.send_reminders()
		self.assertTrue(first)
		sent = self.sent()
		self.assertIn(("Talks", u.TEACHER), sent)
		self.assertIn(("Home Visits", u.MENTOR), sent)
		self.assertEqual(sent[("School Numbers", u.LEADER)].school, u.SCHOOL_A)
		self.assertNotIn(("Talks", u.MENTOR), sent)
		# The teacher's digest lists the child without a talk, not the one who had one; in Chinese.
		note = frappe.get_last_doc("Notification Log", filters={"for_user": u.TEACHER})
		self.assertIn("吴小忘", note.email_content)
		self.assertNotIn("周小勤", note.email_content)
		self.assertIn("谈心", note.subject)
		self.assertEqual(frappe.db.count("Email Queue") - queued, len(first))
		# Again: nothing more.
		self.assertEqual(reminders.send_reminders(), [])
		self.assertEqual(len(self.sent()), len(sent))
		self.assertEqual(frappe.db.count("Email Queue") - queued, len(first))

	def test_without_e_mail_the_desk_notification_is_the_reminder(self):
		frappe.db.delete("Email Account")
		self.forget_email_accounts()
		self.assertTrue(reminders.send_reminders())
		reminder = frappe.get_last_doc("Care Reminder", filters={"recipient": u.TEACHER, "kind": "Talks"})
		self.assertFalse(reminder.emailed)
		self.assertTrue(frappe.db.exists("Notification Log", {"for_user": u.TEACHER, "type": "Alert"}))

	def test_nothing_before_the_reminder_day_or_outside_term_time(self):
		frappe.db.set_single_value("Care Settings", "visit_reminder_days", 0)
		if u.TODAY < get_last_day(u.TODAY):
			frappe.db.set_single_value("Care Settings", "reminder_day", u.TODAY.day + 1)
		else:  # the month's last day: every reminder day has come; a holiday sends nothing
			frappe.db.delete("Care Term")
		self.assertEqual(reminders.send_reminders(), [])
		self.assertEqual(self.sent(), {})
