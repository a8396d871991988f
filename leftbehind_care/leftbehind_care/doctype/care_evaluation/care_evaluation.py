# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care import evaluations
from leftbehind_care.core import evaluation as rules
from leftbehind_care.core import workflow
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import evaluated_users
from leftbehind_care.utils import workflow_save

EVALUATION_WORKFLOW = workflow.read("evaluation")
DRAFT = EVALUATION_WORKFLOW.initial


class CareEvaluation(Document):
	"""考评 of a class teacher, class or department for a term: the metrics from the records (read
	again at each save while a draft), the leader's score, the result — 不合格 whatever the score
	with a confirmed dereliction. Its workflow (`leftbehind_care/workflows/evaluation.json`) is
	enforced here; the person evaluated reads it once final and acknowledges it."""

	# What the round sets once (who is evaluated) and what is worked out here: never taken from
	# the sender of a save (a form's read-only fields are not enforced by Frappe on the server).
	IDENTITY = ("evaluation_round", "subject_kind", "subject_title", "teacher", "care_class", "department")
	WORKED_OUT = (
		"children_looked_after",
		*(metric for metric, _weight in rules.METRICS),
		"metrics_as_of",
		"metrics_without_basis",
		"metric_score",
		"total_score",
		"result",
		"result_from",
		"dereliction",
		"acknowledged_on",
	)

	def validate(self) -> None:
		before = self.get_doc_before_save()
		if before:
			for field in self.IDENTITY + self.WORKED_OUT:
				self.set(field, before.get(field))
		try:
			self.school, self.term = frappe.db.get_value(
				"Care Evaluation Round", self.evaluation_round, ["school", "term"]
			) or (self.school, self.term)
			rules.check_leader_score(self.leader_score if self.leader_score not in (None, "") else None)
			transition = self.check_workflow()
		except RuleError as err:
			raise_rule_error(rules.as_evaluation_error(err), _(self.doctype))
		if transition and transition.to_state == rules.ACKNOWLEDGED:
			self.acknowledged_on = getdate(nowdate())
		if (self.get_doc_before_save() or self).workflow_state in (None, "", DRAFT):
			self.refresh_metrics()

	def check_workflow(self) -> workflow.Transition | None:
		return workflow_save(
			self,
			EVALUATION_WORKFLOW,
			lambda transition: rules.check_acknowledgement(
				transition.to_state, frappe.session.user, evaluated_users(self)
			),
		)

	def refresh_metrics(self) -> None:
		today = getdate(nowdate())
		self.children_looked_after, values = evaluations.metrics_of(self, today)
		for key, value in values.items():
			self.set(key, value or 0)
		# A share field holds no "nothing was due": those metrics are named, shown as — and left
		# out of the score.
		self.metrics_without_basis = ",".join(key for key, value in values.items() if value is None)
		self.metrics_as_of = today
		self.metric_score = rules.metric_score(values, evaluations.weights())
		# A share field reads 0 when nothing was entered: 0 is "not scored", the metrics alone count.
		leader = self.leader_score or None
		self.total_score = rules.total_score(
			self.metric_score, leader, evaluations.settings(["eval_leader_share"])["eval_leader_share"]
		)
		self.dereliction = evaluations.confirmed_dereliction(self)
		rating = rules.rate(self.total_score, evaluations.thresholds(), bool(self.dereliction))
		self.result = rating.result or ""
		self.result_from = {"score": "Score", "dereliction": "Dereliction"}.get(rating.reason, "")
