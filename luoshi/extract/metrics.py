"""The metric of a number: the subject phrase before it (地区生产总值增长6% -> 地区生产总值)
or, for a count or a verb's object, the noun after it (新建3所学校 -> 学校). Vocabulary in
``rules/zh/metrics.yaml``.
"""

from __future__ import annotations

import re

from luoshi.extract.units import alternation
from luoshi.rules import load

_R = load("metrics")
_LEADING = re.compile(f"^(?:{alternation(_R['leading'])})+")
_TRAILING = re.compile(f"(?:{alternation(_R['trailing'])})+$")
_CUT = re.compile("|".join(f"(?:{p})" for p in _R["cut"]))
_VERB_START = re.compile(f"(?:{alternation(_R['object_cut_verbs'])})")
_AFTER_STOP = re.compile(alternation(_R["after_stop"]))
_OBJECT_VERB = re.compile(f"(?:{alternation(_R['object_verbs'])})$")
_NOUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9.“”\"\u200b \n]+")
_BLANKS = re.compile(r"[\s\u200b]+")
_QUOTES = re.compile(r"[“”\"]")
_EDGE_JUNK = re.compile(r"^[\"“”'‘’()、的]+|[\"“”'‘’(、的]+$")
MAX_LEN: int = _R["max_len"]
_AGENT_VERB = re.compile(
    f"({alternation(_R['agent_verbs']['agents'])})(?:{alternation(_R['agent_verbs']['verbs'])})(?=[\u4e00-\u9fff]{{2}})"
)
_FRAGMENTS = frozenset(_R["fragments"])
_TOPIC_NOT = re.compile(alternation(_R["topic_not"]))


def is_fragment(metric: str | None) -> bool:
    """True for a word that cannot be a metric alone (实际, 新增, 目标 …)."""
    return metric is not None and metric in _FRAGMENTS


def _clean(phrase: str) -> str | None:
    phrase = _AGENT_VERB.sub(r"\1", _EDGE_JUNK.sub("", phrase))
    for _ in range(3):  # strip words that uncover more words (预计全区完成 …)
        stripped = _EDGE_JUNK.sub("", _TRAILING.sub("", _LEADING.sub("", phrase)))
        if stripped == phrase:
            break
        phrase = stripped
    if len(phrase) > MAX_LEN:  # keep the head noun's end: the part after the last 的
        tail = phrase.rsplit("的", 1)[-1]
        phrase = tail if 2 <= len(tail) <= MAX_LEN else phrase[-MAX_LEN:]
    return phrase if len(phrase) >= 2 and phrase not in _FRAGMENTS else None


def topic_phrase(clause: str) -> str | None:
    """A clause that is only a noun phrase (农民的纯收入，…) names the topic of the figures
    after it; None when the clause has a verb or comparison cut (比上年增长 …)."""
    clause = _BLANKS.sub("", clause)
    if _TOPIC_NOT.search(clause):
        return None
    clause = _EDGE_JUNK.sub("", _LEADING.sub("", clause))
    if not clause or _CUT.search(clause) or _OBJECT_VERB.search(clause) or _ACTION_START.search(clause):
        return None
    return _clean(clause)


def subject_phrase(phrase: str) -> str:
    """The clause text before a number cut before its verb (…增长 / 比2016年 / 由 …); when
    the verb opens the clause, its object (减少企业税负3500亿元 -> 企业税负)."""
    phrase = _BLANKS.sub("", phrase)
    phrase = _EDGE_JUNK.sub("", _LEADING.sub("", _EDGE_JUNK.sub("", phrase)))
    cut = _CUT.search(phrase)
    if not cut:
        return phrase
    if cut.start() == 0 and _VERB_START.match(phrase):
        rest = phrase[cut.end() :]
        return "" if _CUT.match(rest) else rest
    return phrase[: cut.start()]


def metric_before(phrase: str) -> str | None:
    """Subject phrase of the text between the clause start and the number (periods removed)."""
    phrase = subject_phrase(phrase)
    head, sep, last = phrase.rpartition("、")  # A、B均100%: the nearest item
    if sep and len(_LEADING.sub("", last)) >= 2:
        phrase = last
    return _clean(phrase)


def split_subjects(phrase: str, count: int) -> list[str] | None:
    """``count`` metrics from a joint subject (化学需氧量、二氧化硫排放量分别下降 …)."""
    parts = [p for p in re.split(r"[、和及与]", subject_phrase(phrase)) if p]
    if len(parts) != count:
        return None
    cleaned = [_clean(p) for p in parts]
    return None if any(c is None for c in cleaned) else cleaned  # type: ignore[return-value]


def wants_object(phrase: str) -> bool:
    """True when the phrase before a number ends with a verb whose object follows it."""
    return bool(_OBJECT_VERB.search(_BLANKS.sub("", phrase)))


_ACTION_START = re.compile(f"^(?:{alternation(_R['leading'])})*(?:{alternation(_R['object_verbs'])})(?![区率])")


def starts_with_action(phrase: str) -> bool:
    """True when a clause opens with an action verb (实施…造林10.4万亩): the figure is a flow."""
    return bool(_ACTION_START.search(_BLANKS.sub("", phrase)))


def metric_after(text: str, pos: int, limit: int = 24) -> str | None:
    """The noun right after a quantity at ``pos`` (11个工区全部开工 -> 工区)."""
    m = _NOUN.match(text, pos, pos + limit)
    if not m:
        return None
    noun = _QUOTES.sub("", _BLANKS.sub("", m.group(0)))
    if noun[:1].isdigit():  # another quantity follows, not a noun
        return None
    stop = _AFTER_STOP.search(noun)
    if stop:
        noun = noun[: stop.start()]
    noun = noun.rsplit("的", 1)[-1] if "的" in noun[1:] else noun.lstrip("的")
    if not noun or len(noun) > 14:
        return None
    return noun
