# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

from frappe.model.document import Document

from leftbehind_care.permissions import RowFollowsParent


class CareTermSummaryFigure(RowFollowsParent, Document):
	"""One figure of a term summary, beside the previous term's (written by the summary only)."""
