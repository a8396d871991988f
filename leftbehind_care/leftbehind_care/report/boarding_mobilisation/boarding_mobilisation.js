// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Boarding Mobilisation"] = {
	filters: leftbehind_care.report_filters(
		"school",
		"care_class",
		leftbehind_care.view_filter([
			["Children", __("Children to Mobilise")],
			["Schools", __("Boarding Shares per School")],
		]),
		"term"
	),
	onload: (report) => leftbehind_care.default_term(report),
};
