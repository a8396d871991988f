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
	# 家校联系: family contacts each child is due per school month.
	"family_contacts_per_month": 1,
	# 家访: home visits each child is due per term.
	"visits_per_term": 1,
	# 座谈会, 家长会: meetings each child's guardian (or parent) is due to attend per term.
	"guardian_meetings_per_term": 1,
	# Day of the month on which reminders for missing talks go out.
	"reminder_day": 25,
	# Mentors are reminded of children without a home visit when the term ends within this many days.
	"visit_reminder_days": 30,
	# 遇到重大事情及时与父母交流: parents are told of an incident within this many hours.
	"parent_notify_hours": 24,
	# 动员寄宿: a child living at least this many km from school is asked to board.
	"boarding_distance_km": 3,
	# Days between reviews of an intervention plan.
	"plan_review_days": 30,
}
