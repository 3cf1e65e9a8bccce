import pytest

from luoshi.ingest import read_bytes, read_document
from luoshi.ingest.pdf import join_lines, width
from tests.ingest.pdfmaker import FIXTURE, FIXTURE_PARAGRAPHS, fixture_pages, make_pdf, wrap

BODY = [
    "过去一年，全区经济运行稳中有进，地区生产总值增长6.5%，一般公共预算收入增长5.2%，城乡居民收入稳步提高。",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇调查失业率控制在5%以内。",
    "坚持生态优先，森林覆盖率达到48.5%，PM2.5年均浓度下降到33微克/立方米，永定河生态补水工程全面完成。",
]


def test_pdf_committed_chinese_fixture_reads_as_paragraphs():
    doc = read_document(FIXTURE)
    assert doc.text.split("\n") == FIXTURE_PARAGRAPHS
    assert (doc.format, doc.encoding) == ("pdf", None)


def test_pdf_fixture_is_what_the_maker_writes():
    assert FIXTURE.read_bytes() == make_pdf(fixture_pages(), cjk=True)


def test_pdf_latin_text_layer():
    data = make_pdf([["Government Work Report", "GDP grew by 6.5 percent."]])
    doc = read_bytes(data, "en.pdf")
    assert doc.text == "Government Work Report\nGDP grew by 6.5 percent."


@pytest.mark.parametrize("line_width", [30, 40, 56])
def test_pdf_wrapped_paragraphs_rejoin_at_any_line_width(line_width):
    lines = ["一、2022年工作安排"] + [line for p in BODY for line in wrap(p, line_width)]
    doc = read_bytes(make_pdf([lines], cjk=True), "r.pdf")
    assert doc.text.split("\n") == ["一、2022年工作安排", *BODY]


def test_pdf_paragraph_continues_across_pages_and_page_numbers_drop():
    lines = [line for p in BODY for line in wrap(p, 40)]
    cut = 3  # inside the first paragraph
    pages = [["— 1 —", *lines[:cut]], [*lines[cut:], "第2页"]]
    assert read_bytes(make_pdf(pages, cjk=True), "r.pdf").text.split("\n") == BODY


@pytest.mark.parametrize(
    "lines, expected",
    [
        # wrapped lines of full width join without a space
        (["一二三四五六七八九十", "一二三四五六七八九十", "一二三四五六七八九十", "一二三四五六七八九十", "完。"],
         "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十完。"),
        # sentence-final punctuation and heading markers keep the break
        (["第一句完。", "（一）标题", "1.小标题", "◎主题句", "第二章 总则"], "第一句完。\n（一）标题\n1.小标题\n◎主题句\n第二章 总则"),
        # too few lines to know the full width: the printed lines stay
        (["improve the", "environment"], "improve the\nenvironment"),
        # a Latin token cut inside Chinese text joins without a space
        (["一二三四五六七八九十一二三四五六七八九十P", "M2.5一二三四五六七八九十一二三四五六七八九", "一二三四五六七八九十一二三四五六七八九十",
          "一二三四五六七八九十一二三四五六七八九十", "完。"],
         "一二三四五六七八九十一二三四五六七八九十PM2.5一二三四五六七八九十一二三四五六七八九"
         + "一二三四五六七八九十一二三四五六七八九十" * 2 + "完。"),
        # a short title line without punctuation is its own line
        (["政府工作报告", "一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十",
          "一二三四五六七八九十一二三四五六七八九十", "一二三四五六七八九十一二三四五六七八九十"],
         "政府工作报告\n" + "一二三四五六七八九十一二三四五六七八九十" * 4),
    ],
)
def test_pdf_join_lines(lines, expected):
    assert join_lines(lines) == expected


def test_pdf_join_latin_words_with_space_when_width_is_known():
    lines = ["the report says we will improve", "the environment and raise incomes", "for all the people in the city",
             "and the countryside this year and", "next year."]
    assert join_lines(lines) == " ".join(lines)


@pytest.mark.parametrize("text, expected", [("abc", 3), ("报告", 4), ("6%左右", 6), ("（一）", 6)])
def test_pdf_width_counts_wide_characters_twice(text, expected):
    assert width(text) == expected
