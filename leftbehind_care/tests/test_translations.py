"""Every string a user can see has a Chinese translation, and the desk shows it."""

from __future__ import annotations

import os

import frappe
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from frappe.gettext.translate import get_method_map
from frappe.utils import get_bench_path

from leftbehind_care.tests.utils import CareTestCase

APP = "leftbehind_care"


def app_dir() -> str:
	# The bench's own path to the app: Frappe's extractors want files inside the bench.
	return os.path.join(get_bench_path(), "apps", APP)


def extracted_messages() -> set[str]:
	"""The strings Frappe's own extractors find in the app, as `bench generate-pot-file` does
	(print formats are `.html` files, read by its Jinja extractor)."""
	keywords = DEFAULT_KEYWORDS.copy()
	keywords["_lt"] = None
	method_map = get_method_map(APP) + get_method_map("frappe")
	skip = {"tests", "node_modules", "__pycache__"}

	def directory_filter(path: str) -> bool:
		base = os.path.basename(path)
		return not (base.startswith((".", "_")) or base in skip)

	return {
		message if isinstance(message, str) else message[0]
		for _file, _line, message, _comments, _context in extract_from_dir(
			app_dir(), method_map, directory_filter=directory_filter, keywords=keywords
		)
		if message
	}


class TestTranslations(CareTestCase):
	def test_every_string_has_a_chinese_translation(self):
		with open(os.path.join(app_dir(), APP, "locale", "zh.po"), "rb") as f:
			catalog = read_po(f)
		translated = {m.id for m in catalog if m.id and m.string}
		missing = sorted(extracted_messages() - translated)
		self.assertEqual(missing, [], "untranslated strings; add them to locale/zh.po")

	def test_the_desk_speaks_chinese(self):
		frappe.local.lang = "zh"
		frappe.local.lang_full_dict = None
		try:
			self.assertEqual(frappe._("Left Behind Child"), "留守儿童")
			self.assertEqual(frappe._("Contact Card Issued On"), "联系卡发放日期")
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None
