// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.query_reports["Talk Compliance"] = {
	filters: [
		{
			fieldname: "term",
			label: __("Care Term"),
			fieldtype: "Link",
			options: "Care Term",
		},
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
				{ value: "Children", label: __("Each Child by Month") },
				{ value: "Classes", label: __("Per Class") },
				{ value: "Teachers", label: __("Per Class Teacher") },
			],
			default: "Children",
		},
	],
	onload(report) {
		// The term running today, else the latest one.
		frappe.db
			.get_list("Care Term", {
				fields: ["name", "start_date", "end_date"],
				order_by: "start_date desc",
				limit: 20,
			})
			.then((terms) => {
				const today = frappe.datetime.get_today();
				const term = terms.find((t) => t.start_date <= today && today <= t.end_date) || terms[0];
				if (term && !report.get_filter_value("term")) report.set_filter_value("term", term.name);
			});
	},
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
