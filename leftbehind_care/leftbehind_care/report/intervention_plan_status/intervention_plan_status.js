// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Intervention Plan Status"] = {
	filters: [
		...leftbehind_care.report_filters("school", "care_class"),
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
