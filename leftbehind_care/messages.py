"""Every rule the core enforces, as a sentence a person reads: what is wrong, and what to do.

The core raises `RuleError(code, **params)`; `raise_rule_error` turns it into a translated
`frappe.ValidationError` that names the record, so nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable

import frappe
from frappe import _
from frappe.utils import escape_html

from leftbehind_care.core.errors import RuleError

_Message = Callable[[dict], str]


def messages() -> dict[str, tuple[Callable[[], str], _Message]]:
	"""Title and message of each rule, built per call so each site and user gets its language."""
	return {
		"id_length": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} does not have 18 characters. Copy all 18 characters from the household register (户口簿)."
			).format(p["number"]),
		),
		"id_format": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} may contain only digits, with an X as the last character. Check the number on the household register."
			).format(p["number"]),
		),
		"id_checksum": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} fails its check digit: one of its digits is mistyped. Compare it digit by digit with the household register."
			).format(p["number"]),
		),
		"id_birth_date": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} does not contain a real birth date (digits 7 to 14). Check the number on the household register."
			).format(p["number"]),
		),
		"id_region": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} starts with a region code that does not exist. Check the first six digits on the household register."
			).format(p["number"]),
		),
		"id_future_birth": (
			lambda: _("Invalid ID Number"),
			lambda p: _(
				"ID number {0} gives a birth date in the future ({1}). Check the number on the household register."
			).format(p["number"], frappe.format(p["birth_date"], "Date")),
		),
		"id_birth_date_mismatch": (
			lambda: _("Birth Date Does Not Match ID Number"),
			lambda p: _(
				"The date of birth {0} contradicts the ID number, which gives {1}. Clear the date of birth to take it from the ID number, or correct the ID number."
			).format(frappe.format(p["entered"], "Date"), frappe.format(p["expected"], "Date")),
		),
		"id_gender_mismatch": (
			lambda: _("Gender Does Not Match ID Number"),
			lambda p: _(
				"The gender {0} contradicts the ID number, which gives {1}. Clear the gender to take it from the ID number, or correct the ID number."
			).format(option_label(p["entered"]), option_label(p["expected"])),
		),
		"id_duplicate": (
			lambda: _("Duplicate ID Number"),
			lambda p: _(
				"ID number {0} is already on file as {1}. Open that record instead of filing the person twice."
			).format(p["number"], p["existing"]),
		),
		"id_duplicate_elsewhere": (
			lambda: _("Duplicate ID Number"),
			lambda p: _(
				"ID number {0} is already on file, for a child or guardian you do not look after (another class or school). Do not file the person twice: ask the county administrator to transfer or link the record."
			).format(p["number"]),
		),
		"possible_duplicate_child_elsewhere": (
			lambda: _("Possible Duplicate"),
			lambda p: _(
				"{0}, born {1}, is already on file at {2}, in a class you do not look after. If it is the same child, ask the school leader to move the file to your class; if it is another child, enter the ID number so the two can be told apart."
			).format(p["child_name"], frappe.format(p["birth_date"], "Date"), p["school"]),
		),
		"possible_duplicate_child": (
			lambda: _("Possible Duplicate"),
			lambda p: _(
				"{0}, born {1}, is already on file at {2} as {3}. If it is the same child, open that record; if it is another child, enter the ID number so the two can be told apart."
			).format(p["child_name"], frappe.format(p["birth_date"], "Date"), p["school"], p["existing"]),
		),
		"phone_invalid": (
			lambda: _("Invalid Phone Number"),
			lambda p: _(
				"{0}: {1} is not a valid Chinese phone number. Enter an 11-digit mobile number such as 13812345678 or a landline with its area code such as 0371-65432109."
			).format(p["field"], p["phone"]),
		),
		"future_date": (
			lambda: _("Date in the Future"),
			lambda p: _("{0} is {1}, which is in the future. Enter the date it actually happened.").format(
				p["field"], frappe.format(p["value"], "Date")
			),
		),
		"status_unknown": (
			lambda: _("Invalid Status"),
			lambda p: _("Status {0} is not known. Choose one of the listed statuses.").format(p["status"]),
		),
		"aged_out_active": (
			lambda: _("Child Is 16 or Older"),
			lambda p: _(
				"The child is {0} years old. Only children under 16 are filed as active left-behind children: set the status to Aged Out with the date and the reason."
			).format(p["age"]),
		),
		"status_date_missing": (
			lambda: _("Status Date Missing"),
			lambda p: _(
				"The status {0} closes the child's file. Enter the date from which it applies in Status Since."
			).format(option_label(p["status"])),
		),
		"status_reason_missing": (
			lambda: _("Reason Missing"),
			lambda p: _(
				"The status {0} closes the child's file. Enter the reason, for example where the child transferred to or which parent returned."
			).format(option_label(p["status"])),
		),
		"term_end_before_start": (
			lambda: _("Invalid Term Dates"),
			lambda p: _(
				"The term ends on {0}, which is not after its start on {1}. Correct the end date."
			).format(frappe.format(p["end"], "Date"), frappe.format(p["start"], "Date")),
		),
		"term_overlap": (
			lambda: _("Overlapping Terms"),
			lambda p: _(
				"These dates overlap the term {0}. Terms may not overlap: correct the start or end date."
			).format(p["other"]),
		),
		"grade_out_of_range": (
			lambda: _("Invalid Grade"),
			lambda p: _(
				"Grade {0} is outside 1 to 9. Primary school is grades 1 to 6 and junior middle school grades 7 to 9."
			).format(p["grade"]),
		),
		"class_duplicate": (
			lambda: _("Duplicate Class"),
			lambda p: _(
				"Grade {0} class {1} of this school is already on file as {2}. Open that class, or mark it inactive first if it has left the school."
			).format(p["grade"], p["class_no"], p["existing"]),
		),
		"class_outside_scope": (
			lambda: _("Not Your Class"),
			lambda p: _(
				"You may file children only in your own classes, and {0} is not one of them. Choose one of your classes: {1}."
			).format(p["care_class"], p["yours"]),
		),
		"guardian_outside_scope": (
			lambda: _("Guardian Not Yours"),
			lambda p: _(
				"Guardians row {0}: guardian {1} is not linked to any child you look after, so you may not add them to this file. Choose a guardian of your own children, file the guardian anew, or ask the county administrator to link them."
			).format(p["row"], p["guardian"]),
		),
		"class_school_outside_scope": (
			lambda: _("Not Your School"),
			lambda p: _(
				"You may open and change classes only of your own schools, and {0} is not one of them. Your schools: {1}."
			).format(p["school"], p["yours"]),
		),
		"pairing_child_outside_scope": (
			lambda: _("Not Your Child"),
			lambda p: _(
				"You may pair only children you look after, and {0} is not one of them. Choose one of your own children."
			).format(p["child"]),
		),
		"pairing_child_not_active": (
			lambda: _("Child Not Active"),
			lambda p: _(
				"The child's file is closed ({0}). Only children still in the programme get a mentor."
			).format(option_label(p["status"])),
		),
		"mentor_kind_unknown": (
			lambda: _("Invalid Mentor Kind"),
			lambda p: _("Mentor kind {0} is not known. Choose one of the listed kinds.").format(p["kind"]),
		),
		"mentor_user_missing": (
			lambda: _("Mentor User Missing"),
			lambda p: _(
				"A staff mentor logs in: choose their user in Mentor User. Volunteers, peer students and proxy parents may be entered by name and phone."
			),
		),
		"mentor_name_phone_missing": (
			lambda: _("Mentor Name or Phone Missing"),
			lambda p: _(
				"A {0} without a user is reached by name and phone: enter both Mentor Name and Mentor Phone."
			).format(option_label(p["kind"])),
		),
		"peer_student_other_school": (
			lambda: _("Peer Student of Another School"),
			lambda p: _(
				"A peer student helps a child of their own school: {0} is not the child's school {1}. Choose a pupil of {1}."
			).format(p["school"], p["child_school"]),
		),
		"pairing_end_before_start": (
			lambda: _("Invalid Pairing Dates"),
			lambda p: _("The pairing ends on {0}, before it starts on {1}. Correct the end date.").format(
				frappe.format(p["end"], "Date"), frappe.format(p["start"], "Date")
			),
		),
		"pairing_duplicate": (
			lambda: _("Already Paired"),
			lambda p: _(
				"{0} is already this child's mentor in {1}. A child has the same mentor only once at a time: open that pairing instead."
			).format(p["mentor"], p["existing"]),
		),
		"mentor_over_capacity": (
			lambda: _("Mentor Fully Booked"),
			lambda p: _(
				"{0} already mentors {1} children, the most one mentor may carry ({2}, set in Care Settings). Choose another mentor or end one of their pairings first."
			).format(p["mentor"], p["count"], p["capacity"]),
		),
		"incident_kind_unknown": (
			lambda: _("Unknown Kind of Incident"),
			lambda p: _("{0} is not a kind of incident. Choose one from the list.").format(
				option_label(p["kind"])
			),
		),
		"incident_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _(
				"The incident is recorded as happening at {0}, which is in the future. Enter when it happened."
			).format(frappe.format(p["occurred_at"], "Datetime")),
		),
		"incident_notified_before_occurred": (
			lambda: _("Parents Told Before the Incident"),
			lambda p: _(
				"The parents are recorded as told at {0}, before the incident at {1}. Correct one of the two times."
			).format(
				frappe.format(p["notified_at"], "Datetime"), frappe.format(p["occurred_at"], "Datetime")
			),
		),
		"incident_notified_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _(
				"The parents are recorded as told at {0}, which is in the future. Enter when they were told."
			).format(frappe.format(p["notified_at"], "Datetime")),
		),
		"incident_notifier_missing": (
			lambda: _("Who Told the Parents?"),
			lambda p: _("Enter who told the parents, for example 班主任王老师."),
		),
		"incident_notified_at_missing": (
			lambda: _("When Were the Parents Told?"),
			lambda p: _("Enter when the parents were told, or clear Told By until they are."),
		),
		"incident_report_missing": (
			lambda: _("Mandatory Report Missing"),
			lambda p: _(
				"Suspected abuse or neglect must be reported to the authorities (强制报告). Enter to whom it was reported and when."
			),
		),
		"incident_reported_before_occurred": (
			lambda: _("Reported Before the Incident"),
			lambda p: _(
				"The report is recorded at {0}, before the incident at {1}. Correct one of the two times."
			).format(
				frappe.format(p["reported_at"], "Datetime"), frappe.format(p["occurred_at"], "Datetime")
			),
		),
		"incident_reported_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _(
				"The report is recorded at {0}, which is in the future. Enter when it was made."
			).format(frappe.format(p["reported_at"], "Datetime")),
		),
		"workflow_state_unknown": (
			lambda: _("Unknown Status"),
			lambda p: _(
				"{0} is not a status of this plan. Use the plan's Actions menu to move it on."
			).format(option_label(p["state"])),
		),
		"workflow_move_illegal": (
			lambda: _("Step Not Allowed"),
			lambda p: _(
				"A plan cannot go from {0} to {1}. Use the plan's Actions menu: it offers the steps allowed from {0}."
			).format(option_label(p["from_state"]), option_label(p["to_state"])),
		),
		"workflow_move_not_allowed": (
			lambda: _("Step Not Yours"),
			lambda p: _("Only {0} may take the step {1}. Ask one of them to do it.").format(
				"、".join(option_label(r) for r in p["roles"]), option_label(p["action"])
			),
		),
		"workflow_fields_required": (
			lambda: _("Fields Missing"),
			lambda p: _("The step {0} needs {1}. Fill them in, then take the step again.").format(
				option_label(p["action"]), p["fields"]
			),
		),
		"workflow_self_approval": (
			lambda: _("No Self-Approval"),
			lambda p: _(
				"You drafted or submitted this plan, so you may not take the step {0} yourself. Another member of the school leadership decides."
			).format(option_label(p["action"])),
		),
		"workflow_fields_locked": (
			lambda: _("Field Locked"),
			lambda p: _(
				"While the plan is {0}, {1} may not be changed. To change the goals of an approved plan, start a review first."
			).format(option_label(p["state"]), p["fields"]),
		),
		"workflow_edit_not_allowed": (
			lambda: _("Not Yours to Edit"),
			lambda p: _("While the plan is {0}, only {1} may change it.").format(
				option_label(p["state"]), "、".join(option_label(r) for r in p["roles"])
			),
		),
		"plan_leader_not_of_school": (
			lambda: _("Not a Leader of This School"),
			lambda p: _(
				"{0} is not in the leadership group of {1}. Choose a leader of the child's school as the participating school leader."
			).format(p["leader"], p["school"]),
		),
		"plan_assessment_of_other_child": (
			lambda: _("Assessment of Another Child"),
			lambda p: _(
				"Assessment {0} is not an assessment of this plan's child. Choose one of the child's own assessments, or leave Source Assessment empty."
			).format(p["assessment"]),
		),
		"record_child_outside_scope": (
			lambda: _("Not Your Child"),
			lambda p: _(
				"You may keep records only of children you look after, and {0} is not one of them. Choose one of your own children."
			).format(p["child"]),
		),
		"record_child_not_active": (
			lambda: _("Child Not Active"),
			lambda p: _(
				"The child's file is closed ({0}): nothing more is recorded for them. If the child is back, set the file to Active first."
			).format(option_label(p["status"])),
		),
		"record_before_filing": (
			lambda: _("Dated Before Filing"),
			lambda p: _(
				"The record is dated {0}, before the child was filed on {1}. Enter the date it happened."
			).format(frappe.format(p["day"], "Date"), frappe.format(p["filed_on"], "Date")),
		),
		"follow_up_before_record": (
			lambda: _("Follow-up Too Early"),
			lambda p: _("The follow-up on {0} comes before {1}. Choose a later follow-up date.").format(
				frappe.format(p["follow_up"], "Date"), frappe.format(p["day"], "Date")
			),
		),
		"visit_without_visitor": (
			lambda: _("No Visitor"),
			lambda p: _("A home visit needs its visitors: enter who went to the child's home."),
		),
		"meeting_type_unknown": (
			lambda: _("Invalid Meeting Type"),
			lambda p: _("Meeting type {0} is not known. Choose one of the listed types.").format(p["kind"]),
		),
		"meeting_without_attendees": (
			lambda: _("No Attendees"),
			lambda p: _(
				"A meeting needs its attendance: add a row for each child, guardian, parent, mentor or member of staff who came."
			),
		),
		"attendee_kind_unknown": (
			lambda: _("Invalid Attendee Kind"),
			lambda p: _("Attendees row {0}: kind {1} is not known. Choose one of the listed kinds.").format(
				p["row"], p["kind"]
			),
		),
		"attendee_child_missing": (
			lambda: _("Child Missing"),
			lambda p: _(
				"Attendees row {0} ({1}): choose the child in Child — for a guardian or parent, the child whose guardian or parent came."
			).format(p["row"], option_label(p["kind"])),
		),
		"attendee_person_missing": (
			lambda: _("Attendee Missing"),
			lambda p: _(
				"Attendees row {0} ({1}): choose their user in Staff User, or enter their name in Attendee Name."
			).format(p["row"], option_label(p["kind"])),
		),
		"attendee_twice": (
			lambda: _("Listed Twice"),
			lambda p: _(
				"Attendees row {0} lists the same person as row {1}. Remove one of the two rows."
			).format(p["row"], p["first"]),
		),
		"meeting_outside_scope": (
			lambda: _("Not Your School"),
			lambda p: _(
				"You may record meetings only of schools and classes whose children you look after, and {0} is not one of them. Choose your own class or school."
			).format(p["care_class"] or p["school"]),
		),
		"meeting_child_outside_scope": (
			lambda: _("Not Your Child"),
			lambda p: _(
				"Attendees row {0}: you may list only children you look after, and {1} is not one of them. Choose one of your own children."
			).format(p["row"], p["child"]),
		),
		"row_not_shown": (
			lambda: _("Row of Another Child"),
			lambda p: _(
				"A row of this record names a child you do not look after, so you may not change or remove it ({0}). Reload the record and change only the rows you see."
			).format(p["row"]),
		),
		"meeting_child_elsewhere": (
			lambda: _("Child of Another Class"),
			lambda p: _(
				"Attendees row {0}: {1} is not a child of {2}, where the meeting is held. Remove the row, or leave the class empty for a meeting of the whole school."
			).format(p["row"], p["child"], p["place"]),
		),
		"assessment_template_empty": (
			lambda: _("No Questions"),
			lambda p: _("The template has no questions. Add a row for each question under Questions."),
		),
		"assessment_item_duplicate": (
			lambda: _("Question Key Twice"),
			lambda p: _("Two questions have the key {0}. Give each question a key of its own.").format(
				p["key"]
			),
		),
		"assessment_domain_unknown": (
			lambda: _("Unknown Domain"),
			lambda p: _(
				"Question {0}: {1} is not a domain of the assessment. Choose one from the list."
			).format(p.get("item", p["key"]), p["domain"]),
		),
		"assessment_scale_invalid": (
			lambda: _("Invalid Answer Scale"),
			lambda p: _(
				"Question {0}: the highest answer is {1}; it must be from 1 to 10. Correct Highest Answer."
			).format(p.get("item", p["key"]), p["scale_max"]),
		),
		"assessment_weight_invalid": (
			lambda: _("Invalid Weight"),
			lambda p: _("Question {0}: the weight is {1}; it must be above 0. Correct the weight.").format(
				p.get("item", p["key"]), p["weight"]
			),
		),
		"assessment_red_flag_invalid": (
			lambda: _("Invalid Red Flag"),
			lambda p: _(
				"Question {0}: a red flag from answer {1} is not on its scale of 1 to {2}. Enter an answer on the scale, or 0 for no red flag."
			).format(p.get("item", p["key"]), p["red_flag_at"], p["scale_max"]),
		),
		"assessment_labels_invalid": (
			lambda: _("Answer Labels Do Not Fit"),
			lambda p: _(
				"Question {0}: {1} answer labels are given for {2} answers (0 to the highest). Give one label per answer, separated by /, or none."
			).format(p.get("item", p["key"]), p["labels"], p["answers"]),
		),
		"assessment_thresholds_invalid": (
			lambda: _("Invalid Risk Thresholds"),
			lambda p: _(
				"Medium risk must begin above 0 and below high risk, and high risk at 100 or below; now they are {0} and {1}. Correct the two scores."
			).format(p["medium"], p["high"]),
		),
		"assessment_template_in_use": (
			lambda: _("Template in Use"),
			lambda p: _(
				"{0} assessments were scored with this template, so its questions, scales, weights, red flags and thresholds stay as they are; the wording may still be corrected. To score differently, copy the template under a new name."
			).format(p["assessments"]),
		),
		"assessment_answer_unknown": (
			lambda: _("Question Not in the Template"),
			lambda p: _(
				"An answer is given to {0}, which is not a question of the template. Choose the template again to reload its questions."
			).format(p.get("item", p["key"])),
		),
		"assessment_answer_twice": (
			lambda: _("Question Answered Twice"),
			lambda p: _("{0} is answered twice. Remove one of the two rows.").format(p.get("item", p["key"])),
		),
		"assessment_answer_out_of_range": (
			lambda: _("Answer Off the Scale"),
			lambda p: _(
				"{0}: the answer {1} is not on its scale of 0 to {2}. Choose an answer on the scale."
			).format(p.get("item", p["key"]), p["value"], p["scale_max"]),
		),
		"assessment_answer_missing": (
			lambda: _("Question Not Answered"),
			lambda p: _(
				"{0} is not answered. Answer every question; where you are unsure, ask the guardian or the child's teachers first."
			).format(p.get("item", p["key"])),
		),
		"assessment_outside_term": (
			lambda: _("Outside the School Terms"),
			lambda p: _(
				"The assessment date falls in no school term. Date it within a term, or ask the county administrator to enter the term."
			),
		),
		"assessment_twice_in_term": (
			lambda: _("Already Assessed This Term"),
			lambda p: _(
				"The child was already assessed with this template in {0}. Open that assessment and correct it instead of adding a second one."
			).format(p["term"]),
		),
		"priority_kind_unknown": (
			lambda: _("Unknown Kind of Priority"),
			lambda p: _(
				"{0} is not one of the three priorities. Choose tutoring, daily-life care or activity placement."
			).format(option_label(p["kind"])),
		),
		"boarding_child_not_active": (
			lambda: _("Child Not in the Programme That Term"),
			lambda p: _(
				"The child was not in the programme at any time in {0}, so no boarding is recorded for that term. Choose a term in which the child's file was open."
			).format(p["term"]),
		),
		"boarding_twice_in_term": (
			lambda: _("Boarding Already Recorded"),
			lambda p: _(
				"The child's boarding in {0} is already recorded. Open that record and correct it instead of adding a second one."
			).format(p["term"]),
		),
		"evaluation_move_illegal": (
			lambda: _("Step Not Allowed"),
			lambda p: _(
				"An evaluation cannot go from {0} to {1}. Use the evaluation's Actions menu: it offers the steps allowed from {0}."
			).format(option_label(p["from_state"]), option_label(p["to_state"])),
		),
		"evaluation_locked": (
			lambda: _("Evaluation Locked"),
			lambda p: _(
				"The evaluation is {0}: the leader's score and remarks may not be changed. To change them, reopen it while it is Confirmed."
			).format(option_label(p["state"])),
		),
		"evaluation_leader_score": (
			lambda: _("Score Out of Range"),
			lambda p: _("The leader's score is {0}: enter a score from 0 to 100.").format(p["score"]),
		),
		"evaluation_acknowledged_by_other": (
			lambda: _("Not Your Evaluation"),
			lambda p: _("Only the teacher evaluated acknowledges the evaluation."),
		),
		"dereliction_without_record": (
			lambda: _("Incident or Plan Missing"),
			lambda p: _(
				"A dereliction is recorded against an incident or an intervention plan. Choose the one it concerns."
			),
		),
		"dereliction_record_elsewhere": (
			lambda: _("Another School's Record"),
			lambda p: _("{0} is not a record of {1}. Choose an incident or plan of the school.").format(
				p["record"], p["school"]
			),
		),
		"evaluation_thresholds": (
			lambda: _("Evaluation Thresholds"),
			lambda p: _(
				"The lowest totals for Excellent ({0}), Good ({1}) and Pass ({2}) must descend, between 0 and 100. Correct them."
			).format(p["excellent"], p["good"], p["passing"]),
		),
		"evaluation_leader_share": (
			lambda: _("Leader's Share"),
			lambda p: _("The leader's score share is {0}%: enter a share between 0 and 100.").format(
				p["share"]
			),
		),
		"evaluation_no_weight": (
			lambda: _("No Metric Weighs"),
			lambda p: _("Every metric's weight is 0: give at least one metric a weight above 0."),
		),
		"summary_county_not_yours": (
			lambda: _("County Summary"),
			lambda p: _(
				"Only the county's care administrators write the county's term summary. Choose your school."
			),
		),
		"summary_term_not_begun": (
			lambda: _("Term Not Begun"),
			lambda p: _(
				"{0} begins on {1}: a term is summed up once it has begun. Choose this term or an earlier one."
			).format(p["term"], frappe.format(p["start"], "Date")),
		),
		"summary_duplicate": (
			lambda: _("Summary Already Written"),
			lambda p: _(
				"The summary of {0} for {1} is already on file as {2}. Open it instead of writing a second one."
			).format(p["school"] or _("the county"), p["term"], p["existing"]),
		),
		"summary_seminar_kind": (
			lambda: _("Not a Staff Seminar"),
			lambda p: _(
				"{0} is not a staff seminar (教师研讨会). Choose the staff seminar where the summary was discussed."
			).format(p["meeting"]),
		),
		"summary_seminar_school": (
			lambda: _("Another School's Seminar"),
			lambda p: _("{0} was held by another school. Choose a staff seminar of {1}.").format(
				p["meeting"], p["school"]
			),
		),
		"summary_move_illegal": (
			lambda: _("Step Not Allowed"),
			lambda p: _(
				"A term summary cannot go from {0} to {1}. Use the summary's Actions menu: it offers the steps allowed from {0}."
			).format(option_label(p["from_state"]), option_label(p["to_state"])),
		),
		"summary_locked": (
			lambda: _("Summary Locked"),
			lambda p: _(
				"The summary is {0}: it stands as the school signed it and may not be changed. If it must change, the county's care administrator returns it to Draft with remarks."
			).format(option_label(p["state"])),
		),
		"school_outside_scope": (
			lambda: _("Not Your School"),
			lambda p: _(
				"You may keep this record only for the schools you lead, and {0} is not one of them. Choose your own school."
			).format(p["school"]),
		),
		"aid_kind_unknown": (
			lambda: _("Unknown Kind of Aid"),
			lambda p: _("{0} is not a kind of aid. Choose one from the list.").format(
				option_label(p["kind"])
			),
		),
		"aid_amount_not_positive": (
			lambda: _("Amount Must Be Positive"),
			lambda p: _(
				"The amount is {0}. Enter the amount given, above 0 (goods: leave it empty and list the items)."
			).format(p["amount"]),
		),
		"aid_amount_missing": (
			lambda: _("Amount Missing"),
			lambda p: _("Enter the amount given. For goods, choose the kind Goods and list the items."),
		),
		"aid_items_missing": (
			lambda: _("Items Missing"),
			lambda p: _("List the goods given (what and how many)."),
		),
		"aid_donor_missing": (
			lambda: _("Donor Missing"),
			lambda p: _("A social donation names its donor: enter the person or organisation who gave it."),
		),
		"fund_negative": (
			lambda: _("Negative Amount"),
			lambda p: _("The funds for {0} cannot be negative. Enter the amounts in yuan, 0 or more.").format(
				option_label(p["use"])
			),
		),
		"fund_overspent": (
			lambda: _("Spent Above the Allocation"),
			lambda p: _(
				"For {0}, {1} yuan is recorded as spent but only {2} yuan was allocated. Correct the spending, or record the allocation that covered it."
			).format(option_label(p["use"]), p["spent"], p["allocated"]),
		),
		"dropout_state_unknown": (
			lambda: _("Unknown Case Status"),
			lambda p: _("{0} is not a status of a follow-up case. Choose one from the list.").format(
				option_label(p["state"])
			),
		),
		"dropout_return_date_missing": (
			lambda: _("Return Date Missing"),
			lambda p: _(
				"A case closes as back in school with the day the child returned. Enter the return date."
			),
		),
		"dropout_return_date_invalid": (
			lambda: _("Invalid Return Date"),
			lambda p: _(
				"The return date {0} is before the case opened ({1}) or in the future. Enter the day the child came back to school."
			).format(frappe.format(p["return_date"], "Date"), frappe.format(p["opened_on"], "Date")),
		),
		"dropout_not_back": (
			lambda: _("Child Not Back in School"),
			lambda p: _(
				"The child's file still says {0}. Set the child's schooling status to In School first, then close the case."
			).format(option_label(p["schooling_status"])),
		),
		"dropout_leave_not_recorded": (
			lambda: _("Leave Not Recorded"),
			lambda p: _(
				"A case closes as left only when the child's file records where they went (Transferred, Graduated or Aged Out); it says {0}. Record the child's status first."
			).format(option_label(p["status"])),
		),
		"dropout_attempt_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _(
				"A persuasion attempt is dated {0}, in the future. Enter the day it took place."
			).format(frappe.format(p["day"], "Date")),
		),
		"dropout_attempt_before_case": (
			lambda: _("Attempt Before the Case"),
			lambda p: _(
				"A persuasion attempt is dated {0}, before the case opened on {1}. Enter the day it took place."
			).format(frappe.format(p["day"], "Date"), frappe.format(p["opened_on"], "Date")),
		),
		"hazard_deadline_before_found": (
			lambda: _("Deadline Before the Inspection"),
			lambda p: _(
				"Hazards row {0}: the deadline is before the inspection found the hazard. Set a later deadline."
			).format(p["row"]),
		),
		"hazard_fixed_before_found": (
			lambda: _("Fixed Before It Was Found"),
			lambda p: _(
				"Hazards row {0}: fixed on {1}, before the inspection found it. Enter the day it was fixed."
			).format(p["row"], frappe.format(p["fixed_on"], "Date")),
		),
		"hazard_fixed_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _("Hazards row {0}: fixed on {1}, in the future. Enter the day it was fixed.").format(
				p["row"], frappe.format(p["fixed_on"], "Date")
			),
		),
		"hazard_report_incomplete": (
			lambda: _("Report Incomplete"),
			lambda p: _(
				"Hazards row {0}: a report names both the department it went to and the day. Fill in both, or neither."
			).format(p["row"]),
		),
		"hazard_report_date_invalid": (
			lambda: _("Invalid Report Date"),
			lambda p: _(
				"Hazards row {0}: reported on {1}, before the hazard was found or in the future. Enter the day it was reported."
			).format(p["row"], frappe.format(p["reported_on"], "Date")),
		),
		"hazard_child_elsewhere": (
			lambda: _("Not a Child of This School"),
			lambda p: _(
				"Hazards row {0}: {1} is not a child of {2}. Enter the file numbers of the school's own children it affects."
			).format(p["row"], p["child"], p["school"]),
		),
		"activity_kind_unknown": (
			lambda: _("Unknown Kind of Activity"),
			lambda p: _("{0} is not a kind of care activity. Choose one from the list.").format(
				option_label(p["kind"])
			),
		),
		"activity_in_future": (
			lambda: _("Date in the Future"),
			lambda p: _(
				"The activity is dated {0}, in the future. Record it once it has taken place."
			).format(frappe.format(p["day"], "Date")),
		),
		"activity_without_children": (
			lambda: _("No Children"),
			lambda p: _("Add the children who took part: by class, or one by one."),
		),
		"activity_child_twice": (
			lambda: _("Listed Twice"),
			lambda p: _(
				"Children row {0} lists the same child as row {1}. Remove one of the two rows."
			).format(p["row"], p["first"]),
		),
		"activity_child_outside_scope": (
			lambda: _("Not Your Child"),
			lambda p: _(
				"Children row {0}: {1} is not one of the children you look after. Remove the row; their own school records their activities."
			).format(p["row"], p["child"]),
		),
		"user_lacks_role": (
			lambda: _("Missing Role"),
			lambda p: _(
				"User {0} does not have the role {1}. Give them the role first, then assign them here."
			).format(p["user"], option_label(p["role"])),
		),
		"invitation_invitee_kind": (
			lambda: _("Not an Invitee"),
			lambda p: _(
				"An invitation is for a parent away or a guardian of the child ({0} is neither). Choose the parent's or the guardian's row."
			).format(p["kind"]),
		),
		"invitation_child_closed": (
			lambda: _("File Closed"),
			lambda p: _(
				"The child's file is closed: parents of a child no longer in the programme are not invited. Reopen the file first if the child is back."
			),
		),
		"invitation_no_phone": (
			lambda: _("No Phone on File"),
			lambda p: _(
				"There is no phone number on file for this person. Enter their mobile number in the child's file, then issue the invitation."
			),
		),
		"invitation_not_mobile": (
			lambda: _("Not a Mobile Number"),
			lambda p: _(
				"{0} is not a mobile number: parents log in with their mobile number. Enter the 11-digit mobile number."
			).format(p["phone"]),
		),
		"invitation_used": (
			lambda: _("Invitation Already Used"),
			lambda p: _(
				"This invitation has already been used. Log in with your mobile number and password, or ask the class teacher for a new invitation."
			),
		),
		"invitation_revoked": (
			lambda: _("Invitation Withdrawn"),
			lambda p: _("This invitation was withdrawn by the school. Ask the class teacher for a new one."),
		),
		"invitation_expired": (
			lambda: _("Invitation Expired"),
			lambda p: _("This invitation expired on {0}. Ask the class teacher for a new one.").format(
				frappe.format(p["expired_on"], "Date")
			),
		),
		"invitation_locked": (
			lambda: _("Invitation Locked"),
			lambda p: _(
				"The last four digits of the phone were entered wrongly too many times, so this invitation is locked. Ask the class teacher for a new one."
			),
		),
		"invitation_digits_format": (
			lambda: _("Four Digits"),
			lambda p: _("Enter the last four digits of the mobile number the school has on file for you."),
		),
		"invitation_status_change": (
			lambda: _("Not Allowed"),
			lambda p: _(
				"An invitation cannot go from {0} to {1}: the school can only withdraw it, and only the parent's opening of it uses it. Issue a new invitation instead."
			).format(option_label(p["before"]), option_label(p["after"])),
		),
		"invitation_row_missing": (
			lambda: _("Not in the File"),
			lambda p: _(
				"{0} is not a row of this child's parents away or guardians. Save the child's file first, then choose the person from it."
			).format(p["row"]),
		),
		"invitation_not_found": (
			lambda: _("Invitation Not Found"),
			lambda p: _(
				"No invitation has this code. Check the code on the paper or message from the school, or ask the class teacher for a new one."
			),
		),
		"article_county_only": (
			lambda: _("Choose Your School"),
			lambda p: _(
				"Articles for every school of the county are published by the county's administrators. Choose your school as the article's school."
			),
		),
		"article_other_school": (
			lambda: _("Not Your School"),
			lambda p: _("{0} is not your school. Choose your own school as the article's school.").format(
				p["school"]
			),
		),
		"parent_field_not_allowed": (
			lambda: _("Not Yours to Change"),
			lambda p: _(
				"These items cannot be changed here: {0}. Ask the class teacher if they are wrong."
			).format(p["fields"]),
		),
		"parent_home_frequency": (
			lambda: _("How Often Home"),
			lambda p: _(
				"{0} is not one of the choices for how often you come home. Choose one from the list."
			).format(p["value"]),
		),
		"parent_return_date": (
			lambda: _("Return Date"),
			lambda p: _("{0} is not a date. Choose the day you plan to come home.").format(p["value"]),
		),
		"parent_return_past": (
			lambda: _("Return Date Passed"),
			lambda p: _("{0} has already passed. Choose a day from today on, or leave it empty.").format(
				frappe.format(p["day"], "Date")
			),
		),
		"parent_text_too_long": (
			lambda: _("Too Long"),
			lambda p: _("{0} may hold at most {1} characters. Shorten it.").format(p["field"], p["limit"]),
		),
		"parent_call_channel": (
			lambda: _("Call or Video"),
			lambda p: _("{0} is not a call or a video call. Choose 亲情电话 or 视频.").format(p["channel"]),
		),
		"parent_call_future": (
			lambda: _("Date in the Future"),
			lambda p: _("The call is dated {0}, in the future. Log it once it has taken place.").format(
				frappe.format(p["day"], "Date")
			),
		),
		"parent_call_too_old": (
			lambda: _("Too Long Ago"),
			lambda p: _("The call on {0} is more than {1} days ago. Log calls within a month.").format(
				frappe.format(p["day"], "Date"), p["days"]
			),
		),
		"parent_call_minutes": (
			lambda: _("Minutes"),
			lambda p: _("{0} minutes is not a call's length. Enter between {1} and {2} minutes.").format(
				p["minutes"], p["low"], p["high"]
			),
		),
	}


def option_label(value: str) -> str:
	"""A stored option value (Male, Transferred, a role name) in the user's language."""
	return _(value)


