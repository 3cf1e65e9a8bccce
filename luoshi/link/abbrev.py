"""Abbreviations across two reports: 文交会 for 文化产业交易会, 进博会 for 进口博览会.

A review often names a work by a short form of the name the plan gave it. Three ways
to see that two strings name the same thing, every one read as the long form so that
the short one weighs like the term it abbreviates:

* a definition either report writes: 中国国际进口博览会（以下简称“进博会”）;
* the task's long term, a later report's short one: a 3–4 character string that starts
  with the term's first character (or one of its first few: a verb may lead), ends with its last and takes the others in order
  (文化产业交易会 → 文交会);
* the task's short term, a later report's long one: a 3–4 character word ending in a
  character that closes names (会、区、办、法、板 …) whose characters appear in order,
  with a gap, inside a clause of the later report (进博会 → 进口博览会).

Only specific short forms count: at least one of their bigrams must not be a bigram
of the long form and must be rare over the corpus (示范区 is not 示范园区).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from collections.abc import Callable, Iterable

from luoshi.link.index import bigrams

# （以下简称“进博会”）、（简称进博会）、(以下简称"自贸区")
_DEFINITION = re.compile(r"[（(](?:以下)?简称[：:]?[“\"「]?([\u4e00-\u9fffA-Za-z0-9]{2,8})[”\"」]?[）)]")
_SPLIT = re.compile(r"[的和与及等、]")
_WORD = re.compile(r"[\u4e00-\u9fff]+")
# characters that close a name (a fair, a zone, an office, a law, a board …)
CLOSERS = set("会区办法板园港带圈节赛展院馆站线")
MIN_RARE = 0.25  # corpus idf of a bigram the short form adds (文交, in 5% of reports: 0.39; 范区 of 示范区, in 89%: 0.02)
_FUNCTION = set("的和与及等、对在为把以并或")
MAX_LONG = 12  # characters of the long form
MAX_TERM = 16  # longer runs are not one name


def definitions(text: str) -> dict[str, str]:
    """Short form → long form for each ``（以下简称“X”）`` of a text.

    The long form is the shortest stretch before the parenthesis that starts with the
    short form's first character and holds its characters in order.
    """
    out: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        short = m.group(1)
        before = text[max(0, m.start() - 30) : m.start()]
        before = re.split(r"[，。；、：,;:\s“”\"]", before)[-1]
        long = _covering(short, before)
        if long and long != short:
            out[short] = long
    return out


def _covering(short: str, before: str) -> str | None:
    """The shortest suffix of ``before`` holding the characters of ``short`` in order, from its first one."""
    for i in range(len(before) - 1, -1, -1):
        if before[i] == short[0] and _in_order(short, before[i:]):
            return before[i:]
    return None


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


PAIR_RARE = 0.5  # corpus idf a route's short form must have (元德 0.69; 中东 of 中国—东盟, in many reports: 0.29)
_PAIR = re.compile(r"([\u3400-\u9fff]{2})[—－-]{1,2}([\u3400-\u9fff]{2})")


def place_pairs(text: str) -> dict[str, str]:
    """Short form → long form of the routes a text names by their two ends (元坝—德阳输气管线 → 元德):
    the first character of each end. The caller keeps only short forms rare over the corpus (``PAIR_RARE``)."""
    return {a[0] + b[0]: f"{a}—{b}" for a, b in _PAIR.findall(text)}


def rare(short: str, idf: Callable[[str], float]) -> bool:
    """One of the short form's bigrams is rare over the corpus (checked before looking for a long form)."""
    return max(idf(g) for g in set(bigrams(short))) >= MIN_RARE


def specific(short: str, long: str, idf: Callable[[str], float]) -> bool:
    """Does ``short`` abbreviate ``long``, and name something in particular?

    An abbreviation takes a character from each word of the name (文·交·会 of 文化产业·交易·会),
    so none of its bigrams is a bigram of the long form (黄埔区 is not 黄埔港…创新区, 居住区
    not 居住小区), it drops at least two characters (and at most half of them), ends in a character that closes names,
    and the long form holds no function word (珠三角等区). One of its bigrams must be rare
    over the corpus: 示范区 never abbreviates anything.
    """
    grams = set(bigrams(short))
    if short[-1] not in CLOSERS or not len(short) + 2 <= len(long) <= 2 * len(short) + 2 or grams & set(bigrams(long)):
        return False
    if any(ch in _FUNCTION for ch in long) or not _WORD.fullmatch(long):
        return False
    return max(idf(g) for g in grams) >= MIN_RARE


def terms(query: str) -> list[str]:
    """Runs of CJK characters of a (stripped) query between function words: the candidate names."""
    return [t for t in _WORD.findall(_SPLIT.sub("|", query)) if 3 <= len(t) <= MAX_TERM]


MAX_LEAD = 4  # characters a name may follow within a term (办好|文化产业交易会)


def short_forms(term: str, ends: set[str] | None = None) -> Iterable[tuple[str, str]]:
    """(short, long): 3–4 character forms of a long term's tail from one of its first characters,
    others in order, its last (办好文化产业交易会 → 文交会 of 文化产业交易会).

    ``ends``: only forms ending in one of these characters (a short form ends where its long one does).
    """
    if ends is not None and (not term or term[-1] not in ends):
        return
    for start in range(min(MAX_LEAD + 1, len(term) - 4)):
        long = term[start:]
        inner = long[1:-1]
        for k in (1, 2):
            for idx in itertools.combinations(range(len(inner)), k):
                s = long[0] + "".join(inner[i] for i in idx) + long[-1]
                if s not in long:
                    yield s, long


@lru_cache(maxsize=4096)
def long_form_pattern(short: str) -> re.Pattern:
    """Characters of ``short`` in order with up to four others between each (进博会 → 进口博览会)."""
    # a small negated class compiles fast; the caller keeps only all-CJK matches
    return re.compile("[^\\s，。；：、,;:（）()“”]{0,4}?".join(map(re.escape, short)))


def short_candidates(term: str) -> Iterable[str]:
    """3–4 character words of a term that end in a closing character (进博会, 自贸区)."""
    for k in (3, 4):
        for i in range(len(term) - k + 1):
            s = term[i : i + k]
            if s[-1] in CLOSERS:
                yield s
