// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["At-Risk Children"] = {
	filters: leftbehind_care.report_filters("school", "care_class", {
		fieldname: "reason",
		label: __("Why Listed"),
		fieldtype: "Select",
		// leftbehind_care.core.risk.REASONS
		options: [
			{ value: "", label: "" },
			{ value: "Unsupervised", label: __("No Guardian Able to Care") },
			{ value: "High Risk", label: __("Assessed at High Risk") },
			{ value: "Open Incident", label: __("Incident Not Followed Through") },
			{ value: "Open Plan", label: __("Intervention Plan Not Ended") },
			{ value: "Overdue Talks", label: __("Talks Overdue") },
		],
	}),
};
