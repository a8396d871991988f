# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from leftbehind_care.permissions import RowFollowsParent


class PersuasionAttempt(RowFollowsParent, Document):
	pass
