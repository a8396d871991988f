"""检查考核: metrics from hand-made records, the weighting, the leader's share, each result and the
forced 不合格 of a confirmed dereliction; the evaluation's settings checked."""

import datetime

import pytest

from leftbehind_care.core import compliance as engine
from leftbehind_care.core import evaluation as ev
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.settings import DEFAULTS, check_evaluation

START, END = datetime.date(2026, 9, 1), datetime.date(2027, 1, 20)
D = datetime.timedelta


def month(first, talk, contact):
	return engine.MonthResult(first, 20, 1, 1, talk, contact)


COMPLIANCE = {
	"A": engine.ChildCompliance(
		[
			month(datetime.date(2026, 9, 1), engine.MET, engine.MET),
			month(datetime.date(2026, 10, 1), engine.MISSED, engine.MET),
			month(datetime.date(2026, 11, 1), engine.OPEN, engine.NOT_DUE),
			month(datetime.date(2026, 6, 1), engine.MISSED, engine.MISSED),  # before the term
		]
	),
	"B": engine.ChildCompliance([month(datetime.date(2026, 9, 1), engine.MET, engine.MISSED)]),
	"X": engine.ChildCompliance(
		[month(datetime.date(2026, 9, 1), engine.MISSED, engine.MISSED)]
	),  # not theirs
}


def basis(**changes):
	values = dict(
		children=frozenset({"A", "B"}),
		compliance=COMPLIANCE,
		talks=[(START, START + D(2)), (START + D(30), START + D(37)), (START + D(60), START + D(68))],
		paired=frozenset({"A", "X"}),
		plans_under_way=[False, True, False, False],
		incidents_told=[True, False],
		all_five=frozenset({"B"}),
	)
	values.update(changes)
	return ev.Basis(**values)


def test_metrics_of_the_children_looked_after():
	assert ev.metrics(basis(), START, END, 7) == {
		"talks": 66.7,  # A met, missed; B met
		"contacts": 66.7,  # A met twice; B missed
		"records_on_time": 66.7,  # 2, 7 days: on time; 8 days: late
		"pairing": 50.0,
		"plan_reviews": 75.0,
		"incidents_told": 50.0,
		"five_haves": 50.0,
	}
	empty = ev.metrics(
		basis(children=frozenset(), talks=[], plans_under_way=[], incidents_told=[]), START, END, 7
	)
	assert set(empty.values()) == {None}


def test_the_weighting_leaves_out_metrics_without_a_basis():
	weights = {key: DEFAULTS[key] for _metric, key in ev.METRICS}
	assert ev.metric_score({"talks": 80.0, "contacts": 60.0}, weights) == round((80 * 20 + 60 * 15) / 35, 1)
	assert ev.metric_score({"talks": 80.0, "contacts": None}, weights) == 80.0
	assert ev.metric_score({"talks": 80.0}, {**weights, "eval_weight_talks": 0}) is None
	assert ev.metric_score({}, weights) is None


def test_the_leaders_share():
	assert ev.total_score(80.0, 90.0, 30) == 83.0
	assert ev.total_score(80.0, None, 30) == 80.0
	assert ev.total_score(None, 70.0, 30) == 70.0
	assert ev.total_score(None, None, 30) is None
	assert ev.total_score(80.0, 90.0, 0) == 80.0 and ev.total_score(80.0, 90.0, 100) == 90.0


THRESHOLDS = {key: DEFAULTS[key] for key in ("eval_excellent", "eval_good", "eval_pass")}


@pytest.mark.parametrize(
	"total, result",
	[
		(100.0, ev.EXCELLENT),
		(90.0, ev.EXCELLENT),
		(89.9, ev.GOOD),
		(80.0, ev.GOOD),
		(60.0, ev.PASS),
		(59.9, ev.FAIL),
		(0.0, ev.FAIL),
	],
)
def test_each_result_from_the_total(total, result):
	assert ev.rate(total, THRESHOLDS, False) == ev.Rating(result, "score")


def test_a_confirmed_dereliction_fails_whatever_the_score():
	assert ev.rate(99.0, THRESHOLDS, True) == ev.Rating(ev.FAIL, "dereliction")
	assert ev.rate(None, THRESHOLDS, True) == ev.Rating(ev.FAIL, "dereliction")
	assert ev.rate(None, THRESHOLDS, False) == ev.Rating(None, "no_score")


def test_results_counted_for_the_term_summary():
	assert ev.result_counts([ev.GOOD, ev.FAIL, ev.GOOD, None, "x"]) == {
		ev.EXCELLENT: 0,
		ev.GOOD: 2,
		ev.PASS: 0,
		ev.FAIL: 1,
	}


