// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Intervention Plan Status"] = {
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
			fieldname: "workflow_state",
			label: __("Plan Status"),
			fieldtype: "Select",
			// The states of leftbehind_care/workflows/intervention_plan.json, in its order.
			options: [
				"",
				"Draft",
				"Pending Approval",
				"Rejected",
				"In Progress",
				"Under Review",
				"Closed",
				"Escalated",
			].map((value) => ({ value, label: value ? __(value) : "" })),
		},
		{ fieldname: "overdue_only", label: __("Reviews Overdue Only"), fieldtype: "Check" },
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (data && data.review_overdue && ["next_review_on", "state_label"].includes(column.fieldname)) {
			value = `<span class="text-danger">${value}</span>`;
		}
		return value;
	},
};
