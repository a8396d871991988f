"""Every tunable number of the care system, with its default. Care Settings stores the site's
values; its JSON defaults must equal these (a core test checks it)."""

from __future__ import annotations

DEFAULTS: dict[str, int] = {
	# 谈心: a class teacher talks with each child at least this often per month.
	"talks_per_month": 1,
	# 结对帮扶: most children one mentor carries at once.
	"mentor_capacity": 3,
	# 亲情有护: a parent was contacted within this many days.
	"parent_contact_days": 30,
	# Family contacts a school aims for per child and month.
	"family_contacts_per_month": 2,
	# Day of the month on which reminders for missing talks go out.
	"reminder_day": 25,
	# 遇到重大事情及时与父母交流: parents are told of an incident within this many hours.
	"parent_notify_hours": 24,
	# Days between reviews of an intervention plan.
	"plan_review_days": 30,
	# Assessment totals (0-100) at or above which risk is medium / high.
	"risk_medium_threshold": 40,
	"risk_high_threshold": 70,
}
