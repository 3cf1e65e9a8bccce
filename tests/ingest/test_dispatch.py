"""read_bytes picks the reader by magic bytes first, extension second."""

import io

import docx
import pytest

from luoshi.ingest import read_bytes
from tests.ingest.pdfmaker import make_pdf


def _docx(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    "name, data, fmt, text",
    [
        ("report.txt", make_pdf([["Work Report"]]), "pdf", "Work Report"),  # a mislabelled upload
        ("report", make_pdf([["Work Report"]]), "pdf", "Work Report"),
        ("report.bin", _docx("一、总体要求"), "docx", "一、总体要求"),
        ("report.DOCX", _docx("一、总体要求"), "docx", "一、总体要求"),
        ("report.htm", "<p>报告</p>".encode(), "html", "报告"),
        ("report", "<!-- saved --><html><body><p>报告</p></body></html>".encode(), "html", "报告"),
        ("report.md", "# 报告\n".encode(), "md", "报告\n"),  # markup is not the report's text
        ("report.text", "# 报告\n".encode(), "txt", "# 报告\n"),
        ("report.dat", "报告\r\n".encode("gbk"), "txt", "报告\r\n"),
    ],
)
def test_dispatch_by_magic_then_extension(name, data, fmt, text):
    doc = read_bytes(data, name)
    assert (doc.format, doc.text, doc.path) == (fmt, text, None)
