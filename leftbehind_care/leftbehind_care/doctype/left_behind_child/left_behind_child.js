// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Left Behind Child", {
	setup(frm) {
		show_phones_on_phones();
		// Offer only the classes this user may file children in (the server checks the same).
		frm.set_query("care_class", () => ({ query: "leftbehind_care.api.search_filing_classes" }));
	},
	refresh(frm) {
		if (frm.doc.unsupervised_alert) {
			frm.dashboard.set_headline_alert(
				__("Alert: this child is under 16 and has no adult guardian able to care for them. Arrange a guardian now and tell the school leader."),
				"red"
			);
		} else if (!frm.is_new() && frm.doc.completeness < 100) {
			frm.dashboard.set_headline_alert(
				__("File {0}% complete. Missing: {1}", [
					frm.doc.completeness,
					(frm.doc.__onload || {}).missing_labels || frm.doc.missing_items,
				]),
				"orange"
			);
		}
		if (!frm.is_new() && frm.doc.status === "Active") {
			show_care_status(frm);
		}
		if (!frm.is_new()) {
			show_support(frm);
		}
		if (!frm.is_new() && frm.doc.status === "Active" && frappe.model.can_create("Care Parent Invitation")) {
			frm.add_custom_button(__("Invite a Parent"), () => invite_parent(frm));
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Contact Card"), () => {
				const args = new URLSearchParams({
					doctype: frm.doctype,
					name: frm.doc.name,
					format: "Contact Card",
					_lang: frappe.boot.lang,
				});
				window.open(frappe.urllib.get_full_url("/printview?" + args.toString()));
			});
		}
	},
	care_class(frm) {
		if (!frm.doc.care_class) {
			frm.set_value("school", null);
		}
	},
	id_number(frm) {
		clear_problems(frm, ["id_number"]);
		read_id_number(frm);
	},
	birth_date: (frm) => clear_problems(frm, ["birth_date", "id_number"]),
	gender: (frm) => clear_problems(frm, ["id_number"]),
	left_behind_since: (frm) => clear_problems(frm, ["left_behind_since"]),
	contact_card_issued_on: (frm) => clear_problems(frm, ["contact_card_issued_on"]),
	filed_on: (frm) => clear_problems(frm, ["filed_on"]),
	village_contact_phone: (frm) => clear_problems(frm, ["village_contact_phone"]),
	parents_away_remove: (frm) => clear_problems(frm, ["parents_away"]),
	validate(frm) {
		// Every problem of the file at once, with its fields marked, before the save is sent (the
		// server applies the same rule and refuses the save on its own for any other client).
		return check_entry(frm.doc).then((result) => {
			clear_problems(frm, ENTRY_FIELDS);
			if (!result.problems.length) return;
			frappe.validated = false;
			mark_problems(frm, result.problems);
			frappe.msgprint({ title: result.title, message: result.message, indicator: "red" });
		});
	},
});

frappe.ui.form.on("Left Behind Child Parent", {
	phone: (frm) => clear_problems(frm, ["parents_away"]),
	away_since: (frm) => clear_problems(frm, ["parents_away"]),
});

// The fields the file entry check (core.child.check_entry) may mark.
const ENTRY_FIELDS = [
	"id_number",
	"birth_date",
	"left_behind_since",
	"contact_card_issued_on",
	"filed_on",
	"village_contact_phone",
	"parents_away",
];

function check_entry(doc) {
	return frappe
		.call({
			method: "leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child.check_entry",
			args: { doc },
		})
		.then((r) => r.message);
}

// Birth date and gender as soon as the ID number is complete, read by the same rule the save uses.
function read_id_number(frm) {
	const number = (frm.doc.id_number || "").replace(/\s/g, "");
	if (number.length < 18) return;
	check_entry({ ...frm.doc, birth_date: null, gender: null }).then((result) => {
		if ((frm.doc.id_number || "").replace(/\s/g, "") !== number) return; // typed on since
		const problems = result.problems.filter((p) => p.field === "id_number");
		if (problems.length) {
			mark_problems(frm, problems);
		} else if (result.identity) {
			frm.set_value({
				birth_date: result.identity.birth_date,
				gender: result.identity.gender,
			});
		}
	});
}

