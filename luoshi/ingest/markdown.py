"""Markdown: the report's words as a reader sees them, front matter as metadata.

Local reports collected from the web come as Markdown with a YAML front matter
(``title: 南京市政府工作报告 （2015年1月18日 缪瑞林）``), leftover bold markers
(``**一、2014年工作回顾**``) and HTML comments holding photo captions. Markup is not
the report's text: left in, ``**`` hides a heading from the outline and a caption
reads as a sentence. So the text of a .md file (what ``luoshi text`` prints and what
every offset indexes) is the body with the front matter, comments, ``**`` markers,
heading hashes and image links dropped; every other character stays in place.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from luoshi.ingest.encoding import decode_text

__all__ = ["read_markdown", "split_front_matter", "strip_markup"]

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)
_COMMENT_LINE = re.compile(r"^[ \t]*<!--.*?-->[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?:|/|\.)[^)\n]*\)")
_EMPHASIS = re.compile(r"\*\*")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_LEADING_BLANK = re.compile(r"\A(?:[ \t]*\r?\n)+")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter as a dict of strings, the rest). A block that is not YAML
    mapping is still dropped from the text: it is markup, not the report."""
    m = _FRONT.match(text)
    if m is None:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        data = None
    meta = {str(k): str(v) for k, v in data.items() if v is not None} if isinstance(data, dict) else {}
    return meta, text[m.end() :]


def strip_markup(body: str) -> str:
    """Drop comments (with their line when alone on it), images, link targets, ``**``
    markers and heading hashes."""
    body = _COMMENT_LINE.sub("", body)
    body = _COMMENT.sub("", body)
    body = _IMAGE.sub("", body)
    body = _LINK.sub(r"\1", body)
    body = _EMPHASIS.sub("", body)
    body = _HEADING.sub("", body)
    return _LEADING_BLANK.sub("", body)


def read_markdown(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, dict[str, Any]]:
    """(text, encoding, front matter)."""
    raw, enc = decode_text(data, name, encoding)
    meta, body = split_front_matter(raw)
    return strip_markup(body), enc, meta
