"""The README's screenshots are the browser tests' own (docs/screenshots/sources.json names the
shot each one is copied from; the browser test checks that every such shot was taken)."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"


def test_every_readme_screenshot_comes_from_a_browser_test_shot():
	readme = (ROOT / "README.md").read_text(encoding="utf-8")
	shown = set(re.findall(r"\(docs/screenshots/([\w.-]+\.png)\)", readme))
	sources = json.loads((SHOTS / "sources.json").read_text(encoding="utf-8"))
	assert shown == set(sources)
	for name, shot in sources.items():
		assert (SHOTS / name).is_file(), name
		assert re.fullmatch(r"[a-z_]+-(desktop|phone)-[\w-]+\.png", shot), shot
