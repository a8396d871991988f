// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Three Priorities"] = {
	filters: leftbehind_care.report_filters("term", "school", "care_class", {
		fieldname: "gaps_only",
		label: __("Only Children Who Received None"),
		fieldtype: "Check",
	}),
	onload: (report) => leftbehind_care.default_term(report),
};
