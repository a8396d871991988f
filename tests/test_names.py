from leftbehind_care.core.names import search_key


def test_search_key_has_name_pinyin_and_initials():
	assert search_key("张三") == "张三 zhangsan zs"


def test_typing_initials_or_pinyin_finds_the_name():
	key = search_key("欧阳娜娜")
	assert "oynn" in key
	assert "ouyang" in key
	assert "欧阳" in key


def test_empty_name():
	assert search_key("  ") == ""


def test_latin_names_are_kept():
	assert search_key("Anna").startswith("Anna")
