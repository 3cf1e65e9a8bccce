"""Word edges of a task's wording: a shared run of characters counts by the task's whole words."""

from __future__ import annotations

import pytest

from luoshi.link.reports import link_reports
from luoshi.link.words import boundaries, whole_words
from tests.link.helpers import commitment, extraction, link_one

pytest.importorskip("jieba")


def test_words_runs_are_cut_back_to_word_edges():
    text = "质量工作标准"
    assert whole_words(text, 1, 4) == (2, 4)  # 量工作 → 工作
    assert whole_words("严把入境人员", 3, 5) is None  # 境人 straddles 入境|人员
    assert whole_words("重点地带", 0, 3) == (0, 2)  # 重点地 → 重点


def test_words_dictionary_words_inside_a_compound_are_edges():
    # 管理条例 and 户籍制度 are one word to jieba; 管理 and 户籍 still end a word
    assert 4 in boundaries("生活垃圾管理条例") and 6 in boundaries("生活垃圾管理条例")
    assert 2 in boundaries("户籍制度改革")
    assert whole_words("户籍制度改革", 0, 2) == (0, 2)


def test_words_a_run_across_two_words_is_no_evidence():
    """质量工作标准 shares 量工作 with 大量工作, 投资结构 shares 资结构 with 外资结构: boundary noise, not the object."""
    new = ("一、过去一年工作回顾\n一年来，各地区各部门做了大量工作。优化利用外资结构。"
           "空气质量持续改善。城乡居民收入稳步增长。\n")
    for pledge in ("完善安全生产技术规范和质量工作标准", "坚持有保有压，优化投资结构"):
        old = pledge + "。"
        link = link_one(pledge, new, 2006, 2007, old=old)
        assert link.status == "no_evidence" and not link.evidence, pledge
    # the same words said whole are evidence
    new2 = new.replace("优化利用外资结构", "投资结构进一步优化")
    old = "坚持有保有压，优化投资结构。"
    [link] = link_reports(extraction(2006, [commitment("坚持有保有压，优化投资结构", old)]), old, extraction(2007), new2)
    assert link.status != "no_evidence" and link.evidence[0].text == "投资结构进一步优化"


def test_words_list_is_built_from_jieba_and_the_corpus_weights(tmp_path):
    import gzip

    from luoshi.link import words

    n, total = words.build(tmp_path / "w.txt.gz")
    lines = gzip.open(tmp_path / "w.txt.gz", "rt", encoding="utf-8").read().splitlines()
    assert len(lines) == n + 1 and sum(int(x.rsplit(" ", 1)[1]) for x in lines) == total  # jieba's total kept
    kept = {x.split(" ")[0] for x in lines}
    assert {"质量", "工作", "管理条例", "户籍制度"} <= kept
    assert lines == gzip.open(words.DATA, "rt", encoding="utf-8").read().splitlines()  # the shipped file is this build
