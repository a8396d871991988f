"""One place for site-test helpers: the test case base, personas, `make_<doctype>()` factories
and REST calls made as a real logged-in user."""

from __future__ import annotations

import datetime
import json
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager

import frappe
from frappe.utils import get_test_client, getdate, nowdate
from frappe.utils.password import update_password

from leftbehind_care.core import scope as roles
from leftbehind_care.core.identity import FEMALE, MALE, make_id_number
from leftbehind_care.core.meetings import FOR_A_CHILD

try:  # Frappe v16
	from frappe.tests import IntegrationTestCase as _FrappeTestCase
except ImportError:  # Frappe v15
	from frappe.tests.utils import FrappeTestCase as _FrappeTestCase

__all__ = ["CareTestCase"]


class CareTestCase(_FrappeTestCase):
	"""Frappe's test case. Each class reads the site's date as it starts (`TODAY`): a run that
	passes the site's midnight compares each class's records with the day they were made on. Each
	class prints how long it took (`.ci/run` lists the slowest)."""

	@classmethod
	def setUpClass(cls):
		global TODAY
		cls.started_at = time.monotonic()
		TODAY = getdate(nowdate())
		super().setUpClass()

	@classmethod
	def tearDownClass(cls):
		super().tearDownClass()
		print(f"\n{CLASS_TIME} {time.monotonic() - cls.started_at:.1f} s {cls.__module__}.{cls.__qualname__}")


# The line each test class prints with its time.
CLASS_TIME = "lbc-class-time:"


# What a person at the desk needs of the site: a site fresh from `bench new-site` has not run its
# setup wizard (Frappe then refuses the desk to everyone but Administrator) and keeps the time zone
# Asia/Kolkata, which the date-and-time fields print.
DESK_SETTINGS = {"setup_complete": 1, "time_zone": "Asia/Shanghai"}
HOME_PAGE = "desktop:home_page"


def ready_for_the_desk() -> Callable[[], None]:
	"""Set up the site as its setup wizard would for a county in China, committed (a browser's
	requests see committed data only); returns what puts it back as it was."""
	before = {field: frappe.db.get_single_value("System Settings", field) for field in DESK_SETTINGS}
	home_page = frappe.db.get_default(HOME_PAGE)
	for field, value in DESK_SETTINGS.items():
		frappe.db.set_single_value("System Settings", field, value)
	frappe.db.set_default(HOME_PAGE, "workspace")
	frappe.db.commit()  # nosemgrep: frappe-manual-commit
	frappe.clear_cache()

	def restore() -> None:
		for field, value in before.items():
			frappe.db.set_single_value("System Settings", field, value)
		frappe.db.set_default(HOME_PAGE, home_page)
		frappe.db.commit()  # nosemgrep: frappe-manual-commit
		frappe.clear_cache()

	return restore


# Statements that are not queries: transaction control.
_NOT_QUERIES = ("SAVEPOINT", "RELEASE", "BEGIN", "COMMIT", "ROLLBACK")


@contextmanager
def assert_query_count(case, count: int):
	"""At most `count` queries run inside. Frappe's `assertQueryCount` reads the MariaDB driver's
	`last_query`, which Frappe's SQLite driver never sets; there the same statements are counted
	by SQLite itself, through the connection's trace callback."""
	if frappe.db.db_type != "sqlite":
		with case.assertQueryCount(count):
			yield
		return
	statements = []
	connection = frappe.db._conn
	connection.set_trace_callback(statements.append)
	try:
		yield
	finally:
		connection.set_trace_callback(None)
	queries = [s for s in statements if not s.lstrip().upper().startswith(_NOT_QUERIES)]
	case.assertLessEqual(len(queries), count, "Queries executed:\n" + "\n\n".join(queries))


PASSWORD = "Care-Test-2026!"
# The site's date (its time zone), which the app compares with; never the machine's.
TODAY = getdate(nowdate())


def make_user(email: str, *role_names: str, first_name: str = "测试") -> str:
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": first_name,
				"send_welcome_email": 0,
				"language": "zh",
			}
		)
		user.insert(ignore_permissions=True)
	missing = [r for r in role_names if r not in frappe.get_roles(email)]
	if missing:
		frappe.get_doc("User", email).add_roles(*missing)
		update_password(email, PASSWORD)
	return email


def make_school(school_name: str, members: list[tuple[str, str]] = (), **fields) -> str:
	if not frappe.db.exists("Care School", school_name):
		frappe.get_doc(
			{
				"doctype": "Care School",
				"school_name": school_name,
				"school_type": "Primary School",
				"county": "民权县",
				"township": "城关镇",
				"phone": "0370-8261234",
				"members": [{"user": user, "member_role": kind} for user, kind in members],
				**fields,
			}
		).insert()
	return school_name


