import pytest

from luoshi.link.figures import scan_figures
from luoshi.textmap import MappedText


def _figures(text: str, metric: str, year: int | None = 2020):
    return scan_figures(MappedText(text), year=year).get(metric, [])


@pytest.mark.parametrize(
    ("text", "metric", "value", "basis", "base_year"),
    [
        ("一、过去一年工作回顾\n国内生产总值达到63.6万亿元，比上年增长7.4%。", "gdp", 7.4, "annual", None),
        ("一、过去五年工作回顾\n预计完成地区生产总值276亿元，比2016年增长28.5%，年均增速5.1%。", "gdp", 5.1, "average", None),
        ("一、过去五年工作回顾\n预计完成地区生产总值276亿元，比2016年增长28.5%。", "gdp", 28.5, "cumulative", 2016),
        ("一、过去一年工作回顾\n单位国内生产总值能耗下降5.6%。", "energy_intensity", -5.6, "annual", None),
        # older national reports write shares in Chinese numerals, and a five-year mean as 平均每年
        ("一、过去一年工作回顾\n国民生产总值比上年增长百分之十二点八。", "gdp", 12.8, "annual", None),
        ("一、过去五年工作回顾\n国民生产总值接近２４０００亿元，五年平均每年增长百分之七点九。", "gdp", 7.9, "average", None),
    ],
)
def test_figures_growth_average_and_cumulative(text, metric, value, basis, base_year):
    growth = [f for f in _figures(text, metric) if f.unit == "%"]
    assert (growth[-1].value, growth[-1].basis, growth[-1].base_year) == (value, basis, base_year)


def test_figures_offsets_index_the_original_across_soft_line_breaks():
    text = "——经济运行稳中向好。国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%，名列前茅。"
    figs = _figures(text, "gdp")
    assert [text[f.start : f.end] for f in figs] == ["74.4\n\u200b\n万亿元", "6.7%"]


def test_figures_last_year_marks_the_period():
    text = "今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。"
    figs = _figures(text, "deficit_ratio", year=2014)
    assert [(f.value, f.period) for f in figs] == [(2.1, 2014), (2.3, None)]


def test_figures_skip_targets_quoted_in_a_review():
    text = "一、过去一年工作回顾\n广义货币M2增长11.3%，低于13%左右的预期目标。"
    assert [f.value for f in _figures(text, "m2")] == [11.3]


def test_figures_metrics_listed_before_respectively_take_their_own_number():
    """A、B分别增长X、Y: the k-th metric of the list takes the k-th number, with the verb of the first."""
    from luoshi.link.figures import scan_figures
    from luoshi.textmap import MappedText

    text = "一、回顾\n地区生产总值、一般公共预算收入分别增长7.5%和6%，居民收入增长5%。"
    found = scan_figures(MappedText(text), year=2021)
    assert [(f.value, f.growth) for f in found["gdp"]] == [(7.5, True)]
    assert [(f.value, f.growth) for f in found["public_revenue"]] == [(6.0, True)]
    assert [f.value for f in found["income"]] == [5.0]
    text = "一、回顾\n实际利用外资、进出口总额年均分别增长27.1%、29%。"
    [trade] = scan_figures(MappedText(text), year=2021)["trade"]
    assert (trade.value, trade.basis, text[trade.start : trade.end]) == (29.0, "average", "29%")


def test_figures_a_chinese_share_spans_its_words():
    text = "国民生产总值比上年增长百分之十二点八。"
    [fig] = [f for f in _figures(text, "gdp") if f.unit == "%"]
    assert text[fig.start : fig.end] == "百分之十二点八"


def test_figures_a_year_written_before_the_number_dates_it():
    """从2020年的24…降至20: 24 is 2020's level, 20 the level the review reports."""
    text = "一、过去五年工作回顾\nPM2.5浓度从2020年的24微克/立方米降至20微克/立方米。"
    assert [(f.value, f.unit, f.period) for f in _figures(text, "pm25", 2025)] == [(24, "微克/立方米", 2020),
                                                                                   (20, "微克/立方米", None)]


def test_figures_a_rate_against_the_previous_term_is_no_years_rate():
    text = "一、过去五年工作回顾\n社消零比“十三五”增长21.5%，总额位居全省第3。带动社消零增长2.8%。"
    assert [(f.value, f.basis) for f in _figures(text, "retail_sales", 2025)] == [(21.5, "term"), (2.8, "annual")]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        # a basis word just before the metric's name qualifies the figure of its clause
        ("一、过去五年工作回顾\n累计接待游客4367.22万人次。", "cumulative"),
        ("一、过去五年工作回顾\n五年来累计实现城镇新增就业2.5万人。", "cumulative"),
        # not one of another clause, nor one the name comes first in (全年接待游客…)
        ("一、过去五年工作回顾\n项目累计投资50亿元，接待游客1659.17万人次。", "annual"),
        ("一、过去一年工作回顾\n全年接待游客1659.17万人次。", "annual"),
    ],
)
def test_figures_a_basis_word_before_the_metric_name(text, basis):
    figs = [f for f in _figures(text, "tourist_arrivals") + _figures(text, "new_jobs") if f.unit != "%"]
    assert figs[0].basis == basis


def test_figures_a_milestone_word_is_a_number():
    [fig] = _figures("一、过去一年工作回顾\n地区生产总值首次突破千亿元。", "gdp")
    assert (fig.value, fig.scaled, fig.unit) == (1000.0, 1000.0 * 1e8, "元")
    # a vague amount or a class is none
    assert not [f for f in _figures("一、过去一年工作回顾\n地区生产总值上百亿元，打造千亿级产业集群。", "gdp") if f.unit == "元"]


def test_figures_two_series_named_at_once_take_a_figure_each():
    text = "一、过去一年工作回顾\n城乡居民人均可支配收入分别增长5.4%、7.6%。"
    figs = scan_figures(MappedText(text), year=2025)
    assert [f.value for f in figs["urban_income"]] == [5.4]
    assert [f.value for f in figs["rural_income"]] == [7.6]
    assert "income" not in figs
    # one series: the whole population's income
    assert [f.value for f in _figures("一、过去一年工作回顾\n全体居民人均可支配收入增长6%。", "income")] == [6.0]
