# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from leftbehind_care import term_summary as gather
from leftbehind_care.core import summary as rules
from leftbehind_care.core import workflow
from leftbehind_care.core.errors import RuleError
from leftbehind_care.messages import raise_rule_error
from leftbehind_care.permissions import get_scope
from leftbehind_care.reports import term_summary as builder
from leftbehind_care.utils import workflow_save

SUMMARY = "Care Term Summary"
SUMMARY_WORKFLOW = workflow.read("term_summary")
DRAFT = SUMMARY_WORKFLOW.initial
COUNTY = "全县"


class CareTermSummary(Document):
	"""学期工作总结 of a school's term (or the county's, without a school): figures filled in from the
	records while it is a draft and frozen once submitted, beside the previous term's; what the
	school writes; the workflow of `leftbehind_care/workflows/term_summary.json`, enforced here on
	every save."""

	def autoname(self) -> None:
		self.name = f"{self.school or COUNTY}-{self.term}"

	# Worked out here or set by a move of the workflow: never taken from the sender of a save (a
	# form's read-only fields are not enforced by Frappe on the server). A submitted summary's
	# figures stay as signed.
	WORKED_OUT = (
		"figures_as_of",
		"previous_summary",
		"submitted_by",
		"submitted_on",
		"reviewed_by",
		"reviewed_on",
	)
	FIGURE_FIELDS = (
		"figure",
		"section",
		"label",
		"value_type",
		"value",
		"has_previous",
		"previous",
		"change",
	)

	def validate(self) -> None:
		before = self.get_doc_before_save()
		if before:
			for field in self.WORKED_OUT:
				self.set(field, before.get(field))
			self.set("figures", [{f: row.get(f) for f in self.FIGURE_FIELDS} for row in before.figures])
		elif self.figures:
			self.set("figures", [])  # a new summary's figures come from the records only
		try:
			self.check_who_and_which()
			transition = self.check_workflow()
		except RuleError as err:
			raise_rule_error(rules.as_summary_error(err), _(SUMMARY))
		self.record_transition(transition)
		if (self.get_doc_before_save() or self).workflow_state in (None, "", DRAFT):
			# A draft's figures follow the records; the save that submits it reads them once more.
			self.refresh_figures()

	def check_who_and_which(self) -> None:
		scope = get_scope()
		term = gather.term_named(self.term)
		if term is None:
			return  # the Link check names it
		filters = {"school": self.school or ("is", "not set"), "term": self.term}
		if not self.is_new():
			filters["name"] = ("!=", self.name)
		existing = frappe.db.get_value(SUMMARY, filters)
		seminar = (
			frappe.db.get_value("Care Meeting", self.seminar, ["meeting_type", "school"])
			if self.seminar
			else None
		) or (None, None)
		rules.check_seminar(self.seminar, *seminar, self.school)
		rules.check_summary(
			self.school,
			self.term,
			term.start,
			getdate(nowdate()),
			scope.all_schools,
			scope.schools,
			existing,
		)

	def check_workflow(self) -> workflow.Transition | None:
		return workflow_save(self, SUMMARY_WORKFLOW)

	def record_transition(self, transition: workflow.Transition | None) -> None:
		if not transition:
			return
		user, today = frappe.session.user, getdate(nowdate())
		if transition.to_state == "Submitted":
			self.submitted_by, self.submitted_on = user, today
		elif transition.to_state == "Reviewed":
			self.reviewed_by, self.reviewed_on = user, today

	def refresh_figures(self) -> None:
		"""The term's figures from the records, each beside the previous term's: its submitted
		summary's where there is one (what was signed), else computed from the records."""
		term = gather.term_named(self.term)
		if term is None:
			return
		today = getdate(nowdate())
		current = gather.figures(self.school, term, today)
		previous, self.previous_summary = None, None
		before = gather.previous_term(term)
		if before:
			signed = frappe.db.get_value(
				SUMMARY,
				{
					"school": self.school or ("is", "not set"),
					"term": before.name,
					"workflow_state": ("in", ["Submitted", "Reviewed"]),
				},
			)
			if signed:
				self.previous_summary = signed
				previous = stored_figures(signed)
			else:
				previous = gather.figures(self.school, before, today)
		self.set(
			"figures",
			[
				{
					"figure": row.key,
					"section": row.section,
					"label": row.label,
					"value_type": row.fieldtype,
					"value": row.value,
					"has_previous": int(row.previous is not None),
					"previous": row.previous or 0,
					"change": row.change or 0,
				}
				for row in builder.compare(current, previous)
			],
		)
		self.figures_as_of = min(today, term.end)


def stored_figures(name: str) -> dict[str, float]:
	"""A summary's figures as it stands (as signed, once submitted)."""
	return dict(
		frappe.get_all(
			"Care Term Summary Figure",
			filters={"parent": name, "parenttype": SUMMARY},
			fields=["figure", "value"],
			as_list=True,
		)
	)
