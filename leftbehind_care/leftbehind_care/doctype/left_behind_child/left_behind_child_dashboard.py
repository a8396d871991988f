from frappe import _


def get_data():
	"""The care network's records on the child's form: counts and links (Frappe's dashboard);
	each count is a `frappe.get_list`, so it follows the reader's scope."""
	return {
		"fieldname": "child",
		"transactions": [
			{"label": _("Mentoring"), "items": ["Mentor Pairing", "Talk Record"]},
			{
				"label": _("Family and Home"),
				"items": ["Family Contact", "Home Visit", "Care Parent Invitation"],
			},
		],
	}
