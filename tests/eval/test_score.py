"""The scorer and the anchor resolver, on tiny synthetic cases (no pipeline needed)."""

from __future__ import annotations

import pytest

from eval.anchor import LabelError, resolve
from eval.score import Gold, Item, load_gold, match, metric_ok, score


def gold(*items: Item, regions=((0, 100),)) -> Gold:
    return Gold(doc="x.txt", report_year=2020, regions=list(regions), items=list(items))


def it(start: int, end: int, value: float, **kw) -> Item:
    return Item(start=start, end=end, value=value, **kw)


@pytest.mark.parametrize(
    "gold_metric, pred_metric, expected",
    [
        ("地区生产总值", "地区生产总值", True),
        (" 地区生产总值", "地区生产总值 ", True),
        ("森林覆盖率", "全区森林覆盖率", True),
        ("全区森林覆盖率", "森林覆盖率", True),
        ("村", "美丽乡村规划备案", False),  # the shorter must have two characters
        ("细颗粒物（PM2.5）年均浓度", "细颗粒物(PM2.5)年均浓度", True),  # full-width folded
        ("工区", None, False),
        (None, None, True),
        ("失业率", "就业人数", False),
    ],
)
def test_score_metric_equal_or_contained(gold_metric, pred_metric, expected):
    assert metric_ok(gold_metric, pred_metric) is expected


@pytest.mark.parametrize(
    "preds, tp, fp, fn",
    [
        ([it(10, 14, 6.0)], 1, 0, 0),  # exact
        ([it(12, 20, 6.0)], 1, 0, 0),  # overlap is enough
        ([it(10, 14, 6.5)], 0, 1, 1),  # overlapping, other value
        ([it(14, 18, 6.0)], 0, 1, 1),  # touching is not overlapping
        ([it(10, 14, 6.0), it(11, 13, 6.0)], 1, 1, 0),  # one-to-one
        ([it(150, 154, 6.0)], 0, 0, 1),  # outside the labelled region: not counted
        ([], 0, 0, 1),
    ],
)
def test_score_counts_span_overlap_and_equal_value(preds, tp, fp, fn):
    s = score(gold(it(10, 14, 6.0)), preds)
    assert (s.tp, s.fp, s.fn) == (tp, fp, fn)


def test_score_match_prefers_largest_overlap():
    golds = [it(0, 4, 5.0), it(6, 10, 5.0)]
    preds = [it(3, 8, 5.0), it(6, 10, 5.0)]
    assert sorted(match(golds, preds)) == [(0, 0), (1, 1)]


@pytest.mark.parametrize(
    "pred, wrong",
    [
        (dict(metric="地区生产总值", unit="%", comparator="about", change="increase", kind="target", period="2020"), set()),
        (dict(metric="地区生产总值", unit="％", comparator="about", change="increase", kind="target", period="2020"), set()),
        (dict(metric="生产", unit="%", comparator="eq", change="level", kind="actual", period="2019", base_period="2018"),
         {"comparator", "change", "kind", "period", "base_period"}),
        (dict(metric="社会消费品零售额", unit="个百分点", comparator="about", change="increase", kind="target", period="2020"),
         {"metric", "unit"}),
    ],
)
def test_score_attribute_accuracy_over_matched_pairs(pred, wrong):
    g = it(0, 5, 6.0, metric="地区生产总值", unit="%", comparator="about", change="increase", kind="target", period="2020")
    s = score(gold(g), [it(0, 5, 6.0, **pred)])
    assert s.tp == 1
    assert {a for a, ok in s.attr_ok.items() if not ok} == wrong


@pytest.mark.parametrize(
    "tp, fp, fn, p, r, f1",
    [(8, 2, 2, 0.8, 0.8, 0.8), (0, 0, 0, 0.0, 0.0, 0.0), (1, 0, 3, 1.0, 0.25, 0.4)],
)
def test_score_precision_recall_f1(tp, fp, fn, p, r, f1):
    s = score(gold(*[it(i * 10, i * 10 + 2, 1.0) for i in range(tp + fn)]),
              [it(i * 10, i * 10 + 2, 1.0) for i in range(tp)] + [it(95, 99, 7.0)] * fp)
    assert (s.precision, s.recall) == pytest.approx((p, r)) and s.f1 == pytest.approx(f1)


def test_score_accepts_dicts_like_the_json_output():
    d = {"start": 0, "end": 3, "value": 6, "value_text": "6%左右", "unit": "%", "metric": "x"}
    assert score(gold(it(0, 3, 6.0)), [d]).tp == 1


DOC = "增长6%左右，失业率4.5%以内。GDP增长\n6%左右。"


@pytest.mark.parametrize(
    "label, start, value_text",
    [
        ("失业率|4.5%以内|失业率|4.5|%|le|lvl", 10, "4.5%以内"),
        ("GDP增长|6%左右|GDP|6|%|ab|inc", 23, "6%左右"),  # matches across a line break
        ("增长|6%左右|GDP|6|%|ab|inc", None, None),  # twice in the text: ambiguous
        ("增长|7%左右|GDP|7|%|ab|inc", None, None),  # not in the text
        ("失业率|4.5%以内|失业率|5|%|le|lvl", None, None),  # value not written in the span
        ("失业率|4.5%以内|失业率|4.5|亿元|le|lvl", None, None),  # unit not in the span
    ],
)
def test_anchor_resolves_unique_offsets_or_fails(tmp_path, label, start, value_text):
    (tmp_path / "d.txt").write_text(DOC, encoding="utf-8")
    source = f"doc: d.txt\nreport_year: 2020\nregion: 增长6%左右， ~ 以内。\nregion: GDP ~ 左右。\n{label}\n"
    if start is None:
        with pytest.raises(LabelError):
            resolve(source, root=tmp_path)
        return
    header, row = resolve(source, root=tmp_path)
    assert (row["start"], row["value_text"]) == (start, value_text)
    assert DOC[row["start"] : row["end"]] == row["value_text"]


def test_gold_files_hold_exact_spans():
    from eval.run import ROOT, gold_docs

    docs = gold_docs()
    assert sum(len(g.items) for _, g in docs) >= 200
    for _, g in docs:
        text = (ROOT / g.doc).read_text(encoding="utf-8")
        for item in g.items:
            assert text[item.start : item.end] == item.value_text
            assert any(s <= item.start < e for s, e in g.regions)


def test_load_gold_reads_header_and_rows(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"doc": "a.txt", "regions": [[0, 9]], "report_year": 2017}\n'
                 '{"start": 1, "end": 3, "value": 2, "value_text": "2%", "unit": "%"}\n', encoding="utf-8")
    g = load_gold(p)
    assert (g.doc, g.regions, g.report_year, g.items[0].unit) == ("a.txt", [(0, 9)], 2017, "%")
