"""Every rule the core can break has its sentence in `leftbehind_care/messages.py`: a code
without one would reach the person as a KeyError instead of a message."""

import re
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "leftbehind_care"


def raised_codes() -> set[str]:
	codes = set()
	for path in (PACKAGE / "core").glob("*.py"):
		codes |= set(re.findall(r'RuleError\(\s*"([a-z_0-9]+)"', path.read_text(encoding="utf-8")))
	return codes


def message_codes() -> set[str]:
	text = (PACKAGE / "messages.py").read_text(encoding="utf-8")
	return set(re.findall(r'^\t\t"([a-z_0-9]+)": \($', text, flags=re.M))


def test_the_scan_finds_codes():
	assert {"id_checksum", "workflow_self_approval"} <= raised_codes()
	assert {"id_checksum", "workflow_self_approval"} <= message_codes()


def test_every_rule_the_core_raises_has_a_message():
	assert raised_codes() - message_codes() == set()
