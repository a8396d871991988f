// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Schooling and Safety Follow-ups"] = {
	filters: [
		{
			fieldname: "view",
			label: __("Show"),
			fieldtype: "Select",
			options: [
				{ value: "Open Cases", label: __("Open Schooling Follow-ups") },
				{ value: "At Risk", label: __("Children at Risk of Dropping Out") },
				{ value: "Hazards", label: __("Overdue Safety Hazards") },
			],
			default: "Open Cases",
		},
		...leftbehind_care.report_filters("school"),
	],
};
