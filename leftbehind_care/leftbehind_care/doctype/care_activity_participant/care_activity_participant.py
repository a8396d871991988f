# Copyright (c) 2026, leftbehind_care developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from leftbehind_care.permissions import RowFollowsParent


class CareActivityParticipant(RowFollowsParent, Document):
	pass


def on_doctype_update():
	# Care Coverage reads the activities a child took part in.
	frappe.db.add_index("Care Activity Participant", ["child"])
