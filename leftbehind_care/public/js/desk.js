// 留守儿童关爱: what the whole desk needs for care users (hooks.app_include_js).
// A care user (no site-keeping role) gets the body class the app's desk styles read.
(() => {
	const mark = () => {
		if (frappe.boot && frappe.boot.lbc_care_staff) document.body.classList.add("lbc-care-staff");
	};
	if (document.body) mark();
	else document.addEventListener("DOMContentLoaded", mark);
})();

// Frappe v15 opens a report by asking for its script. A report the user may not open is refused
// in one sentence, shown by the request; the report view's promise is then left rejected with no
// reason, which the browser would report as a script error "undefined".
window.addEventListener("unhandledrejection", (event) => {
	const route = (frappe.get_route && frappe.get_route()) || [];
	if (event.reason === undefined && route[0] === "query-report") event.preventDefault();
});

// On a phone, Frappe v15's notification panel reaches past the screen's right edge: keep it in.
$(document).on("shown.bs.dropdown", ".dropdown-notifications", function () {
	const list = this.querySelector(".notifications-list");
	if (!list) return;
	const overflow = list.getBoundingClientRect().right - document.documentElement.clientWidth;
	if (overflow > 0) list.style.right = `${parseFloat(getComputedStyle(list).right) + overflow}px`;
});

// The filters the app's reports share, declared once: a report's own script names the ones it
// takes (`leftbehind_care.report_filters("term", "school", "care_class")`) and adds its own.
frappe.provide("leftbehind_care");
leftbehind_care.REPORT_FILTERS = {
	term: () => ({ fieldname: "term", label: __("Care Term"), fieldtype: "Link", options: "Care Term" }),
	school: () => ({
		fieldname: "school",
		label: __("School"),
		fieldtype: "Link",
		options: "Care School",
	}),
	// A class of the chosen school, when one is chosen.
	care_class: () => ({
		fieldname: "care_class",
		label: __("Class"),
		fieldtype: "Link",
		options: "Care Class",
		get_query: () => {
			const school = frappe.query_report.get_filter_value("school");
			return school ? { filters: { school } } : {};
		},
	}),
};
leftbehind_care.report_filters = (...names) =>
	names.map((name) => (typeof name === "string" ? leftbehind_care.REPORT_FILTERS[name]() : name));

// A Select filter choosing how the rows are shown: [value, label] pairs, the first the default.
leftbehind_care.view_filter = (choices, label = __("Show Rows As")) => ({
	fieldname: "view",
	label,
	fieldtype: "Select",
	options: choices.map(([value, text]) => ({ value, label: text })),
	default: choices[0][0],
});

// A report with a term filter opens on the term running today, else the latest one (the server
// defaults to the same when the filter is empty).
leftbehind_care.default_term = (report) =>
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
