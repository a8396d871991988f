"""What the desk is told about the app when a user's session starts."""

from __future__ import annotations

from frappe import _


def boot_session(bootinfo) -> None:
	"""Frappe v16's sidebar shows the current app's title as its hooks.py spells it (Leftbehind
	Care, Framework); a care user reads it in their own language. Frappe v15 has no app switcher
	(no `app_data`). Class teachers and mentors land on 我的学生 (`leftbehind_care.desk`)."""
	from leftbehind_care.desk import boot_desk

	boot_desk(bootinfo)
	for app in bootinfo.get("app_data") or []:
		if app.get("app_name") == "leftbehind_care":
			app["app_title"] = _("Left-Behind Children Care")
		elif title := app.get("app_title"):
			app["app_title"] = _(title)
