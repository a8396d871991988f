// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term, school, class) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Talk Compliance"] = {
	filters: leftbehind_care.report_filters(
		"term",
		"school",
		"care_class",
		leftbehind_care.view_filter([
			["Children", __("Each Child by Month")],
			["Classes", __("Per Class")],
			["Teachers", __("Per Class Teacher")],
		])
	),
	onload: (report) => leftbehind_care.default_term(report),
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		if (column.fieldname && column.fieldname.startsWith("m_") && data) {
			const raw = data[column.fieldname];
			if (raw === __("Talk Missed")) value = `<span class="text-danger">${value}</span>`;
			else if (raw === __("Talked")) value = `<span class="text-success">${value}</span>`;
		}
		return value;
	},
};
