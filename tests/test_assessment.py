import pytest

from leftbehind_care.core import assessment as a
from leftbehind_care.core.errors import RuleError

THRESHOLDS = a.Thresholds(medium=30, high=55)
# Two study items (one weighing double) and one safety item, each on 0..3.
ITEMS = (
	a.Item("homework", "Study", 3),
	a.Item("absence", "Study", 3, 2.0),
	a.Item("alone_at_night", "Safety", 3),
)


def failure(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code, err.value.params


def answers(**values):
	return [a.Answer(key, value) for key, value in values.items()]


def result(items, thresholds=THRESHOLDS, **values):
	return a.score(items, answers(**values), thresholds)


def test_domain_scores_are_weighted_and_the_total_is_over_all_items():
	scored = result(ITEMS, homework=3, absence=0, alone_at_night=1)
	# Study: 100 * (1 * 3/3 + 2 * 0/3) / 3 = 33.33..; Safety: 100 * 1/3 = 33.33..
	assert scored.domain_scores == {"Study": 33.3, "Safety": 33.3}
	# Total: 100 * (1 + 0 + 1/3) / 4 = 33.33.., not the mean of the domains' rounded scores.
	assert scored.total == 33.3
	assert list(scored.domain_scores) == ["Study", "Safety"]  # in DOMAINS order, empty domains absent
	weighted = result(ITEMS, homework=0, absence=3, alone_at_night=0)
	assert weighted.domain_scores == {"Study": 66.7, "Safety": 0.0}
	assert weighted.total == 50.0


def test_halves_round_up():
	assert result((a.Item("x", "Health", 16),), x=1).total == 6.3  # 6.25; round() would give 6.2
	assert result((a.Item("x", "Health", 16),), x=3).total == 18.8  # 18.75
	assert result((a.Item("x", "Health", 3),), x=2).total == 66.7


def test_scores_are_exact_where_floats_are_not():
	# 100 * (0.3 * 3/4) / 0.4 is 56.25, which floats compute as 56.2499.. and would round down.
	items = (a.Item("x", "Health", 4, 0.1), a.Item("y", "Health", 4, 0.3))
	assert result(items, x=0, y=3).total == 56.3


def test_risk_levels_at_the_thresholds():
	items = (a.Item("q", "Study", 20),)
	assert result(items, q=5).risk_level == a.LOW  # 25
	assert result(items, q=6).risk_level == a.MEDIUM  # exactly 30
	assert result(items, q=10).risk_level == a.MEDIUM  # 50
	assert result(items, q=11).risk_level == a.HIGH  # exactly 55
	assert result(items, q=11).high_domains == ("Study",)


def test_levels_are_read_from_the_rounded_score():
	# 100 * 163/300 = 54.33.. shows as 54.3; at a high threshold of 54.3 it is high, as shown.
	items = (a.Item("q", "Study", 300),)
	scored = result(items, a.Thresholds(medium=30, high=54.3), q=163)
	assert (scored.total, scored.risk_level) == (54.3, a.HIGH)


def test_one_domain_in_crisis_makes_the_result_high():
	items = (*ITEMS, a.Item("meals", "Health", 3), a.Item("doctor", "Health", 3))
	scored = result(items, homework=0, absence=0, alone_at_night=3, meals=0, doctor=0)
	assert scored.total == 16.7  # low on average
	assert scored.domain_scores["Safety"] == 100.0
	assert scored.risk_level == a.HIGH
	assert scored.high_domains == ("Safety",)
	assert a.proposes_plan(scored)


def test_one_domain_at_medium_does_not_lift_the_result():
	items = (*ITEMS, a.Item("meals", "Health", 3), a.Item("doctor", "Health", 3))
	scored = result(items, homework=0, absence=0, alone_at_night=1, meals=0, doctor=0)
	assert scored.domain_scores["Safety"] == 33.3
	assert scored.risk_level == a.LOW
	assert not a.proposes_plan(scored)


def test_high_domains_follow_the_domains_order():
	items = (a.Item("s", "Safety", 1), a.Item("h", "Health", 1), a.Item("b", "Behaviour", 1))
	scored = result(items, s=1, h=1, b=0)
	assert scored.high_domains == ("Health", "Safety")
	assert not a.proposes_plan(result(items, s=0, h=0, b=0))


def test_every_item_is_answered_once_within_its_scale():
	assert failure(a.score, ITEMS, answers(homework=1, absence=1), THRESHOLDS) == (
		"assessment_answer_missing",
		{"key": "alone_at_night"},
	)
	unanswered = answers(homework=1, absence=1, alone_at_night=None)
	assert failure(a.score, ITEMS, unanswered, THRESHOLDS)[0] == "assessment_answer_missing"
	unknown = answers(homework=1, absence=1, alone_at_night=1, sleep=2)
	assert failure(a.score, ITEMS, unknown, THRESHOLDS) == ("assessment_answer_unknown", {"key": "sleep"})
	twice = [*answers(homework=1, absence=1, alone_at_night=1), a.Answer("homework", 2)]
	assert failure(a.score, ITEMS, twice, THRESHOLDS) == ("assessment_answer_twice", {"key": "homework"})
	assert failure(a.score, ITEMS, answers(homework=4, absence=1, alone_at_night=1), THRESHOLDS) == (
		"assessment_answer_out_of_range",
		{"key": "homework", "value": 4, "scale_max": 3},
	)
	negative = answers(homework=1, absence=-1, alone_at_night=1)
	assert failure(a.score, ITEMS, negative, THRESHOLDS)[0] == "assessment_answer_out_of_range"


def test_a_template_can_be_scored():
	a.check_template(ITEMS, THRESHOLDS)
	assert failure(a.check_template, (), THRESHOLDS)[0] == "assessment_template_empty"
	duplicate = (*ITEMS, a.Item("homework", "Study", 3))
	assert failure(a.check_template, duplicate, THRESHOLDS) == (
		"assessment_item_duplicate",
		{"key": "homework"},
	)


@pytest.mark.parametrize(
	"item, code",
	[
		(a.Item("x", "学习", 3), "assessment_domain_unknown"),
		(a.Item("x", "Study", 0), "assessment_scale_invalid"),
		(a.Item("x", "Study", 3, 0), "assessment_weight_invalid"),
		(a.Item("x", "Study", 3, -1), "assessment_weight_invalid"),
	],
)
def test_an_item_has_a_known_domain_a_scale_and_a_positive_weight(item, code):
	assert failure(a.check_template, (item,), THRESHOLDS)[0] == code


@pytest.mark.parametrize(
	"medium, high",
	[(0, 55), (55, 55), (60, 55), (30, 101), (-5, 50)],
)
def test_high_risk_begins_above_medium_risk_within_100(medium, high):
	assert failure(a.check_template, ITEMS, a.Thresholds(medium, high)) == (
		"assessment_thresholds_invalid",
		{"medium": medium, "high": high},
	)


def test_thresholds_may_put_high_risk_at_100():
	a.check_template(ITEMS, a.Thresholds(medium=50, high=100))


def test_the_default_template():
	a.check_template(a.DEFAULT_TEMPLATE, a.DEFAULT_THRESHOLDS)
	assert len(a.DEFAULT_TEMPLATE) == 18
	for domain in a.DOMAINS:
		assert len([item for item in a.DEFAULT_TEMPLATE if item.domain == domain]) == 3
	assert set(a.DEFAULT_QUESTIONS) == {item.key for item in a.DEFAULT_TEMPLATE}
	assert all(english and chinese for english, chinese in a.DEFAULT_QUESTIONS.values())


def default_answers(value, **overrides):
	return [a.Answer(item.key, overrides.get(item.key, value)) for item in a.DEFAULT_TEMPLATE]


def test_the_default_template_tells_a_calm_child_from_a_worried_one():
	calm = a.score(a.DEFAULT_TEMPLATE, default_answers(0, study_homework=1), a.DEFAULT_THRESHOLDS)
	assert calm.risk_level == a.LOW
	assert calm.high_domains == ()
	sometimes = a.score(a.DEFAULT_TEMPLATE, default_answers(1, psychology_self_harm=0), a.DEFAULT_THRESHOLDS)
	assert sometimes.total == 30.4
	assert sometimes.risk_level == a.MEDIUM
	worried = a.score(
		a.DEFAULT_TEMPLATE,
		default_answers(1, psychology_self_harm=3, psychology_low_mood=2, family_hurt_at_home=2),
		a.DEFAULT_THRESHOLDS,
	)
	assert worried.risk_level == a.HIGH
	assert worried.high_domains == ("Psychology",)
	assert a.proposes_plan(worried)


def test_a_child_is_assessed_once_per_term():
	a.check_once_per_term([], "2026春")
	a.check_once_per_term(["2025秋", "2026春"], "2026秋")
	assert failure(a.check_once_per_term, ["2025秋", "2026春"], "2026春") == (
		"assessment_twice_in_term",
		{"term": "2026春"},
	)
	assert failure(a.check_once_per_term, ["2025秋"], None) == ("assessment_outside_term", {})


def test_the_trend_across_terms():
	points = a.trend([("2025秋", 62.5, a.HIGH), ("2026春", 40.3, a.MEDIUM), ("2026秋", 40.4, a.MEDIUM)])
	assert [(p.term, p.total, p.risk_level, p.change) for p in points] == [
		("2025秋", 62.5, a.HIGH, None),
		("2026春", 40.3, a.MEDIUM, -22.2),
		("2026秋", 40.4, a.MEDIUM, 0.1),
	]
	assert a.trend([]) == []


def test_a_red_flag_answer_makes_the_result_high_on_its_own():
	items = (*ITEMS, a.Item("self_harm", "Psychology", 3, red_flag_at=1), a.Item("mood", "Psychology", 3))
	calm = result(items, homework=0, absence=0, alone_at_night=0, self_harm=0, mood=1)
	assert (calm.risk_level, calm.red_flags) == (a.LOW, ())
	flagged = result(items, homework=0, absence=0, alone_at_night=0, self_harm=1, mood=0)
	assert flagged.domain_scores["Psychology"] == 16.7  # far below every threshold
	assert flagged.high_domains == ()
	assert (flagged.risk_level, flagged.red_flags) == (a.HIGH, ("self_harm",))
	assert a.proposes_plan(flagged)


def test_the_default_template_hears_a_child_who_talks_of_self_harm():
	once = a.score(a.DEFAULT_TEMPLATE, default_answers(0, psychology_self_harm=1), a.DEFAULT_THRESHOLDS)
	assert once.total < a.DEFAULT_THRESHOLDS.medium
	assert (once.risk_level, once.red_flags) == (a.HIGH, ("psychology_self_harm",))
	# Being hurt at home or alone at night now and then is a worry, not yet a red flag.
	sometimes = a.score(
		a.DEFAULT_TEMPLATE,
		default_answers(0, family_hurt_at_home=1, safety_no_guardian_at_night=1),
		a.DEFAULT_THRESHOLDS,
	)
	assert sometimes.risk_level == a.LOW
	often = a.score(a.DEFAULT_TEMPLATE, default_answers(0, family_hurt_at_home=2), a.DEFAULT_THRESHOLDS)
	assert (often.risk_level, often.red_flags) == (a.HIGH, ("family_hurt_at_home",))


@pytest.mark.parametrize("red_flag_at", [0, 4, -1])
def test_a_red_flag_lies_on_the_answer_scale(red_flag_at):
	items = (a.Item("q", "Safety", 3, red_flag_at=red_flag_at),)
	assert failure(a.check_template, items, THRESHOLDS) == (
		"assessment_red_flag_invalid",
		{"key": "q", "red_flag_at": red_flag_at, "scale_max": 3},
	)


def test_answer_labels_name_every_answer():
	a.check_template((a.Item("q", "Safety", 3, labels=a.DEFAULT_LABELS),), THRESHOLDS)
	a.check_template((a.Item("q", "Safety", 3),), THRESHOLDS)  # numbers only
	assert failure(a.check_template, (a.Item("q", "Safety", 2, labels=a.DEFAULT_LABELS),), THRESHOLDS) == (
		"assessment_labels_invalid",
		{"key": "q", "labels": 4, "answers": 3},
	)


def test_a_high_result_proposes_one_plan():
	assert a.plan_proposal(a.HIGH, None, []) == (a.NEW_PLAN, None)
	# The child's plan under way is linked instead of drafting a second one.
	assert a.plan_proposal(a.HIGH, None, ["IP-2026-00007"]) == (a.OPEN_PLAN, "IP-2026-00007")
	# Saved again, the assessment keeps the plan it proposed.
	assert a.plan_proposal(a.HIGH, "IP-2026-00003", []) == (a.NO_PLAN, None)
	assert a.plan_proposal(a.MEDIUM, None, []) == (a.NO_PLAN, None)
	assert a.plan_proposal(a.LOW, None, ["IP-2026-00007"]) == (a.NO_PLAN, None)


def test_the_draft_plan_names_the_problems_the_result_found():
	scored = a.score(
		a.DEFAULT_TEMPLATE,
		default_answers(0, study_homework=3, study_attention=3, study_absence=3, family_hurt_at_home=2),
		a.DEFAULT_THRESHOLDS,
	)
	assert scored.high_domains == ("Study",)
	assert a.proposed_problems(a.DEFAULT_TEMPLATE, scored) == [
		("Not Studying", "Study"),
		("Family Bonds", "Family Bonds"),
	]
	# Two domains pointing to one kind give one row.
	both = a.AssessmentResult({}, 80.0, a.HIGH, ("Health", "Safety"))
	assert a.proposed_problems(a.DEFAULT_TEMPLATE, both) == [
		("Health and Daily Care", "Health"),
		("Safety", "Safety"),
	]
	assert a.proposed_problems(a.DEFAULT_TEMPLATE, a.AssessmentResult({}, 10.0, a.LOW, ())) == []


def test_every_domain_points_to_a_problem_kind_of_the_plan():
	import json
	from pathlib import Path

	table = Path(a.__file__).parents[1] / "leftbehind_care/doctype/intervention_plan_problem"
	meta = json.loads((table / "intervention_plan_problem.json").read_text(encoding="utf-8"))
	kinds = next(f["options"] for f in meta["fields"] if f["fieldname"] == "problem_kind").split("\n")
	assert set(a.DOMAIN_PROBLEMS) == set(a.DOMAINS)
	assert set(a.DOMAIN_PROBLEMS.values()) <= set(kinds)


def test_the_default_template_labels_its_answers():
	assert all(item.labels == () for item in a.DEFAULT_TEMPLATE)  # the template's scale is shared
	assert len(a.DEFAULT_LABELS) == 4


def test_a_question_has_at_most_ten_answers_above_none():
	a.check_answerable((a.Item("q", "Safety", a.MAX_SCALE),))
	assert failure(a.check_answerable, (a.Item("q", "Safety", 11),)) == (
		"assessment_scale_invalid",
		{"key": "q", "scale_max": 11},
	)


def test_answer_labels_as_typed_and_shown():
	assert a.parse_labels(" 从不 / 偶尔/经常/总是 ") == a.DEFAULT_LABELS
	assert a.parse_labels("") == () == a.parse_labels(None)
	item = a.Item("q", "Safety", 3)
	assert a.scale_text(item, a.DEFAULT_LABELS) == "0 从不 · 1 偶尔 · 2 经常 · 3 总是"
	assert a.scale_text(a.Item("q", "Safety", 3, labels=("无", "少", "中", "多")), a.DEFAULT_LABELS) == (
		"0 无 · 1 少 · 2 中 · 3 多"
	)
	assert a.scale_text(a.Item("q", "Safety", 5), a.DEFAULT_LABELS) == "0–5"  # labels that do not fit


def test_a_template_in_use_keeps_its_scoring():
	before = a.scoring(ITEMS, THRESHOLDS)
	reworded = a.scoring(tuple(reversed(ITEMS)), THRESHOLDS)
	a.check_template_change(5, before, reworded)  # order and wording do not score
	reweighted = a.scoring((*ITEMS[:2], a.Item("alone_at_night", "Safety", 3, 2.0)), THRESHOLDS)
	a.check_template_change(0, before, reweighted)  # unused: anything may change
	assert failure(a.check_template_change, 5, before, reweighted) == (
		"assessment_template_in_use",
		{"assessments": 5},
	)
	stricter = a.scoring(ITEMS, a.Thresholds(25, 55))
	assert failure(a.check_template_change, 1, before, stricter)[0] == "assessment_template_in_use"
