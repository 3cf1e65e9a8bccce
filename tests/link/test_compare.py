import pytest

from luoshi.link.compare import better_side, judge


@pytest.mark.parametrize(
    ("comparator", "value", "high", "actual", "unit", "better", "status"),
    [
        ("about", 7.5, None, 7.4, "%", "higher", "fulfilled"),  # within ±0.5 pp
        ("about", 7.5, None, 6.9, "%", "higher", "not_fulfilled"),  # below the lower bound
        ("about", 7.0, None, 8.1, "%", "higher", "fulfilled"),  # better than a growth target
        ("about", 3.5, None, 2.0, "%", "lower", "fulfilled"),  # below an inflation ceiling
        ("about", 3.0, None, 4.2, "%", "lower", "not_fulfilled"),  # above the ceiling
        ("about", 13.0, None, 11.3, "%", "none", "not_fulfilled"),
        ("at_least", 1000, None, 1322, "万人", "higher", "fulfilled"),
        ("at_least", 1000, None, 980, "万人", "higher", "partial"),  # within 5%
        ("at_least", 3.1, None, 2.0, "%", "higher", "not_fulfilled"),
        ("at_most", 4.5, None, 4.02, "%", "lower", "fulfilled"),
        ("at_most", 4.5, None, 4.8, "%", "lower", "partial"),
        ("at_most", 4.5, None, 5.5, "%", "lower", "not_fulfilled"),
        ("eq", 2.1, None, 2.1, "%", "none", "fulfilled"),
        ("eq", 2.1, None, 3.0, "%", "none", "not_fulfilled"),
        ("eq", 10, None, 10.4, "万个", "higher", "fulfilled"),  # more done, within 5%: better, not merely close
        ("eq", 10, None, 9.7, "万个", "higher", "partial"),  # less done, within 5%: close
        ("eq", 10, None, 8, "万个", "higher", "not_fulfilled"),
        ("range", 6.5, 7.0, 6.7, "%", "higher", "fulfilled"),
        ("range", 6.5, 7.0, 7.3, "%", "higher", "fulfilled"),
        ("range", 6.5, 7.0, 5.0, "%", "higher", "not_fulfilled"),
    ],
)
def test_compare_comparators(comparator, value, high, actual, unit, better, status):
    assert judge(comparator, value, high, actual, unit, better).status == status


@pytest.mark.parametrize(
    ("direction", "change", "better"),
    [("up", "increase", "higher"), ("down", "increase", "lower"), ("down", "decrease", "higher"),
     ("down", "level", "lower"), ("none", "increase", "none")],
)
def test_compare_better_side_from_metric_direction(direction, change, better):
    assert better_side(direction, change) == better


def test_compare_reason_names_the_bound():
    assert judge("about", 6.0, None, 3.0, "%", "higher").phrase == "低于下限"
