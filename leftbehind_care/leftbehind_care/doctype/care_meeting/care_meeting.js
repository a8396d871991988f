// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Care Meeting", {
	setup(frm) {
		// The classes the user looks after (those they may hold a class meeting for), of the
		// chosen school; a class meeting's school is its class's.
		frm.set_query("care_class", () => ({
			query: "leftbehind_care.api.search_filing_classes",
			filters: frm.doc.school ? { school: frm.doc.school } : {},
		}));
	},
	refresh(frm) {
		lbc_show_rows_not_shown(frm);
	},
	care_class(frm) {
		if (!frm.doc.care_class) return;
		frappe.db.get_value("Care Class", frm.doc.care_class, "school").then(({ message }) => {
			if (message && message.school !== frm.doc.school) frm.set_value("school", message.school);
		});
	},
});
