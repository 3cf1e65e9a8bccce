"""The report diff shows a carried-over pair only when a reader would accept it, with its score."""

from __future__ import annotations

import pytest

from luoshi.web.diffpairs import SHARED_CHARS, STRONG_SCORE, reader_accepts, shared_phrase
from tests.web.conftest import login


@pytest.mark.parametrize(("old", "new", "score", "shown"), [
    # pairs the linker made on the bundled Mentougou reports, judged by hand
    ("提升重点人群家庭医生签约率", "打造“健康门头沟”，进一步提高家庭医生签约服务水平", 0.57, True),
    ("协调加快永定河文化博物馆新馆规划建设前期工作", "体育文化中心全面竣工，永定河文化博物馆投入使用", 0.32, True),
    ("开展好长安街西沿线、S1线沿线等区域环境专项整治", "统筹抓好长安街西延线、S1线、108和109国道", 0.44, True),
    ("打造精品旅游线路,实现文旅融合发展", "在山区坚持绿色发展，积极探索山地经济新途径，打造永定河文旅体验产业带", 0.40, False),
    ("坚决打好碧水保卫战", "高标准打好“三大保卫战”", 0.46, False),  # a battle, not this battle
    ("坚决打好碧水保卫战", "坚决打好蓝天保卫战", 0.5, False),  # 坚决打好 is how every task begins, not a shared name
    ("坚决打好碧水保卫战", "坚决打好蓝天保卫战", 0.65, True),  # words agree throughout: strong coverage passes
    ("持续推进老旧小区改造", "加快推进老旧小区综合整治", 0.45, True),
])
def test_reader_accepts_pairs_that_name_the_same_thing(old, new, score, shown):
    ok, phrase = reader_accepts(old, new, score)
    assert ok is shown, phrase
    assert phrase in old and phrase in new


def test_thresholds_are_the_documented_ones():
    assert (SHARED_CHARS, STRONG_SCORE) == (4, 0.6)
    assert shared_phrase("“清河行动”和“清四乱”专项", "持续开展“清河”“清四乱”，巩固") in ("清河", "清四乱")


@pytest.fixture
def linked(linked):
    """The linked pair of tests/web/conftest.py, read as the public viewer."""
    login(linked[0], "viewer")
    return linked


def test_diff_page_shows_accepted_pairs_with_score_and_counts_the_rest(linked):
    client, ids = linked
    data = client.get(f"/reports/{ids['old']}/diff/{ids['new']}.json").json()
    assert data["counts"]["carried"] == len(data["carried"]) > 0 and data["counts"]["set_aside"] > 0
    for p in data["carried"]:
        assert reader_accepts(p["old"]["text"], p["new"]["text"], p["score"]) == (True, p["shared"])
    shown_old = {p["old"]["id"] for p in data["carried"]}
    assert shown_old.isdisjoint(c["id"] for c in data["dropped"])
    html = client.get(f"/reports/{ids['old']}/diff/{ids['new']}").text
    assert 'id="diff-threshold"' in html and "共同表述" in html and "%" in html
