# Private name: every public name in hooks.py becomes a Frappe hook.
from leftbehind_care.core.parents import PARENT_ROLE as _PARENT_ROLE
from leftbehind_care.core.scope import CARE_ROLES as _CARE_ROLES

app_name = "leftbehind_care"
app_title = "Leftbehind Care"
app_publisher = "leftbehind_care developers"
app_description = (
	"Care system for rural left-behind children (农村留守儿童关爱) for county education bureaus and schools"
)
app_email = "dev@leftbehind-care.invalid"
app_license = "mit"

# The six care roles and the parents' role ship as a filtered fixture (never Frappe's own roles).
fixtures = [{"dt": "Role", "filters": [["name", "in", [*_CARE_ROLES, _PARENT_ROLE]]]}]

after_install = "leftbehind_care.install.after_install"
after_migrate = "leftbehind_care.install.after_migrate"
after_uninstall = "leftbehind_care.install.after_uninstall"

# Scoping: one helper (leftbehind_care.permissions) on every path.
permission_query_conditions = {
	"Left Behind Child": "leftbehind_care.permissions.child_query_conditions",
	"Left Behind Child Parent": "leftbehind_care.permissions.child_row_query_conditions",
	"Left Behind Child Guardian": "leftbehind_care.permissions.child_row_query_conditions",
	"Left Behind Child Status Log": "leftbehind_care.permissions.child_row_query_conditions",
	"Child Guardian": "leftbehind_care.permissions.guardian_query_conditions",
	"Mentor Pairing": "leftbehind_care.permissions.pairing_query_conditions",
	"Talk Record": "leftbehind_care.permissions.child_record_query_conditions",
	"Family Contact": "leftbehind_care.permissions.child_record_query_conditions",
	"Home Visit": "leftbehind_care.permissions.child_record_query_conditions",
	"Care Meeting": "leftbehind_care.permissions.meeting_query_conditions",
	"Care Meeting Attendee": "leftbehind_care.permissions.meeting_row_query_conditions",
	"Intervention Plan": "leftbehind_care.permissions.child_record_query_conditions",
	"Counseling Session": "leftbehind_care.permissions.child_record_query_conditions",
	"Care Incident": "leftbehind_care.permissions.child_record_query_conditions",
	"Care Parent Invitation": "leftbehind_care.permissions.child_record_query_conditions",
	"Care Parent Article": "leftbehind_care.permissions.article_query_conditions",
	"Care Assessment": "leftbehind_care.permissions.child_record_query_conditions",
	"Care Assessment Answer": "leftbehind_care.permissions.record_row_query_conditions",
	"Priority Support": "leftbehind_care.permissions.child_record_query_conditions",
	"Boarding Record": "leftbehind_care.permissions.child_record_query_conditions",
	"Aid Record": "leftbehind_care.permissions.child_record_query_conditions",
	"Schooling Follow-up": "leftbehind_care.permissions.child_record_query_conditions",
	"Persuasion Attempt": "leftbehind_care.permissions.record_row_query_conditions",
	"Care Fund Entry": "leftbehind_care.permissions.school_record_query_conditions",
	"Safety Inspection": "leftbehind_care.permissions.school_record_query_conditions",
	"Safety Hazard": "leftbehind_care.permissions.school_row_query_conditions",
	"Care Activity": "leftbehind_care.permissions.activity_query_conditions",
	"Care Activity Participant": "leftbehind_care.permissions.activity_row_query_conditions",
	"Care Term Summary": "leftbehind_care.permissions.summary_query_conditions",
	"Care Term Summary Figure": "leftbehind_care.permissions.summary_row_query_conditions",
	"Care Evaluation": "leftbehind_care.permissions.evaluation_query_conditions",
	"Care Evaluation Round": "leftbehind_care.permissions.school_record_query_conditions",
	"Care Evaluation Department": "leftbehind_care.permissions.evaluation_row_query_conditions",
	"Care Dereliction": "leftbehind_care.permissions.school_record_query_conditions",
	"Intervention Plan Problem": "leftbehind_care.permissions.record_row_query_conditions",
	"Intervention Plan Action": "leftbehind_care.permissions.record_row_query_conditions",
	"Intervention Plan Review": "leftbehind_care.permissions.record_row_query_conditions",
	"Intervention Plan Transition": "leftbehind_care.permissions.record_row_query_conditions",
}

