"""Markdown ingest: front matter into metadata, markup out of the text, offsets into
the text as ``luoshi text`` prints it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.cli import main
from luoshi.ingest import read_bytes, read_document
from luoshi.ingest.markdown import split_front_matter, strip_markup
from luoshi.pipeline import extract_document

FIXTURE = Path(__file__).parents[1] / "fixtures" / "ingest" / "nanjing-2015-excerpt.md"


def test_front_matter_is_metadata_not_text() -> None:
    meta, body = split_front_matter("---\ntitle: 南京市政府工作报告 （2015年1月18日 缪瑞林）\nsource: http://x/1\n---\n\n正文")
    assert meta == {"title": "南京市政府工作报告 （2015年1月18日 缪瑞林）", "source": "http://x/1"}
    assert body == "\n正文"


@pytest.mark.parametrize(
    ("text", "front", "body"),
    [
        ("正文", {}, "正文"),  # no front matter
        ("---\n: : bad\n---\n正文", {}, "正文"),  # not YAML: dropped, nothing read
        ("---\n- a\n---\n正文", {}, "正文"),  # YAML but not a mapping
        ("--- \r\ntitle: 报告\r\n---\r\n正文", {"title": "报告"}, "正文"),  # CRLF
    ],
)
def test_front_matter_shapes(text: str, front: dict, body: str) -> None:
    assert split_front_matter(text) == (front, body)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("**一、2014年工作回顾**\n\n正文。\n", "一、2014年工作回顾\n\n正文。\n"),
        ("<!-- 市长作报告。 -->\n\n——2015年1月18日\n", "——2015年1月18日\n"),  # caption line and leading blanks go
        ("地区生产总值<!-- 注 -->增长9%。\n", "地区生产总值增长9%。\n"),
        ("<!-- 两行\n说明 -->\n正文\n", "正文\n"),
        ("## 二、工作安排\n", "二、工作安排\n"),
        ("![图](a.jpg)正文[链接](https://x.cn/a)。\n", "正文链接。\n"),
        ("增长9%*左右*，2*3\n", "增长9%*左右*，2*3\n"),  # single stars are left alone
    ],
)
def test_markup_dropped(body: str, text: str) -> None:
    assert strip_markup(body) == text


def test_read_markdown_document() -> None:
    doc = read_document(FIXTURE)
    assert doc.format == "md"
    assert doc.front_matter["title"].startswith("南京市政府工作报告")
    assert "**" not in doc.text and "<!--" not in doc.text and "title:" not in doc.text
    assert doc.text.startswith("——2015年1月18日在南京市第十五届人民代表大会第三次会议上")


def test_luoshi_text_prints_the_text_offsets_index() -> None:
    result = CliRunner().invoke(main, ["text", str(FIXTURE)])
    assert result.exit_code == 0
    assert result.output == read_document(FIXTURE).text


def test_markdown_offsets_index_the_printed_text() -> None:
    doc = read_document(FIXTURE)
    ex = extract_document(doc)
    text = doc.text
    assert ex.indicators and ex.commitments and ex.sections
    for ind in ex.indicators:
        assert text[ind.start : ind.end] == ind.value_text
    for c in ex.commitments:
        assert text[c.start : c.end] == c.text
        for part in c.parts:
            assert text[part.start : part.end] == part.text
    for s in ex.sections:
        assert text[s.start : s.start + len(s.title)] == s.title
    gdp = [i for i in ex.indicators if i.metric == "地区生产总值" and i.kind == "target"]
    assert [(i.value, i.period) for i in gdp] == [(9.5, "2015")]


def test_markdown_bold_heading_is_a_heading() -> None:
    ex = extract_document(read_document(FIXTURE))
    titles = [s.title for s in ex.sections]
    assert "2014年工作回顾" in titles and "2015年总体要求和目标任务" in titles


def test_gb18030_markdown_decodes() -> None:
    doc = read_bytes("---\ntitle: 报告\n---\n**正文**\n".encode("gb18030"), "a.md")
    assert (doc.text, doc.front_matter) == ("正文\n", {"title": "报告"})


# The regexes the link and image scanners stand for (quadratic on a line of many "[" or "![").
_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:https?:|/|\.)[^)\n]*\)")


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(list("![]()\n/.:ab") + ["http:", "https:", "![", "]("]), max_size=60).map("".join))
def test_link_and_image_scanners_match_the_regexes(body: str) -> None:
    from luoshi.ingest.markdown import _replace_brackets

    assert _replace_brackets(body, "![", 0, ("",), keep_label=False) == _IMAGE_RE.sub("", body)
    assert _replace_brackets(body, "[", 1, ("http:", "https:", "/", "."), keep_label=True) == _LINK_RE.sub(r"\1", body)


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("  <!-- 图 -->  \r\n正文\n", "正文\n"),  # alone on its line: the line goes, CRLF too
        ("正文<!-- a -->，<!-- b -->。\n", "正文，。\n"),  # several on a line with text: only the comments
        ("<!-- 未闭合\n正文\n", "<!-- 未闭合\n正文\n"),  # never closed: not a comment, kept
        ("<!-- a <!-- b -->正文", "正文"),
    ],
)
def test_comments(body: str, text: str) -> None:
    assert strip_markup(body) == text


@pytest.mark.parametrize("front", [
    "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 9)),  # aliases: 9^9 items as text
    "title: " + "[" * 5000,  # nesting deeper than the parser's recursion
    "title: 报告\nbody: " + "x" * 20_000,  # over the size of a front matter
])
def test_hostile_front_matter_is_dropped_without_expanding(front: str) -> None:
    meta, body = split_front_matter(f"---\n{front}\n---\n正文")
    assert body == "正文" and all(len(v) <= 2000 for v in meta.values()) and sum(map(len, meta.values())) < 10_000
