"""Which carried-over pairs of the report diff a reader would accept as "the same task".

The linker pairs an old task with the new one that covers most of its character bigrams
(luoshi.link.diff, coverage >= 0.3). Coverage alone accepts pairs that share only common
words (打造…文旅 beside 打造…文旅体验产业带; 清洁能源 beside 清洁取暖). A reader accepts a pair
when both texts name the same thing: a shared phrase of at least SHARED_CHARS characters
(家庭医生签约, 永定河文化博物馆, 长安街西), or, without one, a coverage of at least STRONG_SCORE.
Checked by hand on the bundled Mentougou 2020 → 2021 pairs (tests/web/test_diff_pairs.py).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from luoshi.link.aspect import task_words
from luoshi.textmap import fold

SHARED_CHARS = 4  # characters (Han, letters, digits) of the longest phrase both texts contain
STRONG_SCORE = 0.6  # coverage that passes without a shared phrase: the words agree throughout
_WORD = re.compile(r"[\w\u3400-\u9fff]")


def shared_phrase(old: str, new: str) -> str:
    """The longest run of text in both that is more than generic task words, trimmed of punctuation at its ends.

    Words every task uses (坚决打好, 持续推进: the linker's ``query_stopwords`` in rules/zh/verdict_words.yaml)
    name nothing, so they never join a phrase. Masking keeps offsets: both texts are folded width for width.
    """
    generic = task_words()
    a = generic.sub(lambda m: "\x00" * len(m[0]), fold(old))  # masked differently on each side: they never match
    b = generic.sub(lambda m: "\x01" * len(m[0]), fold(new))
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return re.sub(r"^\W+|\W+$", "", old[m.a:m.a + m.size])


def reader_accepts(old: str, new: str, score: float) -> tuple[bool, str]:
    """(shown as carried over?, the shared phrase shown beside the score)."""
    phrase = shared_phrase(old, new)
    chars = len(_WORD.findall(phrase))
    return chars >= SHARED_CHARS or score >= STRONG_SCORE, phrase
