"""The compliance ledger on a site: after every kind of change it holds what the compliance engine
computes from the records, and the nightly rebuild gives the same."""

from __future__ import annotations

import frappe
from frappe.utils import add_days, add_months, getdate, nowdate

from leftbehind_care import ledger
from leftbehind_care.compliance import CHILD, CHILD_FIELDS, care_terms, compliance_of
from leftbehind_care.tests import utils as u
from leftbehind_care.tests.test_care_network import ComplianceCase


class TestComplianceLedger(ComplianceCase):
	def engine(self, child: str):
		"""What the engine computes for the child from its records, now."""
		row = frappe.get_all(CHILD, filters={"name": child}, fields=CHILD_FIELDS)
		terms = care_terms()
		return compliance_of(row, getdate(nowdate()), since=terms[0].start, terms=terms)[child]

	def stored(self, child: str):
		entry = frappe.qb.DocType(ledger.ENTRY)
		terms = care_terms()
		found = ledger.read(entry.child == child, terms[0].start, getdate(nowdate()))
		return found.get(child)

	def assertLedgerIsTheEngine(self, *children):
		for child in children:
			with self.subTest(child=child):
				self.assertEqual(self.stored(child), self.engine(child))

	def test_inserts_edits_moves_and_deletes_keep_the_ledger_equal_to_the_engine(self):
		self.assertLedgerIsTheEngine(self.talked, self.forgotten)
		self.assertEqual(len(self.stored(self.talked).missed_talk_months), 0)
		self.assertEqual(len(self.stored(self.forgotten).missed_talk_months), 2)
		with self.set_user(u.TEACHER):
			talk = u.make_talk(self.forgotten, talk_date=add_days(self.first_month, 3))
			self.assertEqual(len(self.stored(self.forgotten).missed_talk_months), 1)
			self.assertLedgerIsTheEngine(self.forgotten)
			talk.talk_date = add_months(talk.talk_date, 1)  # moved to the next month
			talk.save()
			self.assertLedgerIsTheEngine(self.forgotten)
			talk.child = self.talked  # filed for the other child
			talk.save()
			self.assertLedgerIsTheEngine(self.talked, self.forgotten)
			self.assertEqual(len(self.stored(self.forgotten).missed_talk_months), 2)
		frappe.delete_doc("Talk Record", talk.name)
		self.assertLedgerIsTheEngine(self.talked, self.forgotten)

	def test_counted_by_the_database_as_read_per_child(self):
		"""`ledger.counts` (a term summary's read) gives what `ledger.read` gives, counted."""
		from collections import Counter

		from leftbehind_care.reports.term_summary import counted

		entry = frappe.qb.DocType(ledger.ENTRY)
		start, today = care_terms()[0].start, getdate(nowdate())
		with self.set_user(u.TEACHER):
			u.make_talk(self.forgotten, talk_date=add_days(self.first_month, 3))
		for criterion in (entry.school == u.SCHOOL_A, None):
			with self.subTest(criterion=str(criterion)):
				months, terms = ledger.counts(criterion, start, today)
				read_months, read_terms = counted(ledger.read(criterion, start, today))
				self.assertEqual(Counter(dict(months)), Counter(dict(read_months)))
				self.assertEqual(Counter(dict(terms)), Counter(dict(read_terms)))
				self.assertGreaterEqual(sum(n for _month, n in months), 6)  # the two children's months

	def test_contacts_visits_meetings_and_the_childs_file_keep_it_current(self):
		with self.set_user(u.TEACHER):
			frappe.get_doc(
				{
					"doctype": "Family Contact",
					"child": self.forgotten,
					"channel": "Phone",
					"with_whom": "Mother",
					"summary": "电话",
				}
			).insert()
			frappe.get_doc({"doctype": "Home Visit", "child": self.forgotten, "visitors": "班主任"}).insert()
			meeting = u.make_meeting(self.class_a1, [("Guardian", self.forgotten, "吴爷爷")])
		term = self.stored(self.forgotten).term(u.TODAY)
		self.assertEqual((term.visits, term.meetings), (1, 1))
		self.assertLedgerIsTheEngine(self.forgotten)
		meeting.reload()
		meeting.attendees = []
		meeting.append("attendees", {"attendee_kind": "School Staff", "user": u.TEACHER})
		meeting.save()
		self.assertEqual(self.stored(self.forgotten).term(u.TODAY).meetings, 0)
		# The child left the programme at the start of last month: that month and this are not due.
		child = frappe.get_doc(CHILD, self.forgotten)
		child.status, child.status_date = "Transferred", add_months(self.first_month, 1)
		child.status_reason = "转学"
		child.save()
		self.assertLedgerIsTheEngine(self.forgotten)
		self.assertEqual(len(self.stored(self.forgotten).missed_talk_months), 1)

	def test_the_nightly_rebuild_gives_what_the_saves_gave(self):
		children = [self.talked, self.forgotten, self.world["a1"], self.world["b1"]]
		before = {child: self.stored(child) for child in children}
		ledger.rebuild()
		self.assertEqual({child: self.stored(child) for child in children}, before)
		self.assertLedgerIsTheEngine(*children)
		# A change the saves never saw (written past them) is in the ledger after the rebuild.
		frappe.db.delete("Talk Record", {"child": self.talked})
		self.assertNotEqual(self.stored(self.talked), self.engine(self.talked))
		ledger.rebuild()
		self.assertLedgerIsTheEngine(self.talked)
		self.assertEqual(len(self.stored(self.talked).missed_talk_months), 2)

	def test_a_new_term_rebuilds_the_ledger(self):
		earlier = frappe.get_doc(
			{
				"doctype": "Care Term",
				"term_name": "测试更早学期",
				"academic_year": "测试学年",
				"semester": "Second Semester",
				"start_date": add_days(self.first_month, -80),
				"end_date": add_days(self.first_month, -1),
			}
		).insert()
		self.assertEqual([t.term.name for t in self.stored(self.talked).terms], [earlier.name, self.term])
		self.assertLedgerIsTheEngine(self.talked)

	def test_care_staff_never_read_the_ledger_itself(self):
		for user in (u.LEADER, u.TEACHER, u.COUNSELOR, u.MENTOR, u.INSPECTOR):
			with self.subTest(user=user), self.set_user(user):
				self.assertRaises(frappe.PermissionError, frappe.get_list, ledger.ENTRY, limit=1)
