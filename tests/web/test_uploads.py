"""Uploads: empty files refused; a failed write (a full disk) leaves no partial files and answers 507."""

import errno
import io
import zipfile
from pathlib import Path

import pytest
from fastapi import UploadFile
from starlette.datastructures import Headers

from luoshi.web.deps import WebError
from luoshi.web.uploads import save_uploads


def _file(name: str, body: bytes, ctype: str = "text/plain") -> UploadFile:
    return UploadFile(io.BytesIO(body), filename=name, headers=Headers({"content-type": ctype}))


def test_zero_byte_file_is_refused(tmp_path):
    with pytest.raises(WebError) as err:
        save_uploads([_file("空.txt", b"")], tmp_path)
    assert err.value.status_code == 422 and not list(tmp_path.iterdir())


def test_disk_full_removes_partial_files_and_answers_507(tmp_path, monkeypatch):
    real, writes = Path.write_bytes, []

    def full_on_second(self, data):
        writes.append(self)
        if len(writes) == 2:
            real(self, data[:3])  # a partial file, as a full disk leaves it
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_on_second)
    files = [_file("进展一.txt", "第一份".encode()), _file("进展二.txt", "第二份".encode())]
    with pytest.raises(WebError) as err:
        save_uploads(files, tmp_path)
    assert err.value.status_code == 507 and len(writes) == 2
    assert not list(tmp_path.iterdir())


def test_utf16_text_is_accepted(tmp_path):
    body = "进展顺利，已完成。\n".encode("utf-16")
    stored = save_uploads([_file("进展.txt", body)], tmp_path)
    assert (tmp_path / stored[0].name).read_bytes() == body


@pytest.mark.parametrize(("name", "part"), [("报告.docx", "word/document.xml"), ("台账.xlsx", "xl/workbook.xml")])
def test_office_files_need_their_parts(tmp_path, name, part):
    def zipped(member: str) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr(member, "<x/>")
        return buf.getvalue()

    with pytest.raises(WebError) as err:
        save_uploads([_file(name, zipped("evil.txt"), "application/octet-stream")], tmp_path)
    assert err.value.status_code == 415 and not list(tmp_path.iterdir())
    assert len(save_uploads([_file(name, zipped(part), "application/octet-stream")], tmp_path)) == 1
