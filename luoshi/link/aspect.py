"""What evidence says happened (done, partial, shortfall) and what a pledge asked for.

Words live in ``rules/zh/verdict_words.yaml``. At each place the longest word wins
(主体完工 is partial although it ends in 完工); over a clause the strongest signal wins:
shortfall > partial > done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from luoshi import rules
from luoshi.extract.vocab import alternation
from luoshi.link.words import spans_of
from luoshi.textmap import fold

Aspect = Literal["shortfall", "partial", "done"]
PledgeKind = Literal["result", "process"]
_RANK = {"shortfall": 3, "partial": 2, "done": 1}


@dataclass(frozen=True)
class Signal:
    aspect: Aspect
    word: str
    strong: bool  # a word that by itself says the work is finished (建成, 通车 …)


def _alternation(words) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted({fold(w) for w in words}, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _tables():
    cfg = rules.load("verdict_words")
    kind_of: dict[str, str] = {}
    for aspect in ("done", "partial", "shortfall"):  # later ones win a word listed twice
        for w in cfg["aspects"][aspect]["words"]:
            kind_of[fold(w)] = aspect
    aspects = _alternation(kind_of)
    strong = frozenset(fold(w) for w in cfg["strong_done"])
    result = _alternation(cfg["pledges"]["result"]["words"])
    process = _alternation(cfg["pledges"]["process"]["words"])
    stop = _alternation(cfg["query_stopwords"])
    neutral = _alternation(cfg["pledges"]["neutral"])
    return kind_of, aspects, strong, result, process, stop, neutral


def signal(clause: str) -> Signal | None:
    """The strongest aspect signal in a clause, or None when it names no outcome."""
    kind_of, aspects, strong, *_ = _tables()
    best: Signal | None = None
    for m in aspects.finditer(fold(clause)):
        word = m.group()
        aspect = kind_of[word]
        if best is None or _RANK[aspect] > _RANK[best.aspect] or (
            aspect == best.aspect == "done" and word in strong and not best.strong
        ):
            best = Signal(aspect, word, word in strong)  # type: ignore[arg-type]
    return best


@lru_cache(maxsize=1)
def _circumstance() -> re.Pattern:
    return _alternation(rules.load("verdict_words")["circumstance"]["words"])


@lru_cache(maxsize=1)
def _not_work() -> re.Pattern:
    return _alternation(rules.load("verdict_words")["not_work"]["words"])


@lru_cache(maxsize=1)
def _context_frame() -> re.Pattern:
    return _alternation(rules.load("verdict_words")["context_frames"]["words"])


def context_frame(sentence: str) -> bool:
    """The sentence frames the year or the period (总体要求是, …之年, 关键时期): no work of its own."""
    return bool(_context_frame().search(fold(sentence)))


@lru_cache(maxsize=1)
def _context_duty() -> re.Pattern:
    return re.compile(rules.load("verdict_words")["context_duty"]["pattern"])


def context_duty(sentence: str) -> bool:
    """The sentence says something is to be done (要…, 必须…, 应当…) though it holds no verb of a pledge."""
    return bool(_context_duty().search(fold(sentence)))


def not_work(sentence: str) -> bool:
    """Does the sentence thank, draw a lesson or restate a mission rather than report work?"""
    return bool(_not_work().search(fold(sentence)))


@lru_cache(maxsize=1)
def _needs() -> re.Pattern:
    return _alternation(rules.load("verdict_words")["needs"]["words"])


def states_a_need(clause: str) -> bool:
    """Does the clause say the work is still needed (亟需加快培育, 仍要更好激发) rather than done?"""
    return bool(_needs().search(fold(clause)))


@lru_cache(maxsize=1)
def _lessons() -> tuple[re.Pattern, re.Pattern]:
    cfg = rules.load("verdict_words")["lessons"]
    return _alternation(cfg["opens"]), _alternation(cfg["closes"])


def opens_lessons(clause: str) -> bool:
    """Does the clause open a review's lessons (我们的主要体会是)?"""
    return bool(_lessons()[0].search(fold(clause)))


def closes_lessons(clause: str) -> bool:
    """Does the clause turn from the lessons to the problems (我们也清醒地认识到)?"""
    return bool(_lessons()[1].search(fold(clause)))


def mention_only(clause: str) -> bool:
    """Does the clause only name the work, with no word of an outcome and no figure (造纸产业向高端化转型)?"""
    return signal(clause) is None and not re.search(r"\d", clause)


