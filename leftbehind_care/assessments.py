"""The Frappe side of care assessments (关爱评估): templates read into the core's terms, the default
template made on install, what a high result does (a draft plan, the school leaders told), and the
trend of one child's results. The scoring is in `leftbehind_care.core.assessment`."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import add_days, cint, flt, nowdate

from leftbehind_care.core import assessment as rules
from leftbehind_care.reminders import alert_about, leaders_by_school
from leftbehind_care.support import this_term_support

TEMPLATE = "Assessment Template"
ASSESSMENT = "Care Assessment"
PLAN = "Intervention Plan"
# The plans that are still someone's work: a high result joins one of these rather than drafting
# a second plan.
ENDED_PLAN_STATES = ("Closed", "Escalated")
SCORE_FIELDS = {
	"Study": "score_study",
	"Behaviour": "score_behaviour",
	"Psychology": "score_psychology",
	"Health": "score_health",
	"Safety": "score_safety",
	"Family Bonds": "score_family_bonds",
}


def template_items(template) -> tuple[rules.Item, ...]:
	return tuple(
		rules.Item(
			(row.item_key or "").strip(),
			row.domain,
			cint(row.scale_max),
			flt(row.weight),
			cint(row.red_flag_at) or None,
			rules.parse_labels(row.answer_labels),
		)
		for row in template.items
	)


def thresholds(template) -> rules.Thresholds:
	return rules.Thresholds(flt(template.medium_threshold), flt(template.high_threshold))


def item_label(template_or_rows, key: str) -> str:
	"""A question as the person knows it: its wording (its key when it has none)."""
	for row in template_or_rows:
		if (row.item_key or "").strip() == key:
			return _("“{0}”").format((row.question or key).strip())
	return key


def default_template() -> str | None:
	return frappe.db.get_value(TEMPLATE, {"is_default": 1}) or frappe.db.get_value(TEMPLATE, {})


def ensure_default_template() -> None:
	"""The county's default template (默认关爱评估) from the core, made once; a site that edited or
	removed it keeps what it has."""
	if frappe.db.exists(TEMPLATE, rules.DEFAULT_TEMPLATE_NAME) or frappe.db.exists(TEMPLATE, {}):
		return
	frappe.get_doc(
		{
			"doctype": TEMPLATE,
			"template_name": rules.DEFAULT_TEMPLATE_NAME,
			"is_default": 1,
			"medium_threshold": rules.DEFAULT_THRESHOLDS.medium,
			"high_threshold": rules.DEFAULT_THRESHOLDS.high,
			"answer_labels": "/".join(rules.DEFAULT_LABELS),
			"description": "每学期由班主任或心理辅导老师对照近一个月的情况逐题作答：0 表示没有这种情况，数字越大越需要关注。"
			"任何一题出现红色预警，或总分、某一领域得分达到高风险线，系统都会生成帮扶方案草稿并通知学校领导。",
			"items": [
				{
					"item_key": item.key,
					"domain": item.domain,
					"question": rules.DEFAULT_QUESTIONS[item.key][1],
					"scale_max": item.scale_max,
					"weight": item.weight,
					"red_flag_at": item.red_flag_at or 0,
				}
				for item in rules.DEFAULT_TEMPLATE
			],
		}
	).insert(ignore_permissions=True)


def open_plans(child: str) -> list[str]:
	return frappe.get_all(
		PLAN,
		filters={"child": child, "workflow_state": ("not in", ENDED_PLAN_STATES)},
		pluck="name",
		order_by="creation desc",
	)


def propose_plan(assessment, template, result: rules.AssessmentResult) -> str | None:
	"""After a high result: draft a plan linked to the assessment (or link the child's plan under
	way) and tell the leaders of the child's school. Once per assessment."""
	action, plan = rules.plan_proposal(
		result.risk_level, assessment.proposed_plan, open_plans(assessment.child)
	)
	if action == rules.NO_PLAN:
		return None
	if action == rules.NEW_PLAN:
		plan = draft_plan(assessment, template, result)
	assessment.db_set("proposed_plan", plan)
	for user in leaders_by_school().get(assessment.school, []):
		alert_about(
			user,
			frappe.db.get_value("User", user, "language"),
			lambda: (
				_(
					"{0} was assessed at high risk ({1}): an intervention plan is drafted for the class teacher to complete and submit for approval"
				)
				if action == rules.NEW_PLAN
				else _(
					"{0} was assessed at high risk ({1}) while an intervention plan is under way: review the plan"
				)
			).format(assessment.child_name, result.total),
			PLAN,
			plan,
		)
	return plan


