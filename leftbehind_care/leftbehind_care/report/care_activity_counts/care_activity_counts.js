// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Care Activity Counts"] = {
	filters: [
		{ fieldname: "term", label: __("Care Term"), fieldtype: "Link", options: "Care Term" },
		{ fieldname: "school", label: __("School"), fieldtype: "Link", options: "Care School" },
		{
			fieldname: "view",
			label: __("Show Rows As"),
			fieldtype: "Select",
			options: [
				{ value: "Children", label: __("Each Child") },
				{ value: "Classes", label: __("Per Class") },
				{ value: "Schools", label: __("Per School") },
			],
			default: "Children",
		},
	],
};
