"""The head action verb of a clause (推进, 建成, 力争…) and the object it governs.

A clause is a commitment when an action verb from ``rules/zh/actions.yaml`` starts
within its first few characters (after a subject, 要/将 and adverbs). Light verbs
that take a verb phrase (加快推进, 确保实现) hand the head to the verb they govern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luoshi.extract.vocab import alternation
from luoshi.rules import load

_R = load("actions")
HEAD_WINDOW: int = _R["head_window"]
VERBS: list[str] = [w for group in _R["verbs"] for w in group["words"]]
_LIGHT = frozenset(_R["light"])
# A verb right after 的, or before 的/了/之/数/率, is used as a noun (发展的目标,
# 的建设, 完成数); a trailing 好 is part of it (巩固好, 举办好). 过 after a verb is an aspect
# marker (推进过), except in the policy 坚持过紧日子.
_VERB = re.compile(rf"(?<!的)(?:{alternation(VERBS)})好?(?![的了是之数率额]|过(?!紧日子))")
_INTRANSITIVE = frozenset(_R["intransitive"])
# Anywhere in a sentence (a late verb: 与石景山区协同推进…, 推进数字广播电视户户通): no lookahead
# for 数/率 (完成数 is rare after the head region) but still not 的-nouns.
_ANY_VERB = re.compile(rf"(?<!的)(?:{alternation(VERBS)})好?(?![的了]|过(?!紧日子))")
_NOMINAL = frozenset(_R["nominal"])
_NOUNS = re.compile(alternation(_R["nouns"]))
_ADVERBS = re.compile(rf"(?:{alternation(_R['adverbs'])})*")
_FORWARD = re.compile(_R["forward_marker"])
_FRAME = re.compile(_R["frame"])
_TRAILING = re.compile(r"[\s,.;:!?、。，；：！？]+$")


@dataclass
class Head:
    action: str
    start: int  # offsets into the clause text searched
    end: int


def _first_verb(clause: str) -> re.Match[str] | None:
    """Leftmost verb in the head window that is not a noun after a subject."""
    for m in _VERB.finditer(clause, 0, HEAD_WINDOW + 8):
        if m.start() >= HEAD_WINDOW:
            return None
        if _NOUNS.match(clause, m.start()):
            continue
        prefix = clause[: m.start()]
        if "是" in prefix:  # 2022年是…关键的一年: a description, not a task
            return None
        if prefix and not _ADVERBS.fullmatch(prefix) and m.group().rstrip("好") in _NOMINAL:
            continue
        return m
    return None


def find_head(clause: str) -> Head | None:
    """The head action verb of ``clause`` (normalized text), or None."""
    if _FRAME.match(clause):
        return None
    m = _first_verb(clause)
    if m is None:
        return None
    head = Head(m.group(), m.start(), m.end())
    while head.action.rstrip("好") in _LIGHT:
        pos = _ADVERBS.match(clause, head.end).end()
        nxt = _VERB.match(clause, pos)
        if nxt is None:
            break
        head = Head(nxt.group(), nxt.start(), nxt.end())
    if head.end == len(clause) and head.start > 0 and head.action not in _INTRANSITIVE:
        return None
    return head


def any_verb(text: str) -> Head | None:
    """The first action verb anywhere in ``text`` (a task whose verb comes late:
    与石景山区协同推进…), or None; none in a frame (瞄准…创建: 创建 is a noun there)."""
    if _FRAME.match(text):
        return None
    for m in _ANY_VERB.finditer(text):
        if not _NOUNS.match(text, m.start()):
            return Head(m.group(), m.start(), m.end())
    return None


def opens_with_verb(text: str) -> bool:
    """True when ``text`` (normalized) opens with an action verb, after adverbs only (推进B, 加快建设C)."""
    pos = _ADVERBS.match(text).end()
    m = _VERB.match(text, pos)
    if m is None or _NOUNS.match(text, m.start()) or text[m.end() : m.end() + 1] in ("化", "性"):
        return False  # 规范化水平, 制度性安排: an adjective, not a verb
    return find_head(text) is not None


def is_forward(sentence: str) -> bool:
    """True when a sentence opens with a forward-looking marker (要, 将, 确保…)."""
    return _FORWARD.match(sentence.lstrip()) is not None


def object_of(clause: str, head: Head) -> str | None:
    """What the head verb acts on: the rest of the clause, trailing punctuation trimmed."""
    obj = _TRAILING.sub("", clause[head.end :]).strip()
    return obj or None
