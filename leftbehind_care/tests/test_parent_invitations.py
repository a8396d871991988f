"""家长端 invitations on a real site: issued and withdrawn by the child's class teacher or a school
leader, refused to everyone else; opened by a guest with the code and the phone's last four
digits (a wrong try counts, five lock it); an account per mobile number reaching the children it
was invited for, and no more once the school withdraws the invitation or the child leaves."""

from __future__ import annotations

import frappe
from frappe.utils import add_to_date, now_datetime

from leftbehind_care import parents
from leftbehind_care.core import parents as rules
from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
INVITATION = "Care Parent Invitation"


# Calls of each guest method allowed per hour and address (leftbehind_care.parents).
GUEST_LIMIT = 20


class SmsGateway:
	"""A small SMS gateway on 127.0.0.1 that records what it receives (form posts)."""

	def __enter__(self):
		import http.server
		import threading
		from urllib.parse import parse_qs

		received = self.received = []

		class Handler(http.server.BaseHTTPRequestHandler):
			def do_POST(self):
				body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
				received.append({k: v[0] for k, v in parse_qs(body).items()})
				self.send_response(200)
				self.end_headers()
				self.wfile.write(b"OK")

			def log_message(self, *args):
				pass

		self.server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
		self.url = f"http://127.0.0.1:{self.server.server_port}/send"
		threading.Thread(target=self.server.serve_forever, daemon=True).start()
		return self

	def __exit__(self, *exc):
		self.server.shutdown()
		self.server.server_close()


def forget_rate_limits() -> None:
	frappe.cache.delete_keys("rl:leftbehind_care.parents.")


