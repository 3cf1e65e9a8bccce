import pytest

from luoshi.link.reports import _with_figures
from luoshi.model import Evidence, Link


def _row(status: str) -> Link:
    ev = Evidence("new", "上市公司基金实质运作", 0, 10, None, 0.9, "review", "2023")
    return Link("c0", "commitment", "支持企业上市融资，新增上市企业15家以上", 0, 20, status, 0.85, "理由", [ev], None)


def _figure(status: str) -> Link:
    ev = Evidence("new", "新增A股上市企业11家", 20, 31, "11家", 0.9, "review", "2023")
    return Link("i0", "indicator", "15家以上", 14, 19, status, 0.6, "目标 新增上市企业15家以上，低于下限", [ev], None)


@pytest.mark.parametrize("status", ["fulfilled", "partial"])
def test_reports_a_rows_own_figure_short_of_its_target_is_shown_first(status):
    """A row shown done, or done in part, whose sentence's own figure fell short: partial, on the figure's line."""
    link = _with_figures(_row(status), [_figure("not_fulfilled")])
    assert link.status == "partial" and link.confidence == 0.6
    assert [e.text for e in link.evidence] == ["新增A股上市企业11家", "上市公司基金实质运作"]
    assert "本句指标未达成" in link.reason


def test_reports_a_rows_own_figure_met_leaves_it_as_it_is():
    row = _row("partial")
    assert _with_figures(row, [_figure("fulfilled")]) == row