function mark_problems(frm, problems) {
	for (const problem of problems) {
		const fieldname = problem.field.split(".")[0];
		const field = frm.get_field(fieldname);
		if (!field) continue;
		field.$wrapper.addClass("has-error lbc-entry-problem");
		field.$wrapper.find(".lbc-entry-message").remove();
		$(`<p class="help-box small text-danger lbc-entry-message"></p>`)
			.text(problem.message)
			.appendTo(field.$wrapper.find(".control-input-wrapper, .form-grid-container").first());
	}
	const first = frm.get_field(problems[0].field.split(".")[0]);
	if (first) frm.scroll_to_field(first.df.fieldname);
}

function clear_problems(frm, fieldnames) {
	for (const fieldname of fieldnames) {
		const field = frm.get_field(fieldname);
		if (!field || !field.$wrapper) continue;
		field.$wrapper.removeClass("has-error lbc-entry-problem");
		field.$wrapper.find(".lbc-entry-message").remove();
	}
}

// This month's talk and family contact, and this term's home visit and guardian meeting: how many,
// and whether the target (Care Settings) is met, still due, missed or not due.
const CARE_STATUS_COLOURS = { Met: "green", Open: "orange", Missed: "red", "Not Due": "gray" };
const CARE_STATUS_WORDS = {
	Met: () => __("Target Met"),
	Open: () => __("Still Due"),
	Missed: () => __("Target Missed"),
	"Not Due": () => __("Not Due Now"),
};

function show_care_status(frm) {
	frappe.call("leftbehind_care.api.child_care_status", { child: frm.doc.name }).then(({ message: s }) => {
		if (!s || frm.doc.name !== frm.docname) return;
		const items = [
			[__("Talk with the Class Teacher This Month"), s.talk, s.talks],
			[__("Family Contact This Month"), s.contact, s.contacts],
			[__("Home Visit This Term"), s.visit, s.visits],
			[__("Guardian Meeting This Term"), s.meeting, s.meetings],
		];
		for (const [label, status, count] of items) {
			if (!status) continue;
			const words = CARE_STATUS_WORDS[status] ? ` · ${CARE_STATUS_WORDS[status]()}` : "";
			frm.dashboard.add_indicator(`${label}: ${count}${words}`, CARE_STATUS_COLOURS[status] || "gray");
		}
		show_five_haves(frm, s.five_haves || []);
	});
}

// 五有: a mark for each of the five haves, and what keeps each unmet one from being met.
function show_five_haves(frm, haves) {
	if (!haves.length) return;
	const esc = frappe.utils.escape_html;
	const marks = haves.map(
		(h) => `<span class="lbc-have ${h.met ? "text-success" : "text-danger"}" data-have="${esc(h.have)}">
			${h.met ? "✓" : "✗"} ${esc(h.label)}</span>`
	);
	const gaps = haves
		.filter((h) => !h.met)
		.map((h) => `<li><b>${esc(h.label)}</b>: ${h.gaps.map(esc).join("；")}</li>`);
	frm.dashboard.add_section(
		`<div class="lbc-five-haves"><div class="lbc-have-marks">${marks.join("")}</div>
			${gaps.length ? `<ul class="list-unstyled small lbc-have-gaps">${gaps.join("")}</ul>` : ""}</div>`,
		__("Five Haves")
	);
	frm.dashboard.show();
}

// Assessments (their trend across terms), plans under way and this year's incidents: what the
// reader may read of them, in one section of the form's dashboard.
const RISK_COLOURS = { Low: "green", Medium: "orange", High: "red" };

