"""The desk a care user meets (rules in `leftbehind_care.core.desk`): class teachers and mentors
land on 我的学生, and Frappe's own workspaces stay out of every care user's sidebar through a
Module Profile, Frappe's way of hiding modules from a user."""

from __future__ import annotations

import frappe

from leftbehind_care.core import desk

MODULE_PROFILE = "Care Staff"
APP = "leftbehind_care"


def boot_desk(bootinfo) -> None:
	"""Where `/app` opens after the login (Frappe shows `bootinfo.home_page` for the bare desk
	address). A site still in its setup wizard keeps the wizard. `lbc_care_staff` tells the app's
	desk styles (public/css/desk.css) that the user is care staff."""
	roles = frappe.get_roles()
	bootinfo["lbc_care_staff"] = desk.is_care_staff(roles)
	page = desk.home_page(roles)
	if not page or bootinfo.get("home_page") != "Workspaces":
		return
	from frappe.desk import desk_page

	bootinfo["home_page"] = page
	# As Frappe sends its own home page: with the boot, not one request later.
	bootinfo.setdefault("docs", []).append(desk_page.get(page))


def ensure_module_profile() -> None:
	"""The profile that blocks every module but the care system's, kept current (a Frappe upgrade
	may add modules), and given to every care user who has no profile of their own."""
	blocked = desk.blocked_modules(
		frappe.get_all("Module Def", pluck="name"),
		frappe.get_all("Module Def", filters={"app_name": APP}, pluck="name"),
	)
	if frappe.db.exists("Module Profile", MODULE_PROFILE):
		profile = frappe.get_doc("Module Profile", MODULE_PROFILE)
	else:
		profile = frappe.new_doc("Module Profile")
		profile.module_profile_name = MODULE_PROFILE
	changed = profile.is_new() or sorted(row.module for row in profile.block_modules) != blocked
	if changed:
		profile.set("block_modules", [{"module": module} for module in blocked])
		profile.save(ignore_permissions=True)
	profile_of = dict(frappe.get_all("User", fields=["name", "module_profile"], as_list=True))
	# Care users without a profile get it; those who have it are rewritten only when it changed.
	users = {user for user in care_users() if not profile_of.get(user)}
	if changed:
		users |= {user for user, name in profile_of.items() if name == MODULE_PROFILE}
	give_profile(users, blocked)


def care_users() -> list[str]:
	"""Users who work with the care system only (`core.desk.is_care_staff`)."""
	roles_of: dict[str, list[str]] = {}
	for row in frappe.get_all(
		"Has Role", filters={"parenttype": "User"}, fields=["parent", "role"], order_by="parent"
	):
		roles_of.setdefault(row.parent, []).append(row.role)
	return [user for user, roles in roles_of.items() if user != "Administrator" and desk.is_care_staff(roles)]


def give_profile(users, blocked: list[str]) -> None:
	"""The profile and its blocked modules on each user, as User.validate copies them, in a few
	queries whatever the number of users."""
	users = sorted(users)
	if not users:
		return
	frappe.db.delete("Block Module", {"parenttype": "User", "parent": ("in", users)})
	now = frappe.utils.now()
	rows = [
		(frappe.generate_hash(length=10), now, now, "Administrator", "Administrator")
		+ (user, "User", "block_modules", idx, module)
		for user in users
		for idx, module in enumerate(blocked, start=1)
	]
	fields = ["name", "creation", "modified", "owner", "modified_by"]
	fields += ["parent", "parenttype", "parentfield", "idx", "module"]
	frappe.db.bulk_insert("Block Module", fields, rows)
	frappe.db.set_value(
		"User", {"name": ("in", users)}, "module_profile", MODULE_PROFILE, update_modified=False
	)
	for user in users:
		frappe.clear_document_cache("User", user)


def give_care_staff_the_profile(user, method=None) -> None:
	"""`User.before_validate`: a new care user, or one just given a care role, gets the profile
	(User.validate then copies its blocked modules). A user whose profile someone chose keeps it."""
	if user.module_profile or user.name in ("Administrator", "Guest"):
		return
	if desk.is_care_staff(row.role for row in user.roles) and frappe.db.exists(
		"Module Profile", MODULE_PROFILE
	):
		user.module_profile = MODULE_PROFILE


def remove_module_profile() -> None:
	"""On uninstall: the profile and what it blocked, from every user who had it."""
	users = frappe.get_all("User", filters={"module_profile": MODULE_PROFILE}, pluck="name")
	if users:
		frappe.db.delete("Block Module", {"parenttype": "User", "parent": ("in", users)})
		frappe.db.set_value("User", {"name": ("in", users)}, "module_profile", None, update_modified=False)
	frappe.delete_doc(
		"Module Profile", MODULE_PROFILE, force=True, ignore_permissions=True, ignore_missing=True
	)


def hide_tracebacks() -> None:
	"""`before_request`: a care user or a visitor who meets an error (a refusal included) gets its
	sentence, not Frappe's Python traceback, which the desk prints into the browser's console and
	which may quote a record's values. The Error Log keeps it for whoever keeps the site."""
	user = frappe.session.user if getattr(frappe.local, "session", None) else "Guest"
	if user == "Guest" or desk.is_care_staff(frappe.get_roles(user)):
		frappe.local.flags.disable_traceback = True
