// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Care Coverage"] = {
	filters: leftbehind_care.report_filters(
		"term",
		"school",
		"care_class",
		leftbehind_care.view_filter([
			["Children", __("Each Child")],
			["Classes", __("Per Class")],
			["Schools", __("Per School")],
		]),
		{
			fieldname: "gaps_only",
			label: __("Only Children with Gaps"),
			fieldtype: "Check",
		}
	),
	onload: (report) => leftbehind_care.default_term(report),
};