function show_support(frm) {
	frappe.call("leftbehind_care.assessments.child_support", { child: frm.doc.name }).then(({ message: s }) => {
		if (!s || frm.doc.name !== frm.docname) return;
		const parts = [];
		const link = (doctype, name, text) =>
			`<a href="/app/${frappe.router.slug(doctype)}/${encodeURIComponent(name)}">${frappe.utils.escape_html(text)}</a>`;
		if (s.assessments.length) {
			const rows = s.assessments.map((a) => {
				const change =
					a.change === null ? "" : a.change > 0 ? `↑ ${a.change}` : a.change < 0 ? `↓ ${-a.change}` : "→ 0";
				return `<tr><td>${link("Care Assessment", a.name, a.term || "")}</td>
					<td>${frappe.datetime.str_to_user(a.assessed_on)}</td>
					<td>${format_number(a.total, null, 1)}</td>
					<td><span class="indicator-pill ${RISK_COLOURS[a.risk_level] || "gray"}">${__(a.risk_level)}</span></td>
					<td>${change}</td></tr>`;
			});
			parts.push(`<div class="lbc-support-block"><div class="text-muted small">${__("Assessments by Term")}</div>
				<table class="table table-sm lbc-support-table"><thead><tr><th>${__("Term")}</th><th>${__("Assessed On")}</th>
				<th>${__("Total Score")}</th><th>${__("Risk Level")}</th><th>${__("Change")}</th></tr></thead>
				<tbody>${rows.join("")}</tbody></table></div>`);
		}
		if (s.plans.length) {
			const items = s.plans.map((p) => {
				const review = p.next_review_on
					? __("next review {0}", [frappe.datetime.str_to_user(p.next_review_on)])
					: "";
				return `<li>${link("Intervention Plan", p.name, p.name)} · ${__(p.workflow_state || "Draft")}
					${review ? ` · <span class="${p.review_overdue ? "text-danger" : ""}">${review}</span>` : ""}</li>`;
			});
			parts.push(`<div class="lbc-support-block"><div class="text-muted small">${__("Intervention Plans Under Way")}</div>
				<ul class="list-unstyled">${items.join("")}</ul></div>`);
		}
		if (s.incidents.length) {
			const items = s.incidents.map(
				(i) => `<li>${link("Care Incident", i.name, __(i.incident_kind))} ·
					${frappe.datetime.str_to_user(i.occurred_at)}
					${i.parents_notified_at ? "" : ` · <span class="text-danger">${__("Parents Not Yet Told")}</span>`}</li>`
			);
			parts.push(`<div class="lbc-support-block"><div class="text-muted small">${__("Incidents This Year")}</div>
				<ul class="list-unstyled">${items.join("")}</ul></div>`);
		}
		const t = s.this_term || {};
		if (t.term) {
			const items = [];
			const got = Object.entries(t.priorities || {});
			if (got.length) {
				items.push(
					`<li>${__("Three Priorities")}: ${got
						.map(([kind, yes]) => `<span class="${yes ? "text-success" : "text-muted"}">${yes ? "✓" : "✗"} ${__(kind)}</span>`)
						.join(" · ")}</li>`
				);
			}
			if (t.boarding) {
				items.push(`<li>${link("Boarding Record", t.boarding.name, __("Boarding: {0} {1}", [t.boarding.dormitory, t.boarding.bed || ""]))}</li>`);
			}
			for (const a of t.aid || []) {
				const what = a.amount ? format_currency(a.amount, "CNY") : a.items || "";
				items.push(`<li>${link("Aid Record", a.name, `${__(a.aid_kind)} ${what}`)}</li>`);
			}
			if (t.activities) items.push(`<li>${__("Care activities taken part in: {0}", [t.activities])}</li>`);
			for (const c of t.open_cases || []) {
				items.push(`<li class="text-danger">${link("Schooling Follow-up", c.name, __("Dropout follow-up open since {0}", [frappe.datetime.str_to_user(c.opened_on)]))}</li>`);
			}
			if (items.length) {
				parts.push(`<div class="lbc-support-block"><div class="text-muted small">${__("This Term ({0})", [frappe.utils.escape_html(t.term)])}</div>
					<ul class="list-unstyled">${items.join("")}</ul></div>`);
			}
		}
		if (parts.length) {
			frm.dashboard.add_section(`<div class="lbc-support">${parts.join("")}</div>`, __("Support in Difficulty"));
			frm.dashboard.show();
		}
	});
}

