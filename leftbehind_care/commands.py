"""Bench commands of the app (bench finds them in `leftbehind_care.commands.commands`)."""

from __future__ import annotations

import sys
import time

import click
import frappe
from frappe.commands import get_site, pass_context

from leftbehind_care.core.demo import COUNTIES, DEFAULT_COUNTY


@click.command("make-care-demo")
@click.option(
	"--children", default=200, show_default=True, type=click.IntRange(min=1), help="Left-behind children"
)
@click.option("--seed", default=1, show_default=True, type=int, help="Same seed, same county")
@click.option("--county", default=DEFAULT_COUNTY, show_default=True, type=click.Choice(sorted(COUNTIES)))
@pass_context
def make_care_demo(context, children: int, seed: int, county: str) -> None:
	"""Fill the site with a demo county: schools, classes, staff users (password Demo@2026),
	guardians and left-behind children. Refuses if that county's demo is already there."""
	from leftbehind_care.demo import DEMO_PASSWORD, make_demo

	site = get_site(context)
	started = time.monotonic()
	with frappe.init_site(site):
		frappe.connect()
		try:
			summary = make_demo(children=children, seed=seed, county=county)
		except frappe.ValidationError as err:
			frappe.db.rollback()
			click.secho(str(err), fg="red", err=True)
			sys.exit(1)
	click.echo(f"Demo county {summary.county} on {site} (seed {seed}):")
	for label, value in (
		("townships", summary.townships),
		("schools", summary.schools),
		("classes", summary.classes),
		("users", summary.users),
		("terms", summary.terms),
		("guardians", summary.guardians),
		("children", summary.children),
		("unsupervised alerts", summary.unsupervised),
		("mentor pairings", summary.pairings),
		("talk records", summary.talks),
		("family contacts", summary.contacts),
		("home visits", summary.visits),
		("care meetings", summary.meetings),
		("intervention plans", summary.plans),
		("assessments", summary.assessments),
		("counselling sessions", summary.counselling),
		("major incidents", summary.incidents),
		("priority support", summary.priorities),
		("boarding records", summary.boarding),
		("aid records", summary.aid),
		("dropout cases", summary.dropout_cases),
		("safety inspections", summary.inspections),
		("care activities", summary.activities),
		("evaluations", summary.evaluations),
		("term summaries", summary.term_summaries),
		("parents' accounts", summary.parent_accounts),
		("parents' articles", summary.parent_articles),
		("file reads logged", summary.file_reads),
	):
		click.echo(f"  {label:<20} {value:>7}")
	steps = ", ".join(f"{step} {seconds:.1f}s" for step, seconds in summary.timings.items())
	click.echo(f"Done in {time.monotonic() - started:.1f}s ({steps}).")
	click.echo(
		f"Users log in with their e-mail address (…@{county}.demo.leftbehind.invalid) and {DEMO_PASSWORD}."
	)
	click.echo(f"Parents log in at /parent with their mobile number and {DEMO_PASSWORD}.")


commands = [make_care_demo]