has_permission = {
	"Left Behind Child": "leftbehind_care.permissions.child_has_permission",
	"Child Guardian": "leftbehind_care.permissions.guardian_has_permission",
	"Care Class": "leftbehind_care.permissions.class_has_permission",
	"Mentor Pairing": "leftbehind_care.permissions.pairing_has_permission",
	"Talk Record": "leftbehind_care.permissions.child_record_has_permission",
	"Family Contact": "leftbehind_care.permissions.child_record_has_permission",
	"Home Visit": "leftbehind_care.permissions.child_record_has_permission",
	"Care Meeting": "leftbehind_care.permissions.meeting_has_permission",
	"Intervention Plan": "leftbehind_care.permissions.child_record_has_permission",
	"Counseling Session": "leftbehind_care.permissions.child_record_has_permission",
	"Care Incident": "leftbehind_care.permissions.child_record_has_permission",
	"Care Parent Invitation": "leftbehind_care.permissions.child_record_has_permission",
	"Care Parent Article": "leftbehind_care.permissions.article_has_permission",
	"Care Assessment": "leftbehind_care.permissions.child_record_has_permission",
	"Priority Support": "leftbehind_care.permissions.child_record_has_permission",
	"Boarding Record": "leftbehind_care.permissions.child_record_has_permission",
	"Aid Record": "leftbehind_care.permissions.child_record_has_permission",
	"Schooling Follow-up": "leftbehind_care.permissions.child_record_has_permission",
	"Care Fund Entry": "leftbehind_care.permissions.school_record_has_permission",
	"Safety Inspection": "leftbehind_care.permissions.school_record_has_permission",
	"Care Activity": "leftbehind_care.permissions.activity_has_permission",
	"Care Term Summary": "leftbehind_care.permissions.summary_has_permission",
	"Care Evaluation": "leftbehind_care.permissions.evaluation_has_permission",
	"Care Evaluation Round": "leftbehind_care.permissions.school_record_has_permission",
	"Care Dereliction": "leftbehind_care.permissions.school_record_has_permission",
}

# Frappe methods that read without the checks above (a count, an existence check, a title, a
# lookup by filters) answer for this app's DocTypes only within the user's scope; those that send
# the form's history send what the reader may see of it.
override_whitelisted_methods = {
	"frappe.desk.form.load.getdoc": "leftbehind_care.privacy.getdoc",
	"frappe.desk.desk_page.getpage": "leftbehind_care.privacy.getpage",
	"frappe.desk.form.load.get_docinfo": "leftbehind_care.privacy.get_docinfo",
	"frappe.desk.form.save.savedocs": "leftbehind_care.privacy.savedocs",
	"frappe.desk.form.save.cancel": "leftbehind_care.privacy.cancel",
	"frappe.desk.form.save.discard": "leftbehind_care.privacy.discard",
	"frappe.client.get_count": "leftbehind_care.privacy.get_count",
	"frappe.client.get": "leftbehind_care.privacy.get",
	"frappe.client.validate_link": "leftbehind_care.privacy.validate_link",
	"frappe.client.has_permission": "leftbehind_care.privacy.has_permission",
	"frappe.client.get_doc_permissions": "leftbehind_care.privacy.get_doc_permissions",
	"frappe.desk.search.get_link_title": "leftbehind_care.privacy.get_link_title",
	"frappe.desk.like.toggle_like": "leftbehind_care.privacy.toggle_like",
	"frappe.desk.doctype.tag.tag.add_tag": "leftbehind_care.privacy.add_tag",
	"frappe.desk.doctype.tag.tag.add_tags": "leftbehind_care.privacy.add_tags",
	"frappe.desk.doctype.tag.tag.remove_tag": "leftbehind_care.privacy.remove_tag",
	"frappe.templates.includes.comments.comments.add_comment": "leftbehind_care.privacy.add_comment",
	"frappe.desk.listview.get_group_by_count": "leftbehind_care.privacy.get_group_by_count",
	"frappe.desk.query_report.export_query": "leftbehind_care.privacy.export_report",
	"frappe.desk.query_report.get_script": "leftbehind_care.privacy.get_script",
	"frappe.workflow.doctype.workflow.workflow.get_workflow_state_count": (
		"leftbehind_care.privacy.get_workflow_state_count"
	),
}

