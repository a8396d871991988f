"""家长端 pages on a real site, over HTTP: a parent of one child, a parent of another, a guardian,
staff and a stranger. Each reads and changes only what the issue grants, and a parent asking about
a child they do not reach is answered as about a child not on file."""

from __future__ import annotations

import frappe
from frappe.utils import add_days, nowdate

from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
METHOD = "/api/method/leftbehind_care.parents."
A1_NOTE = "赵小明这周数学进步很大，请多鼓励"
A1_FINDINGS = "赵小明说晚上一个人害怕"


class TestParentPages(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		cls.a1, cls.b1 = cls.children["a1"], cls.children["b1"]
		cls.father = u.make_parent_account(cls.a1)  # 赵甲一父
		cls.b1_father = u.make_parent_account(cls.b1)  # 孙乙一父
		cls.grandmother = u.make_parent_account(cls.a1, "Guardian")
		if not frappe.db.exists("Talk Record", {"child": cls.a1, "parent_note": A1_NOTE}):
			u.make_talk(cls.a1, findings=A1_FINDINGS, parent_note=A1_NOTE)
		frappe.db.commit()

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()

	def page(self, client) -> tuple[int, str]:
		response = client.request("get", "/parent")
		return response.status_code, response.get_data(as_text=True)

	def test_a_parent_sees_their_child_and_the_school_only(self):
		status, html = self.page(u.RestClient(self.father))
		self.assertEqual(status, 200, html[:500])
		self.assertIn("赵小明", html)
		self.assertIn("13912345678", html)  # the class teacher's phone
		self.assertIn("13712345678", html)  # a subject teacher's
		self.assertIn("0370-8261234", html)  # the school's
		self.assertIn(A1_NOTE, html)
		self.assertNotIn(A1_FINDINGS, html)  # findings stay internal
		for canary in u.canaries_of("b1", self.b1) | u.canaries_of("a2", self.children["a2"]):
			self.assertNotIn(canary, html)
		for hidden in u.hidden_canaries("a1").values():
			self.assertNotIn(hidden, html)
		self.assertNotIn(frappe.db.get_value(CHILD, self.a1, "id_number"), html)

	def test_the_mentors_phone_only_where_the_mentor_agreed(self):
		name, phone = u.B1_VOLUNTEER
		pairing = frappe.db.get_value("Mentor Pairing", {"child": self.b1, "mentor_name": name})
		client = u.RestClient(self.b1_father)
		try:
			for agreed in (0, 1):
				frappe.db.set_value("Mentor Pairing", pairing, "phone_for_parents", agreed)
				frappe.db.commit()
				status, html = self.page(client)
				self.assertIn(name, html)
				self.assertEqual(phone in html, bool(agreed))
		finally:
			frappe.db.set_value("Mentor Pairing", pairing, "phone_for_parents", 0)
			frappe.db.commit()

	def test_the_other_parent_sees_the_incident_and_acknowledges_it(self):
		incident = frappe.db.get_value("Care Incident", {"child": self.b1})
		frappe.db.set_value("Care Incident", incident, "parents_acknowledged_at", None)
		frappe.db.commit()
		client = u.RestClient(self.b1_father)
		status, html = self.page(client)
		self.assertIn("孙小刚", html)
		self.assertIn(incident, html)
		self.assertNotIn("赵小明", html)
		self.assertNotIn(u.B1_INCIDENT, html)  # what happened is told by the teacher, not the page
		# The father of a1 cannot acknowledge b1's incident: answered as a stranger's probe.
		probe = u.RestClient(self.father)
		status, body = probe.send_json("post", METHOD + "acknowledge", incident=incident)
		_, missing = probe.send_json("post", METHOD + "acknowledge", incident="CI-NOT-ON-FILE")
		self.assertEqual(status, 403)
		self.assertEqual(u.messages_of(body), u.messages_of(missing))
		status, body = client.send_json("post", METHOD + "acknowledge", incident=incident)
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		self.assertTrue(frappe.db.get_value("Care Incident", incident, "parents_acknowledged_at"))

	def test_an_acknowledgement_counts_as_telling_the_parents(self):
		from leftbehind_care.incidents import alert_unnotified_incidents

		frappe.set_user("Administrator")
		occurred = frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=-30)
		incident = frappe.get_doc(
			{
				"doctype": "Care Incident",
				"child": self.a1,
				"incident_kind": "Illness",
				"occurred_at": occurred,
				"description": "发烧送医",
			}
		).insert()
		frappe.db.commit()
		self.addCleanup(frappe.db.commit)
		self.addCleanup(frappe.delete_doc, "Care Incident", incident.name, force=True)
		status, body = u.RestClient(self.father).send_json(
			"post", METHOD + "acknowledge", incident=incident.name
		)
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		stored = frappe.get_doc("Care Incident", incident.name)
		self.assertTrue(stored.parents_acknowledged_at)
		self.assertEqual(stored.parents_notified_at, stored.parents_acknowledged_at)
		self.assertEqual((stored.notified_in_time, stored.notification_overdue), (0, 0))
		self.assertNotIn(incident.name, alert_unnotified_incidents())

	def test_a_parent_logs_a_call_that_counts_as_the_parents_contact(self):
		client = u.RestClient(self.father)
		status, body = client.send_json(
			"post", METHOD + "log_call", child=self.a1, channel="Video", contact_date=nowdate(), minutes=25
		)
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		contact = frappe.get_doc("Family Contact", body["message"])
		self.assertEqual((contact.child, contact.channel, contact.minutes), (self.a1, "Video", 25))
		self.assertEqual((contact.logged_by_parent, contact.with_whom), (1, "Father"))
		# Not in the future, not another child.
		status, body = client.send_json(
			"post", METHOD + "log_call", child=self.a1, channel="Video", contact_date=add_days(nowdate(), 1)
		)
		self.assertEqual(status, 417)
		self.assertIn("在将来", u.messages_of(body))  # the parent's account speaks Chinese
		before = u.count("Family Contact")
		status, body = client.send_json(
			"post", METHOD + "log_call", child=self.b1, channel="Video", contact_date=nowdate()
		)
		_, missing = client.send_json(
			"post", METHOD + "log_call", child="LBC-NOT-ON-FILE-0000", channel="Video", contact_date=nowdate()
		)
		self.assertEqual(status, 403)
		self.assertEqual(u.messages_of(body), u.messages_of(missing))
		frappe.db.rollback()
		self.assertEqual(u.count("Family Contact"), before)

	def test_a_message_reaches_the_class_teachers_desk(self):
		text = "孩子下周二要去县医院复查，请假一天"
		status, body = u.RestClient(self.father).send_json(
			"post", METHOD + "leave_message", child=self.a1, message=text
		)
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		subjects = frappe.get_all("Notification Log", {"for_user": u.TEACHER}, pluck="subject")
		self.assertTrue(any(text in subject for subject in subjects))

	def test_a_parent_updates_their_details_and_the_teacher_is_told_of_a_new_phone(self):
		fields = ["name", "phone", "work_place", "planned_return"]
		row = frappe.db.get_value("Left Behind Child Parent", {"parent": self.a1}, fields, as_dict=True)
		client = u.RestClient(self.father)
		new_phone = "13800138000"
		try:
			status, body = client.send_json(
				"post",
				METHOD + "update_my_info",
				child=self.a1,
				phone=new_phone,
				work_place="东莞 玩具厂",
				planned_return=add_days(nowdate(), 40),
			)
			self.assertEqual(status, 200, body)
			self.assertEqual(body["message"]["changed"], ["phone", "planned_return", "work_place"])
			frappe.db.rollback()
			stored = frappe.db.get_value(
				"Left Behind Child Parent", row.name, ["phone", "work_place", "planned_return"], as_dict=True
			)
			self.assertEqual((stored.phone, stored.work_place), (new_phone, "东莞 玩具厂"))
			self.assertEqual(frappe.db.get_value("User", self.father, "mobile_no"), new_phone)
			told = frappe.get_all("Notification Log", {"for_user": u.TEACHER}, pluck="subject")
			self.assertTrue(any(new_phone in subject for subject in told))
			logged = frappe.get_all(
				"Comment", {"reference_name": self.a1, "comment_type": "Info"}, ["content", "owner"]
			)
			self.assertIn(self.father, {c.owner for c in logged})
			# Nothing else of the file can be sent.
			status, body = client.send_json(
				"post", METHOD + "update_my_info", child=self.a1, parent_name="改名"
			)
			self.assertEqual(status, 417)
			self.assertIn("不能在此修改", u.messages_of(body))
		finally:
			frappe.db.set_value("Left Behind Child Parent", row.name, row)
			frappe.db.set_value("User", self.father, "mobile_no", row.phone)
			frappe.db.commit()

	def test_the_notice_is_accepted_once_and_recorded(self):
		frappe.db.set_value(
			"Care Parent Invitation",
			{"user": self.grandmother},
			{"notice_version": None, "notice_accepted_at": None},
		)
		frappe.db.commit()
		client = u.RestClient(self.grandmother)
		status, html = self.page(client)
		self.assertIn('id="lbc-notice"', html)
		self.assertNotIn('name="work_place"', html)  # a guardian changes only the phone
		status, body = client.send_json("post", METHOD + "accept_notice", version="2026-12")
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		accepted = frappe.db.get_value(
			"Care Parent Invitation",
			{"user": self.grandmother},
			["notice_version", "notice_accepted_at"],
			as_dict=True,
		)
		self.assertEqual(accepted.notice_version, "2026-12")
		self.assertTrue(accepted.notice_accepted_at)
		status, html = self.page(client)
		self.assertNotIn('id="lbc-notice"', html)

	def test_parents_classroom_shows_the_county_and_the_childs_school(self):
		u.make_article("县教育局：如何与孩子远程谈心", None)
		school_a = u.make_article("甲校：期末复习怎么陪", u.SCHOOL_A)
		u.make_article("甲校：草稿", u.SCHOOL_A, published=0)
		frappe.db.set_value(
			"Care Parent Article", school_a, "body", '<p>每天问一句</p><img src="x" onerror="1">'
		)
		frappe.db.commit()
		status, html = self.page(u.RestClient(self.father))
		self.assertIn("县教育局：如何与孩子远程谈心", html)
		self.assertIn("甲校：期末复习怎么陪", html)
		self.assertIn("每天问一句", html)
		self.assertNotIn('onerror="1"', html)  # cleaned before it is shown
		self.assertNotIn(u.B1_ARTICLE, html)  # another school's
		self.assertNotIn("甲校：草稿", html)  # not published
		status, html = self.page(u.RestClient(self.b1_father))
		self.assertIn(u.B1_ARTICLE, html)
		self.assertNotIn("甲校：期末复习怎么陪", html)

	def test_a_leader_publishes_for_their_school_only(self):
		frappe.set_user(u.LEADER)
		titles = set(frappe.get_list("Care Parent Article", pluck="title"))
		self.assertNotIn(u.B1_ARTICLE, titles)
		for school, expected in ((None, "county's administrators"), (u.SCHOOL_B, "is not your school")):
			with self.assertRaises(frappe.ValidationError) as refused:
				frappe.get_doc(
					{"doctype": "Care Parent Article", "title": "甲校试写", "school": school, "body": "x"}
				).insert()
			self.assertIn(expected, str(refused.exception))
		mine = frappe.get_doc(
			{
				"doctype": "Care Parent Article",
				"title": "甲校试写",
				"school": u.SCHOOL_A,
				"body": "x",
				"published": 1,
			}
		).insert()
		self.assertEqual(str(mine.published_on), nowdate())
		county = frappe.db.get_value("Care Parent Article", {"school": ("is", "not set")})
		if county:
			self.assertTrue(frappe.has_permission("Care Parent Article", "read", county))
			self.assertFalse(frappe.has_permission("Care Parent Article", "write", county))
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def test_escaped_what_staff_typed(self):
		talk = frappe.db.get_value("Talk Record", {"child": self.a1, "parent_note": A1_NOTE})
		frappe.db.set_value("Talk Record", talk, "parent_note", A1_NOTE + "<img src=x onerror=alert(1)>")
		frappe.db.commit()
		try:
			status, html = self.page(u.RestClient(self.father))
			self.assertNotIn("<img src=x onerror", html)
			self.assertIn("&lt;img src=x onerror", html)
		finally:
			frappe.db.set_value("Talk Record", talk, "parent_note", A1_NOTE)
			frappe.db.commit()

	def test_strangers_and_staff_do_not_get_the_page(self):
		response = u.GuestClient().request("get", "/parent")
		self.assertIn(response.status_code, (301, 302))
		self.assertIn("/login", response.headers["Location"])
		status, html = self.page(u.RestClient(u.TEACHER))
		self.assertEqual(status, 403)
		self.assertNotIn("赵小明", html)
		for method, args in (
			("log_call", {"child": self.a1, "channel": "Video", "contact_date": nowdate()}),
			("acknowledge", {"incident": frappe.db.get_value("Care Incident", {"child": self.b1})}),
			("leave_message", {"child": self.a1, "message": "审计"}),
			("update_my_info", {"child": self.a1, "phone": "13800138000"}),
			("accept_notice", {"version": "2026-12"}),
		):
			with self.subTest(method=method):
				status, _ = u.GuestClient().send_json("post", METHOD + method, **args)
				self.assertEqual(status, 403)
				status, _ = u.RestClient(u.TEACHER).send_json("post", METHOD + method, **args)
				self.assertEqual(status, 403)

	def test_the_join_page_speaks_chinese(self):
		# (Frappe v15 answers a guest in the site's language, or the one the link asks for.)
		response = u.GuestClient().request("get", "/parent/join?code=ABC&_lang=zh")
		html = response.get_data(as_text=True)
		self.assertEqual(response.status_code, 200)
		self.assertIn("邀请码", html, html[html.find("<main") :][:300])


