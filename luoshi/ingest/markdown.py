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
_LINK_TARGETS = ("http:", "https:", "/", ".")  # a link's target starts so; other [..](..) is text
MAX_FRONT_MATTER = 16 * 1024  # a front matter is a few lines; a bigger block is dropped unread
MAX_META_VALUE = 2000  # characters kept of one front-matter value
MAX_FLOW_BRACKETS = 200
_EMPHASIS = re.compile(r"\*\*")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_LEADING_BLANK = re.compile(r"\A(?:[ \t]*\r?\n)+")


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter as a dict of strings, the rest). A block that is not YAML
    mapping is still dropped from the text: it is markup, not the report."""
    m = _FRONT.match(text)
    if m is None:
        return {}, text
    data = None
    block = m.group(1)
    # Read only what a front matter can be: small, with few flow brackets (each may nest a level,
    # and the YAML parser recurses per level: 5,000 "[" took 2 s to end in RecursionError).
    if len(block) <= MAX_FRONT_MATTER and block.count("[") + block.count("{") <= MAX_FLOW_BRACKETS:
        try:
            data = yaml.safe_load(block)
        except (yaml.YAMLError, RecursionError, ValueError):  # deep nesting recurses; bad numbers raise ValueError
            data = None
    # Scalars only: a list or mapping value is no title or source, and its str() expands YAML
    # aliases (nine levels of nine references: a 200-byte front matter, gigabytes of text).
    meta = {str(k)[:MAX_META_VALUE]: str(v)[:MAX_META_VALUE] for k, v in data.items()
            if v is not None and not isinstance(v, (list, dict, set, tuple))} if isinstance(data, dict) else {}
    return meta, text[m.end() :]


def _drop_comments(body: str) -> str:
    """HTML comments out, with their line (leading blanks, trailing blanks, line end) when a
    comment stands alone on it. One pass with str.find: a "<!--" with no "-->" after it ends
    the search, as no later one can close either (the regex form was quadratic there)."""
    out: list[str] = []
    pos, n = 0, len(body)
    while (start := body.find("<!--", pos)) >= 0 and (close := body.find("-->", start + 4)) >= 0:
        end = close + 3
        before = start
        while before > pos and body[before - 1] in " \t":
            before -= 1
        after = end
        while after < n and body[after] in " \t":
            after += 1
        if (before == 0 or body[before - 1] == "\n") and (after == n or body.startswith(("\n", "\r\n"), after)):
            start, end = before, min(n, after + (2 if body.startswith("\r\n", after) else 1))
        out.append(body[pos:start])
        pos = end
    out.append(body[pos:])
    return "".join(out)


class _Finder:
    """``body.find(needle, at)`` for ``at`` that never decreases: a needle's next position is
    kept until passed, so every needle scans the body once, however many starts ask."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.found: dict[str, int] = {}

    def __call__(self, needle: str, at: int) -> int:
        k = self.found.get(needle)
        if k is None or 0 <= k < at:
            k = self.found[needle] = self.body.find(needle, at)
        return k


def _replace_brackets(body: str, opener: str, min_label: int, targets: tuple[str, ...], keep_label: bool) -> str:
    """Replace ``opener label](target)`` on one line (label without "]", target without ")",
    starting with one of ``targets``) by the label or nothing, as the regex
    ``opener[^]\\n]{min_label,}\\]\\((?:targets)[^)\\n]*\\)`` would, in linear time: a start that
    fails makes every start before the point where it failed fail too, so the search moves past it."""
    find = _Finder(body)
    out: list[str] = []
    pos = search = 0
    while (start := find(opener, search)) >= 0:
        label = start + len(opener)
        close = find("]", label)
        if close < 0:
            break  # no "]" after here: nothing more can match
        line_end = find("\n", label)
        if 0 <= line_end < close:
            search = line_end + 1
            continue
        if close - label < min_label or not body.startswith("(", close + 1) or not body.startswith(targets, close + 2):
            search = close + 1
            continue
        end = find(")", close + 2)
        if end < 0:
            break
        line_end = find("\n", close + 2)
        if 0 <= line_end < end:
            search = line_end + 1
            continue
        out.append(body[pos:start])
        if keep_label:
            out.append(body[label:close])
        pos = search = end + 1
    out.append(body[pos:])
    return "".join(out)


def strip_markup(body: str) -> str:
    """Drop comments (with their line when alone on it), images, link targets, ``**``
    markers and heading hashes."""
    body = _drop_comments(body)
    body = _replace_brackets(body, "![", 0, ("",), keep_label=False)  # images: ![alt](src)
    body = _replace_brackets(body, "[", 1, _LINK_TARGETS, keep_label=True)  # links: [label](target) -> label
    body = _EMPHASIS.sub("", body)
    body = _HEADING.sub("", body)
    return _LEADING_BLANK.sub("", body)


def read_markdown(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str, dict[str, Any]]:
    """(text, encoding, front matter)."""
    raw, enc = decode_text(data, name, encoding)
    meta, body = split_front_matter(raw)
    return strip_markup(body), enc, meta
