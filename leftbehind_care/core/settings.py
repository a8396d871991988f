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
	# 检查考核: each metric's weight in a teacher's, class's or department's term evaluation.
	"eval_weight_talks": 20,
	"eval_weight_contacts": 15,
	"eval_weight_records": 10,
	"eval_weight_pairing": 10,
	"eval_weight_plans": 15,
	"eval_weight_incidents": 10,
	"eval_weight_five_haves": 20,
	# The school leader's score counts this many percent of the total; the metrics the rest.
	"eval_leader_share": 30,
	# The lowest total for 优秀, 良好 and 合格 (below: 不合格).
	"eval_excellent": 90,
	"eval_good": 80,
	"eval_pass": 60,
	# A talk record entered within this many days of the talk is on time.
	"record_days": 7,
}


def check_evaluation(values: dict[str, int]) -> None:
	"""The evaluation's numbers: the thresholds descend within 0–100 (优秀 above 良好 above 合格),
	the leader's share is a percentage, and some metric weighs."""
	from leftbehind_care.core.errors import RuleError

	excellent, good, passing = (values[k] for k in ("eval_excellent", "eval_good", "eval_pass"))
	if not 100 >= excellent > good > passing >= 0:
		raise RuleError("evaluation_thresholds", excellent=excellent, good=good, passing=passing)
	if not 0 <= values["eval_leader_share"] <= 100:
		raise RuleError("evaluation_leader_share", share=values["eval_leader_share"])
	if not any(values[key] > 0 for key in DEFAULTS if key.startswith("eval_weight_")):
		raise RuleError("evaluation_no_weight")