def make_class(school: str, grade: int, class_no: int, class_teacher: str | None = None, **fields) -> str:
	name = frappe.db.get_value("Care Class", {"school": school, "grade": grade, "class_no": class_no})
	if not name:
		name = (
			frappe.get_doc(
				{
					"doctype": "Care Class",
					"school": school,
					"grade": grade,
					"class_no": class_no,
					"class_teacher": class_teacher,
					"class_teacher_phone": "13912345678",
					"subject_teachers": [
						{"teacher_name": "王老师", "subject": "数学", "phone": "13712345678"}
					],
					**fields,
				}
			)
			.insert()
			.name
		)
	return name


def make_guardian(name: str = "李桂英", capacity: str = "Good", **fields):
	return frappe.get_doc(
		{
			"doctype": "Child Guardian",
			"guardian_name": name,
			"relation": "Grandmother",
			"phone": "13612345678",
			"age": 66,
			"capacity": capacity,
			**fields,
		}
	).insert()


def child_doc(care_class: str, child_name: str = "张三", guardians=(), **fields):
	"""An unsaved child's file with everything a complete file holds."""
	return frappe.get_doc(
		{
			"doctype": "Left Behind Child",
			"child_name": child_name,
			"care_class": care_class,
			"ethnicity": "汉族",
			"household_register": "河南省商丘市民权县",
			"address": "城关镇张庄村3组",
			"village_contact_name": "张村长",
			"village_contact_phone": "13512345678",
			"left_behind_type": "Both Parents Away",
			"left_behind_since": TODAY - datetime.timedelta(days=700),
			"parents_away": [
				{
					"relation": "Father",
					"parent_name": "张大山",
					"phone": "13812345678",
					"work_province": "广东省",
					"work_place": "深圳市 电子厂",
					"home_frequency": "Once a Year",
				}
			],
			"guardians": [{"guardian": g, "is_primary": i == 0} for i, g in enumerate(guardians)],
			"health_status": "Healthy",
			"family_economy": "Ordinary",
			"contact_card_issued_on": TODAY,
			**fields,
		}
	)


def valid_id_number(
	birth_date: datetime.date, sequence: int = 123, gender: str = MALE, region: str = "411421"
) -> str:
	"""A valid ID number; 411421 (民权县) exists from 1997 on, 110101 (东城区) for older people."""
	return make_id_number(region, birth_date, sequence, gender)


def count(doctype: str) -> int:
	return frappe.db.count(doctype)


class RestClient:
	"""A browser-like client logged in as a real user, calling the site's WSGI app.

	Each request runs in its own thread, as a real request would: it opens its own database
	connection, so it sees committed data only.
	"""

	def __init__(self, user: str, password: str = PASSWORD) -> None:
		# Release this test's transaction first: a request waits for its locks (on SQLite, its
		# pending writes hold the database's only write lock, and the request's login, which writes
		# a session, fails with "database is locked"), and sees none of its changes anyway.
		frappe.db.rollback()
		self.site = frappe.local.site
		self.client = get_test_client(use_cookies=True)
		response = self.request("post", "/api/method/login", data={"usr": user, "pwd": password})
		assert response.status_code == 200, response.get_data(as_text=True)

	def request(self, method: str, path: str, **kwargs):
		headers = {"X-Frappe-Site-Name": self.site, **kwargs.pop("headers", {})}
		result = {}

		def run() -> None:
			result["response"] = getattr(self.client, method)(path, headers=headers, **kwargs)

		thread = threading.Thread(target=run)
		thread.start()
		thread.join()
		return result["response"]

	def get_json(self, path: str, **params) -> tuple[int, dict]:
		response = self.request("get", path, query_string=encode(params))
		return response.status_code, response.get_json(silent=True) or {}

	def send_json(self, method: str, path: str, **params) -> tuple[int, dict]:
		"""POST, PUT or DELETE with the parameters as form fields, as the desk sends them."""
		response = self.request(method, path, data=encode(params))
		return response.status_code, response.get_json(silent=True) or {}


class GuestClient(RestClient):
	"""A browser that has not logged in (a parent opening an invitation, a stranger)."""

	def __init__(self) -> None:
		frappe.db.rollback()
		self.site = frappe.local.site
		self.client = get_test_client(use_cookies=True)


def messages_of(body: dict) -> str:
	"""What a refused request tells its user, as text: its messages (`_server_messages`, JSON in
	JSON) and its one sentence (`_error_message`)."""
	messages = [json.loads(m).get("message", "") for m in json.loads(body.get("_server_messages") or "[]")]
	return "\n".join([*messages, body.get("_error_message") or ""])


def encode(params: dict) -> dict:
	return {
		k: v if isinstance(v, str) else json.dumps(v, default=str) for k, v in params.items() if v is not None
	}


# Personas of the permission tests: who they are and what they are assigned.
ADMIN = "lbc-admin@test.invalid"
LEADER = "lbc-leader@test.invalid"
TEACHER = "lbc-teacher@test.invalid"
COUNSELOR = "lbc-counselor@test.invalid"
MENTOR = "lbc-mentor@test.invalid"
INSPECTOR = "lbc-inspector@test.invalid"
# 家长端: the account of a1's father (CANARIES), a website user who reaches a1 on the parents'
# pages and nothing through the desk's methods.
PARENT = "13955550001@parent.leftbehind.invalid"
SCHOOL_A = "测试甲小学"
SCHOOL_B = "测试乙小学"

