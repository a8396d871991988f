// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// 学期工作总结: the figures (filled in from the records while a draft, frozen once submitted) shown
// by section, each beside the previous term's; what the school writes below them.

const SUMMARY_SECTIONS = [
	["children", () => __("Children in the Programme")],
	["care", () => __("Pairing and Contact")],
	["trouble", () => __("Children in Difficulty")],
	["support", () => __("Support and Safety")],
	["five_haves", () => __("The Five Haves")],
	["evaluation", () => __("Evaluation Results")],
];

frappe.ui.form.on("Care Term Summary", {
	setup(frm) {
		frm.set_query("seminar", () => ({
			filters: { meeting_type: "Staff Seminar", ...(frm.doc.school ? { school: frm.doc.school } : {}) },
		}));
	},
	refresh(frm) {
		show_figures(frm);
		if (!frm.is_new() && frm.doc.workflow_state === "Draft") {
			frm.set_intro(__("The figures follow the records until the summary is submitted: save to bring them up to date."), "blue");
		} else if (frm.doc.workflow_state === "Submitted" || frm.doc.workflow_state === "Reviewed") {
			frm.set_intro(__("Submitted: the figures stand as the school signed them."), "green");
		}
	},
});

function summary_value(type, value) {
	if (value === null || value === undefined) return "—";
	if (type === "Percent") return `${format_number(value, null, 1)}%`;
	if (type === "Currency") return `¥${format_number(value, null, 2)}`;
	return format_number(value, null, 0);
}

function summary_change(row) {
	if (!row.has_previous) return "—";
	const sign = row.change > 0 ? "+" : row.change < 0 ? "−" : "±";
	return `${sign}${summary_value(row.value_type, Math.abs(row.change))}`;
}

function show_figures(frm) {
	const field = frm.get_field("figures_html");
	if (!field) return;
	const rows = frm.doc.figures || [];
	if (!rows.length) {
		field.$wrapper.html(
			`<p class="text-muted">${__("Choose the school and the term, then save: the figures are filled in from the records.")}</p>`
		);
		return;
	}
	const esc = frappe.utils.escape_html;
	const tables = SUMMARY_SECTIONS.map(([key, title]) => {
		const lines = rows
			.filter((row) => row.section === key)
			.map(
				(row) => `<tr><td>${esc(__(row.label))}</td>
					<td class="text-right">${summary_value(row.value_type, row.value)}</td>
					<td class="text-right text-muted">${row.has_previous ? summary_value(row.value_type, row.previous) : "—"}</td>
					<td class="text-right">${summary_change(row)}</td></tr>`
			);
		if (!lines.length) return "";
		return `<div class="lbc-summary-section"><h5>${title()}</h5>
			<table class="table table-sm table-bordered lbc-summary-table"><thead><tr>
			<th>${__("Figure")}</th><th class="text-right">${__("This Term")}</th>
			<th class="text-right">${__("Previous Term")}</th><th class="text-right">${__("Change")}</th>
			</tr></thead><tbody>${lines.join("")}</tbody></table></div>`;
	});
	field.$wrapper.html(`<div class="lbc-term-summary">${tables.join("")}</div>`);
}