@lru_cache(maxsize=1)
def _task_frames() -> tuple[re.Pattern, re.Pattern]:
    cfg = rules.load("verdict_words")
    work = cfg["task_frames"]["work"] + cfg["pledges"]["result"]["words"] + cfg["pledges"]["process"]["words"]
    return re.compile(f"^(?:{_alternation(cfg['task_frames']['words']).pattern})"), _alternation(work)


def frame_only(clause: str) -> bool:
    """Does the task clause only name what the work serves (围绕重点产业), with no work of its own after it?"""
    folded = fold(clause).strip()
    opening, work = _task_frames()
    m = opening.match(folded)
    return m is not None and work.search(folded[m.end():]) is None


def circumstance(clause: str) -> bool:
    """Does the clause set the scene (在减税降费背景下) rather than report work?"""
    return bool(_circumstance().search(fold(clause)))


@lru_cache(maxsize=1)
def _figure_words() -> tuple[re.Pattern, re.Pattern]:
    cfg = rules.load("verdict_words")["figure_clauses"]
    return _alternation(cfg["frame"]), _alternation(cfg["share"])


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万亿|亿|千万|百万|万|千)?(?:%|％|个百分点|倍|美元|元|人次|人|户|家|个|项|千瓦时|千瓦|吨标准煤|吨|立方米|平方米|平方公里|公里|公顷|亩|套|辆|台|所|张|件|次|座|条|名)?")
_SUBJECT = re.compile(r"[\u3400-\u9fffA-Za-z]")


def figure_only(clause: str) -> bool:
    """Does the clause only give a figure: a bare comparison (比上年增长2倍) or, with no word of
    work done, a share of a total (灾后恢复重建占14%)? Such a clause is no evidence that a task was done."""
    folded = fold(clause)
    numbers = _FIGURE.sub("|", folded)
    if numbers == folded:
        return False
    frame, share = _figure_words()
    if len(_SUBJECT.findall(frame.sub("", numbers))) < 2:
        return True
    s = share.search(folded)
    return bool(s and "%" in folded[s.end():] and signal(folded) is None)


@lru_cache(maxsize=1)
def _heads() -> re.Pattern:
    return re.compile(f"(?:{_alternation(rules.load('verdict_words')['action_heads']['words']).pattern})$")


def action_head(clause: str) -> str | None:
    """The action noun ending a clause's object (加强社会保障基金监管 → 监管), if it is one of ``action_heads``."""
    pieces = [p for p in strip_query(clause, keep_nouns=True).split("|") if p]
    m = _heads().search(pieces[-1]) if pieces else None
    return m.group() if m else None


@lru_cache(maxsize=1)
def _same_end_state() -> dict[str, re.Pattern]:
    out: dict[str, re.Pattern] = {}
    for group in rules.load("verdict_words")["pledges"].get("same_end_state", []):
        pattern = _alternation(group["words"])
        for w in group["words"]:
            out[fold(w)] = pattern
    return out


@lru_cache(maxsize=1)
def _not_yet() -> str:
    return _alternation(rules.load("verdict_words")["pledges"]["not_yet"]["words"]).pattern


def says_end_state(pledge_word: str, clause: str) -> bool:
    """The clause says the result pledge's end state, in its word or another of the same state (开工 ~ 启动改造),
    and not as still ahead (即将建成: ``not_yet``)."""
    same = _same_end_state().get(pledge_word)
    state = re.escape(fold(pledge_word)) + (f"|{same.pattern}" if same is not None else "")
    folded = re.sub(f"(?:{_not_yet()})(?:{state})", "|", fold(clause))
    return fold(pledge_word) in folded or (same is not None and same.search(folded) is not None)


def pledge_kind(text: str) -> tuple[PledgeKind, str | None]:
    """result when the pledge's first verb names an end state (完成, 建成 …), else process."""
    *_, result, process, _, neutral = _tables()
    folded = neutral.sub(lambda m: "|" * len(m.group()), fold(text))
    r, p = result.search(folded), process.search(folded)
    if r and (p is None or r.start() <= p.start()):
        return "result", r.group()
    return "process", p.group() if p else None


# Quantities change between reports (1万亩 → 10.4万亩) and years date the pledge, so
# they are no part of what it is about; numbers inside names (国道109, 110千伏) stay.
_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:万|亿|千|百){0,2}(?:年底|年|个|万亩|亩|公顷|项|家|人次|人|户|座|条|名|套|%|元|平方米|公里|版)")
# how exact a quantity is (1000个左右, 5万套以上) says nothing about the work either
_APPROX = re.compile(r"(?<=\|)(?:左右|以上|以内|以下|多)")
# nor do the words that put it against a bound or last year (超过1400亿元, 比上年减少300亿元): kept,
# they match any clause giving any figure (覆盖面超过70%)
_CHANGE = r"(?:增长|增加|减少|下降|提高|降低)"