def test_the_evaluation_settings():
	check_evaluation(dict(DEFAULTS))
	for change, code in (
		({"eval_good": 95}, "evaluation_thresholds"),
		({"eval_excellent": 101}, "evaluation_thresholds"),
		({"eval_pass": 80}, "evaluation_thresholds"),
		({"eval_leader_share": 120}, "evaluation_leader_share"),
		({key: 0 for key in DEFAULTS if key.startswith("eval_weight_")}, "evaluation_no_weight"),
	):
		with pytest.raises(RuleError) as err:
			check_evaluation({**DEFAULTS, **change})
		assert err.value.code == code


CLASSES = [
	ev.SchoolClass("K1", "3年级(1)班", "t1@x"),
	ev.SchoolClass("K2", "3年级(2)班", "t2@x"),
	ev.SchoolClass("K3", "4年级(1)班", "t1@x"),
	ev.SchoolClass("K4", "4年级(2)班", None),
]
DEPARTMENTS = [("三年级组", "t1@x"), ("三年级组", "t2@x"), ("政教处", "t3@x")]


def test_a_round_evaluates_each_class_teacher_class_and_department():
	found = ev.subjects(CLASSES, DEPARTMENTS, {"t1@x": "王老师"})
	assert [(s.kind, s.key, s.title) for s in found] == [
		(ev.CLASS_TEACHER, "t1@x", "王老师"),
		(ev.CLASS_TEACHER, "t2@x", "t2@x"),
		(ev.CLASS, "K1", "3年级(1)班"),
		(ev.CLASS, "K2", "3年级(2)班"),
		(ev.CLASS, "K3", "4年级(1)班"),
		(ev.CLASS, "K4", "4年级(2)班"),
		(ev.DEPARTMENT, "三年级组", "三年级组"),
		(ev.DEPARTMENT, "政教处", "政教处"),
	]
	assert ev.subjects([], [], {}) == []


def test_each_subject_is_judged_on_its_classes_and_acknowledged_by_its_people():
	teacher, _t2, k1, _k2, _k3, k4, grade, office = ev.subjects(CLASSES, DEPARTMENTS, {})
	assert ev.subject_classes(teacher, CLASSES, DEPARTMENTS) == {"K1", "K3"}
	assert ev.subject_classes(k1, CLASSES, DEPARTMENTS) == {"K1"}
	assert ev.subject_classes(grade, CLASSES, DEPARTMENTS) == {"K1", "K2", "K3"}
	assert ev.subject_classes(office, CLASSES, DEPARTMENTS) == set()  # t3 teaches no class
	assert ev.acknowledgers(teacher, CLASSES, DEPARTMENTS) == {"t1@x"}
	assert ev.acknowledgers(k1, CLASSES, DEPARTMENTS) == {"t1@x"}
	assert ev.acknowledgers(k4, CLASSES, DEPARTMENTS) == set()
	assert ev.acknowledgers(grade, CLASSES, DEPARTMENTS) == {"t1@x", "t2@x"}


def test_the_leaders_score_and_who_acknowledges():
	ev.check_leader_score(None)
	ev.check_leader_score(0)
	ev.check_leader_score(100)
	for bad in (-1, 100.5):
		with pytest.raises(RuleError) as err:
			ev.check_leader_score(bad)
		assert err.value.code == "evaluation_leader_score"
	ev.check_acknowledgement("Acknowledged", "t1@x", {"t1@x"})
	ev.check_acknowledgement("Final", "t2@x", {"t1@x"})  # not an acknowledgement
	with pytest.raises(RuleError) as err:
		ev.check_acknowledgement("Acknowledged", "t2@x", {"t1@x"})
	assert err.value.code == "evaluation_acknowledged_by_other"
	assert (
		ev.as_evaluation_error(RuleError("workflow_fields_locked", state="Final", fields="x")).code
		== "evaluation_locked"
	)


def test_the_evaluation_workflow():
	from leftbehind_care.core import workflow

	spec = workflow.read("evaluation")
	assert [s.name for s in spec.states] == ["Draft", "Confirmed", "Final", "Acknowledged"]
	leader = ["Care School Leader"]
	assert workflow.check_move(spec, "Draft", "Confirmed", leader, {}, "l@x").action == "Confirm"
	assert workflow.check_move(spec, "Confirmed", "Draft", leader, {}, "l@x").action == "Reopen"
	assert workflow.check_move(spec, "Confirmed", "Final", leader, {}, "l@x").action == "Make Final"
	assert (
		workflow.check_move(spec, "Final", "Acknowledged", ["Care Class Teacher"], {}, "t@x").action
		== "Acknowledge"
	)
	for args, code in (
		(("Draft", "Final", leader), "workflow_move_illegal"),
		(("Final", "Draft", ["Care Administrator"]), "workflow_move_illegal"),
		(("Draft", "Confirmed", ["Care Class Teacher"]), "workflow_move_not_allowed"),
	):
		with pytest.raises(RuleError) as err:
			workflow.check_move(spec, *args, {}, "x@x")
		assert err.value.code == code
	with pytest.raises(RuleError) as err:
		workflow.check_edits(spec, "Final", None, ["leader_score"], ["Care Administrator"])
	assert err.value.code == "workflow_fields_locked"
