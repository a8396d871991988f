// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

// The answers are rows of a table (any client may send them so); on the form they are asked as a
// questionnaire, one question at a time with its answers as buttons, grouped by domain.
frappe.ui.form.on("Care Assessment", {
	setup(frm) {
		frm.set_query("child", () => ({ filters: { status: "Active" } }));
	},
	onload(frm) {
		if (frm.is_new() && !frm.doc.template) {
			frappe.db.get_value("Assessment Template", { is_default: 1 }, "name").then(({ message }) => {
				if (message && message.name && !frm.doc.template) frm.set_value("template", message.name);
			});
		}
	},
	refresh(frm) {
		frm.set_df_property("answers", "hidden", 1);
		// Frappe adds a headline on every refresh (a save refreshes twice): one at a time.
		frm.dashboard.clear_headline();
		if (frm.doc.risk_level === "High") {
			frm.dashboard.set_headline_alert(
				frm.doc.proposed_plan
					? __("High risk: intervention plan {0} is linked; the school leaders were told.", [
							`<a href="/app/intervention-plan/${encodeURIComponent(frm.doc.proposed_plan)}">${frappe.utils.escape_html(frm.doc.proposed_plan)}</a>`,
					  ])
					: __("High risk: saving drafts an intervention plan and tells the school leaders."),
				"red"
			);
		}
		render_questionnaire(frm);
	},
	template(frm) {
		if (!frm.doc.template) return;
		frappe
			.call("leftbehind_care.assessments.questions", { template: frm.doc.template })
			.then(({ message: questions }) => {
				const before = Object.fromEntries((frm.doc.answers || []).map((r) => [r.item_key, r.answer]));
				frm.clear_table("answers");
				for (const q of questions) {
					frm.add_child("answers", {
						item_key: q.item_key,
						domain: q.domain,
						question: q.question,
						scale: q.scale,
						answer: before[q.item_key] || "",
					});
				}
				frm.__questions = questions;
				frm.refresh_field("answers");
				render_questionnaire(frm);
			});
	},
});

function render_questionnaire(frm) {
	const field = frm.get_field("questionnaire");
	if (!field) return;
	const rows = frm.doc.answers || [];
	if (!rows.length) {
		field.$wrapper.html(`<p class="text-muted">${__("Choose the child and the template: its questions appear here.")}</p>`);
		return;
	}
	const known = Object.fromEntries((frm.__questions || []).map((q) => [q.item_key, q]));
	const editable = Boolean(frm.perm[0] && frm.perm[0].write);
	let domain = null;
	const html = [];
	for (const row of rows) {
		if (row.domain !== domain) {
			domain = row.domain;
			html.push(`<div class="lbc-q-domain">${__(domain)}</div>`);
		}
		const choices = scale_choices(row, known[row.item_key]);
		const buttons = choices
			.map(
				([value, label]) =>
					`<button type="button" class="btn btn-xs ${String(row.answer) === String(value) ? "btn-primary" : "btn-default"}"
						data-row="${row.name}" data-value="${value}" ${editable ? "" : "disabled"}>
						${value}${label ? " " + frappe.utils.escape_html(label) : ""}</button>`
			)
			.join("");
		const missing = row.answer === "" || row.answer === null || row.answer === undefined;
		html.push(`<div class="lbc-q ${missing ? "lbc-q-open" : ""}">
			<div class="lbc-q-text">${row.idx}. ${frappe.utils.escape_html(row.question || "")}</div>
			<div class="lbc-q-answers">${buttons}</div></div>`);
	}
	field.$wrapper.html(`<div class="lbc-questionnaire">${html.join("")}</div>`);
	field.$wrapper.find("button[data-row]").on("click", function () {
		const row = rows.find((r) => r.name === this.dataset.row);
		frappe.model.set_value(row.doctype, row.name, "answer", this.dataset.value).then(() => render_questionnaire(frm));
	});
	frappe.dom.set_style(
		`.lbc-q-domain { font-weight: 600; margin: 12px 0 4px; }
		.lbc-q { padding: 6px 0; border-bottom: 1px solid var(--border-color); }
		.lbc-q-open .lbc-q-text { color: var(--text-color); font-weight: 500; }
		.lbc-q-answers { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }`,
		"lbc-questionnaire"
	);
}

// [value, label] of each answer: from the template's labels where the question was just loaded,
// else read back from the row's scale text ("0 从不 · 1 偶尔 · …" or "0–3").
function scale_choices(row, question) {
	if (question) return question.labels.length ? question.labels.map((l, i) => [i, l]) : range(question.scale_max);
	const scale = row.scale || "";
	if (scale.includes("·")) {
		return scale.split("·").map((part) => {
			const [value, ...label] = part.trim().split(" ");
			return [Number(value), label.join(" ")];
		});
	}
	const max = Number((scale.split("–")[1] || "3").trim());
	return range(max);
}

function range(max) {
	return Array.from({ length: max + 1 }, (_, i) => [i, ""]);
}
