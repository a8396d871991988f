"""Demo data of who read whose file: the Access Log entries the Child File Access report lists for
the county administrator, over the thirty days before today.

Class teachers open their children's files (a form read, logged) and now and then a guardian's;
some print a child's file or contact card, as a web page or a PDF; the county's administrators
export the register a few times. Deterministic for a seed, from its own random source (the rest of
the demo is unchanged by it). Nothing is dated today or later: a demo made at any hour shows no
read from the future.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from leftbehind_care.core.child import ACTIVE
from leftbehind_care.core.demo import DemoCounty
from leftbehind_care.core.scope import ADMINISTRATOR

DAYS = 30
CHILD, GUARDIAN = "Left Behind Child", "Child Guardian"
FORM, PRINT, EXPORT = "Form", "Print", "Export"
# Per child in the programme over the thirty days: the chance its class teacher opened the file
# (once, and again), printed it (the file or the contact card) and opened a guardian's record.
OPENED, OPENED_AGAIN, PRINTED, GUARDIAN_OPENED = 0.6, 0.25, 0.06, 0.05
PRINT_FORMATS = ("Child File", "Contact Card")
# Reports about children (their ref DocType is the child's) whose export is logged.
EXPORTS = (("Child Register", "Excel"), ("Child Register", "CSV"), ("At-Risk Children", "Excel"))


@dataclass(frozen=True)
class FileReadPlan:
	user: str  # who read (an email)
	doctype: str  # Left Behind Child or Child Guardian
	child: int | None  # index in county.children (None for an export of a report)
	guardian: int | None  # index in the child's guardians, for a guardian's record
	method: str  # Form, Print or Export
	report_name: str | None  # the print format or the report exported
	file_type: str | None  # HTML or PDF for a print, Excel or CSV for an export
	at: datetime.datetime


def generate_file_reads(county: DemoCounty, seed: int) -> list[FileReadPlan]:
	"""The reads of the thirty days before `county.today`, oldest first."""
	rng = random.Random(f"file-reads-{seed}")
	teachers = county.class_teacher_of()

	def when() -> datetime.datetime:
		day = county.today - datetime.timedelta(days=rng.randint(1, DAYS))
		return datetime.datetime.combine(
			day, datetime.time(rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))
		)

	reads: list[FileReadPlan] = []
	for index, child in enumerate(county.children):
		teacher = teachers.get(child.care_class)
		if child.status != ACTIVE or not teacher:
			continue
		if rng.random() < OPENED:
			reads.append(FileReadPlan(teacher, CHILD, index, None, FORM, None, None, when()))
			if rng.random() < OPENED_AGAIN:
				reads.append(FileReadPlan(teacher, CHILD, index, None, FORM, None, None, when()))
		if rng.random() < PRINTED:
			fmt, kind = rng.choice(PRINT_FORMATS), rng.choice(("HTML", "PDF"))
			reads.append(FileReadPlan(teacher, CHILD, index, None, PRINT, fmt, kind, when()))
		if child.guardians and rng.random() < GUARDIAN_OPENED:
			reads.append(
				FileReadPlan(
					teacher, GUARDIAN, index, rng.randrange(len(child.guardians)), FORM, None, None, when()
				)
			)
	for person in county.staff:
		if ADMINISTRATOR in person.roles:
			for _ in range(rng.randint(1, 3)):
				report, kind = rng.choice(EXPORTS)
				reads.append(FileReadPlan(person.email, CHILD, None, None, EXPORT, report, kind, when()))
	reads.sort(key=lambda read: read.at)
	return reads