// At phone width a table shows the columns that fit, and Frappe's order leaves the parents' and
// guardians' phones off screen: there, show relation, name and phone across the width.
const PHONE_COLUMNS = {
	parents_away: ["relation", "parent_name", "phone"],
	guardians: ["guardian_name", "relation", "phone"],
};

function show_phones_on_phones() {
	const rules = Object.entries(PHONE_COLUMNS).map(([table, shown]) => {
		const grid = `.frappe-control[data-fieldname="${table}"] .form-grid`;
		const others = shown.map((f) => `:not([data-fieldname="${f}"])`).join("");
		return `${grid} { min-width: 0; }
			${grid} .grid-static-col[data-fieldname]${others} { display: none; }
			${grid} .grid-static-col[data-fieldname] { flex: 1 1 0; max-width: none; }`;
	});
	frappe.dom.set_style(`@media (max-width: 767px) { ${rules.join("\n")} }`, "lbc-child-form");
}

// 家长端: an invitation for a parent away or a guardian of this child, its code shown once (with a
// link and a QR code to print or send); a new one replaces the person's pending invitation.
function invite_parent(frm) {
	const people = [
		...(frm.doc.parents_away || []).map((row) => ({
			value: `Parent Away|${row.name}`,
			label: `${__(row.relation || "")} ${row.parent_name || ""} ${row.phone || ""}`,
		})),
		...(frm.doc.guardians || []).map((row) => ({
			value: `Guardian|${row.name}`,
			label: `${__(row.relation || "")} ${row.guardian_name || ""} ${row.phone || ""}`,
		})),
	];
	if (!people.length) {
		frappe.msgprint(__("The file lists no parent away and no guardian. Add them first."));
		return;
	}
	const dialog = new frappe.ui.Dialog({
		title: __("Invite a Parent"),
		fields: [
			{
				fieldname: "person",
				fieldtype: "Select",
				label: __("Invitee"),
				options: people,
				default: people[0].value,
				reqd: 1,
			},
		],
		primary_action_label: __("Issue the Invitation"),
		primary_action({ person }) {
			const [invitee_kind, invitee_row] = person.split("|");
			frappe
				.call({
					method: "leftbehind_care.parents.issue_invitation",
					args: { child: frm.doc.name, invitee_kind, invitee_row },
					freeze: true,
				})
				.then(({ message }) => {
					dialog.hide();
					show_invitation(message);
				});
		},
	});
	dialog.show();
}

function show_invitation(card) {
	const esc = frappe.utils.escape_html;
	const html = `<div class="lbc-invitation text-center">
		<p>${esc(__("Invitation for {0}, family of {1}", [card.invitee_name, card.child_name]))}</p>
		<p class="lbc-invitation-code" style="font-size: 1.8rem; letter-spacing: 0.2rem; font-weight: 600;">${esc(card.code)}</p>
		<img src="${card.qr}" alt="${esc(__("QR code of the invitation link"))}" style="width: 200px; height: 200px;">
		<p class="small text-muted" style="overflow-wrap: anywhere;">${esc(card.link)}</p>
		<p class="small">${esc(__("Valid until {0}. Used once. The parent confirms the last four digits of the phone on file.", [frappe.datetime.str_to_user(card.expires_at)]))}</p>
	</div>`;
	const dialog = new frappe.ui.Dialog({ title: __("Parent Invitation"), fields: [{ fieldtype: "HTML", fieldname: "card", options: html }] });
	dialog.set_primary_action(__("Print"), () => {
		const w = window.open("", "_blank");
		w.document.write(`<html><head><meta charset="utf-8"><title>${esc(__("Parent Invitation"))}</title></head><body style="font-family: sans-serif;">${html}</body></html>`);
		w.document.close();
		w.print();
	});
	if (card.sms) {
		dialog.set_secondary_action_label(__("Send by SMS"));
		dialog.set_secondary_action(() =>
			frappe
				.call({ method: "leftbehind_care.parents.send_invitation_sms", args: { name: card.name }, freeze: true })
				.then(({ message }) => frappe.show_alert({ message: __("Sent by SMS to {0}", [message.sent_to]), indicator: "green" }))
		);
	}
	dialog.show();
}
