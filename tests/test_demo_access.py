"""Demo file reads (the Access Log Child File Access lists): class teachers reading their own
children's files over the thirty days before today, the county's administrators exporting."""

import datetime
from collections import Counter

from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.demo import generate_county
from leftbehind_care.core.demo_access import (
	CHILD,
	DAYS,
	EXPORT,
	FORM,
	GUARDIAN,
	PRINT,
	PRINT_FORMATS,
	generate_file_reads,
)
from leftbehind_care.core.scope import ADMINISTRATOR

TODAY = datetime.date(2026, 12, 4)


def county():
	return generate_county(400, 5, TODAY)


def test_teachers_read_their_own_classes_files_in_the_thirty_days_before_today():
	data = county()
	reads = generate_file_reads(data, 5)
	teachers = data.class_teacher_of()
	admins = {p.email for p in data.staff if ADMINISTRATOR in p.roles}
	assert reads == sorted(reads, key=lambda read: read.at)
	for read in reads:
		assert TODAY - datetime.timedelta(days=DAYS) <= read.at.date() < TODAY
		if read.method == EXPORT:
			assert read.user in admins and read.child is None and read.doctype == CHILD
			continue
		child = data.children[read.child]
		assert child.status == ACTIVE
		assert read.user == teachers[child.care_class]
		if read.doctype == GUARDIAN:
			assert 0 <= read.guardian < len(child.guardians) and read.method == FORM
		else:
			assert read.guardian is None
		if read.method == PRINT:
			assert read.report_name in PRINT_FORMATS and read.file_type in ("HTML", "PDF")


def test_most_files_are_opened_some_printed_and_each_administrator_exports():
	data = county()
	reads = generate_file_reads(data, 5)
	active = sum(child.status == ACTIVE for child in data.children)
	kinds = Counter((read.doctype, read.method) for read in reads)
	assert 0.5 * active <= kinds[(CHILD, FORM)] <= 1.1 * active
	assert 0 < kinds[(CHILD, PRINT)] < 0.15 * active
	assert 0 < kinds[(GUARDIAN, FORM)] < 0.15 * active
	exporters = {read.user for read in reads if read.method == EXPORT}
	assert exporters == {p.email for p in data.staff if ADMINISTRATOR in p.roles}


def test_the_same_seed_gives_the_same_reads():
	data = county()
	assert generate_file_reads(data, 5) == generate_file_reads(data, 5)
	assert generate_file_reads(data, 5) != generate_file_reads(data, 6)
