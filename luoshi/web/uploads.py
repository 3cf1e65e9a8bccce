"""Evidence files: size and type limits, stored under LUOSHI_UPLOAD_DIR with random names.

The type is checked three ways (extension, declared content type, magic bytes), so
a renamed executable or an HTML page posing as a PDF is refused.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

from fastapi import UploadFile

from luoshi.errors import LuoshiError
from luoshi.web.deps import WebError

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
# extension -> (content types accepted, magic prefixes; empty: plain text)
ALLOWED: dict[str, tuple[tuple[str, ...], tuple[bytes, ...]]] = {
    ".pdf": (("application/pdf",), (b"%PDF-",)),
    ".png": (("image/png",), (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": (("image/jpeg",), (b"\xff\xd8\xff",)),
    ".jpeg": (("image/jpeg",), (b"\xff\xd8\xff",)),
    ".docx": (("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/octet-stream"), (b"PK\x03\x04",)),
    ".xlsx": (("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/octet-stream"), (b"PK\x03\x04",)),
    ".txt": (("text/plain",), ()),
    ".csv": (("text/csv", "text/plain", "application/vnd.ms-excel"), ()),
}
# Office files are zips: the part that makes a zip a document or a workbook must be there.
OFFICE_PARTS = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}
MEDIA_TYPES = {ext: types[0] for ext, (types, _) in ALLOWED.items()}


@dataclass(frozen=True)
class Quota:
    """What one save may store: bytes per file, and the room left on the task and in the folder
    (None: no limit). Checked before anything is written; two saves racing may pass it together
    by at most one request body (LUOSHI_MAX_UPLOAD_MB), which is what a quota on disk use allows."""

    file_bytes: int = MAX_BYTES
    task_room: int | None = None
    total_room: int | None = None


def quota_for(session, settings, commitment_id: int) -> Quota:
    """The quota from LUOSHI_UPLOAD_FILE_MB, _TASK_MB and _TOTAL_MB, less what is stored already."""
    from sqlalchemy import select

    from luoshi.store.models import ProgressUpdate

    mb = 1024 * 1024
    on_task = sum(int(e.get("size") or 0)
                  for evidence in session.scalars(select(ProgressUpdate.evidence).where(ProgressUpdate.commitment_id == commitment_id))
                  for e in evidence or () if isinstance(e, dict) and e.get("kind") == "file")
    return Quota(settings.upload_file_mb * mb, settings.upload_task_mb * mb - on_task,
                 settings.upload_total_mb * mb - folder_bytes(settings.upload_dir))


def folder_bytes(folder: Path) -> int:
    """Bytes of the files in ``folder`` (stored evidence has no subfolders); 0 before the first upload."""
    try:
        with os.scandir(folder) as entries:
            return sum(e.stat().st_size for e in entries if e.is_file(follow_symlinks=False))
    except FileNotFoundError:
        return 0


def _over_quota(status: int, message: str, hint: str) -> WebError:
    return WebError(status, detail=str(LuoshiError("E158", message, hint)))


def _mb(n: int) -> str:
    return f"{max(n, 0) / 1024 / 1024:.1f} MB"


@dataclass
class StoredFile:
    name: str  # the stored, random name
    original: str
    size: int
    type: str

    def evidence(self) -> dict:
        return {"kind": "file", "value": self.name, "name": self.original, "size": self.size, "type": self.type}


def save_uploads(files: list[UploadFile], upload_dir: Path, quota: Quota = Quota()) -> list[StoredFile]:
    """Validate every file first (type, size, ``quota``), then write them all: a bad file stores nothing."""
    files = [f for f in files if f.filename]
    if len(files) > MAX_FILES:
        raise WebError(413, detail=f"最多上传 {MAX_FILES} 个文件 / at most {MAX_FILES} files")
    checked: list[tuple[UploadFile, str, bytes]] = []
    for f in files:
        ext = Path(f.filename or "").suffix.lower()
        if ext not in ALLOWED:
            raise WebError(415, detail=f"不支持的文件类型：{ext or '无扩展名'}（允许 {'、'.join(ALLOWED)}）")
        body = f.file.read(quota.file_bytes + 1)
        if not body:
            raise WebError(422, detail=f"文件为空：{f.filename}")
        if len(body) > quota.file_bytes:
            raise _over_quota(413, f"文件过大：{f.filename}（每个文件上限 {_mb(quota.file_bytes)}）/ file over {_mb(quota.file_bytes)}",
                              "压缩或拆分文件 / compress or split it; the office can raise LUOSHI_UPLOAD_FILE_MB")
        types, magic = ALLOWED[ext]
        declared = (f.content_type or "").split(";")[0].strip()
        if (declared not in types or (magic and not body.startswith(magic)) or (not magic and not _is_text(body))
                or (ext in OFFICE_PARTS and not _has_part(body, OFFICE_PARTS[ext]))):
            raise WebError(415, detail=f"文件内容与类型不符：{f.filename}")
        checked.append((f, ext, body))
    size = sum(len(body) for _, _, body in checked)
    if quota.task_room is not None and size > quota.task_room:
        raise _over_quota(413, f"本任务附件将超出上限（尚余 {_mb(quota.task_room)}，本次 {_mb(size)}）"
                               f" / this task's files would pass its quota ({_mb(quota.task_room)} left, {_mb(size)} sent)",
                          "改为填写文件链接 / give a link instead; the office can raise LUOSHI_UPLOAD_TASK_MB")
    if quota.total_room is not None and size > quota.total_room:
        raise _over_quota(507, f"附件存储空间已满（尚余 {_mb(quota.total_room)}，本次 {_mb(size)}）"
                               f" / the upload store is full ({_mb(quota.total_room)} left, {_mb(size)} sent)",
                          "改为填写文件链接 / give a link instead; the office can raise LUOSHI_UPLOAD_TOTAL_MB")
    upload_dir.mkdir(parents=True, exist_ok=True)
    stored: list[StoredFile] = []
    try:
        for f, ext, body in checked:
            name = secrets.token_hex(16) + ext
            stored.append(StoredFile(name, Path(f.filename or name).name[:200], len(body), MEDIA_TYPES[ext]))
            (upload_dir / name).write_bytes(body)
    except OSError as exc:
        # A full disk (or any write error) leaves no partial files behind.
        remove_uploads(stored, upload_dir)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WebError(507, detail="服务器磁盘已满，文件未保存 / disk full, nothing stored") from exc
        raise
    return stored


def remove_uploads(stored: list[StoredFile], upload_dir: Path) -> None:
    """Delete stored files (a failed or duplicate save), ignoring ones already gone."""
    for f in stored:
        (upload_dir / f.name).unlink(missing_ok=True)


def _has_part(body: bytes, part: str) -> bool:
    """Whether a zip holds ``part``; reads only the central directory, never inflates."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return part in z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def _is_text(body: bytes) -> bool:
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-16 text is marked by its BOM
        try:
            body[:65536].decode("utf-16")
            return True
        except UnicodeDecodeError as exc:
            return exc.start > 65530  # a surrogate pair cut at the sample edge
    if b"\x00" in body[:4096]:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            body[:65536].decode(enc)
            return True
        except UnicodeDecodeError as exc:
            if exc.start > 65530:  # cut inside a multi-byte character at the sample edge
                return True
    return False
