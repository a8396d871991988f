"""One exception type for every broken rule.

The core names *what* is wrong with a stable code and the values involved; the Frappe shell maps
each code to a translated sentence that also says what to do (`leftbehind_care.messages`).
"""

from __future__ import annotations


class RuleError(ValueError):
	def __init__(self, code: str, **params: object) -> None:
		super().__init__(code)
		self.code = code
		self.params = params

	def __repr__(self) -> str:
		return f"RuleError({self.code!r}, {self.params!r})"
