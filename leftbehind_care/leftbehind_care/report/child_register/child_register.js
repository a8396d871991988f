// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Child Register"] = {
	filters: [
		...leftbehind_care.report_filters("school", "care_class"),
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: ["Active", "Parents Returned", "Aged Out", "Transferred", "Graduated"].map((s) => ({
				value: s,
				label: __(s),
			})),
			default: "Active",
		},
		{ fieldname: "unsupervised_only", label: __("Unsupervised Children Only"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.unsupervised_alert && column.fieldname === "child_name") {
			value = `<span class="text-danger font-weight-bold">${value}</span>`;
		}
		return value;
	},
};
