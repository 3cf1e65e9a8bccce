"""Property tests of the text stages (textmap, structure, extract) on generated report-like text.

Texts are built from the pieces a work report is made of, mixed at random: headings of every
numbering style, Chinese and Arabic (half- and full-width) numbers, units, deadlines, department
names, full-width and ASCII punctuation, Markdown markers. For every text:

- every offset indexes the text: ``text[start:end]`` is each indicator's ``value_text``, each
  commitment's and each part's ``text``; sections and sentences lie inside the text and a
  section's span starts with its title;
- nothing but a ``LuoshiError`` escapes.

Examples are bounded (no deadline: timing belongs in bench/fuzz, not in unit tests); under CI
the examples are derandomised so a run is repeatable. ``LUOSHI_PROPERTY_EXAMPLES=5000`` searches deeper.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.errors import LuoshiError
from luoshi.ingest import read_bytes
from luoshi.model import Document, Extraction
from luoshi.pipeline import extract_document

# LUOSHI_PROPERTY_EXAMPLES=5000 runs a deep search on demand; the suite keeps 40 per property.
PROPERTY_SETTINGS = settings(max_examples=int(os.environ.get("LUOSHI_PROPERTY_EXAMPLES", 40)), deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADINGS = ["一、", "二、", "十一、", "（一）", "（二）", "(三)", "1.", "2．", "3、", "（1）", "(2)", "第一部分", "第二章",
            "# ", "## ", "### ", "一是", "二是", "首先，"]
VERBS = ["推进", "完成", "实施", "加快", "力争", "确保", "新建", "改造", "提高", "降低", "控制在", "增长", "达到", "探索建立", "持续推进"]
OBJECTS = ["地区生产总值", "一般公共预算收入", "老旧小区", "道路", "城镇调查失业率", "森林覆盖率", "PM2.5年均浓度",
           "居民人均可支配收入", "社区服务中心", "棚户区改造", "“十四五”规划", "永定河生态修复"]
UNITS = ["%", "％", "个百分点", "公里", "千米", "万元", "亿元", "万人", "个", "项", "平方米", "万亩", "微克/立方米", "倍", "年"]
QUALIFIERS = ["左右", "以上", "以内", "以下", "", "", "之间"]
DEADLINES = ["年内", "年底前", "6月底前", "到2025年", "2022年", "“十四五”末", "3到5年内", "今后五年", "用5年时间", "十三五期间"]
UNITS_OWNED = ["区水务局", "区发展改革委", "区财政局", "市规划自然资源委", "各镇街", "国家发展改革委", "区住房城乡建设委"]
PUNCT = ["。", "，", "；", "：", "、", ".", ",", ";", ":", "！", "？", "…", "——", "～", "~", "-", "—", "（", "）", "(", ")",
         "“", "”", "\"", "《", "》", "\n", "\n\n", "\r\n", "　", " ", "\t"]
MARKDOWN = ["**", "*", "__", "- ", "> ", "<!-- 注 -->", "![图](a.png)", "`", "---\n", "|", "\\"]
CHINESE_NUMBERS = ["五", "三十二", "两", "百分之五", "一百", "千", "万", "十四五", "零点五", "三成", "一半", "第一", "〇"]


def _arabic(draw) -> str:
    n = draw(st.integers(0, 10**7))
    text = str(n) if draw(st.booleans()) else f"{n / 10 ** draw(st.integers(1, 3)):.{draw(st.integers(1, 3))}f}"
    if draw(st.booleans()):
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))  # full-width digits
    if draw(st.integers(0, 4)) == 0:
        text += draw(st.sampled_from(["-", "至", "～", "—", "到"])) + str(draw(st.integers(0, 100)))  # a range
    return text


@st.composite
def number_phrase(draw) -> str:
    number = _arabic(draw) if draw(st.booleans()) else draw(st.sampled_from(CHINESE_NUMBERS))
    return number + draw(st.sampled_from(UNITS)) + draw(st.sampled_from(QUALIFIERS))


@st.composite
def clause(draw) -> str:
    pieces = [draw(st.sampled_from(UNITS_OWNED)) + "要"] if draw(st.integers(0, 3)) == 0 else []
    if draw(st.booleans()):
        pieces.append(draw(st.sampled_from(DEADLINES)))
    pieces += [draw(st.sampled_from(VERBS)), draw(st.sampled_from(OBJECTS))]
    if draw(st.integers(0, 2)):
        pieces.append(draw(number_phrase()))
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(pieces)))
        pieces.insert(at, draw(st.sampled_from(MARKDOWN)))
    return "".join(pieces)


@st.composite
def noise(draw) -> str:
    """Arbitrary characters, mostly CJK and punctuation, now and then anything (control, emoji, surrogates escaped)."""
    alphabet = st.one_of(st.sampled_from(PUNCT + MARKDOWN + CHINESE_NUMBERS), st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
                         st.characters(blacklist_categories=("Cs",)))
    return "".join(draw(st.lists(alphabet, max_size=12)))


@st.composite
def report_text(draw) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["政府工作报告", "北京市门头沟区政府工作报告", "2022年政府工作报告", "---\ntitle: 报告\n---"])))
    for _ in range(draw(st.integers(1, 8))):
        line = draw(st.sampled_from(HEADINGS)) if draw(st.integers(0, 2)) == 0 else ""
        for _ in range(draw(st.integers(1, 5))):
            line += draw(st.one_of(clause(), clause(), noise())) + draw(st.sampled_from(PUNCT))
        lines.append(line)
    return draw(st.sampled_from(["\n", "\r\n", "\n\n"])).join(lines)


def check_offsets(text: str, result: Extraction) -> None:
    n = len(text)
    for ind in result.indicators:
        assert 0 <= ind.start <= ind.end <= n and text[ind.start : ind.end] == ind.value_text, ind
    for c in result.commitments:
        assert 0 <= c.start <= c.end <= n and text[c.start : c.end] == c.text, c
        for part in c.parts:
            assert c.start <= part.start <= part.end <= c.end and text[part.start : part.end] == part.text, part
    for s in result.sections:
        assert 0 <= s.start <= s.end <= n and text[s.start : s.end].startswith(s.title), s
    for sentence in result.sentences:
        assert 0 <= sentence.start <= sentence.end <= n, sentence
        for cl in sentence.clauses:
            assert sentence.start <= cl.start <= cl.end <= sentence.end, (sentence, cl)


def _extract(doc: Document) -> Extraction | None:
    try:
        return extract_document(doc)
    except LuoshiError as exc:  # a coded refusal is a valid outcome; anything else fails the test
        assert exc.code and exc.hint and "\n" not in str(exc)
        return None


@PROPERTY_SETTINGS
@given(report_text())
def test_offsets_of_every_record_index_the_text(text):
    result = _extract(Document(text, "txt", "0" * 64))
    if result is not None:
        check_offsets(text, result)


@PROPERTY_SETTINGS
@given(report_text(), st.sampled_from(["报告.md", "报告.txt", "报告.html"]), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_files_through_ingest_keep_offsets_or_give_a_coded_error(text, name, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return  # GB18030 covers all of Unicode; nothing else should fail here
    try:
        doc = read_bytes(data, name)
    except LuoshiError as exc:
        assert exc.code and "\n" not in str(exc)
        return
    result = _extract(doc)
    if result is not None:
        check_offsets(doc.text, result)


@PROPERTY_SETTINGS
@given(st.lists(st.one_of(number_phrase(), clause(), st.sampled_from(PUNCT + MARKDOWN)), min_size=1, max_size=60).map("".join))
def test_one_long_clause_of_figures_keeps_offsets(text):
    """The shape of defect 1 (figures with no sentence end between them), kept small: offsets only."""
    result = _extract(Document(text, "txt", "0" * 64))
    if result is not None:
        check_offsets(text, result)
