"""Bad input -> one LuoshiError with the right code and a hint; fixtures built at run time."""

import io
import random
import zipfile

import docx
import pytest

from luoshi.errors import CODES, LuoshiError
from luoshi.ingest import read_bytes, read_document
from luoshi.ingest import safety
from tests.ingest import docxmaker
from tests.ingest.pdfmaker import make_pdf


def _docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


_zip = docxmaker.zip_entries


def _zip_bomb() -> bytes:
    """A .docx-looking zip whose document.xml is 60 MB of zeros (~60 KB compressed)."""
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": bytes(60 * 1024 * 1024)})


def _ratio_bomb() -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + bytes(8 * 1024 * 1024)})


def _many_entries() -> bytes:
    return _zip({f"word/media/{i}.xml": b"x" for i in range(safety.MAX_ENTRIES + 1)})


BAD_BYTES = [
    ("empty.txt", b"", "E003"),
    ("blank.txt", " \r\n\t\u3000\n".encode(), "E003"),
    ("bom-only.txt", b"\xef\xbb\xbf", "E003"),
    ("blank.docx", _docx_bytes("", "  "), "E003"),
    ("scripts.html", b"<html><body><script>var a='\xe6\x8a\xa5';</script> </body></html>", "E003"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100), "E004"),
    ("program", b"\x7fELF\x02\x01\x01" + bytes(100), "E004"),
    ("noise.txt", random.Random(7).randbytes(4096), "E004"),
    ("nuls.txt", "报告".encode() + bytes(50) + "报告".encode(), "E004"),
    ("archive.bin", _zip({"a.txt": b"hello"}), "E004"),
    ("damaged.txt", "政府工作报告".encode() * 5 + b"\xff\xfe\xfd" + "推进".encode() * 5, "E005"),
    ("high.txt", bytes(range(0x80, 0x100)) * 4, "E005"),
    ("text.docx", "不是压缩包".encode(), "E006"),
    ("truncated.docx", _docx_bytes("一、总体要求")[:5000], "E006"),
    ("nodocument.docx", _zip({"[Content_Types].xml": b"<Types/>"}), "E006"),
    ("bomb.docx", _zip_bomb(), "E007"),
    ("ratio.docx", _ratio_bomb(), "E007"),
    ("entries.docx", _many_entries(), "E007"),
    ("scan.pdf", make_pdf([[], []]), "E008"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "E010"),
    ("renamed.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "E010"),
    ("legacy.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "E010"),
    ("table.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "E010"),
    ("photo.JPG", b"\xff\xd8\xff\xe0", "E010"),
    ("report.rtf", b"{\\rtf1 hello}", "E010"),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "E011"),
    ("fake.pdf", "政府工作报告".encode(), "E011"),
    ("junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 10, "E011"),
]


@pytest.mark.parametrize("name, data, code", BAD_BYTES, ids=[case[0] for case in BAD_BYTES])
def test_errors_bad_bytes(name, data, code):
    with pytest.raises(LuoshiError) as err:
        read_bytes(data, name)
    assert err.value.code == code
    assert err.value.hint
    assert "\n" not in str(err.value)


def test_errors_same_codes_through_read_document(tmp_path):
    for name, data, code in BAD_BYTES:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LuoshiError) as err:
            read_document(path)
        assert err.value.code == code, name


def test_errors_missing_file(tmp_path):
    with pytest.raises(LuoshiError) as err:
        read_document(tmp_path / "无此文件.txt")
    assert err.value.code == "E001" and "无此文件.txt" in err.value.message


def test_errors_directory(tmp_path):
    with pytest.raises(LuoshiError) as err:
        read_document(tmp_path)
    assert err.value.code == "E002"


def test_errors_large_file_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing written

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr("luoshi.ingest.open", no_open, raising=False)
    with pytest.raises(LuoshiError) as err:
        read_document(path)
    assert err.value.code == "E009" and "50.0 MB" in err.value.message


@pytest.mark.parametrize("size, max_bytes, ok", [(100, 100, True), (101, 100, False), (10, 1, False)])
def test_errors_max_bytes_is_overridable(tmp_path, size, max_bytes, ok):
    path = tmp_path / "r.txt"
    path.write_bytes(b"a" * size)
    if ok:
        assert len(read_document(path, max_bytes=max_bytes).text) == size
    else:
        with pytest.raises(LuoshiError, match="E009"):
            read_document(path, max_bytes=max_bytes)
        with pytest.raises(LuoshiError, match="E009"):
            read_bytes(b"a" * size, "r.txt", max_bytes=max_bytes)


def test_errors_inflation_is_capped_whatever_the_header_says():
    zf = zipfile.ZipFile(io.BytesIO(_zip({"word/document.xml": bytes(3 * 1024 * 1024)})))
    with pytest.raises(LuoshiError) as err:
        safety.read_member_capped(zf, "word/document.xml", "x.docx", cap=1024 * 1024)
    assert err.value.code == "E007"


def test_errors_unknown_encoding_option():
    with pytest.raises(LuoshiError) as err:
        read_bytes(b"abc", "r.txt", encoding="klingon")
    assert err.value.code == "E013"


def test_errors_every_raised_code_is_registered():
    assert {code for _, _, code in BAD_BYTES} <= set(CODES)
