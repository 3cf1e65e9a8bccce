import pytest

from luoshi.web.charts import bar_chart, line_chart, stacked_bars
from luoshi.web.highlight import highlight
from luoshi.web.i18n import translator


@pytest.mark.parametrize(
    ("text", "commitments", "indicators", "expected"),
    [
        ("甲乙丙", [(1, 0, 2, "done")], [], '<a class="com done" id="c1" href="/commitments/1">甲乙</a>丙'),
        ("增长6%左右。", [], [(1, 2, 6)], '增长<mark class="ind">6%左右</mark>。'),
        ("<b>x</b>", [(2, 0, 8, "")], [], '<a class="com " id="c2" href="/commitments/2">&lt;b&gt;x&lt;/b&gt;</a>'),
        # an indicator crossing the end of a commitment stays correctly nested
        ("完成20个小区", [(3, 0, 4, "at_risk")], [(1, 2, 7)],
         '<a class="com at_risk" id="c3" href="/commitments/3">完成<mark class="ind">20</mark></a><mark class="ind">个小区</mark>'),
        # an overlapping later commitment is not linked
        ("一二三四", [(1, 0, 3, "done"), (2, 2, 4, "done")], [], '<a class="com done" id="c1" href="/commitments/1">一二三</a>四'),
    ],
)
def test_highlight_escapes_and_nests(text, commitments, indicators, expected):
    assert str(highlight(text, commitments, indicators)) == expected


def test_highlight_places_section_anchors():
    assert '<span class="anchor" id="sec-s1"></span>二' in str(highlight("一二", [], [], [("sec-s1", 1)]))


@pytest.mark.parametrize(
    "svg",
    [
        lambda: bar_chart([("<script>", 3, "#000")]),
        lambda: stacked_bars([("<img onerror=x>", {"done": 2})], translator("zh")),
        lambda: line_chart([("<script>", "#000", [("2021", 1.0), ("2022", 2.0)])]),
    ],
)
def test_charts_escape_labels(svg):
    out = str(svg())
    assert out.startswith("<svg") and "<script>" not in out and "<img" not in out


def test_charts_empty_input_draws_nothing():
    assert str(bar_chart([])) == "" and str(line_chart([])) == ""
