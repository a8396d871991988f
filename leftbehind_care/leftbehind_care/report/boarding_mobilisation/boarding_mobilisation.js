// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Boarding Mobilisation"] = {
	filters: [
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
		{
			fieldname: "view",
			label: __("Show Rows As"),
			fieldtype: "Select",
			options: [
				{ value: "Children", label: __("Children to Mobilise") },
				{ value: "Schools", label: __("Boarding Shares per School") },
			],
			default: "Children",
		},
		{ fieldname: "term", label: __("Care Term"), fieldtype: "Link", options: "Care Term" },
	],
};
