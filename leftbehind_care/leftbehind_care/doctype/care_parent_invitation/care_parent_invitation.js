// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Care Parent Invitation", {
	refresh(frm) {
		frm.disable_save();
		if (frm.is_new()) {
			// An invitation names a row of the child's file: it is issued from the child's form.
			frm.set_intro(__("Issue invitations from the child's form: Invite a Parent."), "blue");
			return;
		}
		if (frm.is_new() || !frm.perm[0] || !frm.perm[0].write) return;
		if (frm.doc.status === "Pending") {
			frm.add_custom_button(__("Show the Code Again"), () =>
				frappe
					.call("leftbehind_care.parents.invitation_card", { name: frm.doc.name })
					.then(({ message }) => show_invitation_card(message))
			);
		}
		if (frm.doc.status !== "Revoked") {
			frm.add_custom_button(__("Withdraw"), () =>
				frappe.confirm(
					frm.doc.status === "Used"
						? __("Withdraw this invitation? The parent's account will no longer reach this child.")
						: __("Withdraw this invitation? Its code will no longer open."),
					() =>
						frappe
							.call({ method: "leftbehind_care.parents.revoke_invitation", args: { name: frm.doc.name } })
							.then(() => frm.reload_doc())
				)
			);
		}
	},
});

function show_invitation_card(card) {
	const esc = frappe.utils.escape_html;
	frappe.msgprint({
		title: __("Parent Invitation"),
		message: `<div class="text-center">
			<p style="font-size: 1.8rem; letter-spacing: 0.2rem; font-weight: 600;">${esc(card.code)}</p>
			<img src="${card.qr}" alt="${esc(__("QR code of the invitation link"))}" style="width: 200px; height: 200px;">
			<p class="small text-muted" style="overflow-wrap: anywhere;">${esc(card.link)}</p></div>`,
	});
}