# Care users and visitors get an error's sentence, never its traceback.
before_request = ["leftbehind_care.desk.hide_tracebacks"]
# Reading a child's file over REST leaves an entry in the Access Log.
after_request = ["leftbehind_care.privacy.log_rest_reads"]
page_renderer = ["leftbehind_care.privacy.PrintRefusal"]
boot_session = "leftbehind_care.boot.boot_session"

# Care users' sidebars leave out Frappe's own workspaces (a Module Profile).
# The compliance ledger follows what it is computed from (leftbehind_care.ledger).
_RECORD_LEDGER = {
	"on_update": "leftbehind_care.ledger.on_child_record_change",
	"after_delete": "leftbehind_care.ledger.on_child_record_change",
}
doc_events = {
	"User": {"before_validate": "leftbehind_care.desk.give_care_staff_the_profile"},
	"Left Behind Child": {"on_update": "leftbehind_care.ledger.on_child_change"},
	"Talk Record": _RECORD_LEDGER,
	"Family Contact": _RECORD_LEDGER,
	"Home Visit": _RECORD_LEDGER,
	"Care Meeting": {
		"on_update": "leftbehind_care.ledger.on_meeting_change",
		"after_delete": "leftbehind_care.ledger.on_meeting_change",
	},
	"Care Term": {
		"on_update": "leftbehind_care.ledger.on_term_change",
		"after_delete": "leftbehind_care.ledger.on_term_change",
	},
}

# The care network's records on the child's form timeline.
additional_timeline_content = {"Left Behind Child": ["leftbehind_care.timeline.child_timeline"]}

standard_queries = {
	"Left Behind Child": "leftbehind_care.api.search_children",
}

# For print formats: what a file lacks, in the reader's language.
jinja = {
	"methods": [
		"leftbehind_care.leftbehind_care.doctype.left_behind_child.left_behind_child.missing_item_labels",
		"leftbehind_care.parents.pending_invitation_cards",
	],
}

# The desk as care users meet it: no "+ 新" workspace button, forms and reports that fit a phone.
app_include_css = ["/assets/leftbehind_care/css/desk.css"]
app_include_js = ["/assets/leftbehind_care/js/desk.js"]

doctype_list_js = {
	"Left Behind Child": "public/js/left_behind_child_list.js",
}
doctype_js = {
	"Care Activity": "public/js/rows_not_shown.js",
	"Care Meeting": "public/js/rows_not_shown.js",
}

scheduler_events = {
	"daily": [
		"leftbehind_care.tasks.refresh_ages",
		"leftbehind_care.tasks.close_aged_out_children",
		"leftbehind_care.reminders.send_reminders",
		"leftbehind_care.plans.mark_overdue_reviews",
		"leftbehind_care.support.alert_overdue_hazards",
		# Last: after the jobs above closed files and refreshed what the figures depend on.
		"leftbehind_care.ledger.rebuild",
	],
	"weekly": [
		"leftbehind_care.support.remind_open_dropout_cases",
	],
	"hourly": [
		"leftbehind_care.incidents.alert_unnotified_incidents",
	],
}