def draft_plan(assessment, template, result: rules.AssessmentResult) -> str:
	"""A draft plan naming the problems the result found; the people caring for the child fill in
	goals and measures and submit it for approval."""
	items = template_items(template)
	problems = []
	for kind, domain in rules.proposed_problems(items, result):
		details = _("Assessment {0}: {1} scored {2}").format(
			assessment.name, _(domain), result.domain_scores.get(domain)
		)
		flagged = [
			item_label(template.items, i.key)
			for i in items
			if i.domain == domain and i.key in result.red_flags
		]
		if flagged:
			details += _("; red flag: {0}").format("、".join(flagged))
		problems.append({"problem_kind": kind, "details": details})
	if not problems:  # high in total only
		problems.append(
			{
				"problem_kind": "Psychological",
				"details": _("Assessment {0}: total score {1}").format(assessment.name, result.total),
			}
		)
	plan = frappe.get_doc(
		{
			"doctype": PLAN,
			"child": assessment.child,
			"drafted_on": nowdate(),
			"source_assessment": assessment.name,
			"responsible_teacher": frappe.db.get_value("Care Class", assessment.care_class, "class_teacher"),
			"problems": problems,
		}
	)
	plan.insert(ignore_permissions=True)
	return plan.name


@frappe.whitelist()
def questions(template: str) -> list[dict]:
	"""The questions of a template as answer rows for a new assessment."""
	doc = frappe.get_doc(TEMPLATE, template)
	doc.check_permission("read")
	labels = rules.parse_labels(doc.answer_labels)
	return [
		{
			"item_key": item.key,
			"domain": item.domain,
			"question": row.question,
			"scale": rules.scale_text(item, labels),
			"scale_max": item.scale_max,
			"labels": list(item.labels or labels),
		}
		for item, row in zip(template_items(doc), doc.items, strict=True)
	]


@frappe.whitelist()
def child_support(child: str) -> dict:
	"""For the child's form: the trend of the child's assessments, the plans under way, this year's
	incidents, and this term's priorities, boarding, aid, activities and open dropout case — each
	only where the reader may read it."""
	if not (
		frappe.db.exists("Left Behind Child", child)
		and frappe.has_permission("Left Behind Child", "read", doc=child)
	):
		# The same answer whether the file exists or not.
		frappe.throw(_("You may not open this child's file."), frappe.PermissionError)
	return {
		"assessments": child_trend(child),
		"plans": readable(
			PLAN,
			{"child": child, "workflow_state": ("not in", ENDED_PLAN_STATES)},
			["name", "workflow_state", "next_review_on", "review_overdue"],
			"creation desc",
		),
		"incidents": readable(
			"Care Incident",
			{"child": child, "occurred_at": (">=", add_days(nowdate(), -365))},
			["name", "incident_kind", "occurred_at", "parents_notified_at"],
			"occurred_at desc",
		),
		"this_term": this_term_support(child),
	}


def readable(doctype: str, filters: dict, fields: list[str], order_by: str) -> list[dict]:
	if not frappe.has_permission(doctype, "read"):
		return []
	return frappe.get_list(doctype, filters=filters, fields=fields, order_by=order_by, limit_page_length=20)


def child_trend(child: str) -> list[dict]:
	"""One child's results, oldest first, each with its change since the one before (nothing for a
	role that does not read assessments)."""
	if not frappe.has_permission(ASSESSMENT, "read"):
		return []
	rows = frappe.get_list(
		ASSESSMENT,
		filters={"child": child},
		fields=["name", "term", "assessed_on", "template", "total_score", "risk_level"],
		order_by="assessed_on asc, creation asc",
		limit_page_length=0,
	)
	points = rules.trend([(r.term, flt(r.total_score), r.risk_level) for r in rows])
	return [
		{
			"name": row.name,
			"term": point.term,
			"assessed_on": row.assessed_on,
			"template": row.template,
			"total": point.total,
			"risk_level": point.risk_level,
			"change": point.change,
		}
		for row, point in zip(rows, points, strict=True)
	]