class TestParentInvitations(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		cls.a1 = cls.children["a1"]
		cls.care_class = frappe.db.get_value(CHILD, cls.a1, "care_class")
		cls.parent_row = frappe.db.get_value("Left Behind Child Parent", {"parent": cls.a1})
		cls.phone = frappe.db.get_value("Left Behind Child Parent", cls.parent_row, "phone")
		# a1's brother in the same class, with the same father away.
		# a2 stands in for a1's sibling: another class of the school (its invitations are the
		# leader's to issue), given the same father's phone while a test needs it. No child is
		# added to the world: other tests count its children.
		cls.sibling = cls.children["a2"]
		frappe.db.commit()

	def setUp(self):
		super().setUp()
		forget_rate_limits()

	def tearDown(self):
		frappe.set_user("Administrator")
		super().tearDown()

	def issue(self, child=None, user=u.TEACHER) -> dict:
		frappe.set_user(user)
		child = child or self.a1
		row = frappe.db.get_value("Left Behind Child Parent", {"parent": child})
		return parents.issue_invitation(child, "Parent Away", row)

	# ---- the staff's side

	def test_the_class_teacher_issues_an_invitation_with_a_code_shown_once(self):
		card = self.issue()
		self.assertRegex(card["code"], rf"^[{rules.CODE_ALPHABET}]{{{rules.CODE_LENGTH}}}$")
		self.assertIn(f"/parent/join?code={card['code']}&_lang=", card["link"])
		self.assertTrue(card["qr"].startswith("data:image/svg+xml;base64,"))
		frappe.set_user("Administrator")
		stored = frappe.get_doc(INVITATION, card["name"])
		self.assertEqual(stored.status, rules.PENDING)
		self.assertEqual(stored.phone, self.phone)
		self.assertEqual(stored.invitee_name, "赵甲一父")
		self.assertEqual(stored.issued_by, u.TEACHER)
		self.assertEqual(stored.code_key, rules.code_key(card["code"]))
		# Stored encrypted: the record and its history never hold the code.
		self.assertNotIn(card["code"], frappe.as_json(stored.as_dict()))
		self.assertNotIn(
			card["code"], frappe.as_json(frappe.get_all("Version", {"docname": stored.name}, ["data"]))
		)
		self.assertEqual(stored.get_password("code"), card["code"])

	def test_a_new_invitation_replaces_the_pending_one(self):
		first = self.issue()
		second = self.issue()
		self.assertEqual(frappe.db.get_value(INVITATION, first["name"], "status"), rules.REVOKED)
		self.assertEqual(frappe.db.get_value(INVITATION, second["name"], "status"), rules.PENDING)

	def test_a_leader_issues_one_too(self):
		card = self.issue(self.children["a2"], user=u.LEADER)
		self.assertEqual(frappe.db.get_value(INVITATION, card["name"], "school"), u.SCHOOL_A)

	def test_no_invitation_for_a_child_outside_the_class(self):
		before = u.count(INVITATION)
		with self.assertRaises(frappe.ValidationError) as refused:
			self.issue(self.children["b1"])
		self.assertIn(self.children["b1"], str(refused.exception))
		frappe.set_user("Administrator")
		self.assertEqual(u.count(INVITATION), before)

	def test_other_roles_neither_issue_nor_read_invitations(self):
		self.issue()
		for persona in (u.MENTOR, u.COUNSELOR, u.INSPECTOR):
			with self.subTest(persona=persona):
				frappe.set_user(persona)
				self.assertFalse(frappe.has_permission(INVITATION, "read"))
				with self.assertRaises(frappe.PermissionError):
					frappe.get_list(INVITATION)
				with self.assertRaises(frappe.PermissionError):
					self.issue(user=persona)

	def test_a_teacher_reads_only_the_invitations_of_their_class(self):
		self.issue(self.children["a2"], user=u.LEADER)
		self.issue()
		frappe.set_user(u.TEACHER)
		children = set(frappe.get_list(INVITATION, pluck="child"))
		self.assertEqual(children, {self.a1})

	def test_a_save_cannot_use_an_invitation_nor_change_what_it_was_issued_for(self):
		card = self.issue()
		frappe.set_user(u.TEACHER)
		doc = frappe.get_doc(INVITATION, card["name"])
		doc.update({"phone": "13800001111", "code_key": "x", "user": u.TEACHER, "phone_tries": 0})
		doc.save()
		stored = frappe.db.get_value(INVITATION, card["name"], ["phone", "code_key", "user"], as_dict=True)
		self.assertEqual(stored.phone, self.phone)
		self.assertEqual(stored.code_key, rules.code_key(card["code"]))
		self.assertIsNone(stored.user)
		doc.status = rules.USED
		with self.assertRaises(frappe.ValidationError) as refused:
			doc.save()
		self.assertIn("withdraw", str(refused.exception))
		self.assertEqual(frappe.db.get_value(INVITATION, card["name"], "status"), rules.PENDING)

	def test_a_withdrawn_invitation_stays_withdrawn(self):
		card = self.issue()
		parents.revoke_invitation(card["name"])
		doc = frappe.get_doc(INVITATION, card["name"])
		self.assertEqual((doc.status, doc.revoked_by), (rules.REVOKED, u.TEACHER))
		doc.status = rules.PENDING
		with self.assertRaises(frappe.ValidationError):
			doc.save()

	def test_no_invitation_without_a_mobile_number(self):
		frappe.set_user("Administrator")
		row = frappe.get_doc("Left Behind Child Parent", {"parent": self.sibling})
		frappe.db.set_value("Left Behind Child Parent", row.name, "phone", "0370-8261234")
		try:
			with self.assertRaises(frappe.ValidationError) as refused:
				self.issue(self.sibling, user=u.LEADER)
			self.assertIn("0370-8261234", str(refused.exception))
		finally:
			frappe.db.set_value("Left Behind Child Parent", row.name, "phone", row.phone)

	# ---- the parent's side, over HTTP as a guest

	def guest(self):
		frappe.db.commit()
		return u.GuestClient()

	def test_a_wrong_code_and_a_withdrawn_one_are_refused(self):
		client = self.guest()
		status, body = client.send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code="ABCDEFGHJK"
		)
		self.assertNotEqual(status, 200)
		self.assertIn("No invitation has this code", u.messages_of(body))
		card = self.issue()
		parents.revoke_invitation(card["name"])
		frappe.db.commit()
		status, body = client.send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code=card["code"]
		)
		self.assertIn("withdrawn", u.messages_of(body))

	def test_wrong_digits_count_and_five_lock_the_invitation(self):
		self.remove_parent_account()
		card = self.issue()
		client = self.guest()

		def accept(digits: str) -> tuple[int, str]:
			status, body = client.send_json(
				"post",
				"/api/method/leftbehind_care.parents.accept_invitation",
				code=card["code"],
				digits=digits,
				password=u.PASSWORD,
			)
			return status, u.messages_of(body)

		for left in range(rules.PHONE_TRIES - 1, 0, -1):
			status, said = accept("0000")
			self.assertNotEqual(status, 200)
			self.assertIn(f"{left} tries left", said)
		self.assertIn("locked", accept("0000")[1])
		# Locked: the right digits no longer open it.
		self.assertIn("locked", accept(self.phone[-4:])[1])
		frappe.db.rollback()
		self.assertEqual(frappe.db.get_value(INVITATION, card["name"], "status"), rules.PENDING)
		self.assertFalse(frappe.db.exists("User", {"mobile_no": self.phone}))

	def test_a_parent_opens_the_invitation_and_reaches_their_children_only(self):
		self.remove_parent_account()
		self.addCleanup(self.remove_parent_account)
		card = self.issue()
		client = self.guest()
		status, body = client.send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code=card["code"]
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(body["message"]["invitee_name"], "赵甲一父")
		status, body = client.send_json(
			"post",
			"/api/method/leftbehind_care.parents.accept_invitation",
			code=card["code"],
			digits=self.phone[-4:],
			password=u.PASSWORD,
		)
		self.assertEqual(status, 200, body)
		frappe.db.rollback()
		user = frappe.db.get_value("User", {"mobile_no": self.phone})
		self.assertIn(rules.PARENT_ROLE, frappe.get_roles(user))
		self.assertEqual(frappe.db.get_value("User", user, "user_type"), "Website User")
		self.assertEqual([c.child for c in parents.parent_children(user)], [self.a1])
		# Used once.
		status, body = self.guest().send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code=card["code"]
		)
		self.assertIn("already been used", u.messages_of(body))
		# The sibling's invitation joins the same account, with its own password kept.
		self.same_father_for_the_sibling()
		second = self.issue(self.sibling, user=u.LEADER)
		client = self.guest()
		status, body = client.send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code=second["code"]
		)
		self.assertTrue(body["message"]["has_account"])
		status, body = client.send_json(
			"post",
			"/api/method/leftbehind_care.parents.accept_invitation",
			code=second["code"],
			digits=self.phone[-4:],
		)
		self.assertEqual(status, 200, body)
		# Joined, not logged in: the code and the digits are no password.
		self.assertEqual(body["message"]["redirect"], "/login?redirect-to=/parent")
		self.assertIn(client.request("get", "/parent").status_code, (301, 302))
		frappe.db.rollback()
		self.assertEqual(
			sorted(c.child for c in parents.parent_children(user)), sorted([self.a1, self.sibling])
		)
		# The sibling's file no longer lists this parent (the row removed): that child is not reached.
		frappe.db.set_value(INVITATION, second["name"], "invitee_row", "row-removed", update_modified=False)
		self.assertEqual([c.child for c in parents.parent_children(user)], [self.a1])
		frappe.db.set_value(
			INVITATION, second["name"], "invitee_row", self.sibling_row(), update_modified=False
		)
		self.assertEqual(len(parents.parent_children(user)), 2)
		# The parent logs in with their mobile number.
		login = u.GuestClient()
		response = login.request("post", "/api/method/login", data={"usr": self.phone, "pwd": u.PASSWORD})
		self.assertEqual(response.status_code, 200, response.get_data(as_text=True))
		# Withdrawn by the school: that child is no longer reached; the other still is.
		frappe.set_user(u.TEACHER)
		parents.revoke_invitation(card["name"])
		self.assertEqual([c.child for c in parents.parent_children(user)], [self.sibling])
		self.assertEqual(frappe.db.get_value("User", user, "enabled"), 1)
		# The sibling leaves the programme: the account reaches nothing and is closed with the
		# last invitation withdrawn.
		frappe.set_user("Administrator")
		frappe.db.set_value(CHILD, self.sibling, "status", "Transferred")
		self.assertEqual(parents.parent_children(user), [])
		frappe.db.set_value(CHILD, self.sibling, "status", "Active")
		frappe.set_user(u.LEADER)
		parents.revoke_invitation(second["name"])
		self.assertEqual(frappe.db.get_value("User", user, "enabled"), 0)

	def same_father_for_the_sibling(self) -> None:
		row = frappe.db.get_value(
			"Left Behind Child Parent", {"parent": self.sibling}, ["name", "phone"], as_dict=True
		)
		frappe.db.set_value("Left Behind Child Parent", row.name, "phone", self.phone)
		frappe.db.commit()

		def restore():
			frappe.db.rollback()
			frappe.db.set_value("Left Behind Child Parent", row.name, "phone", row.phone)
			frappe.db.commit()

		self.addCleanup(restore)

	def sibling_row(self) -> str:
		return frappe.db.get_value("Left Behind Child Parent", {"parent": self.sibling})

	def remove_parent_account(self):
		frappe.set_user("Administrator")
		for user in frappe.get_all("User", {"mobile_no": self.phone}, pluck="name"):
			frappe.db.set_value(INVITATION, {"user": user}, "user", None)
			frappe.delete_doc("User", user, force=True, ignore_permissions=True)
		frappe.db.commit()

	def test_an_invitation_goes_by_sms_through_the_sites_gateway(self):
		card = self.issue()
		with SmsGateway() as gateway:
			frappe.set_user("Administrator")
			settings = frappe.get_single("SMS Settings")
			settings.update(
				{
					"sms_gateway_url": gateway.url,
					"message_parameter": "text",
					"receiver_parameter": "to",
					"use_post": 1,
				}
			)
			settings.set("parameters", [{"parameter": "key", "value": "lbc-test"}])
			settings.save()
			try:
				self.assertTrue(self.issue()["sms"])
				card = self.issue()
				frappe.set_user(u.TEACHER)
				sent = parents.send_invitation_sms(card["name"])
			finally:
				frappe.set_user("Administrator")
				frappe.db.set_single_value("SMS Settings", "sms_gateway_url", None)
		self.assertEqual(sent["sent_to"], self.phone)
		self.assertEqual(len(gateway.received), 1)
		received = gateway.received[0]
		self.assertEqual((received["to"], received["key"]), (self.phone, "lbc-test"))
		self.assertIn(card["code"], received["text"])
		self.assertIn(card["link"], received["text"])
		# Frappe's own SMS log would keep the code: no log of the message, a line on the invitation.
		self.assertFalse(frappe.db.exists("SMS Log", {"requested_numbers": self.phone}))
		comments = frappe.get_all("Comment", {"reference_name": card["name"]}, pluck="content")
		self.assertTrue(any(self.phone in c for c in comments))
		self.assertFalse(any(card["code"] in c for c in comments))

	def test_without_a_gateway_there_is_no_sms(self):
		frappe.db.set_single_value("SMS Settings", "sms_gateway_url", None)
		card = self.issue()
		self.assertFalse(card["sms"])
		frappe.set_user(u.TEACHER)
		with self.assertRaises(frappe.ValidationError) as refused:
			parents.send_invitation_sms(card["name"])
		self.assertIn("SMS Settings", str(refused.exception))

	def test_the_contact_card_carries_a_pending_invitation_for_those_who_issue_them(self):
		card = self.issue()
		frappe.set_user(u.TEACHER)
		printed = frappe.get_print(CHILD, self.a1, "Contact Card")
		self.assertIn(card["code"], printed)
		self.assertIn("data:image/svg+xml;base64,", printed)
		frappe.set_user(u.MENTOR)  # paired with a1: prints the card, issues no invitation
		printed = frappe.get_print(CHILD, self.a1, "Contact Card")
		self.assertNotIn(card["code"], printed)
		frappe.set_user(u.TEACHER)
		parents.revoke_invitation(card["name"])
		self.assertNotIn(card["code"], frappe.get_print(CHILD, self.a1, "Contact Card"))

	def test_guessing_codes_is_rate_limited(self):
		client = self.guest()
		statuses = [
			client.send_json(
				"post", "/api/method/leftbehind_care.parents.check_invitation", code=f"ABCDEFGH{i:02}"
			)[0]
			for i in range(GUEST_LIMIT + 1)
		]
		self.assertNotIn(200, statuses)
		self.assertEqual(statuses[-1], 429)
		self.assertNotIn(429, statuses[:-1])

	def test_the_site_lets_parents_log_in_with_their_mobile_number(self):
		self.assertEqual(frappe.db.get_single_value("System Settings", "allow_login_using_mobile_number"), 1)

	def test_an_expired_invitation_does_not_open(self):
		card = self.issue()
		frappe.db.set_value(INVITATION, card["name"], "expires_at", add_to_date(now_datetime(), minutes=-1))
		client = self.guest()
		status, body = client.send_json(
			"post", "/api/method/leftbehind_care.parents.check_invitation", code=card["code"]
		)
		self.assertIn("expired", u.messages_of(body))