# Who may read which world child (keys of make_world): the table every scoping test checks.
SEES = {
	"Administrator": {"a1", "a2", "b1"},
	ADMIN: {"a1", "a2", "b1"},
	LEADER: {"a1", "a2"},
	COUNSELOR: {"a1", "a2"},
	TEACHER: {"a1"},
	MENTOR: {"a1"},  # paired with a1 in make_world
	INSPECTOR: set(),
	PARENT: set(),
}


def make_outgoing_email_account(commit: bool = True) -> str | None:
	"""A default outgoing e-mail account (nothing is sent from a test site's queue), or None when
	the site has one already. Returns its name, for the caller to delete if committed."""
	if frappe.db.exists("Email Account", {"default_outgoing": 1, "enable_outgoing": 1}):
		return None
	account = frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "关爱测试发信",
			"email_id": "care-outgoing@test.invalid",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "localhost",
			"password": "not-used-in-tests",
		}
	).insert(ignore_permissions=True)
	if commit:
		frappe.db.commit()  # nosemgrep: frappe-manual-commit
	# Frappe keeps the outgoing account it found for the rest of the request.
	frappe.local.outgoing_email_account = {}
	return account.name


def make_pairing(child: str, **fields) -> str:
	"""An active pairing of the child (a staff mentor by default)."""
	existing = frappe.db.get_value("Mentor Pairing", {"child": child, "status": "Active", **fields})
	if existing:
		return existing
	return (
		frappe.get_doc(
			{
				"doctype": "Mentor Pairing",
				"child": child,
				"mentor_kind": "Staff",
				"from_date": TODAY - datetime.timedelta(days=30),
				"focus": "Study",
				**fields,
			}
		)
		.insert()
		.name
	)


def make_talk(child: str, **fields):
	"""A talk with the child, recorded by the current user."""
	return frappe.get_doc(
		{
			"doctype": "Talk Record",
			"child": child,
			"talk_date": TODAY,
			"topics": "学习和生活情况",
			"mood": "Calm",
			**fields,
		}
	).insert()


# Values only one world child (its file, its rows, its guardian) holds: if one of them reaches a
# user who may not see that child, the child's data has leaked. Health and economy notes are
# permlevel 1 (and the guardian's notes): they also leak when they reach a user without it.
CANARIES = {
	"a1": {
		"address": "城关镇甲一村1号",
		"parent": ("赵甲一父", "13955550001"),
		"guardian_phone": "13966660001",
	},
	"a2": {
		"address": "城关镇甲二村2号",
		"parent": ("钱甲二父", "13955550002"),
		"guardian_phone": "13966660002",
	},
	"b1": {
		"address": "城关镇乙一村3号",
		"parent": ("孙乙一父", "13955550003"),
		"guardian_phone": "13966660003",
	},
}
# The volunteer who mentors b1 (a1's mentor is the MENTOR persona), and what a talk found.
B1_VOLUNTEER = ("乙校志愿者孙姐", "13977770003")
B1_TALK_FINDINGS = "孙小刚想念在外打工的妈妈"
B1_CONTACT_SUMMARY = "孙乙一父说春节回家"
B1_VISIT_FINDINGS = "孙家屋顶漏雨需要修缮"
B1_MEETING_MINUTES = "乙校家长会：孙奶奶说孩子晚上睡不好"
B1_PLAN_GOALS = "孙小刚每晚能安心入睡"
B1_PLAN_DETAILS = "孙小刚夜里常哭醒"
B1_PLAN_ACTION = "孙小刚每周与心理老师谈一次"
B1_PLAN_REVIEW = "孙小刚本周哭醒两次"
B1_COUNSELING_NOTES = "孙小刚说梦见妈妈不回来了"
B1_INCIDENT = "孙小刚在操场摔伤左臂"
B1_ASSESSMENT_OBSERVATIONS = "孙小刚说夜里一个人在家害怕"
B1_ASSESSMENT_NOTE = "孙奶奶常去镇上住"
B1_PRIORITY = "孙小刚周末在校补习数学"
B1_BOARDING = "乙校男生宿舍三零二"
B1_AID = "孙小刚冬衣两套棉鞋一双"
B1_DROPOUT = "孙小刚随亲戚去镇上打零工"
B1_ATTEMPT = "孙小刚的奶奶答应劝他回来"
B1_HAZARD = "乙校门口鱼塘无护栏"
B1_ACTIVITY = "乙校孙小刚演讲比赛"
B1_SUMMARY = "乙校本学期做法：建立留守儿童成长档案袋"
B1_DERELICTION = "乙校未按规定护送学生过河"
B1_ARTICLE = "乙校家长课堂：孩子晚上睡不好怎么办"


