// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Left Behind Child", {
	setup(frm) {
		// Offer only the classes this user may file children in (the server checks the same).
		frm.set_query("care_class", () => ({ query: "leftbehind_care.api.search_filing_classes" }));
	},
	refresh(frm) {
		if (frm.doc.unsupervised_alert) {
			frm.dashboard.set_headline_alert(
				__("Alert: this child is under 16 and has no adult guardian able to care for them. Arrange a guardian now and tell the school leader."),
				"red"
			);
		} else if (!frm.is_new() && frm.doc.completeness < 100) {
			frm.dashboard.set_headline_alert(
				__("File {0}% complete. Missing: {1}", [
					frm.doc.completeness,
					(frm.doc.__onload || {}).missing_labels || frm.doc.missing_items,
				]),
				"orange"
			);
		}
		if (!frm.is_new() && frm.doc.status === "Active") {
			show_care_status(frm);
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Contact Card"), () => {
				const args = new URLSearchParams({
					doctype: frm.doctype,
					name: frm.doc.name,
					format: "Contact Card",
					_lang: frappe.boot.lang,
				});
				window.open(frappe.urllib.get_full_url("/printview?" + args.toString()));
			});
		}
	},
	care_class(frm) {
		if (!frm.doc.care_class) {
			frm.set_value("school", null);
		}
	},
});

// This month's talk and family contact, and this term's home visit and guardian meeting.
const CARE_STATUS_COLOURS = { Met: "green", Open: "orange", Missed: "red", "Not Due": "gray" };

function show_care_status(frm) {
	frappe.call("leftbehind_care.api.child_care_status", { child: frm.doc.name }).then(({ message: s }) => {
		if (!s || frm.doc.name !== frm.docname) return;
		const items = [
			[__("Talk with the Class Teacher This Month"), s.talk, s.talks],
			[__("Family Contact This Month"), s.contact, s.contacts],
			[__("Home Visit This Term"), s.visit, s.visits],
			[__("Guardian Meeting This Term"), s.meeting, s.meetings],
		];
		for (const [label, status, count] of items) {
			if (!status) continue;
			frm.dashboard.add_indicator(`${label}: ${count}`, CARE_STATUS_COLOURS[status] || "gray");
		}
	});
}
