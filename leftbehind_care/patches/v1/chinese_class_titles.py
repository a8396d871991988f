"""Class titles were stored in the site's language ("Grade 7 Class 1" on a site whose language was
left empty); they are the domain's own names, 7年级(1)班, on every site."""

import frappe

from leftbehind_care.core.school import class_title


def execute():
	for name, grade, class_no in frappe.get_all(
		"Care Class", fields=["name", "grade", "class_no"], as_list=True
	):
		if grade and class_no:
			frappe.db.set_value(
				"Care Class", name, "class_title", class_title(grade, class_no), update_modified=False
			)