def hidden_canaries(key: str) -> dict[str, str]:
	return {
		"health_notes": f"体检记录{key}",
		"economy_notes": f"家庭收入{key}",
		"guardian_notes": f"监护备注{key}",
	}


# The sequence digits of each world child's and guardian's ID number (permlevel 1, as the notes).
ID_SEQUENCES = {"a1": 901, "a2": 903, "b1": 905}
GUARDIAN_BORN = datetime.date(1960, 3, 1)


def set_canaries(key: str, child: str) -> None:
	"""Give a world child its distinctive values (idempotent; written past validation, which
	has nothing to say about them): the ID numbers agree with the stored birth dates."""
	values, hidden = CANARIES[key], hidden_canaries(key)
	born = getdate(frappe.db.get_value("Left Behind Child", child, "birth_date"))
	frappe.db.set_value(
		"Left Behind Child",
		child,
		{
			"address": values["address"],
			"health_notes": hidden["health_notes"],
			"economy_notes": hidden["economy_notes"],
			"id_number": valid_id_number(born, ID_SEQUENCES[key]),
			"gender": MALE,
		},
		update_modified=False,
	)
	parent_name, parent_phone = values["parent"]
	frappe.db.set_value(
		"Left Behind Child Parent",
		{"parent": child, "parenttype": "Left Behind Child"},
		{"parent_name": parent_name, "phone": parent_phone},
		update_modified=False,
	)
	guardian = frappe.db.get_value("Left Behind Child Guardian", {"parent": child}, "guardian")
	frappe.db.set_value(
		"Child Guardian",
		guardian,
		{
			"phone": values["guardian_phone"],
			"notes": hidden["guardian_notes"],
			"id_number": valid_id_number(GUARDIAN_BORN, ID_SEQUENCES[key] + 1, FEMALE, region="110101"),
		},
		update_modified=False,
	)
	frappe.db.set_value(
		"Left Behind Child Guardian",
		{"guardian": guardian},
		"phone",
		values["guardian_phone"],
		update_modified=False,
	)


def id_numbers(child: str) -> set[str]:
	"""The ID numbers of a world child and its guardian (permlevel 1)."""
	guardian = frappe.db.get_value("Left Behind Child Guardian", {"parent": child}, "guardian")
	return {
		frappe.db.get_value("Left Behind Child", child, "id_number"),
		frappe.db.get_value("Child Guardian", guardian, "id_number"),
	} - {None, ""}


def canaries_of(key: str, child: str) -> set[str]:
	"""Every distinctive value of a world child: name, address, parent, guardian, ID numbers,
	hidden notes."""
	values = CANARIES[key]
	guardian = frappe.db.get_value("Left Behind Child Guardian", {"parent": child}, "guardian")
	return {
		*id_numbers(child),
		frappe.db.get_value("Left Behind Child", child, "child_name"),
		values["address"],
		*values["parent"],
		values["guardian_phone"],
		frappe.db.get_value("Child Guardian", guardian, "guardian_name"),
		*hidden_canaries(key).values(),
		*(
			(
				*B1_VOLUNTEER,
				B1_TALK_FINDINGS,
				B1_CONTACT_SUMMARY,
				B1_VISIT_FINDINGS,
				B1_MEETING_MINUTES,
				B1_PLAN_GOALS,
				B1_PLAN_DETAILS,
				B1_PLAN_ACTION,
				B1_PLAN_REVIEW,
				B1_COUNSELING_NOTES,
				B1_INCIDENT,
				B1_ASSESSMENT_OBSERVATIONS,
				B1_ASSESSMENT_NOTE,
				B1_PRIORITY,
				B1_BOARDING,
				B1_AID,
				B1_DROPOUT,
				B1_ATTEMPT,
				B1_HAZARD,
				B1_ACTIVITY,
			)
			if key == "b1"
			else ()
		),
	}


