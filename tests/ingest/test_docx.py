import io
import re

import docx
import pytest
from docx.oxml import parse_xml

from luoshi.ingest import read_bytes, read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# python-docx refuses to write XML control characters; real reports never need them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _save(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _report(blocks) -> bytes:
    """blocks: str (a paragraph) or list of rows (a table)."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(_CONTROL.sub("", block))
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for r, row in enumerate(block):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    return _save(document)


@pytest.mark.parametrize(
    "blocks, expected",
    [
        (["政府工作报告", "一、过去五年工作回顾"], "政府工作报告\n一、过去五年工作回顾"),
        (["主要指标：", [["指标", "目标"], ["地区生产总值", "增长6%左右"]], "（一）稳增长"],
         "主要指标：\n指标\t目标\n地区生产总值\t增长6%左右\n（一）稳增长"),
        (["报告\x07正文\x0b"], "报告正文"),
        (["", "第一段", ""], "\n第一段\n"),  # empty paragraphs keep their lines
    ],
)
def test_docx_paragraphs_and_tables_in_document_order(blocks, expected):
    doc = read_bytes(_report(blocks), "report.docx")
    assert doc.text == expected
    assert (doc.format, doc.encoding) == ("docx", None)


def test_docx_merged_cells_are_not_repeated():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "2022年主要目标"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "经济"
    table.cell(1, 1).text, table.cell(1, 2).text = "增速", "6%"
    table.cell(2, 1).text, table.cell(2, 2).text = "财政收入", "5%"
    text = read_bytes(_save(document), "t.docx").text
    assert text.split("\n") == ["2022年主要目标", "经济\t增速\t6%", "\t财政收入\t5%"]


def test_docx_cell_paragraphs_stay_on_the_row_line():
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.text = "第一点"
    cell.add_paragraph("第二点")
    assert read_bytes(_save(document), "t.docx").text == "\t第一点 第二点"


def test_docx_tracked_changes_keep_inserted_and_drop_deleted_text():
    document = docx.Document()
    p = document.add_paragraph("增长")
    p._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="a"><w:r><w:t>6%左右</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="a"><w:r><w:delText>5%</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:r {W}><w:tab/><w:t>。</w:t></w:r>'))
    assert read_bytes(_save(document), "t.docx").text == "增长6%左右\t。"


def test_docx_content_controls_and_hyperlinks_are_read():
    document = docx.Document()
    document.add_paragraph("前言")
    document.element.body.insert(
        1, parse_xml(f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>目录项</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    )
    p = document.add_paragraph("详见")
    p._p.append(parse_xml(f'<w:hyperlink {W}><w:r><w:t>附件</w:t></w:r></w:hyperlink>'))
    assert read_bytes(_save(document), "t.docx").text == "前言\n目录项\n详见附件"


def test_docx_text_is_stable_and_found_by_magic(tmp_path):
    data = _report(["一、总体要求", [["a", "b"]], "二、主要任务"])
    path = tmp_path / "report"  # no extension: the zip magic and word/ parts decide
    path.write_bytes(data)
    first, second = read_document(path), read_document(path)
    assert first.format == "docx"
    assert first.text == second.text == read_bytes(data, "x.docx").text
    assert first.sha256 == second.sha256
