"""School terms (学期)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from leftbehind_care.core.errors import RuleError


@dataclass(frozen=True)
class Term:
	name: str
	start: datetime.date
	end: datetime.date


def check_term(term: Term, others: Iterable[Term]) -> None:
	"""A term ends after it starts and overlaps no other term."""
	if term.end <= term.start:
		raise RuleError("term_end_before_start", start=term.start, end=term.end)
	for other in others:
		if other.name != term.name and term.start <= other.end and other.start <= term.end:
			raise RuleError("term_overlap", other=other.name)


def term_on(terms: Iterable[Term], day: datetime.date) -> Term | None:
	return next((t for t in terms if t.start <= day <= t.end), None)
