frappe.listview_settings["Left Behind Child"] = {
	add_fields: ["status", "unsupervised_alert", "completeness"],
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
