"""The two reports of children in trouble offer, as filter choices, exactly the values their
Python reads: the plan workflow's states, and the reasons a child is listed."""

import re
from pathlib import Path

from leftbehind_care.core import risk
from leftbehind_care.core.workflow import read

REPORTS = Path(__file__).parents[1] / "leftbehind_care/leftbehind_care/report"


def select_values(report: str, fieldname: str) -> list[str]:
	text = (REPORTS / report / f"{report}.js").read_text(encoding="utf-8")
	block = text[text.index(f'fieldname: "{fieldname}"') :]
	options = block[block.index("options: [") :]
	options = options[: options.index("]")]
	return [v for v in re.findall(r'"([^"]*)"', options) if v]


def test_plan_status_offers_the_workflow_states():
	assert select_values("intervention_plan_status", "workflow_state") == [
		state.name for state in read("intervention_plan").states
	]


def test_at_risk_children_offers_each_reason():
	assert select_values("at_risk_children", "reason")[::2] == list(risk.REASONS)
