// Copyright (c) 2026, leftbehind_care developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Care Activity", {
	setup(frm) {
		frm.set_query("child", "participants", () => ({ filters: { status: "Active" } }));
		frm.set_query("care_class", () => (frm.doc.school ? { filters: { school: frm.doc.school } } : {}));
	},
	refresh(frm) {
		if (frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Add a Class"), () => add_class(frm));
		}
		lbc_show_rows_not_shown(frm);
	},
	care_class(frm) {
		if (frm.doc.care_class && !(frm.doc.participants || []).length) add_children(frm, frm.doc.care_class);
	},
});

function add_class(frm) {
	frappe.prompt(
		[
			{
				fieldname: "care_class",
				fieldtype: "Link",
				options: "Care Class",
				label: __("Class"),
				reqd: 1,
				get_query: () => (frm.doc.school ? { filters: { school: frm.doc.school } } : {}),
			},
		],
		({ care_class }) => add_children(frm, care_class),
		__("Add the Children of a Class"),
		__("Add")
	);
}

function add_children(frm, care_class) {
	frappe
		.call("leftbehind_care.leftbehind_care.doctype.care_activity.care_activity.class_children", { care_class })
		.then(({ message: children }) => {
			const listed = new Set((frm.doc.participants || []).map((r) => r.child));
			let added = 0;
			for (const c of children || []) {
				if (listed.has(c.child)) continue;
				frm.add_child("participants", c);
				added += 1;
			}
			frm.refresh_field("participants");
			frappe.show_alert({ message: __("{0} children added", [added]), indicator: "green" });
		});
}
