// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["At-Risk Children"] = {
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
			fieldname: "reason",
			label: __("Why Listed"),
			fieldtype: "Select",
			// leftbehind_care.core.risk.REASONS
			options: [
				{ value: "", label: "" },
				{ value: "Unsupervised", label: __("No Guardian Able to Care") },
				{ value: "High Risk", label: __("Assessed at High Risk") },
				{ value: "Open Incident", label: __("Incident Not Followed Through") },
				{ value: "Open Plan", label: __("Intervention Plan Not Ended") },
				{ value: "Overdue Talks", label: __("Talks Overdue") },
			],
		},
	],
};
