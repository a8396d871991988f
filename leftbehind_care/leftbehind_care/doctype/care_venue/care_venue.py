# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document


class CareVenue(Document):
	"""A township venue of care activities (留守儿童之家, 活动室)."""
