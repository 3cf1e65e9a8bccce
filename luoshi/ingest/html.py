"""HTML page -> the report's main text, one block element per line.

Chrome (script, nav, header, footer, forms...) is dropped; the main block is
<article>/<main> when they hold most of the text, otherwise the deepest element
that still holds two thirds of the page's non-link text (menus are links; the
report dwarfs the remaining chrome). Text nodes
are walked in document order without recursion, so deeply nested pages are fine.
"""

from __future__ import annotations

import os
import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from luoshi.errors import LuoshiError
from luoshi.ingest.encoding import codec_name, decode_text

_DROP = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "template", "svg", "button", "select", "textarea", "object", "embed", "canvas", "head"]
_BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure h1 h2 h3 h4 h5 h6 hr html li main menu ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_CELL = frozenset(("td", "th"))
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_GB_ALIASES = frozenset(("gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"))
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_MAIN_SHARE = 0.5
_CONTENT_SHARE = 0.66  # the main block is the deepest element holding two thirds of the non-link text  # <article>/<main> wins only when it holds at least half the page's text


# A report page has a few thousand tags; parsing costs ~0.1 ms a tag, so past this it is refused.
MAX_TAGS_ENV, MAX_TAGS = "LUOSHI_HTML_MAX_TAGS", 100_000


def _max_tags() -> int:
    try:
        return max(1, int(os.environ.get(MAX_TAGS_ENV, MAX_TAGS)))
    except ValueError:
        return MAX_TAGS


def read_html(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(main text, encoding used)."""
    tags = data.count(b"<")  # an upper bound on the tags, counted before any parsing
    if tags > _max_tags():
        raise LuoshiError("E017", f"{name} has about {tags} tags, over the limit of {_max_tags()}",
                          f"save the report's text alone (.txt or .docx), or set {MAX_TAGS_ENV} higher")
    text, enc = _decode(data, name, encoding)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.body or soup
    main = _main_block(root)
    lines = render(main)
    title = soup.find("h1")
    if title is not None and main is not root and not _inside(title, main):
        heading = _SPACES.sub(" ", title.get_text()).strip()
        if heading and heading not in lines[:3]:
            lines.insert(0, heading)
    return "\n".join(lines), enc


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    if encoding or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name, encoding)
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in _GB_ALIASES else declared
        try:
            enc = codec_name(declared)
            return data.decode(enc), enc
        except (UnicodeError, ValueError, LookupError, LuoshiError):  # a wrong, unknown or non-text declaration: detect
            pass
    return decode_text(data, name, None)


def _inside(node: Tag, container: Tag) -> bool:
    return any(parent is container for parent in node.parents)


def _text_len(tag: Tag) -> int:
    return len(_SPACES.sub("", tag.get_text()))


def _main_block(root: Tag) -> Tag:
    total = _text_len(root)
    marked = root.find_all(["article", "main"]) + root.find_all(attrs={"role": "main"})
    if marked:
        best = max(marked, key=_text_len)
        if _text_len(best) >= _MAIN_SHARE * total:
            return best
    # Non-link text held by each element: every text node counts for all its ancestors.
    held: dict[int, int] = {}
    for s in root.find_all(string=True):
        if isinstance(s, _SKIP_STRINGS):
            continue
        n = len(_SPACES.sub("", s))
        parents = list(s.parents) if n else ()
        if any(parent.name == "a" for parent in parents):
            continue  # link text is navigation, not content
        for parent in parents:
            held[id(parent)] = held.get(id(parent), 0) + n
    content = held.get(id(root), 0)
    node = root
    while True:  # descend while one child still holds most of the page's content
        child = max(node.find_all(True, recursive=False), key=lambda c: held.get(id(c), 0), default=None)
        if child is None or held.get(id(child), 0) < _CONTENT_SHARE * content:
            return node
        node = child


def _block_of(node) -> Tag:
    parent = node.parent
    while parent is not None and parent.name not in _BLOCK and parent.name != "[document]":
        parent = parent.parent
    return parent


def _cell_of(node, container: Tag) -> Tag | None:
    """The table cell holding ``node`` inside ``container`` (a layout cell around it is not one)."""
    for parent in node.parents:
        if parent is container or parent.name == "table":
            return None
        if parent.name in _CELL:
            return parent
    return None


def render(container: Tag) -> list[str]:
    """Lines of text: a line per block, tab between table cells, <br> a line break."""
    pieces: list[str] = []
    prev_block = prev_cell = None
    has_pre = container.name == "pre" or container.find("pre") is not None
    for node in container.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                pieces.append("\n")
            continue
        if not isinstance(node, NavigableString) or isinstance(node, _SKIP_STRINGS):
            continue
        in_pre = has_pre and any(parent.name == "pre" for parent in node.parents)
        text = str(node) if in_pre else _SPACES.sub(" ", _CJK_WRAP.sub("", str(node)))
        if not text.strip():
            if prev_block is not None and _block_of(node) is prev_block:
                pieces.append(" ")
            continue
        block, cell = _block_of(node), _cell_of(node, container)
        if prev_block is not None and block is not prev_block:
            if cell is not None and cell is prev_cell:
                pieces.append(" ")
            elif cell is not None and prev_cell is not None and cell.parent is prev_cell.parent:
                pieces.append("\t")
            else:
                pieces.append("\n")
        pieces.append(text)
        prev_block, prev_cell = block, cell
    lines = (line.strip(" \xa0\u3000") for line in "".join(pieces).split("\n"))
    return [line for line in lines if line.strip()]
