"""Sentence and clause splitting inside a paragraph (normalized offsets).

A sentence ends at 。 ! ? (full-width already folded to ASCII) and at an ASCII
period that is not part of a number or a Latin word; closing quotes and brackets
stay with their sentence (``。”``). A terminator inside “…” does not split while
the quote is open and closes within a plausible length; an unbalanced “ (no ” within that
length) does not hold the sentence open. A semicolon does not end a
sentence: offices cut a report into rows at sentence ends, and a ；-series is one task.
Clauses split sentences on , ; : — not on 、 (lists of objects stay whole) and
not inside numbers (2,000 or 10:30). A run longer than ``MAX_SENTENCE`` characters
without a terminator (hostile or damaged text) is cut at a clause mark or blank near the
limit, so every later stage works on bounded sentences.
"""

from __future__ import annotations

import re

_CLOSERS = "”’」』)\\]】》\"'"
_TERM_OR_QUOTE = re.compile(
    rf"(“)|(”)|(?:[。!?]+|(?<![0-9A-Za-z])\.(?![0-9A-Za-z.]))[{_CLOSERS}]*"
)
_CLAUSE_SEP = re.compile(r";|(?<![0-9]):|:(?![0-9])|(?<![0-9]),|,(?![0-9]{3}(?![0-9]))")
_TRAIL = set(" \t\r\n\u200b\ufeff。!?;.,:")
_WS = " \t\r\n\u200b\ufeff"
_QUOTE_SPAN = 150  # longest plausible quotation holding sentence punctuation
MAX_SENTENCE = 600  # real sentences stay under ~500 characters (national and city reports)
_CUT_AT = re.compile(r"[,:、 \t\r\n\u3000]")  # preferred cut points in an over-long run
_WORDISH = re.compile(r"[0-9A-Za-z.%]")  # never cut inside a number or a Latin word


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    begin = start
    depth = 0
    opened = start
    for m in _TERM_OR_QUOTE.finditer(text, start, end):
        if m.group(1):
            if depth == 0:
                opened = m.start()
            depth += 1
            continue
        if m.group(2):
            depth = max(depth - 1, 0)
            continue
        if depth:
            depth -= m.group().count("”")
            if depth > 0 and m.start() - opened < _QUOTE_SPAN and "”" in text[m.end() : min(end, opened + _QUOTE_SPAN)]:
                continue  # a quotation holding its own sentences, closed further on
            depth = 0
        _append_capped(text, spans, begin, m.end())
        begin = m.end()
    _append_capped(text, spans, begin, end)
    return spans


def _append_capped(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    """``_append``, cutting a span longer than ``MAX_SENTENCE`` into pieces under it."""
    while e - s > MAX_SENTENCE:
        cut = _cut_point(text, s, s + MAX_SENTENCE)
        _append(text, spans, s, cut)
        s = cut
    _append(text, spans, s, e)


def _cut_point(text: str, s: int, limit: int) -> int:
    """The last clause mark or blank in the second half of ``text[s:limit]`` (cut after it),
    else ``limit`` moved back out of a number or word, else ``limit``."""
    half = s + MAX_SENTENCE // 2
    for i in range(limit - 1, half, -1):
        if _CUT_AT.match(text, i):
            return i + 1
    cut = limit
    while cut > half and _WORDISH.match(text, cut - 1) and _WORDISH.match(text, cut):
        cut -= 1
    return cut if cut > half else limit


def _append(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while s < e and text[s] in _WS:
        s += 1
    while e > s and text[e - 1] in _WS:
        e -= 1
    if e > s:
        spans.append((s, e))


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of one sentence, trimmed of whitespace and trailing punctuation."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _CLAUSE_SEP.finditer(text, start, end):
        _append_clause(text, spans, begin, m.start())
        begin = m.end()
    _append_clause(text, spans, begin, end)
    return spans


def _append_clause(text: str, spans: list[tuple[int, int]], s: int, e: int) -> None:
    while e > s and text[e - 1] in _TRAIL:
        e -= 1
    _append(text, spans, s, e)


def title_end(text: str, start: int, end: int) -> int:
    """End of a heading title: the first sentence, without its terminator."""
    m = _TERM_OR_QUOTE.search(text, start, end)
    while m is not None and (m.group(1) or m.group(2)):
        m = _TERM_OR_QUOTE.search(text, m.end(), end)
    stop = m.start() if m else end
    while stop > start and text[stop - 1] in _WS:
        stop -= 1
    return stop
