"""One way to declare a report's columns: each a `Column`, the child's three the reports share
first. Labels are English msgids, marked with `_lt` for Frappe's catalogue extractor and
translated when the Script Report formats them (`leftbehind_care.utils.report_columns`)."""

from __future__ import annotations

from dataclasses import dataclass

CHILD_DOCTYPE = "Left Behind Child"


def _lt(text: str) -> str:
	"""Marks a label for the catalogue; the Frappe side translates it for the reader."""
	return text


@dataclass(frozen=True)
class Column:
	fieldname: str
	label: str
	fieldtype: str = "Data"
	width: int = 100
	options: str | None = None

	def as_dict(self, translate=lambda text: text) -> dict:
		column = {
			"fieldname": self.fieldname,
			"label": translate(self.label),
			"fieldtype": self.fieldtype,
			"width": self.width,
		}
		if self.options:
			column["options"] = self.options
		return column


# Who a row is about: the file (its number links to it), the name, the class.
# Wide enough for a whole file number (LBC-2026-00053): cut short, it leads each row with "LBC-2026-000…".
CHILD = Column("child", _lt("Child"), "Link", 150, CHILD_DOCTYPE)
CHILD_NAME = Column("child_name", _lt("Child Name"), width=90)
CLASS_TITLE = Column("class_title", _lt("Class"), width=150)
CHILD_COLUMNS = (CHILD, CHILD_NAME, CLASS_TITLE)
