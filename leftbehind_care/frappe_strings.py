"""Frappe's own strings that the app's users meet on its pages and that Frappe's Chinese catalogue
leaves untranslated (Frappe v15/v16). Listing them here puts them in the app's catalogue
(`locale/zh.po`), which Frappe merges with its own: where Frappe has no Chinese, ours shows.

Nothing calls `frappe_strings`; the catalogue extractor reads it.
"""

from frappe import _


def frappe_strings() -> list[str]:
	return [
		_("Not allowed via controller permission check"),
		_("Search or type a command ({0})"),
		_("List View"),
		_("Edit Filters"),
		_("You created this"),
		_("You last edited this"),
		_("{0} created this"),
		_("{0} last edited this"),
		# The row-number column of every table on a form.
		_("No."),
		_("Type a reply / comment"),
		_("Try the new Print Designer"),
		_("Get PDF"),
		_("Copy to Clipboard"),
		_("Remind Me"),
		_("Connections"),
		_("Edit Full Form"),
		_("Show Error"),
		_("You haven't created a {0} yet"),
		_("No {0} found with matching filters. Clear filters to see all {0}."),
		_("No {0} found"),
		# Frappe v15's workspace of the same name, in every user's sidebar.
		_("Build"),
		# The list's file-number column and filter.
		_("ID"),
		# The list's "modified" column: minutes are 米 (metres) in Frappe's catalogue, the rest English.
		_("{0} m"),
		_("{0} h"),
		_("{0} d"),
		_("{0} w"),
		_("{0} M"),
		_("{0} y"),
		# Frappe v16's title of its own app, in the sidebar of its pages.
		_("Framework"),
		# The row-number column of Frappe's Standard print, which Frappe's catalogue renders 锶.
		_("Sr"),
		# The time zone Frappe writes under every date-and-time field (as help text, translated).
		_("Asia/Shanghai"),
		# Shown on opening a record whose workflow state the user's role may not edit.
		_("This form is not editable due to a Workflow."),
		# The form's timeline of changes.
		_("{0} from {1} to {2}"),
		_("{0} from {1} to {2} in row #{3}"),
		_("You changed the value of {0}"),
		_("{0} changed the value of {1}"),
		_("You changed the value of {0} {1}"),
		_("{0} changed the value of {1} {2}"),
		_("You changed the values for {0}"),
		_("{0} changed the values for {1}"),
		_("You changed the values for {0} {1}"),
		_("{0} changed the values for {1} {2}"),
		_("added rows for {0}"),
		_("removed rows for {0}"),
		# The form's ⋯ menu (Frappe's catalogue reads Jump to field as 跳到现场).
		_("Undo"),
		_("Redo"),
		_("Jump to field"),
		# The notification panel.
		_("Events"),
		_("What's New"),
		_("See all Activity"),
		# A report's export dialog and its sheet, and the search box.
		_("File Format"),
		_("Include filters"),
		_("Query Report"),
		_("No Results found"),
		# How a file was read (Child File Access): in the desk's form.
		_("Form"),
		# The notification panel (Frappe v15 has no Chinese for these).
		_("Looks like you haven’t received any notifications."),
		_("Mark all as read"),
		_("No New notifications"),
		_("No Upcoming Events"),
		_("Nothing New"),
		_("Notification Settings"),
		_("Notifications Disabled"),
		_("Rest of the day"),
		_("There are no upcoming events for you."),
		_("There is nothing new to show you right now."),
		_("View Full Log"),
		# The list sidebar's saved filters (Frappe v15 has no Chinese for these).
		_("Hide Saved"),
		_("Show Saved"),
		_("Are you sure you want to remove the {0} filter?"),
		_("Get more insights with"),
	]
