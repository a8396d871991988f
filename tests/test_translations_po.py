"""Every string in the template (main.pot, made by Frappe's extractors) has a Chinese
translation that keeps its placeholders. The site suite checks that main.pot is current."""

import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "leftbehind_care" / "locale"
PLACEHOLDER = re.compile(r"\{\d*\}")


def catalog(name: str):
	with open(LOCALE / name, "rb") as f:
		return {m.id: m.string for m in read_po(f) if m.id}


def test_every_string_is_translated():
	template = catalog("main.pot")
	zh = catalog("zh.po")
	assert len(template) > 200
	assert [msgid for msgid in template if not zh.get(msgid)] == []


def test_translations_keep_their_placeholders():
	for msgid, msgstr in catalog("zh.po").items():
		if msgstr:
			assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_no_translation_of_stale_strings():
	assert set(catalog("zh.po")) <= set(catalog("main.pot"))