# Arguments of the parents' pages' methods, by parameter name: about b1's records (outside the
# asking parent's and the staff's care), and their twin about records not on file.
TWIN = "LBC-NOT-ON-FILE-0000"


class TestParentPagesProbed(u.CareTestCase):
	"""Every whitelisted method of the parents' pages (found in `leftbehind_care.parents`, not
	listed by hand), asked over HTTP by a stranger, a parent of another child and each staff
	persona about b1's records: no answer holds anything of b1 (or a2), each answer is the one about
	a record not on file, and nothing of b1's changes."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		b1 = cls.children["b1"]
		cls.asked = {
			"child": (b1, TWIN),
			"incident": (frappe.db.get_value("Care Incident", {"child": b1}), "CI-NOT-ON-FILE-0000"),
			"name": (frappe.db.get_value("Care Parent Invitation", {"child": b1}), "CPI-NOT-ON-FILE"),
			"invitee_row": (frappe.db.get_value("Left Behind Child Parent", {"parent": b1}), "NOT-ON-FILE"),
		}
		cls.fixed = {
			"code": "ABCDEFGHJK",
			"digits": "0003",
			"password": u.PASSWORD,
			"invitee_kind": "Parent Away",
			"channel": "Video",
			"contact_date": nowdate(),
			"minutes": 5,
			"message": "审计",
			"version": "2026-12",
			"phone": "13800000000",
		}
		cls.canaries = u.canaries_of("b1", b1) | u.canaries_of("a2", cls.children["a2"])
		frappe.db.commit()

	def methods(self) -> dict[str, object]:
		import inspect

		from leftbehind_care import parents

		return {
			name: fn
			for name, fn in inspect.getmembers(parents, inspect.isfunction)
			if fn in frappe.whitelisted and fn.__module__ == parents.__name__
		}

	def arguments(self, fn, twin: bool) -> dict:
		import inspect

		args = {}
		for param in inspect.signature(fn).parameters.values():
			if param.kind == param.VAR_KEYWORD:
				args["phone"] = self.fixed["phone"]
			elif param.name in self.asked:
				args[param.name] = self.asked[param.name][1 if twin else 0]
			else:
				args[param.name] = self.fixed.get(param.name)
		return args

	def about_b1(self, fn) -> bool:
		import inspect

		return bool(set(inspect.signature(fn).parameters) & set(self.asked))

	def b1_state(self) -> str:
		b1 = self.children["b1"]
		return frappe.as_json(
			[
				frappe.get_all("Family Contact", {"child": b1}, ["name", "modified"], order_by="name"),
				frappe.get_all("Care Incident", {"child": b1}, ["name", "modified"], order_by="name"),
				frappe.get_all(
					"Care Parent Invitation", {"child": b1}, ["name", "modified"], order_by="name"
				),
				frappe.get_all("Left Behind Child Parent", {"parent": b1}, ["name", "modified", "phone"]),
				frappe.db.get_value(CHILD, b1, "modified"),
			]
		)

	def test_every_method_answers_about_b1_as_about_a_record_not_on_file(self):
		methods = self.methods()
		self.assertGreaterEqual(len(methods), 10)
		askers = {"Guest": u.GuestClient, u.PARENT: lambda: u.RestClient(u.PARENT)}
		askers.update(
			{persona: (lambda p=persona: u.RestClient(p)) for persona in (u.TEACHER, u.LEADER, u.MENTOR)}
		)
		problems = []
		for who, client_of in askers.items():
			client = client_of()
			for name, fn in sorted(methods.items()):
				parents_forget_rate_limits()
				before = self.b1_state()
				status, body = client.send_json("post", METHOD + name, **self.arguments(fn, twin=False))
				frappe.db.rollback()
				if self.b1_state() != before:
					problems.append(f"{name} as {who} changed b1's records")
				text = frappe.as_json(body)
				problems += [f"{name} as {who} answered {c}" for c in self.canaries if c in text]
				if name == "issue_invitation" or not self.about_b1(fn):
					# A new record: nothing not on file to compare with (as the audit's inserts); a
					# method about the asker alone (the notice) names no record.
					continue
				status_twin, twin = client.send_json("post", METHOD + name, **self.arguments(fn, twin=True))
				frappe.db.rollback()
				answer = u.messages_of(body)
				for asked, _not_on_file in self.asked.values():
					answer = answer.replace(asked or "", "<record>")
				twin_answer = u.messages_of(twin)
				for _asked, not_on_file in self.asked.values():
					twin_answer = twin_answer.replace(not_on_file, "<record>")
				if (status, answer) != (status_twin, twin_answer):
					problems.append(
						f"{name} as {who}: {status} {answer!r} differs from {status_twin} {twin_answer!r}"
					)
				self.assertNotEqual(status, 200, f"{name} as {who} answered about b1")
		self.assertEqual(problems, [])


def parents_forget_rate_limits() -> None:
	frappe.cache.delete_keys("rl:leftbehind_care.parents.")
