import datetime
from decimal import Decimal

import pytest

from leftbehind_care.core import support as s
from leftbehind_care.core.errors import RuleError
from leftbehind_care.core.terms import Term

D = datetime.date
TERM = Term("2026秋", D(2026, 9, 1), D(2027, 1, 20))


def failure(fn, *args):
	with pytest.raises(RuleError) as err:
		fn(*args)
	return err.value.code, err.value.params


def test_the_gap_list_names_children_who_received_none_of_the_three():
	received = [("a", s.TUTORING), ("a", s.DAILY_CARE), ("b", s.ACTIVITY_PLACEMENT)]
	gaps = s.priority_gaps(["a", "b", "c", "d"], received)
	assert [g.child for g in gaps] == ["c", "d"]
	assert gaps[0].missing == s.PRIORITIES
	assert s.priority_gaps([], received) == []
	assert s.priorities_received([s.TUTORING, s.TUTORING]) == {
		s.TUTORING: True,
		s.DAILY_CARE: False,
		s.ACTIVITY_PLACEMENT: False,
	}
	assert failure(s.check_priority_kind, "Pocket Money") == (
		"priority_kind_unknown",
		{"kind": "Pocket Money"},
	)


def test_a_boarding_record_needs_the_child_active_in_its_term():
	s.check_boarding_term(TERM, [(D(2025, 3, 1), None)])
	s.check_boarding_term(TERM, [(D(2025, 3, 1), D(2026, 9, 1))])  # left on the term's first day
	s.check_boarding_term(TERM, [(D(2027, 1, 20), None)])  # filed on its last day
	assert failure(s.check_boarding_term, TERM, [(D(2025, 3, 1), D(2026, 8, 31))]) == (
		"boarding_child_not_active",
		{"term": "2026秋"},
	)
	assert failure(s.check_boarding_term, TERM, [])[0] == "boarding_child_not_active"


def child(name="c", school="甲校", status="Active", boarding=False, capacities=("Good",), km=1.0):
	return s.BoardingFacts(name, school, status, boarding, capacities, km)


def test_boarding_mobilisation():
	far = 3.0
	assert s.mobilisation_reasons(child(), far) == ()
	assert s.mobilisation_reasons(child(capacities=("Weak", "None")), far) == ("Weak Guardianship",)
	assert s.mobilisation_reasons(child(capacities=()), far) == ("Weak Guardianship",)
	assert s.mobilisation_reasons(child(km=3.0), far) == ("Far From School",)
	assert s.mobilisation_reasons(child(km=None), far) == ()
	assert s.mobilisation_reasons(child(boarding=True, capacities=("None",), km=9), far) == ()
	assert s.mobilisation_reasons(child(status="Transferred", km=9), far) == ()
	listed = s.boarding_mobilisation(
		[
			child("near"),
			child("far", km=8),
			child("farther", km=12),
			child("alone", capacities=("None",), km=0.5),
		],
		far,
	)
	assert [c.child for c, _ in listed] == ["alone", "farther", "far"]


def test_boarding_shares_per_school():
	shares = s.boarding_shares(
		[
			child("a", boarding=True),
			child("b"),
			child("c", boarding=True),
			child("d", status="Graduated", boarding=True),
			child("e", school="乙校"),
		],
		{"甲校": (400, 120)},
	)
	first, second = sorted(shares, key=lambda share: share.school != "甲校")
	assert (first.school, first.left_behind, first.left_behind_boarding) == ("甲校", 3, 2)
	assert first.left_behind_share == 66.7
	assert first.pupils_share == 30.0
	assert (second.school, second.left_behind_share, second.pupils_share) == ("乙校", 0.0, None)


def test_aid_is_money_or_goods():
	s.check_aid("Grant", Decimal("500"), None, None)
	s.check_aid("Goods", None, "冬衣两套", None)
	s.check_aid("Social Donation", Decimal("200"), None, "县爱心协会")
	assert failure(s.check_aid, "Grant", Decimal("0"), None, None)[0] == "aid_amount_not_positive"
	assert failure(s.check_aid, "Grant", Decimal("-5"), None, None)[0] == "aid_amount_not_positive"
	assert failure(s.check_aid, "Grant", None, None, None)[0] == "aid_amount_missing"
	assert failure(s.check_aid, "Goods", None, "  ", None)[0] == "aid_items_missing"
	assert failure(s.check_aid, "Social Donation", Decimal("1"), None, "")[0] == "aid_donor_missing"
	assert failure(s.check_aid, "Lottery", Decimal("1"), None, None)[0] == "aid_kind_unknown"


def test_funds_are_not_spent_above_what_was_allocated():
	lines = [
		s.FundLine("Aid", Decimal("1000"), Decimal("1000")),
		s.FundLine("Activities", Decimal("500"), Decimal("0")),
	]
	s.check_funds(lines)
	over = [s.FundLine("Boarding Improvement", Decimal("1000"), Decimal("1000.01"))]
	assert failure(s.check_funds, over) == (
		"fund_overspent",
		{"use": "Boarding Improvement", "allocated": Decimal("1000"), "spent": Decimal("1000.01")},
	)
	assert failure(s.check_funds, [s.FundLine("Aid", Decimal("-1"), Decimal("0"))])[0] == "fund_negative"


def test_the_share_of_public_funds_spent_on_left_behind_children():
	lines = [
		s.FundLine("Aid", Decimal("3000"), Decimal("2000")),
		s.FundLine("Activities", Decimal("1000"), Decimal("1000")),
	]
	assert s.fund_share(Decimal("20000"), lines) == 15.0
	assert s.fund_share(Decimal("0"), lines) is None