@lru_cache(maxsize=1)
def _before_quantity() -> re.Pattern:
    prefix = [w for ws in rules.load("comparators")["prefix"].values() for w in ws]
    words = alternation(prefix)
    return re.compile(rf"(?:比上年|比去年|同比){_CHANGE}?|(?:{words}|{_CHANGE})(?=\d)")


# Generic nouns of the stop list: dropped for the report-local matching of ``find``, kept in
# place for corpus-weighted matching (their weight is near zero there, and cutting them out
# would break 城乡建设用地 into pieces).
_NOUNS = frozenset({"建设", "工作", "项目", "工程", "水平", "能力", "体系", "机制", "重点", "相关", "各项", "基本", "高质量"})


@lru_cache(maxsize=1)
def _manner() -> re.Pattern:
    words = [w for w in rules.load("verdict_words")["query_stopwords"] if w not in _NOUNS]
    return _alternation(words)


@lru_cache(maxsize=1)
def _leading_verbs() -> re.Pattern:
    cfg = rules.load("verdict_words")
    words = cfg["pledges"]["result"]["words"] + cfg["pledges"]["process"]["words"] + cfg["query_stopwords"]
    return re.compile(f"^(?:{_alternation(words).pattern})+")


def leading_verb(text: str) -> bool:
    """``text`` opens with a pledge verb or a how-word (发挥, 推进, 实现 …)."""
    return _leading_verbs().match(text) is not None


@lru_cache(maxsize=1)
def _levels() -> frozenset[str]:
    return frozenset(fold(w) for w in rules.load("verdict_words")["name_levels"]["words"])


def name_core(name: str) -> str:
    """A named work without the pledge verbs before it (巩固食品安全示范区 → 食品安全示范区): the
    extractor may take them in; a name keeps at least three characters (建成区 stays).

    The level of government that owns the work (市|奥体中心, 区|人民医院) is dropped too when it stands as a
    word of its own: the review names the work with or without it (奥体中心…开工建设), and the bigram across
    it (市奥) is rare enough to outweigh the name itself. 市民中心, 县城污水处理厂 keep theirs (市民, 县城).
    """
    folded = fold(name)
    m = _leading_verbs().match(folded)
    core = name[m.end():] if m and len(folded) - m.end() >= 3 else name
    words = spans_of(fold(core))
    if words and words[0][1] == 1 and fold(core)[0] in _levels() and len(core) >= 4:
        return core[1:]
    return core


def task_words() -> re.Pattern:
    """How-words and generic nouns of a task (推进, 加快, 建设, 工作 …: ``query_stopwords``): they name no work."""
    return _tables()[5]


def strip_query(text: str, keep_nouns: bool = False) -> str:
    """The pledge without how-words (确保, 加快推进 …) and quantities: what remains names the object."""
    stop = _manner() if keep_nouns else _tables()[5]
    folded = _before_quantity().sub("|", fold(text))
    return stop.sub("|", _APPROX.sub("", _QUANTITY.sub("|", folded)))


def counts(text: str) -> set[str]:
    """Counts a pledge names (138个, 1万亩), not dates (2020年): the same count in a later
    report's clause marks the same batch of work (完成138个村… → 138个…村庄规划获批)."""
    return {m.group() for m in _QUANTITY.finditer(fold(text))
            if not m.group().endswith(("年", "年底")) and not _ONE_DIGIT.match(m.group())}


# a count of one digit (2家, 3个) recurs by chance in any report: it marks no batch of work (新增省级
# 服务业创新发展区2家 is not 新增省级高新技术产业园区2家); one with a scale (1万亩, 5亿元) is rarer
_ONE_DIGIT = re.compile(r"\d(?![\d.万亿千百])")


@lru_cache(maxsize=1)
def _added_counts() -> re.Pattern:
    return re.compile(f"^(?:{_alternation(rules.load('verdict_words')['added_counts']['words']).pattern})")


def counts_added(metric: str | None) -> bool:
    """Does a target's name count work added in its year (新增高标准农田, 新建学校) rather than a level reached
    (清洁能源装机容量)?"""
    return bool(metric and _added_counts().search(fold(metric)))
