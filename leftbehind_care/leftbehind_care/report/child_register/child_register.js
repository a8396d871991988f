// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Child Register"] = {
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
