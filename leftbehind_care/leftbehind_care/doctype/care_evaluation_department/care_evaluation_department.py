# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from leftbehind_care.permissions import RowFollowsParent


class CareEvaluationDepartment(RowFollowsParent, Document):
	"""A member of a department the school evaluates (a 年级组 or 政教处)."""
