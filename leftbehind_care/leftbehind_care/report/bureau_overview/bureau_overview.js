// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// The shared filters (term) come from the app's desk script (public/js/desk.js).

frappe.query_reports["Bureau Overview"] = {
	filters: leftbehind_care.report_filters("term"),
	onload: (report) => leftbehind_care.default_term(report),
	// A school's weakest measures in red: what the bureau follows up first.
	formatter(value, row, column, data, default_formatter) {
		const shown = default_formatter(value, row, column, data);
		if (column.fieldname === "weakest" && data && data.weakest) return `<span class="text-danger">${shown}</span>`;
		return shown;
	},
};
