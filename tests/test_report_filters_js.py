"""The reports' shared filters (term, school, class) are declared once, in the desk script; each
report's script names them, and none keeps a copy of its own."""

import re
from pathlib import Path

ROOT = Path(__file__).parents[1] / "leftbehind_care"
DESK = (ROOT / "public/js/desk.js").read_text(encoding="utf-8")
SCRIPTS = sorted((ROOT / "leftbehind_care/report").glob("*/*.js"))
SHARED = set(re.findall(r"^\t(\w+): \(\) =>", DESK[DESK.index("REPORT_FILTERS") :], re.M))


def test_the_shared_filters_are_declared_in_the_desk_script():
	assert SHARED == {"term", "school", "care_class"}


def test_each_report_names_shared_filters_and_copies_none():
	assert len(SCRIPTS) == 11
	for script in SCRIPTS:
		text = script.read_text(encoding="utf-8")
		for call in re.findall(r"report_filters\(([^)]*)\)", text):
			names = re.split(r"\{|leftbehind_care\.", call)[0]  # before a report's own filter
			assert set(re.findall(r'"(\w+)"', names)) <= SHARED, script.name
		for name in SHARED:
			assert f'fieldname: "{name}"' not in text, f"{script.name} declares its own {name} filter"
