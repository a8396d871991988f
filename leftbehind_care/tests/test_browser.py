"""The desk as a person of each care role meets it, in Chinese, at desktop and phone width.

Debian's Chromium, driven by Playwright, logs in to `bench serve` (started here) as a demo user of
each role and opens the pages that role works with: the home workspace, the children's list, a
child's form, both prints and the register. On every page: no error dialog, no script error, no
English outside `browser.ALLOWED_ENGLISH`, and exactly the children the role may see. Refusals
read as one Chinese sentence. Screenshots of every page are left in
`<bench>/browser-screenshots/<site>/`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from urllib.parse import quote, urlencode

import frappe

from leftbehind_care.core import desk
from leftbehind_care.core import scope as roles
from leftbehind_care.demo import DEMO_PASSWORD
from leftbehind_care.tests import browser
from leftbehind_care.tests import utils as u

CHILD = "Left Behind Child"
WORKSPACE = "/app/left-behind-children-care"
INSPECTION = "/app/care-inspection"
REGISTER = "/app/query-report/" + quote("Child Register")
AT_RISK = "/app/query-report/" + quote("At-Risk Children")
PRIORITIES = "/app/query-report/" + quote("Three Priorities")
COVERAGE = "/app/query-report/" + quote("Care Coverage")
SUMMARY = "Care Term Summary"
FOLLOW_UPS = "/app/school-follow-ups"
PLAN_STATUS = "/app/query-report/" + quote("Intervention Plan Status")
TALK_COMPLIANCE = "/app/query-report/" + quote("Talk Compliance")
# A chart inside `where` has drawn its bars: frappe-charts first draws an empty frame, then the data.
CHART_DRAWN = """where => [...document.querySelectorAll(where + ' svg rect.bar')]
	.some(bar => parseFloat(bar.getAttribute('height')) > 0)"""
# Frappe's list shows 20 rows a page.
LIST_PAGE = 20


class TestDeskInChinese(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		# Before the class reads the site's date: the time zone may change it.
		cls.addClassCleanup(u.ready_for_the_desk())
		super().setUpClass()
		from playwright.sync_api import sync_playwright

		if not os.path.exists(browser.CHROMIUM):
			raise RuntimeError(
				f"The browser tests need Debian's chromium at {browser.CHROMIUM}: apt install chromium fonts-noto-cjk"
			)
		if frappe.db.db_type == "sqlite":
			# The desk server shares the site's one file: this process's own writes (a role, the
			# school's evaluations) wait for its lock, on a loaded machine longer than Frappe's 15 s
			# (and start from a fresh transaction: `before_writing`).
			frappe.db.set_execution_timeout(120)
		cls.people = browser.demo_people()
		cls.shots = browser.screenshot_dir()
		for old in cls.shots.glob("*.png"):
			old.unlink()  # the folder shows this run only
		cls.server = browser.DeskServer().start()
		cls.playwright = sync_playwright().start()
		cls.browser = cls.playwright.chromium.launch(
			executable_path=browser.CHROMIUM, args=browser.CHROMIUM_ARGS, headless=True
		)

	@classmethod
	def tearDownClass(cls):
		cls.browser.close()
		cls.playwright.stop()
		cls.server.stop()
		# What .ci/run reports: how many browser tests ran and how many pages they left.
		shots = len(list(cls.shots.glob("*.png")))
		(cls.shots / "run.txt").write_text(f"{cls.ran} browser tests, {shots} screenshots\n")
		print(f"\nBrowser screenshots: {cls.shots}")
		super().tearDownClass()

	def test_zz_the_readmes_screenshots_are_taken_here(self):
		"""Each screenshot the README shows is one this run took (docs/screenshots/sources.json);
		with LBC_README_SCREENSHOTS=1 the run copies them into docs/screenshots/. Runs last."""
		copy = os.environ.get("LBC_README_SCREENSHOTS") == "1"
		for name, shot in browser.readme_screenshots().items():
			taken = self.shots / shot
			self.assertTrue(taken.is_file(), f"the README's {name} comes from {shot}, which no test took")
			if copy:
				shutil.copyfile(taken, browser.README_SCREENSHOTS / name)

	def setUp(self):
		type(self).ran = getattr(type(self), "ran", 0) + 1

	# ---- one test per role, each at both widths

	def test_class_teacher(self):
		self.check_role(roles.CLASS_TEACHER, register=True)

	def test_school_leader(self):
		self.check_role(roles.SCHOOL_LEADER, register=True)

	def test_counselor(self):
		self.check_role(roles.COUNSELOR, register=True)

	def test_mentor(self):
		self.check_role(roles.MENTOR, register=False)

	def test_administrator(self):
		self.check_role(roles.ADMINISTRATOR, register=True)

	def test_inspector_sees_numbers_of_their_schools_and_no_child(self):
		person = self.people[roles.INSPECTOR]
		schools = frappe.get_all(
			"Care School Member",
			filters={"user": person.user, "member_role": roles.MEMBER_INSPECTOR},
			pluck="parent",
		)
		names = set(frappe.get_all(CHILD, filters={"school": ("in", schools)}, pluck="child_name")) | set(
			frappe.get_all(CHILD, filters={"school": ("in", schools)}, pluck="name")
		)
		for width in browser.WIDTHS:
			with self.session(person, width) as page:
				self.open(page, "/app", f"inspector-{width}-home", ".lbc-overview table td")
				self.assertTrue(page.url.endswith(INSPECTION), page.url)
				text = page.inner_text(".lbc-overview")  # inside the block's shadow root
				self.assertFalse(browser.english_words(text), text)
				for school in schools:
					self.assertIn(school, text)
				self.assertFalse({n for n in names if n in text}, "a child's name on the overview")
				# The chart of their schools' five haves by term, drawn without a script error.
				chart = ".widget svg.frappe-chart"
				page.wait_for_function(CHART_DRAWN, arg=".widget", timeout=60_000)
				page.wait_for_timeout(1500)  # a redraw as the page settles
				self.check_page(page, f"inspector-{width}-home-chart")
				self.assertIn("各校五有", page.inner_text(".widget.dashboard-widget-box"))
				if width == "desktop":  # on a phone the axis cuts the names short (the table has them)
					drawn = page.eval_on_selector(chart, "svg => svg.textContent")  # the axis's labels
					self.assertTrue(any(school in drawn for school in schools), drawn)
				# A child's file is not theirs: one calm sentence, in Chinese.
				shot = f"inspector-{width}-print"
				self.open(
					page, print_path(person.other_child, "Child File"), shot, ".page-card-head", refusal=True
				)
				self.assert_refusal(page, shot)
				# Typing a child's address, the children's list's or the register's gets the same
				# sentence.
				for index, path in enumerate(
					(f"/app/left-behind-child/{person.other_child}", "/app/left-behind-child", REGISTER)
				):
					shot = f"inspector-{width}-child-address-{index}"
					self.open(page, path, shot, ".modal.show", refusal=True)
					self.assert_refusal(page, shot)
					self.assertNotIn("left-behind-child", browser.visible_text(page), shot)

	def test_a_leader_reads_the_term_summary_and_its_print(self):
		"""学期工作总结 as the school's leader: the figures by section beside the previous term, in
		Chinese, on a phone too; the printed A4 document."""
		from leftbehind_care.compliance import care_terms, report_term

		person = self.people[roles.SCHOOL_LEADER]
		school = frappe.db.get_value(CHILD, person.child, "school")
		term = report_term(None, care_terms(), u.TODAY)
		name = frappe.db.get_value(SUMMARY, {"school": school, "term": term.name})
		if not name:  # a demo made before the summaries were
			self.before_writing()
			frappe.set_user(person.user)
			try:
				name = frappe.get_doc({"doctype": SUMMARY, "school": school, "term": term.name}).insert().name
			finally:
				frappe.set_user("Administrator")
			frappe.db.commit()  # nosemgrep: frappe-manual-commit (the server sees committed data only)
		for width in browser.WIDTHS:
			with self.session(person, width) as page:
				shot = f"leader-{width}-term-summary"
				self.open(page, f"/app/care-term-summary/{quote(name)}", shot, ".lbc-term-summary table")
				text = page.inner_text(".lbc-term-summary")
				self.assertIn(frappe._("Children at the Start of the Term", lang="zh"), text)
				self.assertIn(frappe._("The Five Haves", lang="zh"), text)
				self.assertFalse(browser.english_words(text), shot)
				if width == "phone":
					self.assert_fits(page, ".lbc-term-summary", shot)
				shot = f"leader-{width}-term-summary-print"
				path = "/printview?" + urlencode({"doctype": SUMMARY, "name": name, "format": "Term Summary"})
				self.open(page, path, shot, ".print-format")
				self.assertIn(
					frappe._("Term Summary of Care for Left-Behind Children", lang="zh"),
					page.inner_text(".print-format"),
				)

	def test_an_evaluation_read_by_its_leader_and_its_teacher(self):
		"""检查考核: the leader makes the school's evaluations from the round's form; the class teacher
		reads their own once final, in Chinese, on a phone too."""
		from leftbehind_care.compliance import care_terms, report_term
		from leftbehind_care.evaluations import make_evaluations

		leader, teacher = self.people[roles.SCHOOL_LEADER], self.people[roles.CLASS_TEACHER]
		school = frappe.db.get_value(CHILD, teacher.child, "school")
		term = report_term(None, care_terms(), u.TODAY)
		round_name = frappe.db.get_value("Care Evaluation Round", {"school": school, "term": term.name})
		self.before_writing()
		frappe.set_user(leader.user)
		try:
			if not round_name:
				round_name = (
					frappe.get_doc({"doctype": "Care Evaluation Round", "school": school, "term": term.name})
					.insert()
					.name
				)
			make_evaluations(round_name)
		finally:
			frappe.set_user("Administrator")
		mine = frappe.db.get_value(
			"Care Evaluation",
			{"evaluation_round": round_name, "subject_kind": "Class Teacher", "teacher": teacher.user},
		)
		if frappe.db.get_value("Care Evaluation", mine, "workflow_state") in ("Draft", "Confirmed"):
			frappe.db.set_value("Care Evaluation", mine, "workflow_state", "Final", update_modified=False)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (the server sees committed data only)
		with self.session(leader, "phone") as page:
			shot = "leader-phone-evaluation-round"
			self.open(page, f"/app/care-evaluation-round/{quote(round_name)}", shot, ".form-layout")
			self.assertIn(frappe._("Make Evaluations", lang="zh"), browser.visible_text(page))
		for width in browser.WIDTHS:
			with self.session(teacher, width) as page:
				shot = f"class-teacher-{width}-evaluation"
				self.open(page, f"/app/care-evaluation/{quote(mine)}", shot, ".form-layout")
				text = browser.visible_text(page)
				self.assertIn(frappe._("Score from the Metrics", lang="zh"), text)
				self.assertIn(frappe._("Total Score", lang="zh"), text)
				if width == "phone":
					self.assert_fits(page, ".form-layout", shot)

	def test_every_report_opens_bare_for_every_role(self):
		"""Each of the app's reports, opened with no filter as each care role: figures or a sentence,
		or, for a role it is not for, the one sentence of refusal; never an error or English."""
		reports = frappe.get_all(
			"Report", filters={"module": "Leftbehind Care"}, pluck="name", order_by="name"
		)
		self.assertEqual(len(reports), 11)
		for role, person in sorted(self.people.items()):
			key = frappe.scrub(role).replace("care_", "")
			with self.session(person, "desktop") as page:
				for report in reports:
					frappe.set_user(person.user)
					try:
						allowed = frappe.get_doc("Report", report).is_permitted()
					finally:
						frappe.set_user("Administrator")
					shot = f"{key}-desktop-bare-{frappe.scrub(report).replace('_', '-')}"
					page.script_errors.clear()
					page.goto(
						self.server.url + "/app/query-report/" + quote(report), wait_until="domcontentloaded"
					)
					page.wait_for_function(REPORT_SETTLED, timeout=60_000)
					if allowed and report == "Bureau Overview":
						# Its chart: bars drawn (after the first, empty frame), with no script error.
						page.wait_for_function(CHART_DRAWN, arg=".chart-container", timeout=60_000)
					page.wait_for_timeout(600)
					self.check_page(page, shot, refusal=not allowed)
					if allowed:
						self.assertFalse(error_dialogs(page), f"{shot}: {error_dialogs(page)}")
					else:
						self.assert_refusal(page, shot)

	def test_a_plan_its_schools_only_leader_submitted_goes_to_the_county(self):
		"""The deadlock case: the school's only leader, who also teaches, drafts and submits a plan. They may not
		approve it, and the form tells them the county's care administrator decides; the
		administrator finds Approve among the plan's actions."""
		from frappe.model.workflow import apply_workflow

		from leftbehind_care.reminders import leaders_by_school

		demo = f"@{browser.DEMO_COUNTY}."
		school, leader, child = next(
			(school, leaders[0], child)
			for school, leaders in sorted(leaders_by_school().items())
			if len(leaders) == 1 and demo in leaders[0]
			for child in [frappe.db.get_value(CHILD, {"school": school, "status": "Active"}, order_by="name")]
			if child
		)
		# A small school's only leader who also teaches a class, as at a 教学点.
		# (The role row alone: saving a demo user asks for Frappe's genders, which a site that
		# has not run its setup wizard lacks.)
		self.before_writing()
		frappe.get_doc(
			{
				"doctype": "Has Role",
				"parent": leader,
				"parenttype": "User",
				"parentfield": "roles",
				"role": roles.CLASS_TEACHER,
			}
		).db_insert()
		frappe.clear_cache(user=leader)
		self.addCleanup(self.remove_role, leader, roles.CLASS_TEACHER)
		frappe.set_user(leader)
		try:
			plan = frappe.get_doc(
				{
					"doctype": "Intervention Plan",
					"child": child,
					"problems": [{"problem_kind": "Not Studying", "details": "作业常不完成"}],
					"goals": "每天按时完成作业",
					"responsible_teacher": leader,
					"participating_leader": leader,
					"actions": [{"action": "每周两次课后辅导", "action_owner": leader}],
				}
			).insert()
			plan = apply_workflow(plan, "Submit for Approval")
		finally:
			frappe.set_user("Administrator")
		self.addCleanup(self.remove_plan, plan.name)
		frappe.db.commit()  # the desk server sees committed records only
		self.assertEqual(plan.approval_by_county, 1)
		county = frappe._(roles.ADMINISTRATOR, lang="zh")
		for person, width in (
			(browser.Person(roles.SCHOOL_LEADER, leader, child, child), "phone"),
			(self.people[roles.ADMINISTRATOR], "desktop"),
		):
			with self.session(person, width) as page:
				shot = f"plan-only-leader-{frappe.scrub(person.role)}-{width}"
				self.open(page, f"/app/intervention-plan/{plan.name}", shot, ".form-layout")
				page.wait_for_function(
					"() => /审批/.test(frappe.container.page.querySelector('.form-message')?.innerText || '')",
					timeout=30_000,
				)
				self.assertIn(county, page.inner_text(".page-container:visible .form-message"), shot)
				actions = page.evaluate(
					"""() => [...frappe.container.page.querySelectorAll('.actions-btn-group .dropdown-item')]
						.map(e => e.innerText.trim()).filter(Boolean)"""
				)
				approve = frappe._("Approve", lang="zh")
				if person.role == roles.ADMINISTRATOR:
					self.assertIn(approve, actions, shot)
				else:
					self.assertNotIn(approve, actions, shot)

	@staticmethod
	def remove_role(user: str, role: str) -> None:
		frappe.db.delete("Has Role", {"parent": user, "parenttype": "User", "role": role})
		frappe.clear_cache(user=user)
		frappe.db.commit()

	@staticmethod
	def remove_plan(name: str) -> None:
		frappe.db.delete("Notification Log", {"document_type": "Intervention Plan", "document_name": name})
		frappe.delete_doc("Intervention Plan", name, force=True, ignore_permissions=True)
		frappe.db.commit()

	def test_another_classs_child_is_refused_calmly(self):
		person = self.people[roles.CLASS_TEACHER]
		other = person.other_child
		for width in browser.WIDTHS:
			with self.session(person, width) as page:
				name = frappe.db.get_value(CHILD, other, "child_name")
				self.open(
					page, f"/app/left-behind-child/{other}", f"refusal-{width}-form", "body", refusal=True
				)
				self.assert_refusal(page, f"refusal-{width}-form", secret=name)
				for print_format in ("Child File", "Contact Card"):
					shot = f"refusal-{width}-print-{frappe.scrub(print_format)}"
					self.open(page, print_path(other, print_format), shot, ".page-card-head", refusal=True)
					self.assert_refusal(page, shot, secret=name)

	def test_a_parent_joins_on_a_phone_and_the_class_teacher_sees_it(self):
		"""家长端, the whole journey at 390 px in Chinese: the class teacher issues an invitation from
		the child's form; the parent opens it on a phone (the phone's last four digits, a password),
		accepts the notice, logs a call, acknowledges an incident, changes their phone number; the
		class teacher sees each on their desk."""
		teacher = self.people[roles.CLASS_TEACHER]
		child = teacher.child
		self.before_writing()
		father = parent_on_a_phone(child)
		self.before_writing()
		incident = told_incident(child)
		# A journey cut short leaves no pending invitation on the card the class teacher prints.
		self.addCleanup(revoke_pending, child)
		with self.session(teacher, "phone") as page:
			self.open(
				page, f"/app/left-behind-child/{child}", "class_teacher-phone-parent-invite", ".form-layout"
			)
			click_form_button(page, "邀请家长")
			page.wait_for_selector(".modal.show .btn-primary", timeout=30_000)
			page.locator(".modal.show .btn-primary").click()
			page.wait_for_selector(".lbc-invitation-code", timeout=30_000)
			code = page.inner_text(".lbc-invitation-code").strip()
			link = re.sub(r"\s", "", page.inner_text(".lbc-invitation .text-muted"))
			page.screenshot(
				path=str(self.shots / "class_teacher-phone-parent-invitation.png"), full_page=True
			)
			self.assertIn(f"code={code}", link)
			# In Chinese but for the code and the link themselves.
			shown = re.sub(r"\s", "", page.inner_text(".modal.show .modal-body"))
			shown = shown.replace(link, "").replace(code, "")
			self.assertFalse(browser.english_words(shown), shown)
		with self.parent_session() as page:
			page.goto(link.replace(frappe.utils.get_url(), self.server.url), wait_until="domcontentloaded")
			page.wait_for_selector("#lbc-join-confirm:not(.hidden)", timeout=30_000)
			self.assertIn(father.parent_name, page.inner_text("#lbc-join-for"))
			self.check_page(page, "parent-phone-join")
			page.fill("#lbc-digits", father.phone[-4:])
			page.fill("#lbc-password", PARENT_PASSWORD)
			page.locator("#lbc-join-confirm button[type=submit]").click()
			page.wait_for_url("**/parent", timeout=30_000)
			page.wait_for_selector("#lbc-notice", timeout=30_000)
			self.check_page(page, "parent-phone-notice")
			self.assert_page_fits(page, "parent-phone-notice")
			page.locator("#lbc-accept-notice").click()
			page.wait_for_selector("#lbc-notice", state="detached", timeout=30_000)
			# 学校来信: the incident, acknowledged with one tap.
			page.locator(f'.lbc-acknowledge[data-incident="{incident}"]').click()
			page.wait_for_selector(f'.lbc-letter[data-reference="{incident}"] .lbc-ok', timeout=30_000)
			# 亲情联系: a video call of 20 minutes.
			page.select_option("#lbc-call-channel", "Video")
			page.fill("#lbc-call-minutes", "20")
			page.locator("#lbc-call button[type=submit]").click()
			page.wait_for_selector("#lbc-call .lbc-note.lbc-ok", timeout=30_000)
			# 我的信息: a new phone number.
			page.fill("#lbc-info-phone", father.new_phone)
			page.locator("#lbc-info button[type=submit]").click()
			page.wait_for_selector("#lbc-info .lbc-note.lbc-ok", timeout=30_000)
			self.check_page(page, "parent-phone-home")
			self.assert_page_fits(page, "parent-phone-home")
		with self.session(teacher, "phone") as page:
			self.open(
				page, f"/app/left-behind-child/{child}", "class_teacher-phone-parent-sees", ".form-layout"
			)
			self.assertIn(father.new_phone, page.inner_text("[data-fieldname=parents_away]"))
			self.open(
				page, f"/app/care-incident/{incident}", "class_teacher-phone-parent-incident", ".form-layout"
			)
			acknowledged = page.evaluate("() => cur_frm.doc.parents_acknowledged_at")
			self.assertTrue(acknowledged, "the incident does not show the parents' acknowledgement")
			contact = frappe.db.get_value(
				"Family Contact", {"child": child, "logged_by_parent": 1, "minutes": 20}
			)
			self.assertTrue(contact, "the parent's call is not recorded")
			self.open(
				page, f"/app/family-contact/{contact}", "class_teacher-phone-parent-call", ".form-layout"
			)
			self.assertEqual(page.evaluate("() => cur_frm.doc.channel"), "Video")
			told = frappe.get_all("Notification Log", {"for_user": teacher.user}, pluck="subject")
			self.assertTrue(any(father.new_phone in subject for subject in told), "the teacher is not told")

	def parent_session(self):
		"""A parent's phone: a browser at 390 px in Chinese that has not logged in."""
		return Session(self, None, "phone")

	def assert_page_fits(self, page, shot: str) -> None:
		width = page.evaluate("() => document.documentElement.scrollWidth")
		self.assertLessEqual(width, 390, f"{shot}: wider than the phone")

	# ---- what every role that works with children checks

	def check_role(self, role: str, register: bool) -> None:
		person = self.people[role]
		key = frappe.scrub(role).replace("care_", "")
		visible = readable_names(CHILD, person.user)
		for width in browser.WIDTHS:
			with self.session(person, width) as page:
				prefix = f"{key}-{width}"
				if desk.home_page(frappe.get_roles(person.user)) == desk.MY_STUDENTS:
					# Class teachers and mentors land on 我的学生; the workspace is a click away.
					self.open(page, "/app", f"{prefix}-home", ".my-students .page-head, .page-head")
					page.wait_for_selector(".my-students", timeout=30_000)
					self.assertIn(frappe._("My Students", lang="zh"), page.inner_text(".page-head:visible"))
					self.open(page, WORKSPACE, f"{prefix}-workspace", ".number-widget-box .widget-content")
				else:
					self.open(page, "/app", f"{prefix}-home", ".number-widget-box .widget-content")
					self.assertTrue(page.url.endswith(WORKSPACE), page.url)
				self.assert_number_cards(page, person.user, prefix)
				# Frappe's own workspaces (Users, Website, Tools…) are not in a care user's sidebar.
				modules = page.evaluate(
					"() => (frappe.boot.allowed_workspaces || frappe.boot.sidebar_pages.pages).map(p => p.module)"
				)
				self.assertEqual(set(modules), {"Leftbehind Care"}, prefix)
				if width == "phone":
					self.assert_notifications_fit(page, f"{prefix}-notifications")

				self.open(page, "/app/left-behind-child", f"{prefix}-list", ".frappe-list .result")
				rows = page.eval_on_selector_all(
					".list-row-checkbox[data-name]", "els => els.map(e => decodeURIComponent(e.dataset.name))"
				)
				self.assertEqual(len(rows), min(LIST_PAGE, len(visible)), prefix)
				self.assertLessEqual(set(rows), visible, f"{prefix}: a child outside the scope is listed")
				if width == "phone":
					# The filters are folded: the name box shows, the others wait behind a button.
					filters = page.locator(".page-form .frappe-control:visible")
					self.assertEqual(filters.count(), 1, f"{prefix}: filters not folded")
					first = page.locator(".list-row-container").first.bounding_box()
					self.assertLess(first["y"] + first["height"], 844, "the first child is below the fold")

				child_name = frappe.db.get_value(CHILD, person.child, "child_name")
				self.open(page, f"/app/left-behind-child/{person.child}", f"{prefix}-form", ".form-layout")
				self.assertIn(child_name, page.inner_text(".page-head"))
				# 五有: five marks, each unmet one with its gap named, in Chinese.
				page.wait_for_selector(".lbc-five-haves .lbc-have", timeout=30_000)
				self.assertEqual(page.locator(".lbc-five-haves .lbc-have").count(), 5, prefix)
				self.assertFalse(browser.english_words(page.inner_text(".lbc-five-haves")), prefix)
				page.screenshot(path=str(self.shots / f"{prefix}-form.png"), full_page=True)
				if width == "phone":
					self.assert_phones_shown(page, prefix)
				self.check_records(page, person, prefix)

				for print_format in ("Child File", "Contact Card"):
					shot = f"{prefix}-print-{frappe.scrub(print_format)}"
					self.open(page, print_path(person.child, print_format), shot, ".print-format")
					self.assertIn(child_name, page.inner_text(".print-format"))
					if width == "phone":
						self.assert_fits(page, ".print-format", shot)

				if register:
					self.open(page, REGISTER, f"{prefix}-register", ".dt-scrollable .dt-row")
					self.assert_title_whole(page, f"{prefix}-register")
					shown = set(
						page.eval_on_selector_all(
							".dt-scrollable .dt-row .dt-cell__content--col-1",
							"els => els.map(e => e.innerText.trim())",
						)
					)
					self.assertTrue(shown, prefix)
					self.check_children_in_trouble(page, person, prefix, visible)

	def check_records(self, page, person, prefix: str) -> None:
		"""Every care record the person may read (each family the privacy audit covers): its list
		shows only what the person may see, and the first record's form opens, in Chinese. Moves
		within the desk as a person clicking does (no reload: a page each is quick). What a role
		changes on these pages (rows, buttons, hidden fields, alerts) shows at phone width; the
		desktop layout, the same for every role, is checked as the county's administrator."""
		if prefix.endswith("desktop") and person.role != roles.ADMINISTRATOR:
			return
		for doctype in care_records():
			if not frappe.has_permission(doctype, "read", user=person.user):
				continue
			readable = readable_names(doctype, person.user)
			shot = f"{prefix}-records-{frappe.scrub(doctype).replace('_', '-')}"
			self.go(page, ["List", doctype], shot, LIST_SHOWN)
			rows = page.evaluate(
				"""() => [...frappe.container.page.querySelectorAll('.list-row-checkbox[data-name]')]
					.map(e => decodeURIComponent(e.dataset.name))"""
			)
			self.assertLessEqual(set(rows), readable, f"{shot}: a record outside the scope is listed")
			self.assertEqual(len(rows), min(LIST_PAGE, len(readable)), shot)
			if prefix.endswith("phone"):
				self.assert_fits(page, ".frappe-list", shot)
			if rows:
				self.go(page, ["Form", doctype, rows[0]], f"{shot}-form", FORM_SHOWN)
				if prefix.endswith("phone"):
					self.assert_tables_reachable(page, f"{shot}-form")

	def check_children_in_trouble(self, page, person, prefix: str, visible: set[str]) -> None:
		"""A new assessment asks the default template's questions; the two reports list only the
		person's own children and plans."""
		self.open(
			page, f"/app/care-assessment/new?child={quote(person.child)}", f"{prefix}-assessment", ".lbc-q"
		)
		page.wait_for_function("document.querySelectorAll('.lbc-q').length >= 18", timeout=30_000)
		self.assertEqual(page.locator(".lbc-q").count(), 18, prefix)
		page.locator(".lbc-q").first.locator("button").nth(2).click()
		page.wait_for_function("document.querySelector('.lbc-q .btn-primary') !== null", timeout=10_000)
		page.screenshot(path=str(self.shots / f"{prefix}-assessment.png"), full_page=True)
		if prefix.endswith("phone"):
			self.assert_fits(page, ".lbc-questionnaire", f"{prefix}-assessment")
		self.open(page, AT_RISK, f"{prefix}-at-risk", ".report-wrapper, .dt-scrollable")
		listed = set(
			page.eval_on_selector_all(
				".dt-scrollable .dt-row .dt-cell__content--col-1", "els => els.map(e => e.innerText.trim())"
			)
		) - {""}
		# A child link shows the file number or, where Frappe shows titles, the child's name.
		titles = set(frappe.get_all(CHILD, filters={"name": ("in", sorted(visible))}, pluck="child_name"))
		self.assertLessEqual(listed, visible | titles, f"{prefix}: a child outside the scope is at risk")
		self.open(page, PLAN_STATUS, f"{prefix}-plan-status", ".report-wrapper, .dt-scrollable")
		self.assert_title_whole(page, f"{prefix}-plan-status")
		self.open(page, TALK_COMPLIANCE, f"{prefix}-talk-compliance", ".report-wrapper, .dt-scrollable")
		self.assert_title_whole(page, f"{prefix}-talk-compliance")
		self.open(page, PRIORITIES, f"{prefix}-priorities", ".report-wrapper, .dt-scrollable")
		self.assert_title_whole(page, f"{prefix}-priorities")
		self.open(page, COVERAGE, f"{prefix}-coverage", ".report-wrapper, .dt-scrollable")
		self.assert_title_whole(page, f"{prefix}-coverage")
		if frappe.has_permission("Schooling Follow-up", "read", user=person.user) and frappe.has_permission(
			"Safety Inspection", "read", user=person.user
		):
			self.open(page, FOLLOW_UPS, f"{prefix}-follow-ups", ".number-widget-box .widget-content")
			self.assert_follow_up_cards(page, person.user, f"{prefix}-follow-ups")
			self.check_plan_waiting_for_approval(page, person.user, prefix)

	def check_plan_waiting_for_approval(self, page, user: str, prefix: str) -> None:
		"""A plan waiting for approval says who decides it, and on a phone its Actions button keeps
		its label."""
		frappe.set_user(user)
		try:
			pending = frappe.get_list(
				"Intervention Plan", filters={"workflow_state": "Pending Approval"}, pluck="name", limit=1
			)
		finally:
			frappe.set_user("Administrator")
		if not pending:
			return
		shot = f"{prefix}-plan-pending"
		self.go(page, ["Form", "Intervention Plan", pending[0]], shot, FORM_SHOWN)
		page.wait_for_function(
			"() => /审批/.test(frappe.container.page.querySelector('.form-message')?.innerText || '')",
			timeout=30_000,
		)
		actions = page.locator(".page-container:visible .actions-btn-group:not(.hide)")
		if prefix.endswith("phone") and actions.count() and actions.first.is_visible():
			label = actions.first.locator(".actions-btn-group-label")
			self.assertTrue(label.is_visible(), f"{shot}: the Actions button has no label")

	def assert_follow_up_cards(self, page, user: str, shot: str) -> None:
		"""The school leader's cards: open dropout cases, overdue hazards, plans waiting for their
		approval and plans overdue for review, of their schools."""
		page.wait_for_function(
			"() => [...document.querySelectorAll('.number-widget-box .number')].every(e => /\\d/.test(e.innerText))",
			timeout=30_000,
		)
		shown = dict(
			page.eval_on_selector_all(
				".number-widget-box",
				"""els => els.map(e => [e.querySelector('.widget-title').innerText.trim(),
					e.querySelector('.number').innerText.trim()])""",
			)
		)
		frappe.set_user(user)
		try:
			cases = len(
				frappe.get_list("Schooling Follow-up", filters={"case_status": "Following Up"}, pluck="name")
			)
			hazards = sum(
				frappe.get_list(
					"Safety Inspection", filters={"overdue_hazards": (">", 0)}, pluck="overdue_hazards"
				)
			)
			awaiting = len(
				frappe.get_list(
					"Intervention Plan", filters={"workflow_state": "Pending Approval"}, pluck="name"
				)
			)
			overdue = len(
				frappe.get_list(
					"Intervention Plan",
					filters={"review_overdue": 1, "workflow_state": ("in", ["In Progress", "Under Review"])},
					pluck="name",
				)
			)
		finally:
			frappe.set_user("Administrator")
		for label, expected in (
			("Open Schooling Follow-ups", cases),
			("Overdue Safety Hazards", hazards),
			("Plans Awaiting Approval", awaiting),
			("Plan Reviews Overdue", overdue),
		):
			label = frappe._(label, lang="zh")
			self.assertIn(label, shown, f"{shot}: card {label} not shown")
			self.assertEqual(
				int(float(re.sub(r"[^\d.]", "", shown[label]) or 0)), expected, f"{shot}: card {label}"
			)

	# ---- steps

	@staticmethod
	def before_writing() -> None:
		"""End this process's read transaction before it writes. On SQLite a write from a
		transaction that read before the desk server's last write fails at once ("database is
		locked") instead of waiting for the server's lock; a fresh one waits."""
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (nothing written yet: ends the read)

	def session(self, person, width: str):
		return Session(self, person, width)

	def open(self, page, path: str, shot: str, ready: str, refusal: bool = False) -> None:
		"""Open a page, wait for `ready`, save a screenshot, and check what every page must (a
		refusal may come in a dialog: `assert_refusal` reads it)."""
		page.script_errors.clear()
		page.goto(self.server.url + path, wait_until="domcontentloaded")
		page.wait_for_selector(ready, state="attached", timeout=60_000)
		page.wait_for_timeout(1200)  # late renders: number cards, indicators, translations
		self.check_page(page, shot, refusal)

	def go(self, page, route: list[str], shot: str, shown: str) -> None:
		"""Move within the open desk to `route` (as a click on a link does), wait until the
		JavaScript condition `shown` holds, and check the page as `open` does."""
		page.script_errors.clear()
		page.evaluate("route => frappe.set_route(...route)", route)
		page.wait_for_function(shown, arg=route, timeout=60_000)
		page.wait_for_timeout(300)  # alerts shown on arrival
		self.check_page(page, shot)

	def check_page(self, page, shot: str, refusal: bool = False) -> None:
		page.screenshot(path=str(self.shots / f"{shot}.png"), full_page=True)
		self.assertFalse(page.script_errors, f"{shot}: script errors {page.script_errors}")
		if not refusal:
			self.assertFalse(error_dialogs(page), f"{shot}: error dialog {error_dialogs(page)}")
		text = browser.visible_text(page)
		words = browser.english_words(text)
		lines = [line for line in text.splitlines() if browser.english_words(line)]
		self.assertFalse(words, f"{shot}: English on the page: {sorted(words)} in {lines[:5]}")

	def assert_refusal(self, page, shot: str, secret: str | None = None) -> None:
		text = browser.visible_text(page)
		self.assertIn("不在您负责的儿童和记录之中", text, f"{shot}: no refusal shown")
		self.assertNotIn("Traceback", text)
		self.assertNotIn("Not allowed", text)
		if secret:
			self.assertNotIn(secret, text, f"{shot}: the refused child's name is shown")

	def assert_number_cards(self, page, user: str, shot: str) -> None:
		on_workspace = frappe.get_all(
			"Workspace Number Card", filters={"parent": "Left-Behind Children Care"}, pluck="number_card_name"
		)
		cards = frappe.get_all(
			"Number Card",
			filters={"module": "Leftbehind Care", "name": ("in", on_workspace)},
			fields=["name", "label", "filters_json", "document_type"],
		)
		self.assertEqual(len(cards), 3)
		page.wait_for_function(
			"""() => [...document.querySelectorAll('.number-widget-box .number')]
				.every(e => /\\d/.test(e.innerText))""",
			timeout=30_000,
		)
		shown = dict(
			page.eval_on_selector_all(
				".number-widget-box",
				"""els => els.map(e => [e.querySelector('.widget-title').innerText.trim(),
					e.querySelector('.number').innerText.trim()])""",
			)
		)
		frappe.set_user(user)
		try:
			for card in cards:
				expected = len(
					frappe.get_list(
						card.document_type,
						filters=json.loads(card.filters_json),
						pluck="name",
						limit_page_length=0,
					)
				)
				label = frappe._(card.label, lang="zh")
				self.assertIn(label, shown, f"{shot}: card {label} not shown")
				self.assertEqual(int(re.sub(r"\D", "", shown[label]) or 0), expected, f"{shot}: card {label}")
		finally:
			frappe.set_user("Administrator")

	def assert_phones_shown(self, page, shot: str) -> None:
		for table in ("parents_away", "guardians"):
			cells = page.locator(
				f'.frappe-control[data-fieldname="{table}"] .grid-body .grid-static-col[data-fieldname="phone"]'
			)
			for index in range(cells.count()):
				box = cells.nth(index).bounding_box()
				self.assertIsNotNone(box, f"{shot}: {table} phone hidden")
				self.assertLessEqual(box["x"] + box["width"], 390, f"{shot}: {table} phone off screen")

	def assert_title_whole(self, page, shot: str) -> None:
		"""A report's name shows whole in its page's title, at either width."""
		cut = page.evaluate(
			"""() => [...document.querySelectorAll('.page-head .title-text')]
				.filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""
		)
		self.assertFalse(cut, f"{shot}: the title ends in …")

	def assert_notifications_fit(self, page, shot: str) -> None:
		"""The notification panel opens within the phone's screen."""
		page.locator(".dropdown-notifications .nav-link, .dropdown-notifications > a").first.click()
		page.wait_for_selector(".notifications-list", state="visible", timeout=10_000)
		page.wait_for_timeout(300)
		page.screenshot(path=str(self.shots / f"{shot}.png"))
		left, right = page.evaluate(
			"() => { const r = document.querySelector('.notifications-list').getBoundingClientRect(); return [r.left, r.right] }"
		)
		self.assertGreaterEqual(left, -1, f"{shot}: the panel starts off the screen")
		self.assertLessEqual(right, 391, f"{shot}: the panel runs off the screen")
		words = browser.english_words(page.inner_text(".notifications-list"))
		self.assertFalse(words, f"{shot}: English in the notification panel: {sorted(words)}")
		page.keyboard.press("Escape")

	def assert_tables_reachable(self, page, shot: str) -> None:
		"""Every table of the form shows its columns on a phone, or scrolls sideways to them:
		none is cut off at the screen's edge."""
		cut = page.evaluate(
			"""() => [...frappe.container.page.querySelectorAll('.form-grid-container')]
				.filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1
					&& !['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
				.map(e => e.closest('[data-fieldname]')?.dataset.fieldname)"""
		)
		self.assertFalse(cut, f"{shot}: tables cut off on a phone")

	def assert_fits(self, page, selector: str, shot: str) -> None:
		width = page.evaluate("() => document.documentElement.scrollWidth")
		self.assertLessEqual(width, 390, f"{shot}: wider than the phone")
		for right in page.eval_on_selector_all(
			".lbc-phone", "els => els.map(e => e.getBoundingClientRect().right)"
		):
			self.assertLessEqual(right, 390, f"{shot}: a phone number is cut off")


class Session:
	"""A logged-in browser context of one person (None: a visitor) at one width, closed on leaving."""

	def __init__(self, case: TestDeskInChinese, person, width: str) -> None:
		self.case, self.person, self.width = case, person, width

	def __enter__(self):
		viewport_width, height = browser.WIDTHS[self.width]
		self.context = self.case.browser.new_context(
			viewport={"width": viewport_width, "height": height}, locale="zh-CN"
		)
		from playwright.sync_api import TimeoutError as WaitRanOut

		self.page, self.unanswered, self.server_errors = None, {}, []
		server = self.case.server
		if not server.answers():
			# Said in the test's output (.ci/run shows these lines) with what the server's threads
			# were doing; the test then runs against a new server.
			print(f"\nThe desk server stopped answering; its threads: {server.stacks()}; restarted.")
			server.restart()
		if self.person is not None:
			try:
				response = self.context.request.post(
					self.case.server.url + "/api/method/login",
					form={"usr": self.person.user, "pwd": DEMO_PASSWORD},
				)
			except WaitRanOut as error:
				self.context.close()
				raise AssertionError(f"login unanswered: {self.stalled()}") from error
			self.case.assertEqual(response.status, 200, f"login of {self.person.user}: {response.text()}")
		page = self.context.new_page()
		page.script_errors = []
		page.on("pageerror", lambda error: page.script_errors.append(str(error)))
		# What the server has not answered yet, and what it answered with an error: said when a
		# wait runs out.
		page.on("request", lambda request: self.unanswered.__setitem__(request, time.monotonic()))
		page.on("requestfinished", lambda request: self.unanswered.pop(request, None))
		page.on("requestfailed", lambda request: self.unanswered.pop(request, None))
		page.on("response", self.note_server_error)
		self.page = page
		return page

	def __exit__(self, kind, error, trace) -> None:
		from playwright.sync_api import TimeoutError as WaitRanOut

		try:
			if kind is not None and issubclass(kind, WaitRanOut):
				raise AssertionError(self.stalled()) from error
		finally:
			self.context.close()

	def note_server_error(self, response) -> None:
		if response.status >= 500:
			self.server_errors.append(f"{response.status} {response.request.method} {response.url}")

	def stalled(self) -> str:
		"""Why a page did not come: its screenshot (stalled-….png), the requests still unanswered
		and for how long, the server's errors, and what the page says."""
		user = self.person.user if self.person else "visitor"
		shot = self.case.shots / f"stalled-{user.split('@')[0]}-{self.width}-{int(time.time())}.png"
		now = time.monotonic()
		if self.page is None:  # the login itself went unanswered
			url, text = "?", "(no page yet)"
		else:
			try:
				self.page.screenshot(path=str(shot), full_page=True)
				url, text = self.page.url, " ".join(browser.visible_text(self.page).split())[:300]
			except Exception as failure:  # the page is gone
				url, text = "?", f"(page unreadable: {failure})"
		unanswered = [
			f"{request.method} {request.url} ({now - since:.0f} s)"
			for request, since in self.unanswered.items()
		]
		return (
			f"{user} at {self.width} width, on {url}: the wait ran out; unanswered requests: "
			f"{unanswered or 'none'}; server errors: {self.server_errors or 'none'}; the page says: {text!r}; "
			f"screenshot {shot.name}; the server's threads: {self.case.server.stacks()}"
		)


def click_form_button(page, label: str) -> None:
	"""A form's own button: on a phone Frappe folds it into the ⋯ menu."""
	button = page.locator(".page-actions .inner-group-button, .page-actions button:visible").get_by_text(
		label
	)
	if button.count() and button.first.is_visible():
		button.first.click()
		return
	page.locator(".page-actions .menu-btn-group > button:visible").click()
	page.locator(".page-actions .dropdown-menu.show").get_by_text(label, exact=True).click()


PARENT_PASSWORD = "Jia-Zhang-2026!"
INCIDENT_TOLD = "课间在操场摔倒，擦伤膝盖"


def parent_on_a_phone(child: str):
	"""The child's first parent away, given a mobile number no account has (this run's own: an
	account of an earlier run keeps its number), with no invitation pending (committed); and the
	number they change to. No account is deleted: on SQLite a deletion's many writes wait on the
	desk server's."""
	row = frappe.get_all(
		"Left Behind Child Parent",
		filters={"parent": child, "parenttype": CHILD},
		fields=["name", "phone", "parent_name"],
		order_by="idx",
	)[0]
	run = f"{int(time.time()) % 10**8:08d}"
	row.phone, row.new_phone = f"136{run}", f"137{run}"
	frappe.db.set_value("Left Behind Child Parent", row.name, "phone", row.phone)
	frappe.db.set_value("Care Parent Invitation", {"child": child, "status": "Pending"}, "status", "Revoked")
	frappe.db.commit()
	return row


def revoke_pending(child: str) -> None:
	frappe.db.rollback()
	frappe.db.set_value("Care Parent Invitation", {"child": child, "status": "Pending"}, "status", "Revoked")
	frappe.db.commit()


def told_incident(child: str) -> str:
	"""A major incident of the child the parents were told of an hour ago (committed)."""
	now = frappe.utils.now_datetime()
	told = {"child": child, "description": INCIDENT_TOLD}
	for name in frappe.get_all("Care Incident", filters=told, pluck="name"):
		frappe.delete_doc("Care Incident", name, force=True, ignore_permissions=True)
	doc = frappe.get_doc(
		{
			"doctype": "Care Incident",
			"child": child,
			"incident_kind": "Injury",
			"occurred_at": frappe.utils.add_to_date(now, hours=-3),
			"description": INCIDENT_TOLD,
			"parents_notified_at": frappe.utils.add_to_date(now, hours=-1),
			"notified_by": "班主任",
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	return doc.name


def print_path(child: str, print_format: str) -> str:
	return "/printview?" + urlencode({"doctype": CHILD, "name": child, "format": print_format})


# When a page reached by `go` is shown: the list of the DocType with its rows (or the sentence
# that there are none) loaded; the record's form.
LIST_SHOWN = """([, doctype]) => frappe.get_route_str() === `List/${doctype}/List`
	&& window.cur_list && cur_list.doctype === doctype && cur_list.$result && !cur_list.$result.find('.list-loading').length
	&& !!frappe.container.page.querySelector(
		'.frappe-list .result .list-row-container, .frappe-list .no-result:not(.hide)')"""
FORM_SHOWN = """([, doctype, name]) => window.cur_frm && cur_frm.doctype === doctype
	&& cur_frm.docname === name && frappe.get_route_str() === `Form/${doctype}/${name}`
	&& !!frappe.container.page.querySelector('.form-layout')"""


# When a report page has settled: its refusal shown, or its rows, or its sentence (a message, or
# "nothing to show"), with nothing loading.
REPORT_SETTLED = """() => !!document.querySelector('.modal.show') || (window.frappe && frappe.query_report
	&& frappe.query_report.$loading && !frappe.query_report.$loading.is(':visible')
	&& (!!frappe.query_report.$report[0].querySelector('.dt-scrollable')
		|| frappe.query_report.$message.is(':visible')))"""


def care_records() -> list[str]:
	"""The DocTypes of care records, one per family the privacy audit covers (the child's file is
	checked on its own), so a new record joins the browser test as it joins the audit."""
	from leftbehind_care.permissions import FAMILIES

	heads = {family[0] for family in FAMILIES.values()} - {CHILD}
	return sorted(doctype for doctype in heads if not frappe.get_meta(doctype).istable)


def readable_names(doctype: str, user: str) -> set[str]:
	frappe.set_user(user)
	try:
		return set(frappe.get_list(doctype, pluck="name", limit_page_length=0))
	finally:
		frappe.set_user("Administrator")


def error_dialogs(page) -> list[str]:
	return page.eval_on_selector_all(".modal.show", "els => els.map(e => e.innerText.trim()).filter(Boolean)")
