"""The compliance ledger stores the engine's results and reads them back unchanged."""

import datetime

from leftbehind_care.core.compliance import (
	MET,
	MISSED,
	MONTH,
	OPEN,
	TERM,
	Records,
	Targets,
	child_compliance,
	from_ledger,
	ledger_entries,
)
from tests.test_compliance import ALWAYS, AUTUMN, TERMS, D, talks

RECORDS = Records(
	talks=talks(D(2026, 9, 10), D(2026, 11, 3)) + talks(D(2026, 10, 9), by_class_teacher=False),
	contacts=[D(2026, 9, 2), D(2026, 12, 1)],
	visits=[D(2026, 10, 20)],
)


def test_what_the_ledger_stores_reads_back_as_the_engine_computed_it():
	today = D(2026, 12, 15)
	result = child_compliance(TERMS, ALWAYS, RECORDS, today)
	entries = ledger_entries(result)
	assert [e.period_type for e in entries] == [MONTH] * 4 + [TERM]
	assert entries[-1].term == AUTUMN.name and entries[-1].visits == 1
	assert from_ledger(entries, TERMS, today) == result


def test_a_stored_month_is_judged_again_on_reading():
	"""Stored while December was open, read after it ended: missed, without a rebuild."""
	entries = ledger_entries(child_compliance(TERMS, ALWAYS, RECORDS, D(2026, 12, 15)))
	assert from_ledger(entries, TERMS, D(2026, 12, 15)).month(D(2026, 12, 1)).talk_status == OPEN
	later = from_ledger(entries, TERMS, D(2027, 1, 5))
	assert later.month(D(2026, 12, 1)).talk_status == MISSED
	assert later.month(D(2026, 12, 1)).contact_status == MET
	# The months stored read as the engine judges them now; January has no entry until the
	# ledger is refreshed (a save or the nightly rebuild).
	now = child_compliance(TERMS, ALWAYS, RECORDS, D(2027, 1, 5))
	assert later.months == [m for m in now.months if m.month < D(2027, 1, 1)]


def test_targets_changed_after_storing_apply_on_reading():
	entries = ledger_entries(child_compliance(TERMS, ALWAYS, RECORDS, D(2026, 12, 15)))
	two_talks = Targets(talks_per_month=2)
	assert from_ledger(entries, TERMS, D(2026, 12, 15), two_talks).month(D(2026, 9, 1)).talk_status == MISSED


def test_a_term_entry_of_a_term_that_no_longer_exists_is_left_out():
	entries = ledger_entries(child_compliance(TERMS, ALWAYS, RECORDS, D(2026, 12, 15)))
	assert from_ledger(entries, [], D(2026, 12, 15)).terms == []
	assert from_ledger([], TERMS, D(2026, 12, 15)) == child_compliance([], [], Records(), D(2026, 12, 15))


def test_entries_are_dated_for_grouping_by_month():
	entries = ledger_entries(child_compliance(TERMS, ALWAYS, RECORDS, D(2026, 12, 15)))
	assert [(e.period_start, e.period_end) for e in entries if e.period_type == MONTH][1] == (
		datetime.date(2026, 10, 1),
		datetime.date(2026, 10, 31),
	)
	october = [e for e in entries if e.period_start == D(2026, 10, 1)][0]
	assert (october.talks, october.due_days) == (0, 31)  # a mentor's talk does not count