def make_world() -> dict[str, str]:
	"""Two schools, three classes, one child in each class, six personas; committed and
	idempotent, because REST requests see committed data only."""
	frappe.set_user("Administrator")
	make_user(ADMIN, roles.ADMINISTRATOR)
	make_user(LEADER, roles.SCHOOL_LEADER)
	make_user(TEACHER, roles.CLASS_TEACHER)
	make_user(COUNSELOR, roles.COUNSELOR)
	make_user(MENTOR, roles.MENTOR)
	make_user(INSPECTOR, roles.INSPECTOR)
	make_school(
		SCHOOL_A,
		[(LEADER, "Leader"), (COUNSELOR, "Counselor"), (INSPECTOR, "Inspector")],
	)
	make_school(SCHOOL_B)
	classes = {
		"a1": make_class(SCHOOL_A, 3, 1, TEACHER),
		"a2": make_class(SCHOOL_A, 3, 2),
		"b1": make_class(SCHOOL_B, 4, 1),
	}
	children = {}
	for key, (care_class, child_name) in {
		"a1": (classes["a1"], "赵小明"),
		"a2": (classes["a2"], "钱小红"),
		"b1": (classes["b1"], "孙小刚"),
	}.items():
		existing = frappe.db.get_value(
			"Left Behind Child", {"child_name": child_name, "care_class": care_class}
		)
		if not existing:
			guardian = make_guardian(f"{child_name[0]}奶奶").name
			existing = (
				child_doc(
					care_class,
					child_name,
					[guardian],
					birth_date=TODAY - datetime.timedelta(days=9 * 365 + 40),
				)
				.insert()
				.name
			)
		children[key] = existing
		set_canaries(key, existing)
		# Filed weeks ago: the world's records of "a few hours ago" fall after the filing at any
		# hour of the site's day (just after midnight, too).
		if getdate(frappe.db.get_value("Left Behind Child", existing, "filed_on")) > TODAY - 30 * DAY:
			frappe.db.set_value(
				"Left Behind Child", existing, "filed_on", TODAY - 60 * DAY, update_modified=False
			)
	make_pairing(children["a1"], mentor_user=MENTOR)
	name, phone = B1_VOLUNTEER
	make_pairing(children["b1"], mentor_kind="Volunteer", mentor_name=name, mentor_phone=phone)
	if not frappe.db.exists("Talk Record", {"child": children["b1"], "findings": B1_TALK_FINDINGS}):
		make_talk(children["b1"], findings=B1_TALK_FINDINGS)
	b1_records = {
		"Family Contact": dict(channel="Phone", with_whom="Father", summary=B1_CONTACT_SUMMARY),
		"Home Visit": dict(visitors="乙校班主任", findings=B1_VISIT_FINDINGS),
	}
	for doctype, fields in b1_records.items():
		if not frappe.db.exists(doctype, {"child": children["b1"]}):
			frappe.get_doc({"doctype": doctype, "child": children["b1"], **fields}).insert()
	if not frappe.db.exists("Care Meeting", {"minutes": B1_MEETING_MINUTES}):
		make_meeting(classes["b1"], [("Guardian", children["b1"], "孙奶奶")], minutes=B1_MEETING_MINUTES)
	make_b1_plan(children["b1"])
	if not frappe.db.exists("Counseling Session", {"child": children["b1"]}):
		frappe.get_doc(
			{
				"doctype": "Counseling Session",
				"child": children["b1"],
				"session_kind": "Individual Counselling",
				"notes": B1_COUNSELING_NOTES,
			}
		).insert()
	if not frappe.db.exists("Care Incident", {"child": children["b1"]}):
		frappe.get_doc(
			{
				"doctype": "Care Incident",
				"child": children["b1"],
				"incident_kind": "Injury",
				"occurred_at": frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=-3),
				"description": B1_INCIDENT,
				"parents_notified_at": frappe.utils.add_to_date(frappe.utils.now_datetime(), hours=-2),
				"notified_by": "乙校班主任",
			}
		).insert()
	make_b1_assessment(children["b1"])
	make_b1_support(children["b1"])
	if not frappe.db.exists("Care Parent Invitation", {"child": children["b1"]}):
		make_invitation(children["b1"])
	make_article(B1_ARTICLE, SCHOOL_B)
	if not frappe.db.exists("Care Parent Invitation", {"user": PARENT, "status": "Used"}):
		make_parent_account(children["a1"])
	frappe.db.commit()
	return children


def make_parent_account(child: str, kind: str = "Parent Away") -> str:
	"""The account of the child's first parent away (or guardian), as if they had opened an
	invitation (idempotent); its password is PASSWORD."""
	from leftbehind_care import parents

	frappe.set_user("Administrator")
	table = "Left Behind Child Parent" if kind == "Parent Away" else "Left Behind Child Guardian"
	row = frappe.db.get_value(table, {"parent": child, "parenttype": "Left Behind Child"})
	used = frappe.db.get_value(
		"Care Parent Invitation", {"invitee_row": row, "status": "Used", "user": ("is", "set")}, "user"
	)
	if used and frappe.db.exists("User", {"name": used, "enabled": 1}):
		return used
	doc = make_invitation(child, kind, row)
	user = parents.existing_account(doc.phone) or parents.make_account(doc, PASSWORD)
	doc.flags.from_parent = True
	doc.status, doc.used_at, doc.user = "Used", frappe.utils.now_datetime(), user
	doc.save(ignore_permissions=True)
	frappe.db.set_value("User", user, "enabled", 1)
	frappe.db.commit()
	return user


