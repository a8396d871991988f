"""What the browser tests need: the site served by `bench serve`, Debian's Chromium driven by
Playwright, the demo county's people, and the English words a Chinese page may show.

The server runs in its own process and sees committed data only; the tests read the database
as the same users to know what each page must show.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import frappe

# Debian's package; Playwright downloads no browser here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
	"--no-sandbox",
	"--disable-gpu",
	"--disable-dev-shm-usage",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
DEMO_COUNTY = "minquan"
DEMO_CHILDREN = 60

# English a Chinese page may show, each with its reason. Anything else is a finding.
ALLOWED_ENGLISH = {
	"LBC": "file numbers (LBC-2026-00001): a code, the same in every language",
	"IP": "intervention plan numbers (IP-2026-00001), a code like the file numbers",
	"Administrator": "Frappe's built-in account, shown by its name",
	"PDF": "the print view's download button: the file format's name, written so in Chinese too",
	"CSV": "a file format's name (an export in Child File Access), written so in Chinese too",
	"Excel": "a file format's name (an export in Child File Access), written so in Chinese too",
}
# Words of one or more Latin letters; digits and codes around them are ignored.
_WORD = re.compile(r"[A-Za-z]{2,}")


# Record numbers of the naming series (AR-2026-00001, TALK-00012): codes, the same in every language.
_RECORD_NUMBER = re.compile(r"\b[A-Z]{2,5}-(?:\d{4}-)?\d{3,}\b")


def english_words(text: str) -> set[str]:
	"""Latin-letter words of a page that are not allowed, ignoring e-mail addresses, URLs and
	record numbers."""
	text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
	text = _RECORD_NUMBER.sub(" ", text)
	return {word for word in _WORD.findall(text) if word not in ALLOWED_ENGLISH}


# The text a person sees: text nodes of rendered, visible elements, shadow roots included (custom
# blocks); closed dropdowns and dialogs, and Frappe's text for screen readers only, left out.
VISIBLE_TEXT = """() => {
	const parts = [];
	const walk = (root) => {
		// An element not rendered (display: none: the desk's earlier pages, closed menus) hides
		// all it holds: its subtree is skipped.
		const filter = (node) =>
			node.nodeType === Node.ELEMENT_NODE && !node.checkVisibility()
				? NodeFilter.FILTER_REJECT
				: NodeFilter.FILTER_ACCEPT;
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, filter);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.nodeType === Node.ELEMENT_NODE) {
				if (node.shadowRoot) walk(node.shadowRoot);
				continue;
			}
			const text = node.textContent.trim();
			const el = node.parentElement;
			if (!text || !el || ["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT"].includes(el.tagName)) continue;
			if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
			if (el.closest(".sr-only, .visually-hidden")) continue;  // for screen readers only
			const box = el.getBoundingClientRect();
			if (box.width <= 1 || box.height <= 1) continue;
			parts.push(text);
		}
	};
	walk(document.body);
	return parts.join("\\n");
}"""


def visible_text(page) -> str:
	return page.evaluate(VISIBLE_TEXT)


def screenshot_dir() -> Path:
	"""Where each run leaves its screenshots: `<bench>/browser-screenshots/<site>/`."""
	path = Path(frappe.utils.get_bench_path()) / "browser-screenshots" / frappe.local.site
	path.mkdir(parents=True, exist_ok=True)
	return path


# The README's screenshots, and which of a run's shots each one is (docs/screenshots/sources.json).
README_SCREENSHOTS = Path(frappe.get_app_path("leftbehind_care")).parent / "docs" / "screenshots"


def readme_screenshots() -> dict[str, str]:
	return json.loads((README_SCREENSHOTS / "sources.json").read_text(encoding="utf-8"))


def free_port() -> int:
	with socket.socket() as sock:
		sock.bind(("127.0.0.1", 0))
		return sock.getsockname()[1]


SERVE_WITH_STACKS = """
import faulthandler, runpy, signal, sys
faulthandler.register(signal.SIGUSR1, all_threads=True)
sys.argv[0] = "bench_helper"
runpy.run_module("frappe.utils.bench_helper", run_name="__main__")
"""


class DeskServer:
	"""`bench serve` for this site on a free port, started and stopped by the test run."""

	def __init__(self) -> None:
		self.port = free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.log = screenshot_dir() / "server.log"
		self.process: subprocess.Popen | None = None

	def start(self, log_mode: str = "wb") -> DeskServer:
		arguments = ["frappe", "--site", frappe.local.site, "serve", "--port", str(self.port), "--noreload"]
		# `bench serve`, which on SIGUSR1 writes every thread's stack into its log (`stacks`).
		command = [sys.executable, "-c", SERVE_WITH_STACKS, *arguments]
		with open(self.log, log_mode) as log:
			self.process = subprocess.Popen(
				command,
				cwd=os.path.abspath(frappe.local.sites_path),
				stdout=log,
				stderr=subprocess.STDOUT,
				env={**os.environ, "CI": ""},
			)
		deadline = time.monotonic() + 90
		while time.monotonic() < deadline:
			if self.process.poll() is not None:
				raise RuntimeError(f"bench serve stopped: see {self.log}")
			try:
				with urllib.request.urlopen(f"{self.url}/api/method/ping", timeout=5) as response:
					if response.status == 200:
						return self
			except OSError:
				time.sleep(0.5)
		raise RuntimeError(f"bench serve did not answer within 90 seconds: see {self.log}")

	def answers(self, within: float = 10) -> bool:
		try:
			with urllib.request.urlopen(f"{self.url}/api/method/ping", timeout=within) as response:
				return response.status == 200
		except OSError:
			return False

	def restart(self) -> None:
		"""A new server on a new port, its log continuing the old one's. As production's gunicorn
		replaces a worker that stopped answering: `bench serve` (werkzeug's development server)
		has been seen to stop answering every request on Frappe v16 under the suites' load."""
		self.stop()
		self.port = free_port()
		self.url = f"http://127.0.0.1:{self.port}"
		self.start(log_mode="ab")

	def stacks(self) -> str:
		"""What each of the server's threads is doing now: the innermost frames of each (the whole
		stacks go to its log)."""
		if not self.process or self.process.poll() is not None:
			return "the server has stopped"
		start = self.log.stat().st_size
		self.process.send_signal(signal.SIGUSR1)
		time.sleep(1)
		with open(self.log, "rb") as log:
			log.seek(start)
			dump = log.read().decode(errors="replace")
		threads, depth = [], 0
		for line in dump.splitlines():
			if line.startswith(("Thread 0x", "Current thread 0x")):
				threads.append([])
				depth = 0
			elif threads and line.startswith("  File ") and depth < 3:
				threads[-1].append(line.strip().replace("File ", ""))
				depth += 1
		return " | ".join(" < ".join(frames) for frames in threads if frames) or dump[-500:] or "none written"

	def stop(self) -> None:
		if self.process and self.process.poll() is None:
			self.process.terminate()
			try:
				self.process.wait(timeout=20)
			except subprocess.TimeoutExpired:
				self.process.kill()


@dataclass(frozen=True)
class Person:
	role: str
	user: str
	# A child this person may open (None for an inspector) and one they may not.
	child: str | None
	other_child: str


def demo_people() -> dict[str, Person]:
	"""One demo user of each care role, with a child in their scope and one outside it. Makes a
	small demo county (committed: the server sees committed data only) if the site has none."""
	from leftbehind_care.core import scope as roles
	from leftbehind_care.core.demo import EMAIL_DOMAIN
	from leftbehind_care.demo import make_demo

	domain = f"@{DEMO_COUNTY}.{EMAIL_DOMAIN}"
	if not frappe.db.exists("User", {"name": ("like", f"%{domain}")}):
		make_demo(children=DEMO_CHILDREN, county=DEMO_COUNTY)

	def users_with(role: str) -> list[str]:
		return frappe.get_all(
			"Has Role",
			filters={"role": role, "parenttype": "User", "parent": ("like", f"%{domain}")},
			pluck="parent",
			order_by="parent",
		)

	def first_child(filters: dict) -> str | None:
		return frappe.db.get_value(
			"Left Behind Child", {"status": "Active", **filters}, "name", order_by="name"
		)

	people = {}
	classes = frappe.get_all(
		"Care Class",
		filters={"class_teacher": ("in", users_with(roles.CLASS_TEACHER))},
		fields=["name", "school", "class_teacher"],
		order_by="name",
	)
	care_class = next(c for c in classes if first_child({"care_class": c.name}))
	outside = first_child({"school": ("!=", care_class.school)})
	people[roles.CLASS_TEACHER] = Person(
		roles.CLASS_TEACHER, care_class.class_teacher, first_child({"care_class": care_class.name}), outside
	)
	for role, duty in ((roles.SCHOOL_LEADER, roles.MEMBER_LEADER), (roles.COUNSELOR, roles.MEMBER_COUNSELOR)):
		member = frappe.db.get_value(
			"Care School Member",
			{"user": ("in", users_with(role)), "member_role": duty, "parent": care_class.school},
			"user",
		)
		people[role] = Person(role, member, first_child({"school": care_class.school}), outside)
	pairing = frappe.db.get_value(
		"Mentor Pairing",
		{"status": "Active", "mentor_user": ("in", users_with(roles.MENTOR)), "school": care_class.school},
		["mentor_user", "child"],
		as_dict=True,
		order_by="name",
	)
	people[roles.MENTOR] = Person(roles.MENTOR, pairing.mentor_user, pairing.child, outside)
	people[roles.ADMINISTRATOR] = Person(
		roles.ADMINISTRATOR, users_with(roles.ADMINISTRATOR)[0], first_child({}), outside
	)
	inspector = frappe.db.get_value(
		"Care School Member",
		{"user": ("in", users_with(roles.INSPECTOR)), "member_role": roles.MEMBER_INSPECTOR},
		"user",
	)
	people[roles.INSPECTOR] = Person(roles.INSPECTOR, inspector, None, first_child({}))
	frappe.db.commit()  # nosemgrep: frappe-manual-commit (the server process reads committed data)
	return people
