# Private name: every public name in hooks.py becomes a Frappe hook.
from leftbehind_care.core.scope import CARE_ROLES as _CARE_ROLES

app_name = "leftbehind_care"
app_title = "Leftbehind Care"
app_publisher = "leftbehind_care developers"
app_description = (
	"Care system for rural left-behind children (农村留守儿童关爱) for county education bureaus and schools"
)
app_email = "dev@leftbehind-care.invalid"
app_license = "mit"

# The six care roles ship as a filtered fixture (never Frappe's own roles).
fixtures = [{"dt": "Role", "filters": [["name", "in", list(_CARE_ROLES)]]}]

after_install = "leftbehind_care.install.after_install"
after_migrate = "leftbehind_care.install.after_migrate"
after_uninstall = "leftbehind_care.install.after_uninstall"

# Scoping: one helper (leftbehind_care.permissions) on every path.
permission_query_conditions = {
	"Left Behind Child": "leftbehind_care.permissions.child_query_conditions",
	"Child Guardian": "leftbehind_care.permissions.guardian_query_conditions",
}

has_permission = {
	"Left Behind Child": "leftbehind_care.permissions.child_has_permission",
	"Child Guardian": "leftbehind_care.permissions.guardian_has_permission",
}

standard_queries = {
	"Left Behind Child": "leftbehind_care.api.search_children",
}

doctype_list_js = {
	"Left Behind Child": "public/js/left_behind_child_list.js",
}

scheduler_events = {
	"daily": [
		"leftbehind_care.tasks.refresh_ages",
		"leftbehind_care.tasks.close_aged_out_children",
	],
}
