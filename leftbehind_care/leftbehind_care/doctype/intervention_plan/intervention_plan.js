// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Intervention Plan", {
	refresh(frm) {
		show_actions_label_on_phones();
		// A plan waiting for approval says who decides it: its school's leaders who did not draft
		// or submit it, or the county when there are none.
		const decided_by = (frm.doc.__onload || {}).decided_by;
		frm.set_intro(); // Frappe appends to the headline on each refresh
		frm.set_intro(
			decided_by ? __("Waiting for approval by {0}.", [frappe.utils.escape_html(decided_by)]) : ""
		);
	},
});

// Frappe hides the label of the form's Actions button on a phone, leaving an icon that says
// nothing: here the label stays.
function show_actions_label_on_phones() {
	if (document.getElementById("lbc-plan-actions-label")) return;
	const style = document.createElement("style");
	style.id = "lbc-plan-actions-label";
	style.textContent =
		'[data-page-route^="Form/Intervention Plan"] .actions-btn-group-label { display: inline !important; }';
	document.head.appendChild(style);
}
