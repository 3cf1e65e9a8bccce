import pytest

from luoshi.extract.strength import LEVELS, cue_level, strength_of
from luoshi.rules import load

CUES = load("strength")["cues"]


@pytest.mark.parametrize(
    ("level", "text"), [(c["level"], t) for c in CUES for t in c["examples"]]
)
def test_strength_rule_examples_reach_their_level(level, text):
    found = cue_level(text)
    assert found is not None and LEVELS.index(found) <= LEVELS.index(level)


@pytest.mark.parametrize(("level", "text"), [(c["level"], t) for c in CUES for t in c["not"]])
def test_strength_rule_counter_examples_stay_below_their_level(level, text):
    found = cue_level(text)
    assert found is None or LEVELS.index(found) > LEVELS.index(level)


@pytest.mark.parametrize(
    ("text", "first_clause", "action", "expected"),
    [
        ("坚决打好蓝天保卫战", "坚决打好蓝天保卫战", "打好", "binding"),
        ("全面完成市政府下达任务", "全面完成市政府下达任务", "完成", "binding"),
        ("力争实现双大路二期主体完工", "力争实现双大路二期主体完工", "实现", "firm"),
        ("全力推进国家全域旅游示范区建设", "全力推进国家全域旅游示范区建设", "推进", "firm"),
        ("持续推进城乡建设用地减量", "持续推进城乡建设用地减量", "推进", "process"),
        ("探索邻里互助等社会力量帮扶机制", "探索邻里互助等社会力量帮扶机制", "探索", "exploratory"),
        # the strongest cue of the clause wins over a weaker one in it
        ("推进服务业扩大开放综合试点", "推进服务业扩大开放综合试点", "推进", "process"),
        ("确保高水平推进示范区建设", "确保高水平推进示范区建设", "推进", "binding"),
        # no cue in the clause: the sentence's opening 确保 governs it
        ("低收入农户全部脱低", "确保到2020年低收入村全部消除", None, "binding"),
        # no cue anywhere: the action verb decides, else the default
        ("建成门城水厂", "建成门城水厂", "建成", "firm"),
        ("编制镇域国土空间规划", "编制镇域国土空间规划", "编制", "process"),
        ("积极争取市级资金支持", "积极争取市级资金支持", "争取", "process"),
    ],
)
def test_strength_of_commitment(text, first_clause, action, expected):
    assert strength_of(text, first_clause, action) == expected
