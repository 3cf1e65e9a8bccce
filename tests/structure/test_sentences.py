"""Sentence and clause splitting: spans index the original text exactly."""

from __future__ import annotations

import pytest

from luoshi.structure import analyze
from luoshi.structure.sentences import split_clauses, split_sentences
from luoshi.textmap import MappedText


def _sentences(text: str) -> list[str]:
    mt = MappedText(text)
    return [text[s.start : s.end] for s in analyze(mt).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进改革。扩大开放！", ["推进改革。", "扩大开放！"]),
        ("推进改革.扩大开放!", ["推进改革.", "扩大开放!"]),
        ("增长6.5%左右。城镇新增就业1100万人以上。", ["增长6.5%左右。", "城镇新增就业1100万人以上。"]),
        ("打造“绿水青山门头沟”品牌。确保完成任务；力争提前！", ["打造“绿水青山门头沟”品牌。", "确保完成任务；力争提前！"]),
        ("他说：“要实干。”我们照办。", ["他说：“要实干。”", "我们照办。"]),
        ("（见附件。）下一句。", ["（见附件。）", "下一句。"]),
        ("段落一没有句号\n\n段落二。", ["段落一没有句号", "段落二。"]),
        ("  前导空白。  \n", ["前导空白。"]),
        ("访问www.gov.cn查询。", ["访问www.gov.cn查询。"]),
    ],
)
def test_sentences_split_with_mixed_punctuation(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_soft_wrap_inside_a_sentence_is_not_a_break() -> None:
    text = "过去一年，推动发展。\n党的十八届六中全会\n正式明确\n核心地位。"
    assert _sentences(text) == ["过去一年，推动发展。", "党的十八届六中全会\n正式明确\n核心地位。"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地区生产总值增长6%左右,一般公共预算收入持平。", ["地区生产总值增长6%左右", "一般公共预算收入持平"]),
        ("主要预期目标是:增长5%以上;失业率控制在4.5%以内", ["主要预期目标是", "增长5%以上", "失业率控制在4.5%以内"]),
        ("内燃机2,000万马力,汽车16万辆", ["内燃机2,000万马力", "汽车16万辆"]),
        ("会议于10:30开始,请准时", ["会议于10:30开始", "请准时"]),
        ("柴油货车、扬尘和挥发性有机物", ["柴油货车、扬尘和挥发性有机物"]),
        ("坚持 , 推进 ,", ["坚持", "推进"]),
    ],
)
def test_clauses_split_on_commas_not_enumeration(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_clauses(text, 0, len(text))] == expected


def test_clauses_offsets_index_the_original_full_width_text() -> None:
    text = "２０２２年的预期目标是：地区生产总值增长５％以上，居民收入同步增长。"
    mt = MappedText(text)
    (sentence,) = analyze(mt).sentences
    assert [text[c.start : c.end] for c in sentence.clauses] == [
        "２０２２年的预期目标是",
        "地区生产总值增长５％以上",
        "居民收入同步增长",
    ]


def test_sentences_unbalanced_quote_does_not_swallow_the_paragraph() -> None:
    text = "“" + "推进工作。" * 40
    assert len(split_sentences(text, 0, len(text))) > 1


def test_sentences_unclosed_quote_does_not_hold_the_next_sentence() -> None:
    """A stray “ (“纲要（草案）》…) never closed nearby does not join the next sentence to it;
    a quotation that closes further on keeps its inner sentences."""
    text = "“纲要(草案)》把解决“三农”问题放在各项战略任务的首位。强调坚持统筹城乡经济社会发展。"
    assert len(split_sentences(text, 0, len(text))) == 2
    quoted = "他说:“要稳中求进。要久久为功。”这是要求。"
    assert len(split_sentences(quoted, 0, len(quoted))) == 2
