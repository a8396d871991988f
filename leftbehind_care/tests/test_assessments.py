"""关爱评估 as real users: templates and their rules, an assessment scored on save (the core's
numbers), once per term, a high result drafting one plan and telling the school's leaders, the
trend on the child's form, and the At-Risk Children and Intervention Plan Status reports scoped to
each role."""

from __future__ import annotations

import datetime

import frappe
from frappe.utils import add_days, add_to_date, now_datetime

from leftbehind_care import assessments
from leftbehind_care.core import assessment as rules
from leftbehind_care.tests import utils as u

ASSESSMENT = "Care Assessment"
TEMPLATE = "Assessment Template"
PLAN = "Intervention Plan"
DAY = datetime.timedelta(days=1)


def answers(value: int = 0, **overrides) -> list[dict]:
	"""Every question of the default template answered `value`, some otherwise; keys only, as a
	client other than the form sends them."""
	return [
		{"item_key": item.key, "answer": str(overrides.get(item.key, value))}
		for item in rules.DEFAULT_TEMPLATE
	]


class AssessmentCase(u.CareTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.children = u.make_world()
		assessments.ensure_default_template()
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (REST requests see committed data)
		cls.template = assessments.default_template()

	def setUp(self):
		# The site's terms, and one of our own where it has none around today (within the test's
		# transaction; the REST test commits and removes exactly the ones made here).
		self.terms = u.terms_around_today()
		self.this_term, self.last_term = self.terms.this_term, self.terms.last_term
		filed_on = self.terms.earliest - DAY
		frappe.db.set_value("Left Behind Child", self.children["a1"], "filed_on", filed_on)

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.db.rollback()

	def assess(self, user: str = u.TEACHER, child: str | None = None, value: int = 0, **fields):
		overrides = fields.pop("overrides", {})
		with self.set_user(user):
			return frappe.get_doc(
				{
					"doctype": ASSESSMENT,
					"child": child or self.children["a1"],
					"template": self.template,
					"answers": answers(value, **overrides),
					**fields,
				}
			).insert()

	def assertRefused(self, fragment: str, user: str = u.TEACHER, **fields):
		before = frappe.db.count(ASSESSMENT), frappe.db.count(PLAN)
		with self.assertRaises(frappe.ValidationError) as ctx:
			self.assess(user, **fields)
		frappe.set_user("Administrator")  # v16's set_user does not restore the user on an exception
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual((frappe.db.count(ASSESSMENT), frappe.db.count(PLAN)), before)


class TestTemplates(AssessmentCase):
	def test_the_default_template_is_the_cores(self):
		doc = frappe.get_doc(TEMPLATE, self.template)
		self.assertEqual(doc.template_name, rules.DEFAULT_TEMPLATE_NAME)
		self.assertEqual(
			assessments.template_items(doc),
			tuple(
				rules.Item(i.key, i.domain, i.scale_max, i.weight, i.red_flag_at, ())
				for i in rules.DEFAULT_TEMPLATE
			),
		)
		self.assertEqual(assessments.thresholds(doc), rules.DEFAULT_THRESHOLDS)
		self.assertEqual(doc.items[8].question, rules.DEFAULT_QUESTIONS["psychology_self_harm"][1])
		modified = doc.modified
		assessments.ensure_default_template()  # on every migrate: nothing changes
		self.assertEqual(frappe.db.get_value(TEMPLATE, self.template, "modified"), modified)

	def new_template(self, **fields):
		return frappe.get_doc(
			{
				"doctype": TEMPLATE,
				"template_name": "测试模板",
				"medium_threshold": 30,
				"high_threshold": 55,
				"items": [
					{"item_key": "q1", "domain": "Study", "question": "作业", "scale_max": 3, "weight": 1},
					{
						"item_key": "q2",
						"domain": "Safety",
						"question": "独自在家",
						"scale_max": 3,
						"weight": 2,
					},
				],
				**fields,
			}
		)

	def test_bad_templates_are_refused_naming_the_question(self):
		for change, fragment in (
			({"red_flag_at": 5}, "“独自在家”: a red flag from answer 5"),
			({"answer_labels": "有/无"}, "“独自在家”: 2 answer labels"),
			({"scale_max": 12}, "“独自在家”: the highest answer is 12"),
			({"weight": 0}, "the weight is 0"),
		):
			with self.subTest(change=change):
				doc = self.new_template()
				doc.items[1].update(change)
				with self.assertRaises(frappe.ValidationError) as ctx:
					doc.insert()
				self.assertIn(fragment, str(ctx.exception))
		doc = self.new_template(medium_threshold=60)
		self.assertRaisesRegex(frappe.ValidationError, "Medium risk must begin", doc.insert)
		self.assertFalse(frappe.db.exists(TEMPLATE, "测试模板"))

	def test_a_template_in_use_keeps_its_scoring_but_may_be_reworded(self):
		self.assess()
		doc = frappe.get_doc(TEMPLATE, self.template)
		doc.items[0].question = "经常不能按时完成作业"
		doc.save()
		doc.items[0].weight = 3
		self.assertRaisesRegex(frappe.ValidationError, "copy the template", doc.save)
		doc.reload()
		doc.high_threshold = 60
		self.assertRaisesRegex(frappe.ValidationError, "copy the template", doc.save)

	def test_one_default_template(self):
		other = self.new_template(is_default=1).insert()
		self.assertEqual(assessments.default_template(), other.name)
		self.assertEqual(frappe.db.get_value(TEMPLATE, self.template, "is_default"), 0)

	def test_only_the_county_keeps_templates(self):
		for user in (u.LEADER, u.TEACHER, u.COUNSELOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertTrue(frappe.has_permission(TEMPLATE, "read", doc=self.template))
				self.assertFalse(frappe.has_permission(TEMPLATE, "write", doc=self.template))
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission(TEMPLATE, "read"))
		with self.set_user(u.ADMIN):
			self.assertTrue(frappe.has_permission(TEMPLATE, "write", doc=self.template))


class TestAssessment(AssessmentCase):
	def test_the_save_scores_as_the_core_does(self):
		overrides = {"study_homework": 2, "safety_bullied": 3, "family_feels_abandoned": 1}
		doc = self.assess(value=0, overrides=overrides)
		expected = rules.score(
			rules.DEFAULT_TEMPLATE,
			[rules.Answer(i.key, overrides.get(i.key, 0)) for i in rules.DEFAULT_TEMPLATE],
			rules.DEFAULT_THRESHOLDS,
		)
		self.assertEqual((doc.total_score, doc.risk_level), (expected.total, expected.risk_level))
		self.assertEqual(doc.score_safety, expected.domain_scores["Safety"])
		self.assertEqual(doc.score_study, expected.domain_scores["Study"])
		self.assertEqual((doc.term, doc.assessed_by), (self.this_term, u.TEACHER))
		# The rows carry the template's wording and scale, in its order.
		self.assertEqual([r.item_key for r in doc.answers], [i.key for i in rules.DEFAULT_TEMPLATE])
		self.assertEqual(doc.answers[0].question, rules.DEFAULT_QUESTIONS["study_homework"][1])
		self.assertEqual(doc.answers[0].scale, "0 从不 · 1 偶尔 · 2 经常 · 3 总是")
		self.assertIsNone(doc.proposed_plan)

	def test_bad_assessments_are_refused_and_nothing_is_written(self):
		self.assertRefused("“上课注意力不集中” is not answered", overrides={"study_attention": ""})
		self.assertRefused("not on its scale of 0 to 3", overrides={"study_attention": 4})
		self.assertRefused("falls in no school term", assessed_on=self.terms.gap_day)
		self.assertRefused("in the future", assessed_on=u.TODAY + DAY)
		self.assertRefused("only of children you look after", child=self.children["b1"])
		self.assess()
		self.assertRefused(f"already assessed with this template in {self.this_term}", assessed_on=u.TODAY)

	def test_an_answer_to_a_question_of_no_template_is_refused(self):
		with self.set_user(u.TEACHER):
			doc = frappe.get_doc(
				{
					"doctype": ASSESSMENT,
					"child": self.children["a1"],
					"template": self.template,
					"answers": [*answers(0), {"item_key": "made_up", "answer": "1"}],
				}
			)
			self.assertRaisesRegex(frappe.ValidationError, "not a question of the template", doc.insert)

	def test_no_mentor_and_no_inspector(self):
		doc = self.assess()
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertFalse(frappe.has_permission(ASSESSMENT, "read", doc=doc.name))
				self.assertRaises(frappe.PermissionError, frappe.get_list, ASSESSMENT)
				self.assertRaises(frappe.PermissionError, self.assess, user)
		with self.set_user(u.COUNSELOR):
			self.assertTrue(frappe.has_permission(ASSESSMENT, "read", doc=doc.name))

	def test_rows_follow_their_assessment(self):
		doc = self.assess()
		with self.set_user(u.TEACHER):
			rows = frappe.get_list(
				"Care Assessment Answer",
				parent_doctype=ASSESSMENT,
				filters={"parent": doc.name},
				fields=["name"],
			)
			self.assertEqual(len(rows), len(rules.DEFAULT_TEMPLATE))
		b1 = frappe.db.get_value(ASSESSMENT, {"child": self.children["b1"]})
		with self.set_user(u.TEACHER):
			self.assertEqual(
				frappe.get_list(
					"Care Assessment Answer",
					parent_doctype=ASSESSMENT,
					filters={"parent": b1},
					fields=["name"],
				),
				[],
			)


class TestHighResult(AssessmentCase):
	def alerts(self, user: str) -> list[str]:
		return frappe.get_all(
			"Notification Log",
			filters={"for_user": user, "document_type": PLAN, "creation": (">=", self.started)},
			pluck="document_name",
		)

	def setUp(self):
		super().setUp()
		self.started = now_datetime() - datetime.timedelta(seconds=1)

	def test_a_red_flag_drafts_one_plan_and_tells_the_leaders(self):
		doc = self.assess(overrides={"psychology_self_harm": 1})
		self.assertEqual(doc.risk_level, rules.HIGH)
		self.assertEqual(doc.red_flags, "“流露自伤或轻生的想法”")
		plan = frappe.get_doc(PLAN, doc.proposed_plan)
		self.assertEqual(
			(plan.child, plan.source_assessment, plan.workflow_state), (doc.child, doc.name, "Draft")
		)
		self.assertEqual((plan.drafted_by, plan.responsible_teacher), (u.TEACHER, u.TEACHER))
		self.assertEqual([p.problem_kind for p in plan.problems], ["Psychological"])
		self.assertIn("“流露自伤或轻生的想法”", plan.problems[0].details)
		self.assertEqual(self.alerts(u.LEADER), [plan.name])
		# Saved again, it keeps its plan and tells no one twice.
		with self.set_user(u.TEACHER):
			doc.reload()
			doc.observations = "补充观察"
			doc.save()
		self.assertEqual(frappe.db.count(PLAN, {"source_assessment": doc.name}), 1)
		self.assertEqual(self.alerts(u.LEADER), [plan.name])

	def test_a_child_whose_plan_is_under_way_gets_no_second_plan(self):
		with self.set_user(u.TEACHER):
			running = frappe.get_doc(
				{"doctype": PLAN, "child": self.children["a1"], "problems": [{"problem_kind": "Safety"}]}
			).insert()
		doc = self.assess(value=3)
		self.assertEqual(doc.proposed_plan, running.name)
		self.assertEqual(frappe.db.count(PLAN, {"child": self.children["a1"]}), 1)
		self.assertEqual(self.alerts(u.LEADER), [running.name])

	def test_a_result_that_is_not_high_proposes_nothing(self):
		doc = self.assess(value=1, overrides={"psychology_self_harm": 0})
		self.assertEqual(doc.risk_level, rules.MEDIUM)
		self.assertIsNone(doc.proposed_plan)
		self.assertEqual(self.alerts(u.LEADER), [])

	def test_over_rest_as_a_class_teacher(self):
		frappe.db.commit()  # nosemgrep: frappe-manual-commit (the request sees committed terms)
		self.addCleanup(self.remove_committed)
		status, body = u.RestClient(u.TEACHER).send_json(
			"post",
			f"/api/resource/{ASSESSMENT}",
			data=frappe.as_json(
				{
					"child": self.children["a1"],
					"template": self.template,
					"answers": answers(0, family_hurt_at_home=2),
				}
			),
		)
		self.assertEqual(status, 200, body)
		self.assertEqual(body["data"]["risk_level"], rules.HIGH)
		self.assertTrue(body["data"]["proposed_plan"])
		status, body = u.RestClient(u.TEACHER).send_json(
			"post",
			f"/api/resource/{ASSESSMENT}",
			data=frappe.as_json(
				{"child": self.children["b1"], "template": self.template, "answers": answers(0)}
			),
		)
		self.assertNotEqual(status, 200)

	def remove_committed(self):
		frappe.db.rollback()
		for name in frappe.get_all(ASSESSMENT, filters={"child": self.children["a1"]}, pluck="name"):
			plan = frappe.db.get_value(ASSESSMENT, name, "proposed_plan")
			frappe.delete_doc(ASSESSMENT, name, force=True, ignore_permissions=True)
			if plan:
				frappe.delete_doc(PLAN, plan, force=True, ignore_permissions=True)
		frappe.db.delete("Notification Log", {"creation": (">=", self.started)})
		for term in self.terms.created:
			frappe.delete_doc("Care Term", term, force=True, ignore_permissions=True)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit


class TestTrend(AssessmentCase):
	def test_the_childs_form_shows_the_trend(self):
		self.assess(value=2, assessed_on=self.terms.last.end_date)
		self.assess(value=1, overrides={"psychology_self_harm": 0})
		with self.set_user(u.TEACHER):
			support = assessments.child_support(self.children["a1"])
		trend = support["assessments"]
		self.assertEqual([p["term"] for p in trend], [self.last_term, self.this_term])
		self.assertEqual([p["risk_level"] for p in trend], [rules.HIGH, rules.MEDIUM])
		self.assertIsNone(trend[0]["change"])
		self.assertLess(trend[1]["change"], 0)
		self.assertEqual(len(support["plans"]), 1)  # drafted by the first, high result

	def test_a_mentor_sees_the_child_but_not_the_assessments(self):
		self.assess(value=1, overrides={"psychology_self_harm": 0})
		with self.set_user(u.MENTOR):
			support = assessments.child_support(self.children["a1"])
		self.assertEqual((support["assessments"], support["plans"], support["incidents"]), ([], [], []))

	def test_another_class_s_child_is_refused_as_if_not_on_file(self):
		with self.set_user(u.TEACHER):
			for child in (self.children["b1"], "LBC-NOT-ON-FILE"):
				with self.subTest(child=child):
					self.assertRaises(frappe.PermissionError, assessments.child_support, child)


class TestReports(AssessmentCase):
	def run_report(self, user: str, report: str, **filters):
		with self.set_user(user):
			result = frappe.get_attr("frappe.desk.query_report.run")(report, filters)
		return result["result"]

	def test_at_risk_children_follow_each_viewers_scope(self):
		self.assess(value=3)  # a1: high risk, and so a plan
		frappe.db.set_value("Left Behind Child", self.children["a2"], "unsupervised_alert", 1)
		frappe.db.set_value("Left Behind Child", self.children["b1"], "unsupervised_alert", 1)
		world = set(self.children.values())
		expected = {
			u.TEACHER: {self.children["a1"]},
			u.LEADER: {self.children["a1"], self.children["a2"]},
			u.COUNSELOR: {self.children["a1"], self.children["a2"]},
			u.ADMIN: world,
		}
		for user, children in expected.items():
			with self.subTest(user=user):
				rows = self.run_report(user, "At-Risk Children")
				self.assertEqual({r["child"] for r in rows} & world, children)
		a1 = next(
			r for r in self.run_report(u.TEACHER, "At-Risk Children") if r["child"] == self.children["a1"]
		)
		self.assertEqual(a1["risk_level"], "High")
		self.assertEqual(frappe.db.get_value(PLAN, a1["intervention_plan"], "child"), self.children["a1"])
		only = self.run_report(u.LEADER, "At-Risk Children", reason="Unsupervised")
		self.assertEqual({r["child"] for r in only} & world, {self.children["a2"]})
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user):
				self.assertRaises(frappe.PermissionError, self.run_report, user, "At-Risk Children")

	def test_an_open_incident_lists_the_child(self):
		with self.set_user(u.TEACHER):
			frappe.get_doc(
				{
					"doctype": "Care Incident",
					"child": self.children["a1"],
					"incident_kind": "Injury",
					"occurred_at": add_to_date(now_datetime(), hours=-3),
					"description": "摔伤",
				}
			).insert()
		rows = self.run_report(u.TEACHER, "At-Risk Children", reason="Open Incident")
		self.assertEqual([r["child"] for r in rows], [self.children["a1"]])
		self.assertEqual(rows[0]["open_incidents"], 1)

	def test_plan_status_follows_each_viewers_scope(self):
		a1 = self.assess(value=3).proposed_plan
		b1 = frappe.db.get_value(PLAN, {"child": self.children["b1"]})
		frappe.db.set_value(PLAN, a1, "drafted_on", add_days(u.TODAY, -10))
		for user, plans in ((u.TEACHER, {a1}), (u.LEADER, {a1}), (u.ADMIN, {a1, b1})):
			with self.subTest(user=user):
				rows = self.run_report(user, "Intervention Plan Status")
				self.assertEqual({r["name"] for r in rows} & {a1, b1}, plans)
		row = next(r for r in self.run_report(u.TEACHER, "Intervention Plan Status") if r["name"] == a1)
		self.assertEqual((row["state"], row["days_open"]), ("Draft", 10))
		for user in (u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user):
				self.assertRaises(frappe.PermissionError, self.run_report, user, "Intervention Plan Status")

	def test_plan_status_shows_an_ended_plan_once_with_the_day_it_ended(self):
		plan = frappe.get_doc(PLAN, self.assess(value=3).proposed_plan)
		frappe.db.set_value(
			PLAN, plan.name, {"workflow_state": "Closed", "drafted_on": add_days(u.TODAY, -20)}
		)
		# Escalated, taken back, closed: two ends in its history, the last one counts.
		for to_state, days in (("Escalated", -15), ("In Progress", -12), ("Closed", -5)):
			frappe.get_doc(
				{
					"doctype": "Intervention Plan Transition",
					"parent": plan.name,
					"parenttype": PLAN,
					"parentfield": "transitions",
					"to_state": to_state,
					"at": add_to_date(now_datetime(), days=days),
				}
			).db_insert()
		rows = [r for r in self.run_report(u.ADMIN, "Intervention Plan Status") if r["name"] == plan.name]
		self.assertEqual(len(rows), 1)
		row = rows[0]
		self.assertEqual(
			(row["state"], row["ended_on"], row["days_open"]), ("Closed", add_days(u.TODAY, -5), 15)
		)
		self.assertEqual(
			(row["class_title"], row["responsible_teacher_name"]),
			(
				frappe.db.get_value("Care Class", plan.care_class, "class_title"),
				frappe.db.get_value("User", plan.responsible_teacher, "full_name"),
			),
		)
