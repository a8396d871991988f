// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt
// 检查考核: the round makes every evaluation of the school in one action.

frappe.ui.form.on("Care Evaluation Round", {
	refresh(frm) {
		if (frm.is_new() || !frm.perm[0] || !frm.perm[0].write) return;
		frm.add_custom_button(__("Make Evaluations"), () =>
			frappe
				.call({
					method: "leftbehind_care.evaluations.make_evaluations",
					args: { evaluation_round: frm.doc.name },
					freeze: true,
				})
				.then(({ message }) => {
					frappe.show_alert({ message: __("{0} evaluations made", [message]), indicator: "green" });
					frm.reload_doc();
					frappe.set_route("List", "Care Evaluation", { evaluation_round: frm.doc.name });
				})
		);
	},
});
