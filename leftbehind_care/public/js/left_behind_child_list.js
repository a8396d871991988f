frappe.listview_settings["Left Behind Child"] = {
	add_fields: ["status", "unsupervised_alert", "completeness"],
	onload(listview) {
		// Find a child by name, pinyin (zhangsan) or initials (zs): the server matches (with the
		// query builder, which works on every database) and the list shows those children.
		listview.page.add_field({
			fieldname: "name_or_pinyin",
			label: __("Name and Pinyin"),
			fieldtype: "Data",
			change() {
				const text = (this.get_value() || "").trim();
				listview.filter_area.remove("name");
				if (!text) return;
				frappe.call("leftbehind_care.api.find_children", { txt: text }).then(({ message }) => {
					listview.filter_area.add([
						["Left Behind Child", "name", "in", message.length ? message : ["-"]],
					]);
				});
			},
		});
	},
	get_indicator(doc) {
		if (doc.unsupervised_alert) {
			return [__("Unsupervised"), "red", "unsupervised_alert,=,1"];
		}
		const colors = {
			Active: "green",
			"Parents Returned": "blue",
			"Aged Out": "gray",
			Transferred: "gray",
			Graduated: "gray",
		};
		return [__(doc.status), colors[doc.status] || "gray", "status,=," + doc.status];
	},
};