def raise_rule_error(err: RuleError, record: str | None = None) -> None:
	"""Throw `err` as a translated ValidationError; `record` names the document it concerns."""
	title, text = rule_message(err)
	if record:
		text = _("{0}: {1}").format(record, text)
	frappe.throw(text, title=title)


def rule_message(err: RuleError) -> tuple[str, str]:
	"""Title and sentence of a broken rule; what the person typed is shown as text, never as markup."""
	title, message = messages()[err.code]
	params = {k: escape_html(v) if isinstance(v, str) else v for k, v in err.params.items()}
	return title(), message(params)


def raise_rule_errors(errors: list[RuleError], record: str | None, field_label: Callable[[str], str]) -> None:
	"""Throw every problem of one entry in one message, each naming its field. `field_label` turns
	a problem's `field_key` into the label the person sees on the form."""
	for err in errors:
		if "field_key" in err.params:
			err.params["field"] = field_label(err.params["field_key"])
	if len(errors) == 1:
		raise_rule_error(errors[0], record)
	frappe.throw(entry_problems_message(errors, record), title=problems_title(errors))


def problems_title(errors: list[RuleError]) -> str | None:
	if not errors:
		return None
	if len(errors) == 1:
		return rule_message(errors[0])[0]
	return _("{0} Problems to Correct").format(len(errors))


def entry_problems_message(errors: list[RuleError], record: str | None) -> str:
	intro = _("Correct these before saving:")
	if record:
		intro = _("{0}: {1}").format(record, intro)
	items = "".join(f"<li>{rule_message(err)[1]}</li>" for err in errors)
	return f"{intro}<ul>{items}</ul>"