def make_article(
	title: str, school: str | None, published: int = 1, body: str = "<p>多打电话，多听孩子说。</p>"
):
	"""A 家长课堂 article (idempotent by title), written as Administrator."""
	name = frappe.db.get_value("Care Parent Article", {"title": title})
	if name:
		return name
	return (
		frappe.get_doc(
			{
				"doctype": "Care Parent Article",
				"title": title,
				"school": school,
				"published": published,
				"body": body,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def make_invitation(child: str, kind: str = "Parent Away", row: str | None = None):
	"""An invitation to the parents' pages for the child's first parent away (or guardian), issued
	by whoever is logged in; its code is in `flags.code`."""
	table = "Left Behind Child Parent" if kind == "Parent Away" else "Left Behind Child Guardian"
	row = row or frappe.db.get_value(table, {"parent": child, "parenttype": "Left Behind Child"})
	return frappe.get_doc(
		{"doctype": "Care Parent Invitation", "child": child, "invitee_kind": kind, "invitee_row": row}
	).insert()


# Inside records school A's personas may open, holding what some of their readers may not see:
# values above the reader's permission level that an edit put into the record's history, and rows
# of a child the reader does not look after (a2 beside a1).
INSIDE_HEALTH = "体检记录a1（复查：视力下降）"
INSIDE_GUARDIAN_NOTES = "监护备注a1（奶奶腿脚不便）"
INSIDE_COUNSELING = ("辅导记录a1初稿", "辅导记录a1：说想妈妈")
INSIDE_ACTIVITY = "甲校三年级读书分享会"
INSIDE_MEETING = "甲校三年级一班家长会"


def make_inside_records(children: dict[str, str]) -> dict[str, str]:
	"""Records of school A that a class teacher or mentor may open, each with a history that
	holds hidden values or a row of another child; committed, and mended when a test's request
	changed them (a save that sent no rows takes away those the reader saw)."""
	frappe.set_user("Administrator")
	a1, a2 = children["a1"], children["a2"]
	names = {}
	child = frappe.get_doc("Left Behind Child", a1)
	ensure_history(child, "health_notes", INSIDE_HEALTH)
	ensure_history(
		frappe.get_doc("Child Guardian", child.guardians[0].guardian), "notes", INSIDE_GUARDIAN_NOTES
	)
	first, edited = INSIDE_COUNSELING
	session = frappe.db.get_value("Counseling Session", {"child": a1, "notes": ("in", INSIDE_COUNSELING)})
	if not session:
		session = (
			frappe.get_doc(
				{
					"doctype": "Counseling Session",
					"child": a1,
					"session_kind": "Individual Counselling",
					"notes": first,
				}
			)
			.insert()
			.name
		)
	ensure_history(frappe.get_doc("Counseling Session", session), "notes", edited, before=first)
	names["Counseling Session"] = session
	about = {
		key: frappe.db.get_value(
			"Left Behind Child", name, ["name as child", "child_name", "care_class", "school"], as_dict=True
		)
		for key, name in (("a1", a1), ("a2", a2))
	}
	# Long ago, in no term the other tests count; a2 joins later: the history holds the row that
	# added them.
	long_ago = TODAY - 1000 * DAY
	activity = frappe.db.get_value("Care Activity", {"title": INSIDE_ACTIVITY})
	if not activity:
		activity = (
			frappe.get_doc(
				{
					"doctype": "Care Activity",
					"activity_kind": "Group Activity",
					"title": INSIDE_ACTIVITY,
					"activity_date": long_ago,
					"school": SCHOOL_A,
					"host": "Administrator",
					"participants": [about["a1"]],
				}
			)
			.insert()
			.name
		)
	frappe.db.set_value(
		"Care Activity", activity, {"activity_date": long_ago, "term": None}, update_modified=False
	)
	ensure_rows("Care Activity", activity, "participants", [about["a1"], about["a2"]])
	names["Care Activity"] = activity
	# a2 sat in before moving to class 2: written past the class check, as history would hold it.
	meeting = frappe.db.get_value("Care Meeting", {"topic": INSIDE_MEETING})
	if not meeting:
		meeting = make_meeting(
			about["a1"].care_class, [("Child", a1)], topic=INSIDE_MEETING, meeting_date=long_ago
		).name
	frappe.db.set_value("Care Meeting", meeting, "meeting_date", long_ago, update_modified=False)
	ensure_rows(
		"Care Meeting",
		meeting,
		"attendees",
		[
			{"attendee_kind": "Child", "child": a1, "attendee_name": about["a1"].child_name},
			{"attendee_kind": "Child", "child": a2, "attendee_name": about["a2"].child_name},
		],
	)
	names["Care Meeting"] = meeting
	frappe.db.commit()  # nosemgrep: frappe-manual-commit
	return names


def ensure_history(doc, field: str, value: str, before: str | None = None) -> None:
	"""The record's history holds an edit of `field` to `value` (from `before`, when given)."""
	history = frappe.get_all(
		"Version", filters={"ref_doctype": doc.doctype, "docname": doc.name}, pluck="data"
	)
	if any(value in json.dumps(json.loads(data), ensure_ascii=False) for data in history):
		return
	for step in (before, value):
		if step is not None and doc.get(field) != step:
			doc.set(field, step)
			doc.save()


def ensure_rows(doctype: str, name: str, field: str, rows: list[dict]) -> None:
	"""The record lists exactly these children, each added by a save of its own (so its history
	holds the row), past the record's checks."""
	doc = frappe.get_doc(doctype, name)
	wanted = [row["child"] for row in rows]
	stored = [row.child for row in doc.get(field)]
	if stored == wanted:
		return
	kept = stored[: len(wanted)] if stored == wanted[: len(stored)] else []
	doc.set(field, doc.get(field)[: len(kept)])
	for row in rows[len(kept) :]:
		doc.append(field, row)
		doc.flags.ignore_validate = True
		doc.save()


SCHOOL_RECORDS = (
	"Care Fund Entry",
	"Safety Inspection",
	"Care Activity",
	"Care Term Summary",
	"Care Evaluation Round",
	"Care Dereliction",
	"Care Evaluation",
)


def make_b1_support(child: str) -> dict[str, str]:
	"""One record of each kind of support around b1 (and of school B), written past validation:
	the audit must find them whatever the site's terms and leaders."""
	stored = frappe.db.get_value(
		"Left Behind Child", child, ["child_name", "school", "care_class"], as_dict=True
	)
	about = {"child": child, **stored}
	records = {
		"Priority Support": (
			{"priority_kind": "Tutoring", "support_date": TODAY, "what_was_done": B1_PRIORITY},
			"what_was_done",
		),
		"Boarding Record": (
			{"term": "测试学期", "boarding_from": TODAY, "dormitory": B1_BOARDING},
			"dormitory",
		),
		"Aid Record": ({"aid_kind": "Goods", "aid_date": TODAY, "items": B1_AID}, "items"),
		"Schooling Follow-up": (
			{
				"case_status": "Following Up",
				"opened_on": TODAY,
				"reason": B1_DROPOUT,
				"attempts": [{"attempt_date": TODAY, "by_whom": "乙校班主任", "outcome": B1_ATTEMPT}],
			},
			"reason",
		),
		"Care Fund Entry": (
			{"school": SCHOOL_B, "term": "测试学期", "public_funds": 20000, "pupils": 321},
			"pupils",
		),
		"Safety Inspection": (
			{
				"school": SCHOOL_B,
				"inspection_date": TODAY,
				"inspectors": "乙校安全员",
				"hazards": [{"area": "Water", "description": B1_HAZARD, "affected_children": child}],
			},
			"inspectors",
		),
		"Care Term Summary": (
			{
				"school": SCHOOL_B,
				"term": "测试学期",
				"workflow_state": "Submitted",
				"practices": B1_SUMMARY,
				"figures": [
					{
						"figure": "children_end",
						"section": "children",
						"label": "Children at the End of the Term",
						"value_type": "Int",
						"value": 17,
					}
				],
			},
			"practices",
		),
		"Care Evaluation Round": (
			{
				"school": SCHOOL_B,
				"term": "测试学期",
				"evaluations_made": 4321,
				"departments": [
					{
						"department_name": "乙校政教处",
						"department_kind": "Moral Education Office",
						"member": "Administrator",
					}
				],
			},
			"evaluations_made",
		),
		"Care Dereliction": (
			{
				"school": SCHOOL_B,
				"term": "测试学期",
				"teacher": "Administrator",
				"what_happened": B1_DERELICTION,
				"consequence": "学生落水",
				"confirmed": 1,
			},
			"what_happened",
		),
		"Care Activity": (
			{
				"activity_kind": "Speech Contest",
				"title": B1_ACTIVITY,
				"activity_date": TODAY,
				"school": SCHOOL_B,
				"care_class": stored.care_class,
				"host": "Administrator",
				"participants": [
					{"child": child, "child_name": stored.child_name, "care_class": stored.care_class}
				],
			},
			"title",
		),
	}
	names = {}
	records["Care Evaluation"] = (
		{
			"evaluation_round": f"{SCHOOL_B}-测试学期",
			"school": SCHOOL_B,
			"term": "测试学期",
			"subject_kind": "Department",
			"subject_title": "乙校政教处",
			"department": "乙校政教处",
			"workflow_state": "Final",
			"leader_remarks": "乙校政教处考评意见：家访不及时",
			"result": "Fail",
		},
		"leader_remarks",
	)
	for doctype, (fields, key) in records.items():
		school_record = doctype in SCHOOL_RECORDS
		filters = {key: fields[key]} if school_record else {"child": child}
		existing = frappe.db.get_value(doctype, filters)
		if existing:
			names[doctype] = existing
			continue
		doc = frappe.get_doc({"doctype": doctype, **({} if school_record else about), **fields})
		if doctype in ("Care Fund Entry", "Care Term Summary", "Care Evaluation Round"):
			doc.name = f"{SCHOOL_B}-测试学期"
			doc.flags.name_set = True
		else:
			doc.set_new_name()
		doc.db_insert()
		for row in doc.get_all_children():
			row.parent = doc.name
			row.db_insert()
		names[doctype] = doc.name
	return names


def make_b1_assessment(child: str) -> str:
	"""An assessment of b1 with the default template, written past validation (which needs a term
	running today: the audit must run in the holidays too)."""
	from leftbehind_care.assessments import ensure_default_template

	existing = frappe.db.get_value(
		"Care Assessment", {"child": child, "observations": B1_ASSESSMENT_OBSERVATIONS}
	)
	if existing:
		return existing
	ensure_default_template()
	template = frappe.get_doc("Assessment Template", {"is_default": 1})
	stored = frappe.db.get_value(
		"Left Behind Child", child, ["child_name", "school", "care_class"], as_dict=True
	)
	doc = frappe.get_doc(
		{
			"doctype": "Care Assessment",
			"child": child,
			**stored,
			"assessed_on": TODAY,
			"template": template.name,
			"assessed_by": "Administrator",
			"risk_level": "Medium",
			"total_score": 33.3,
			"observations": B1_ASSESSMENT_OBSERVATIONS,
			"answers": [
				{
					"item_key": row.item_key,
					"domain": row.domain,
					"question": row.question,
					"answer": "1",
					"note": B1_ASSESSMENT_NOTE if row.idx == 1 else None,
				}
				for row in template.items
			],
		}
	)
	doc.set_new_name()
	doc.db_insert()
	for row in doc.answers:
		row.parent = doc.name
		row.db_insert()
	return doc.name


def make_b1_plan(child: str) -> str:
	"""A draft intervention plan of b1 with a row in each of its tables (the status history's
	row written directly: a move needs a leader of school B, whom the world does not have)."""
	existing = frappe.db.get_value("Intervention Plan", {"child": child, "goals": B1_PLAN_GOALS})
	if existing:
		return existing
	plan = frappe.get_doc(
		{
			"doctype": "Intervention Plan",
			"child": child,
			"goals": B1_PLAN_GOALS,
			"problems": [{"problem_kind": "Psychological", "details": B1_PLAN_DETAILS}],
			"actions": [{"action": B1_PLAN_ACTION}],
			"reviews": [{"review_date": TODAY, "progress": B1_PLAN_REVIEW}],
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Intervention Plan Transition",
			"parent": plan.name,
			"parenttype": "Intervention Plan",
			"parentfield": "transitions",
			"idx": 1,
			"from_state": "Draft",
			"action": "Submit for Approval",
			"to_state": "Pending Approval",
			"by_user": "Administrator",
			"at": frappe.utils.now_datetime(),
		}
	).db_insert()
	return plan.name


def make_meeting(care_class: str | None, attendees, **fields):
	"""A meeting held by the current user; `attendees` are (kind, child, name) or (kind, user)."""
	rows = []
	for kind, *who in attendees:
		if kind in FOR_A_CHILD:
			child, *name = who
			rows.append({"attendee_kind": kind, "child": child, "attendee_name": name[0] if name else None})
		else:
			rows.append({"attendee_kind": kind, "user": who[0]})
	school = fields.pop("school", None) or frappe.db.get_value("Care Class", care_class, "school")
	return frappe.get_doc(
		{
			"doctype": "Care Meeting",
			"meeting_type": "Parent Meeting",
			"topic": "家长会",
			"meeting_date": TODAY,
			"school": school,
			"care_class": care_class,
			"attendees": rows,
			**fields,
		}
	).insert()


def terms_around_today() -> frappe._dict:
	"""Terms for a test, added to the site's own calendar and never replacing it (a test that
	commits must not take the site's terms with it): `this_term` holds today, `last_term` is an
	earlier term, `gap_day` lies in no term, and `created` names the terms made here. Made in the
	caller's transaction."""
	terms = frappe.get_all("Care Term", fields=["name", "start_date", "end_date"], order_by="start_date")
	for t in terms:
		t.start_date, t.end_date = getdate(t.start_date), getdate(t.end_date)
	created = []

	def make(name: str, start, end) -> str:
		doc = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": name,
				"academic_year": "测试学年",
				"semester": "First Semester",
				"start_date": start,
				"end_date": end,
			}
		).insert()
		created.append(doc.name)
		terms.append(frappe._dict(name=doc.name, start_date=getdate(start), end_date=getdate(end)))
		terms.sort(key=lambda t: t.start_date)
		return doc.name

	this = next((t for t in terms if t.start_date <= TODAY <= t.end_date), None)
	if this is None:
		before = max((t.end_date for t in terms if t.end_date < TODAY), default=TODAY - 61 * DAY)
		after = min((t.start_date for t in terms if t.start_date > TODAY), default=TODAY + 61 * DAY)
		make("测试本学期", max(before + DAY, TODAY - 60 * DAY), min(after - DAY, TODAY + 60 * DAY))
		this = next(t for t in terms if t.start_date <= TODAY <= t.end_date)
	last = next((t for t in reversed(terms) if t.end_date < this.start_date), None)
	if last is None:
		make("测试上学期", this.start_date - 200 * DAY, this.start_date - 50 * DAY)
		last = next(t for t in reversed(terms) if t.end_date < this.start_date)
	earliest = terms[0].start_date
	gap_day = last.end_date + DAY if last.end_date + DAY < this.start_date else earliest - DAY
	return frappe._dict(
		this_term=this.name,
		this=this,
		last_term=last.name,
		last=last,
		gap_day=gap_day,
		earliest=earliest,
		created=created,
	)


DAY = datetime.timedelta(days=1)
