// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// 考评: why the result is what it is, and which metrics had nothing due (left out of the score).

const EVALUATION_METRICS = {
	talks: () => __("Monthly Talks Held"),
	contacts: () => __("Monthly Family Contacts Held"),
	records_on_time: () => __("Talk Records Entered on Time"),
	pairing: () => __("Share of Children with a Mentor"),
	plan_reviews: () => __("Plan Reviews on Time"),
	incidents_told: () => __("Incidents Told to Parents within 24 Hours"),
	five_haves: () => __("All Five Haves"),
};

frappe.ui.form.on("Care Evaluation", {
	refresh(frm) {
		if (frm.doc.result_from === "Dereliction") {
			frm.dashboard.set_headline_alert(
				__("Fail: a dereliction of this teacher was confirmed for the term ({0}), whatever the score.", [
					frappe.utils.escape_html(frm.doc.dereliction || ""),
				]),
				"red"
			);
		}
		const none = (frm.doc.metrics_without_basis || "").split(",").filter((key) => EVALUATION_METRICS[key]);
		if (none.length) {
			frm.set_intro(
				__("Nothing was due for: {0}. These are left out of the score.", [
					none.map((key) => EVALUATION_METRICS[key]()).join("、"),
				]),
				"blue"
			);
		}
	},
});
