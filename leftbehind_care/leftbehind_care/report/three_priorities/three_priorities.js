// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Three Priorities"] = {
	filters: [
		{ fieldname: "term", label: __("Care Term"), fieldtype: "Link", options: "Care Term" },
		{ fieldname: "school", label: __("School"), fieldtype: "Link", options: "Care School" },
		{
			fieldname: "care_class",
			label: __("Class"),
			fieldtype: "Link",
			options: "Care Class",
			get_query: () => {
				const school = frappe.query_report.get_filter_value("school");
				return school ? { filters: { school } } : {};
			},
		},
		{ fieldname: "gaps_only", label: __("Only Children Who Received None"), fieldtype: "Check" },
	],
};
