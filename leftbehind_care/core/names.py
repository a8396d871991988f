"""Pinyin search keys, so that typing `zs` or `zhangsan` finds 张三."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def search_key(name: str) -> str:
	"""The name itself, its full pinyin and its initials, space separated: `张三 zhangsan zs`."""
	name = (name or "").strip()
	if not name:
		return ""
	syllables = [s.lower() for s in lazy_pinyin(name, errors="ignore")]
	initials = [s.lower() for s in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")]
	parts = [name, "".join(syllables), "".join(initials)]
	return " ".join(dict.fromkeys(p for p in parts if p))
