# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class AssessmentTemplateItem(Document):
	pass
