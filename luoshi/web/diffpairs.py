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

SHARED_CHARS = 4  # characters (Han, letters, digits) of the longest phrase both texts contain
STRONG_SCORE = 0.6  # coverage that passes without a shared phrase: the words agree throughout
_WORD = re.compile(r"[\w\u3400-\u9fff]")
# Words every task uses: a phrase of these alone (坚决打好, 持续推进) names nothing, so they never join one.
GENERIC = re.compile("进一步|持续|深入|全面|坚决|加快|加大|推进|推动|开展|实施|加强|提升|提高|完善|建设|工作|打好|打造|落实|"
                     "继续|着力|大力|积极|不断|切实|扎实|稳步|有序|健全|做好|抓好|确保|力争|促进|强化|深化")


def shared_phrase(old: str, new: str) -> str:
    """The longest run of text in both that is more than generic task words, trimmed of punctuation at its ends."""
    a = GENERIC.sub(lambda m: "\x00" * len(m[0]), old)  # masked differently on each side: they never match
    b = GENERIC.sub(lambda m: "\x01" * len(m[0]), new)
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return re.sub(r"^\W+|\W+$", "", old[m.a:m.a + m.size])


def reader_accepts(old: str, new: str, score: float) -> tuple[bool, str]:
    """(shown as carried over?, the shared phrase shown beside the score)."""
    phrase = shared_phrase(old, new)
    chars = len(_WORD.findall(phrase))
    return chars >= SHARED_CHARS or score >= STRONG_SCORE, phrase
