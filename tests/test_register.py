from leftbehind_care.core.register import chart_groups, register_summary


def row(school="甲小学", class_title="3年级(1)班", left_behind_type="Both Parents Away", **more):
	return {"school": school, "class_title": class_title, "left_behind_type": left_behind_type, **more}


def test_the_chart_splits_by_school_when_there_are_several():
	rows = [row(), row(school="乙小学"), row(school="乙小学")]
	assert chart_groups(rows) == ("school", [("乙小学", 2), ("甲小学", 1)])


def test_one_schools_children_are_split_by_class():
	rows = [row(), row(class_title="3年级(2)班"), row()]
	assert chart_groups(rows) == ("class_title", [("3年级(1)班", 2), ("3年级(2)班", 1)])


def test_one_classs_children_are_split_by_left_behind_type():
	rows = [row(), row(left_behind_type="One Parent Away"), row(left_behind_type=None)]
	key, groups = chart_groups(rows)
	assert key == "left_behind_type"
	assert sorted(groups) == [("-", 1), ("Both Parents Away", 1), ("One Parent Away", 1)]
	assert chart_groups([]) == ("left_behind_type", [])


def test_the_summary_counts_what_a_leader_counts():
	summary = register_summary(
		[
			row(unsupervised_alert=1, completeness=80, is_boarding=1),
			row(completeness=100, contact_card_issued_on="2026-09-01"),
		]
	)
	assert (summary.children, summary.unsupervised, summary.incomplete) == (2, 1, 1)
	assert (summary.average_completeness, summary.cards_issued, summary.boarding) == (90, 1, 1)


def test_chart_labels_fit_a_phone():
	from leftbehind_care.core.register import short_labels

	schools = ["民权县老颜集乡九年一贯制学校", "民权县城关镇中心小学", "民权县伯党回族乡初级中学"]
	assert short_labels(schools) == ["老颜集乡九年一…", "城关镇中心小学", "伯党回族乡初级…"]
	# Classes share "7年级(" but no county: nothing is left out of them.
	assert short_labels(["7年级(1)班", "7年级(2)班"]) == ["7年级(1)班", "7年级(2)班"]
	assert short_labels(["民权县实验小学"]) == ["民权县实验小学"]
	assert short_labels([]) == []
