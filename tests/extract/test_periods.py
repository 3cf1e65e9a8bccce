import pytest

from luoshi.extract.periods import find_periods, plan_years, resolve_period


@pytest.mark.parametrize(
    ("phrase", "year", "expected"),
    [
        ("今年", 2022, "2022"),
        ("明年", 2022, "2023"),
        ("上年", 2022, "2021"),
        ("年内", 2022, "2022"),
        ("年底前", 2022, "2022"),
        ("上半年", 2022, "2022-06"),
        ("6月底前", 2022, "2022-06"),
        ("到2021年底", 2022, "2021"),
        ("2022年", None, "2022"),
        ("“十四五”末", 2022, "2025"),
        ('"十四五"末', 2022, "2025"),
        ("“十四五”时期", None, "2021-2025"),
        ("“十三五”期间", None, "2016-2020"),
        ("到2035年", 2022, "2035"),
        ("2020年前", 2022, "2020"),
        ("近三年", 2022, "2019-2021"),
        ("过去五年", 2021, "2016-2020"),
        ("未来三年", 2022, "2022-2024"),
        ("2018—2020年", None, "2018-2020"),
        ("二〇二〇年12月15日", None, "2020-12-15"),
        ("一九五三年底", None, "1953"),
        ("今年", None, None),
        ("三年行动计划", 2022, None),
        ("连续五年", 2022, None),
        ("增长十五", 2022, None),
        ("“十一五”前四年累计", 2010, "2006-2009"),
        ("“十三五”时期头两年", None, "2016-2017"),
        ("2016-2020年的后两年", None, "2019-2020"),
        ("过去五年前三年", 2021, "2016-2018"),
        ("“十一五”前六年", 2010, "2006-2010"),  # longer than the span: not narrowed
        ("前五年的总和", 1985, None),
    ],
)
def test_periods_resolve_phrase(phrase, year, expected):
    assert resolve_period(phrase, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年底前完成", [("到2025年底前", "2025", "deadline")]),
        ("比2016年下降52.9%", [("2016年", "2016", "base")]),
        ("比上年增长5%", [("上年", "2021", "base")]),
        ("同比增长5%", [("同比", "2021", "base")]),
        ("2021年完成", [("2021年", "2021", "point")]),
        ("“十四五”时期", [("“十四五”时期", "2021-2025", "span")]),
        ("年内建成", [("年内", "2022", "deadline")]),
    ],
)
def test_periods_roles(text, expected):
    assert [(m.text, m.period, m.role) for m in find_periods(text, 2022)] == expected


def test_periods_offsets_index_the_text():
    text = "我们将在年底前完成,到2035年基本实现"
    for m in find_periods(text, 2022):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(("n", "years"), [(1, (1953, 1957)), (6, (1981, 1985)), (13, (2016, 2020)), (14, (2021, 2025))])
def test_periods_five_year_plan_years(n, years):
    assert plan_years(n) == years


@pytest.mark.parametrize(("title", "ends"), [
    ("二、“十四五”时期发展成就和“十五五”时期主要目标任务", [2025, 2030]),
    ("（一） “十三五 ”时期的主要任务", [2020]),  # a stray space before the closing quote
    ("二、十四五规划主要任务", [2025]),  # unquoted: a numeral between 十 and 五 is never a count
    ("二、“十五”计划的目标和任务", [2005]),  # the tenth plan, quoted
    ("到2035年基本实现现代化，第十五个五年规划", [2030]),
    ("坚持十五年不动摇", []),  # bare 十五 is fifteen
    ("新建学校二十五所", []),
])
def test_named_plan_ends(title, ends):
    from luoshi.extract.periods import named_plan_ends

    assert named_plan_ends(title) == ends
