# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe.utils import cint, getdate

from leftbehind_care.assessments import (
	SCORE_FIELDS,
	TEMPLATE,
	item_label,
	propose_plan,
	template_items,
	thresholds,
)
from leftbehind_care.compliance import term_of
from leftbehind_care.core import assessment as rules
from leftbehind_care.core.errors import RuleError
from leftbehind_care.records import ChildRecord


class CareAssessment(ChildRecord):
	"""关爱评估: one child's answers to a template, scored by the core into domain scores, a total and
	a risk level. A high result drafts an intervention plan and tells the school's leaders."""

	date_field = "assessed_on"
	recorder_field = "assessed_by"

	def validate_record(self, child) -> None:
		template = frappe.get_doc(TEMPLATE, self.template)
		items = template_items(template)
		try:
			self.set_questions(template, items)
			term = term_of(getdate(self.assessed_on))
			rules.check_once_per_term(
				frappe.get_all(
					self.doctype,
					filters={"child": self.child, "template": self.template, "name": ("!=", self.name)},
					pluck="term",
				),
				term.name if term else None,
			)
			self.term = term.name
			result = rules.score(
				items,
				[
					rules.Answer(row.item_key, None if row.answer in (None, "") else cint(row.answer))
					for row in self.answers
				],
				thresholds(template),
			)
		except RuleError as err:
			if "key" in err.params:
				err.params["item"] = item_label(template.items, err.params["key"])
			raise
		self.total_score, self.risk_level = result.total, result.risk_level
		for domain, field in SCORE_FIELDS.items():
			self.set(field, result.domain_scores.get(domain))
		self.red_flags = "\n".join(item_label(template.items, key) for key in result.red_flags)
		self.flags.scored = (template, result)

	def set_questions(self, template, items) -> None:
		"""One row per question of the template, in its order, with its wording and scale: a client
		may send just the keys and answers. An answer to a question the template lacks is refused."""
		rows = {row.item_key: row for row in self.answers}
		known = {item.key for item in items}
		for row in self.answers:
			if row.item_key not in known:
				raise RuleError("assessment_answer_unknown", key=row.item_key)
		keys = [row.item_key for row in self.answers]
		for key in known:
			if keys.count(key) > 1:
				raise RuleError("assessment_answer_twice", key=key)
		labels = rules.parse_labels(template.answer_labels)
		ordered = []
		for item, question in zip(items, template.items, strict=True):
			row = rows.get(item.key) or self.append("answers", {"item_key": item.key})
			row.update(
				{
					"domain": item.domain,
					"question": question.question,
					"scale": rules.scale_text(item, labels),
				}
			)
			ordered.append(row)
		for idx, row in enumerate(ordered, 1):
			row.idx = idx
		self.answers = ordered

	def on_update(self) -> None:
		if self.flags.scored:
			propose_plan(self, *self.flags.scored)
