"""Link a task of one report to what a later report says was done, and judge it.

Evidence units (clauses) of the later report are indexed once (``EvidenceIndex``). A task
becomes queries (its whole wording and each of its clauses and named works, without
how-words) matched by corpus-weighted bigrams (``match``): a candidate must share the
task's specific content. The status rests only on the later report's review (what was
done); the later plan saying the same again is recorded as ``carried_over`` beside it.
The status follows the pledge: a result pledge (建成/完成/出台) needs the result, a process
pledge (推进/加快/深化) concrete progress on that work; not_fulfilled needs an explicit
shortfall, or a one-off end state promised again unchanged after its deadline. Boilerplate
(完成市政府下达的各项任务) is judged from the report's targets. The confidence is a
calibrated probability (``calibration``); below the point where the verdict is wrong
more often than right the linker says no_evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi import rules
from luoshi.link import abbrev, calibration, catchall
from luoshi.link.aspect import (action_head, circumstance, closes_lessons, counts, figure_only, frame_only, leading_verb, name_core,
                                not_work, opens_lessons, pledge_kind, says_end_state, signal, states_a_need,
                                strip_query)
from luoshi.link.index import BigramIndex, bigrams
from luoshi.link.match import MIN_ANCHOR, Match, TermWeights, credible, names_in, score
from luoshi.link.periods import multi_year
from luoshi.link.segments import Unit
from luoshi.link.words import spans_of
from luoshi.model import Commitment, Evidence, Link
from luoshi.textmap import fold

MIN_COVERAGE = 0.3  # for ``find`` (diff, within-report links, quantities)
COUNT_BONUS = 0.3  # added to the coverage of credible evidence that repeats a count of the pledge
MIN_QUERY = 3  # a query of fewer distinct bigrams (编制…规划) names no particular work
IDF_POWER = 1.0
PROJECT_WEIGHT = 2.0
MAX_EVIDENCE = 3
CARRY_COVERAGE = 0.6
RESULT_COVERAGE = 0.6  # a result pledge is fulfilled by a done word only on a clause holding this much of it
ITEM_COVERAGE = 0.95  # an enumerated item (list_items) must be said again nearly in full
ITEM_SAID = 0.8  # ... in its characters too: words of no weight are words of the item (科技|带头人 is not 学术技术带头人)
WHOLE_WEIGHT = 0.3  # ranking: share of the whole task a clause holds (第二个污水治理三年行动 over 300个村污水治理)
HELD_WEIGHT = 0.2  # ranking: share of the task's weight a clause holds, beside its coverage of one query
CONTEXT_SHARE = 0.5  # a clause judged with its sentence must itself hold this share of what the sentence holds
CONTEXT_WEIGHT = 0.8  # share of the sentence's extra coverage a clause is credited with
CONTEXT_MIN = 0.15  # a clause holding less cannot hold half of a credible sentence: its sentence is not read
# ranking: a line of a term review on the whole term (——这五年…新增平台427家) says less of the task's year than
# a line on that year (2025年…新增国家级创新平台4家): of two clauses naming the work, the year's goes first, also
# when the term's line holds more of the task (新增公办学位38.5万个 below 跨镇街、跨学段统筹学位超1万个)
TERM_LINE = 0.3
YEAR_CLAUSES = 20  # clauses dated the task's year alone that make a term review one reporting that year apart
REVIEW_PARTS = ("review",)
PLAN_PARTS = ("plan", "goals")


@lru_cache(maxsize=1)
def _paraphrases() -> tuple[re.Pattern | None, dict[str, str]]:
    canon: dict[str, str] = {}
    for group in rules.load("synonyms").get("paraphrases", []):
        forms = [fold(f) for f in group["forms"]]
        for f in forms:
            canon.setdefault(f, forms[0])
    if not canon:
        return None, canon
    return re.compile("|".join(map(re.escape, sorted(canon, key=len, reverse=True)))), canon


@lru_cache(maxsize=1)
def _umbrellas() -> list[tuple[re.Pattern, str]]:
    out = []
    for group in rules.load("synonyms").get("umbrellas", []):
        children = sorted((fold(c) for c in group["children"] if c), key=len, reverse=True)
        if children:
            out.append((re.compile("|".join(map(re.escape, children))), fold(group["umbrella"])))
    return out


def umbrella_queries(query: str) -> list[str]:
    """The query with a work written as the programme it belongs to (廉租房 → 保障性安居工程: ``synonyms.yaml``)."""
    folded = fold(query)
    return [pattern.sub(umbrella, folded) for pattern, umbrella in _umbrellas() if pattern.search(folded)]


def canonical(text: str) -> str:
    """``text`` folded, each policy term written in its group's first form (``synonyms.yaml`` paraphrases)."""
    pattern, canon = _paraphrases()
    text = fold(text)
    return pattern.sub(lambda m: canon[m.group()], text) if pattern else text


@lru_cache(maxsize=8192)
def query_object(text: str) -> str:
    """What a query asks about: without how-words and quantities, nouns kept, policy terms in their
    canonical form. Read for every candidate clause of a query, so computed once per text."""
    return canonical(strip_query(text, keep_nouns=True))


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    words = rules.load("verdict_words")["boilerplate"]["words"]
    return re.compile("|".join(map(re.escape, sorted((fold(w) for w in words), key=len, reverse=True))))


class EvidenceIndex:
    """The clauses of one report and a bigram index over them."""

    def __init__(self, units: list[Unit], doc: str, periods=None) -> None:
        self.units = units
        self.doc = doc
        self.texts = [canonical(u.text) for u in units]
        self.index = BigramIndex(self.texts)
        self.weights = TermWeights(self.index)
        self.periods = periods  # unit index -> (label, first year, last year), or None
        self._grams: dict[int, set[str]] = {}
        # clauses of one sentence: a review names the work in one clause and its result in the next
        self._sentence: dict[tuple[int, int], list[int]] = {}
        for i, u in enumerate(units):
            self._sentence.setdefault((u.sent_start, u.sent_end), []).append(i)
        self._context: dict[int, tuple[str, set[str]]] = {}
        parts = {u.part for u in units}
        # Without a recognised review part (an excerpt, unknown headings) the non-plan text stands in.
        self.review_parts = REVIEW_PARTS if "review" in parts else ("review", "other")
        self._doc_text: str | None = None
        self.defined: dict[str, str] = {}  # short form -> long form, from either report's 以下简称
        self.add_definitions(fold(" ".join(u.text for u in units)))
        self._abbrev: dict[str, list[tuple[str, str]]] = {}
        self._figure_only: dict[int, bool] = {}
        self._not_work: dict[int, bool] = {}
        self.lessons = self._lessons()
        self._catch_alls: list[tuple[int, list[str]]] | None = None
        self._year_clauses: dict[int, int] = {}

    def reports_year(self, year: int | None) -> bool:
        """A term review that reports ``year`` apart from the term (刚刚过去的2025年… beside ——这五年…): at least
        YEAR_CLAUSES of its clauses are dated that year alone."""
        if year is None or self.periods is None:
            return False
        if year not in self._year_clauses:
            self._year_clauses[year] = sum(u.part in self.review_parts and self.periods(i)[1:] == (year, year)
                                           for i, u in enumerate(self.units))
        return self._year_clauses[year] >= YEAR_CLAUSES

    def catch_alls(self) -> list[tuple[int, list[str]]]:
        """(clause index, fields) of the review's catch-all lines (民族、宗教、侨务工作进一步加强)."""
        if self._catch_alls is None:
            self._catch_alls = [(i, f) for i, u in enumerate(self.units)
                                if u.part in self.review_parts and (f := catchall.fields(u.text))]
        return self._catch_alls

    def _lessons(self) -> frozenset[int]:
        """Clauses of the review's lessons (主要体会是：…必须坚持…): principles, not work done."""
        out: set[int] = set()
        inside = False
        for i, u in enumerate(self.units):
            if u.part not in self.review_parts or (inside and closes_lessons(u.text)):
                inside = False
            elif opens_lessons(u.text):
                inside = True
            if inside:
                out.add(i)
        return frozenset(out)

    def not_work(self, i: int) -> bool:
        """The sentence of clause ``i`` thanks, draws a lesson or restates a mission: it reports no work."""
        hit = self._not_work.get(i)
        if hit is None:
            ctx = self.context(i)
            hit = self._not_work[i] = i in self.lessons or not_work(ctx[0] if ctx else self.units[i].text)
        return hit

    def figure_only(self, i: int) -> bool:
        """Clause ``i`` only gives a figure (比上年增长2倍, 灾后恢复重建占14%): no evidence of work."""
        hit = self._figure_only.get(i)
        if hit is None:
            hit = self._figure_only[i] = figure_only(self.units[i].text)
        return hit

    @property
    def doc_text(self) -> str:
        if self._doc_text is None:
            self._doc_text = "\n".join(self.texts)
        return self._doc_text

    def add_definitions(self, text: str) -> None:
        """Read the abbreviations a report defines (中国国际进口博览会（以下简称“进博会”）)."""
        for short, long in abbrev.definitions(canonical(text)).items():
            if short not in long:
                self.defined.setdefault(short, long)
        # a route by its two ends (元坝—德阳输气管线) is written by their first characters (元德输气管线)
        for short, long in abbrev.place_pairs(text).items():
            if self._corpus_idf(short) >= abbrev.PAIR_RARE and short not in long:
                self.defined.setdefault(short, long)
        self._abbrev = {}

    def _corpus_idf(self, gram: str) -> float:
        corpus = self.weights.corpus
        return corpus.idf(gram) if corpus else 0.6

    def abbreviations(self, term: str) -> list[tuple[str, str]]:
        """(short, long) pairs naming ``term`` in this report in another length (文交会 / 文化产业交易会)."""
        hit = self._abbrev.get(term)
        if hit is not None:
            return hit
        out: list[tuple[str, str]] = []
        doc, postings = self.doc_text, self.index.postings
        for short, long in self.defined.items():
            if (long in term and short in doc) or (short in term and long in doc):
                out.append((short, long))
        if term not in doc:
            # the task's long term, the report's short form
            for s, long in abbrev.short_forms(term, abbrev.CLOSERS):
                if all(g in postings for g in bigrams(s)) and s in doc \
                        and abbrev.specific(s, long, self._corpus_idf) and all(s != p[0] for p in out):
                    out.append((s, long))
            # the task's short form, the report's long term
            for s in abbrev.short_candidates(term):
                if s in doc or any(s == p[0] for p in out) or not abbrev.rare(s, self._corpus_idf):
                    continue
                for m in abbrev.long_form_pattern(s).finditer(doc):
                    long = m.group()
                    if long != s and len(long) <= abbrev.MAX_LONG and abbrev.specific(s, long, self._corpus_idf):
                        out.append((s, long))
                        break
        self._abbrev[term] = out
        return out

    def grams(self, i: int) -> set[str]:
        g = self._grams.get(i)
        if g is None:
            g = self._grams[i] = set(bigrams(self.texts[i]))
        return g

    def sentence_units(self, i: int) -> list[int]:
        """Indices of the clauses of the sentence holding clause ``i``, in order."""
        u = self.units[i]
        return self._sentence.get((u.sent_start, u.sent_end), [i])

    def context(self, i: int) -> tuple[str, set[str]] | None:
        """Text and bigrams of the sentence holding clause ``i`` (clauses kept apart), or None for a one-clause sentence."""
        members = self.sentence_units(i)
        if len(members) < 2:
            return None
        hit = self._context.get(members[0])
        if hit is None:
            text = "\n".join(self.texts[k] for k in members)
            hit = self._context[members[0]] = (text, set(bigrams(text)))
        return hit

    def find(self, query: str, projects: list[str], limit: int = 5) -> list[tuple[int, float]]:
        """(unit index, coverage) of lexically similar units, best first (local weights only)."""
        grams = bigrams(canonical(strip_query(query)))
        project_grams = {g for p in projects for g in bigrams(canonical(p))}
        grams += list(project_grams)
        if not grams or len(set(grams)) < MIN_QUERY:
            return []
        weights = {g: PROJECT_WEIGHT for g in project_grams}
        hits = self.index.search(grams, limit=12, weights=weights)
        nums = counts(query)
        found = []
        for i, _ in hits:
            cov = self.index.coverage(grams, self.grams(i), IDF_POWER)
            if cov >= MIN_COVERAGE:
                if nums and any(re.search(r"(?<![\d.])" + re.escape(n), self.texts[i]) for n in nums):
                    cov = min(1.0, cov + COUNT_BONUS)
                found.append((i, cov))
        found.sort(key=lambda ic: (-round(ic[1], 3), len(self.texts[ic[0]])))  # a tie goes to the shorter clause
        return found[:limit]

    def match(self, query: str, names: list[str], limit: int = 8) -> list[Match]:
        """Credible candidates for one query, each scored by ``match.score``."""
        q = query_object(query)
        # a name is read as quoted: a policy term written short with its quotes (“两山”) has its long form
        names = [canonical(f"“{n}”").strip("“”") for n in names]
        # abbreviations are read as the long form: the short one weighs like the term it abbreviates
        short_in_units: dict[str, str] = {}
        for term in abbrev.terms(q):
            for short, long in self.abbreviations(term):
                if short in term:
                    q = q.replace(short, long)
                    names = [n.replace(short, long) for n in names]
                else:
                    short_in_units[short] = long
        grams = bigrams(q)
        if len(set(grams)) < MIN_QUERY and not any(len(n) >= 2 and n in q for n in names):
            # a short query names no particular work, unless it holds a quoted programme (深化“三线”整治)
            return []
        name_grams = {g for n in names for g in bigrams(n)}
        weights = {g: self.weights(g) * (PROJECT_WEIGHT if g in name_grams else 1.0) for g in set(grams) | name_grams}
        nums = counts(query)
        out = []
        # words every report uses add nothing to the ranking and cost the longest postings
        searched = [g for g, x in weights.items() if x >= 0.03] or list(weights)
        for short, long in short_in_units.items():
            for g in bigrams(short):
                weights[g] = max(weights.get(g, 0.0), max((weights.get(x, 0.0) for x in bigrams(long)), default=0.0))
                searched.append(g)
        for i, _ in self.index.search(searched, limit=limit, weights=weights):
            text, grams_i = self.texts[i], self.grams(i)
            shorts = [s for s in short_in_units if s in text]
            if shorts:
                for s in shorts:
                    text = text.replace(s, short_in_units[s])
                grams_i = set(bigrams(text))
            m = score(q, names, text, grams_i, self.weights)
            if m is None:
                continue
            ctx = self.context(i) if not shorts and CONTEXT_MIN <= m.coverage < 0.95 else None
            if ctx is not None:
                # the clause names the work, the next one says what became of it (组织快乐冰雪季等活动，冬奥氛围持续升温)
                ms = score(q, names, ctx[0], ctx[1], self.weights)
                if ms is not None and ms.coverage > m.coverage and m.coverage >= CONTEXT_SHARE * ms.coverage:
                    # of two clauses of one sentence, the one naming more of the work stays ahead
                    ms.coverage = m.coverage + CONTEXT_WEIGHT * (ms.coverage - m.coverage)
                    ms.anchor, ms.words = m.anchor, m.words  # the clause itself must name the work
                    m = ms
            if nums and any(re.search(r"(?<![\d.])" + re.escape(n), self.texts[i]) for n in nums):
                # the same count (138个村) marks the same batch of work: as specific as a name
                m.coverage = min(1.0, m.coverage + COUNT_BONUS)
                m.anchor = max(m.anchor, 0.5)
            m.unit, m.query = i, query
            out.append(m)
        return out


@dataclass(frozen=True)
class Verdict:
    status: str
    confidence: float
    reason: str


_SPLIT = re.compile(r"[,，;；:：。]")
_LIST = re.compile(r"(?<![以普涉危])及(?![时早])")  # 及 joining two works, not 以及, 普及, 及时
_AND = re.compile(r"(?<![共总缓温调中饱人])和(?![谐平美睦])")  # not 和谐, 共和, 总和


@lru_cache(maxsize=1)
def _means_of() -> re.Pattern:
    words = rules.load("verdict_words")["means_verbs"]["words"]
    return re.compile("|".join(map(re.escape, sorted((fold(w) for w in words), key=len, reverse=True))))


def queries(c: Commitment, items: list[str] | None = None, tails: list[str] | None = None) -> list[str]:
    """The whole task, each of its clauses when it has several, and each named work when it names several.

    A task sentence may hold several objects (…实施河长制, 配合永定河生态补水; 打响“A”“B”两个
    品牌); each clause or name then finds its own evidence.
    """
    # a clause that only gives a figure (比上年增加1304.8亿元) names no work of its own
    # nor does one naming only what the work serves (围绕重点产业)
    parts = [p for p in _SPLIT.split(c.text) if len(p.strip()) >= 4 and not figure_only(p) and not frame_only(p)]
    out = [c.text] + (parts if len(parts) > 1 else [])
    # a clause listing works (体育文化中心及档案馆新馆建设): each work is reported on its own
    out += [w for p in parts for w in _LIST.split(p) if len(w) >= 4 and w != p]
    # 和 joins two works or two sides of one (残疾人社会保障体系和服务体系): the part before it
    # keeps the verb and the modifier and is its own query; the part after may be a fragment
    # unless the part after it goes on with a verb of its own (政府投资和重大项目建设|带动农民工就业): then
    # both are the means of that work, not works of their own
    # a part opened by a preposition (同周边地区|和优势产区协作建设…) names a partner of the work, not a work
    out += [before for before, after in map(_and_split, parts)
            if before and not _means_of().search(fold(after)) and not _PREPOSITION.match(before)]
    out += after_and(c.text) if tails is None else tails  # the caller may have them already
    out += list_items(c.text) if items is None else items
    out += [p.text for p in c.parts if p.text not in out]
    names = [p for p in c.projects if len(p) >= 4]
    if len(names) > 1:
        out += names
    return list(dict.fromkeys(out))


_PREPOSITION = re.compile(r"(?:同|与|跟)(?!时|步|比|样|踪|城|等|一|期)")


def _and_split(clause: str) -> tuple[str, str]:
    """The clause cut at a 和 joining two works, each side at least 4 characters; ("", "") without one."""
    m = _AND.search(clause)
    if m is None or m.start() < 4 or len(clause) - m.end() < 4:
        return "", ""
    return clause[: m.start()], clause[m.end():]


def after_and(text: str) -> list[str]:
    """The work after 和 in a clause (基本药物制度和|基层医疗卫生机构运行新机制): a query that counts only
    with a heavy shared run of its own, since it may be a fragment (…体系和|服务体系建设)."""
    return [after for _, after in map(_and_split, _SPLIT.split(text)) if after]


def list_items(text: str) -> list[str]:
    """Works a clause enumerates (办好金钟奖、文化产业交易会、海丝博览会等): each is reported on its own.

    An item is short, so it counts only when a clause says it again nearly in full
    (``ITEM_COVERAGE``) with a specific run (政务服务 names nothing): 双大路三期 is not 双大路二期.
    """
    out = []
    for p in _SPLIT.split(text):
        items = [w for w in p.split("、") if len(w) >= 4]
        etc = _ETC.search(items[-1]) if items else None
        if len(items) >= 3:
            # the last work ends at 等 when a verb follows (科创飞地|等发挥更大作用: what they do, not a work);
            # before a noun (新能源汽车等|产业) the kind stays with the item
            verb = etc is not None and leading_verb(fold(items[-1][etc.end():]))
            out += items[:-1] + [items[-1][: etc.start()] if verb else items[-1]]
        elif len(items) == 2 and etc:
            # two works and 等 (加快国际金融城、琶洲互联网创新集聚区等项目建设): a list as well
            out += [items[0], items[1][: etc.start()]]
    return [w for w in out if len(w) >= 4]


_ETC = re.compile(r"(?<![高中平同对均初])等(?!级)(?!.*等)")  # the last 等 closing a list, not 高等, 平等, 等级


def is_boilerplate(text: str, weights: TermWeights) -> bool:
    """A stock phrase (完成市政府下达的各项任务) with nothing specific left once it is removed."""
    folded = fold(text)
    if not _boilerplate().search(folded):
        return False
    rest = canonical(strip_query(_boilerplate().sub("|", folded)))
    return sum(weights(g) for g in set(bigrams(rest))) < 0.8


def _period_note(period: str | None) -> str:
    return f"，{period}" if period else ""


def _part_zh(part: str | None) -> str:
    return {"review": "回顾", "plan": "计划", "goals": "目标"}.get(part or "", "其他")


def _evidence(ev: EvidenceIndex, m: Match) -> Evidence:
    return unit_evidence(ev, m.unit, round(m.coverage, 3))


def unit_evidence(ev: EvidenceIndex, i: int, score: float, value: str | None = None) -> Evidence:
    """Clause ``i`` of the later report as evidence, with its part and the period it covers (``value``: the
    figure read in it, for a target)."""
    u = ev.units[i]
    period = ev.periods(i)[0] if ev.periods else None
    return Evidence(ev.doc, u.text, u.start, u.end, value, score, u.part, period)


_SCALE = re.compile(r"^[\d.]+[万亿千百]*")


def _counted_again(query: str, clause: str) -> bool:
    """The clause gives a number of what the query counts, in its counter (5000亩 → 5.5万亩)."""
    counters = {_SCALE.sub("", c) for c in counts(query)} - {"%", ""}
    return any(re.search(rf"\d[万亿千百]*{re.escape(u)}", clause) for u in counters)


def _term_line(ev: EvidenceIndex, i: int, since: int | None) -> bool:
    """Clause ``i`` is on a span of years reaching before the task's year (a five-year line)."""
    return ev.periods is not None and multi_year(ev.periods(i), since)


# an enumerated heading sentence of a review paragraph (二是营商环境持续优化。): a short summary with no figure
_ENUM_HEADING = re.compile(r"^[一二三四五六七八九十]是[^\d，,；;：:]{2,14}$")


def heading_content(ev: EvidenceIndex, i: int) -> int | None:
    """The first clause of the sentence right after clause ``i`` in its paragraph when ``i`` is a whole sentence that
    is an enumerated heading (二是公共安全总体向好。强化重点领域安全监管…): what the heading sums up. None otherwise."""
    u = ev.units[i]
    if not _ENUM_HEADING.match(u.text) or ev.sentence_units(i) != [i] or i + 1 >= len(ev.units):
        return None
    nxt = ev.units[i + 1]
    # only the heading's full stop between them: a line break would start another paragraph
    return i + 1 if nxt.part == u.part and nxt.sent_start != u.sent_start and nxt.start - u.end <= 1 else None


def clause_count(task: str) -> int:
    """The clauses of a task (推动综合保税区创新发展，争取…试点: 2)."""
    return sum(bool(piece.strip()) for piece in _SPLIT.split(task))


def works_found(task: str, found: list[Match]) -> set[int]:
    """The clauses of a task of several (推动综合保税区创新发展，争取…试点) that a review clause was found for; empty
    for a task of one clause."""
    pieces = [piece for piece in _SPLIT.split(task) if piece.strip()]
    return _pieces_shown(task, pieces, found) if len(pieces) >= 2 else set()


def _pieces_shown(task: str, pieces: list[str], found: list[Match]) -> set[int]:
    """Which of a task's pieces a review clause was found for (the query is the piece or holds it); evidence found
    for the whole sentence answers none of them in particular."""
    return {k for k, piece in enumerate(pieces) for m in found if m.query != task and (m.query in piece or piece in m.query)}


MANY_WORKS = 4  # works of one sentence from which a review showing one of them shows only part of the pledge


def work_pieces(task: str) -> list[str]:
    """The clauses of a task that name a work of their own: no bare figure (比上年增加…), no frame (围绕重点产业)."""
    return [p for p in _SPLIT.split(task) if len(p.strip()) >= 4 and not figure_only(p) and not frame_only(p)]


def one_of_many(task: str, found: list[Match]) -> bool:
    """The task names ``MANY_WORKS`` works or more and the evidence found answers one of them, not the first: a
    sentence's first work is often its heading (深入开展安全生产治本攻坚三年行动，常态化开展…，强化…), which a review
    line reports for the whole; a later one alone (…孤独症关爱服务) is one work of several. Evidence found for the
    whole sentence only says nothing of which work it answers."""
    pieces = work_pieces(task)
    if len(pieces) < MANY_WORKS:
        return False
    shown = _pieces_shown(task, pieces, found)
    return len(shown) == 1 and 0 not in shown


def _in_period(ev: EvidenceIndex, i: int, since: int | None) -> bool:
    """Evidence of a review dated before the task's own period cannot show the task was done."""
    if since is None or ev.periods is None:
        return True
    _, _, last = ev.periods(i)
    return last is None or last >= since


def judge(kind: str, pledge_word: str | None, m: Match, ev: EvidenceIndex) -> tuple[str, str, str]:
    """(status, aspect, phrase) from the evidence clause's wording and the pledge's kind."""
    unit = ev.units[m.unit]
    sig = signal(unit.text)
    if kind == "result" and pledge_word and says_end_state(pledge_word, unit.text) and (sig is None or sig.aspect != "shortfall"):
        return "fulfilled", "done_strong", f"已{pledge_word}"  # the promised end state, in the pledge's own word
    if sig is None:
        if kind == "process":
            return "fulfilled", "mention", "提及该项工作，推进类承诺以进展为准"
        return "partial", "mention", f"提及该项工作但未说明{pledge_word or '结果'}"
    if sig.aspect == "shortfall":
        return "not_fulfilled", "shortfall", f"明确未达成（{sig.word}）"
    if sig.aspect == "done":
        if kind == "result" and m.coverage < RESULT_COVERAGE:
            # a result reported on part of the object (首钢滑雪大跳台完工 for 首钢南区规划优化): not the promised end state
            return "partial", "progress", f"部分内容已{sig.word}，未见{pledge_word or '结果'}本身"
        return "fulfilled", "done_strong" if sig.strong else "done", f"已{sig.word}"
    if kind == "process":
        return "fulfilled", "progress", f"{sig.word}，推进类承诺以进展为准"
    return "partial", "progress", f"{sig.word}而非{pledge_word or '完成'}"


def _unchanged_repeat(c: Commitment, kind: str, pledge_word: str | None, carried: Match | None, ev: EvidenceIndex) -> bool:
    """A one-off end state (建成X, 实现X开工) promised again in the later plan with the same words."""
    if carried is None or kind != "result" or not pledge_word or carried.coverage < 0.8:
        return False
    new_kind, new_word = pledge_kind(ev.units[carried.unit].text)
    return new_kind == "result" and new_word == pledge_word


_DIGIT = re.compile(r"\d")


def _informative(text: str) -> float:
    """Best first: a clause that reports a result (a done word, a number) beats one that only names the
    work, and that beats one naming it as the scene of something else (在减税降费背景下)."""
    sig = signal(text)
    return (0.05 * bool(_DIGIT.search(text)) + 0.05 * bool(sig is not None and sig.aspect == "done")
            - 0.1 * circumstance(text))


def _spread(found: list[Match]) -> list[Match]:
    """At most three spans, best first; a row of several tasks shows each task's best span before seconds."""
    firsts, rest, seen = [], [], set()
    for m in found:
        (rest if m.query in seen else firsts).append(m)
        seen.add(m.query)
    return (firsts[:1] + sorted(firsts[1:] + rest, key=lambda m: (m not in firsts, found.index(m))))[:MAX_EVIDENCE]


def _lacks_kind(query: str, m: Match, ev: EvidenceIndex) -> bool:
    """A named work or listed item ends in the kind of thing it is (宁马|高速, 天府国际机场|口岸): a clause
    naming the rest but not that word is about another thing of the same name (宁马跨界一体化示范区)."""
    stripped = query_object(query).rstrip("|")
    words = spans_of(stripped)
    if not words:
        return False
    kind = stripped[words[-1][0] : words[-1][1]]
    text = ev.texts[m.unit]
    if len(kind) < 2 or kind in text or len(kind) == len(stripped):
        return False
    return not any(short in text for short, _ in ev.abbreviations(stripped))


def _holds_an_item(query: str, m: Match, ev: EvidenceIndex) -> bool:
    """A clause enumerating works (申报天府国际机场口岸、天府国际空港综合保税区) is met by a clause saying one
    of them nearly in full, not by one sharing a piece of each (天府国际机场建成投运)."""
    if len(_SPLIT.split(query)) != 1:
        return True
    pieces = query.split("、")
    if len(pieces) < 2 or sum(len(w) >= 4 for w in pieces) < 2:
        return True
    last = pieces[-1]
    # the last item ends at 等; what follows names the kind (通信等|基础设施建设), which may be said instead
    listed = pieces[:-1] + ([last[: last.rindex("等")], last[last.rindex("等") + 1 :]] if "等" in last else [last])
    text, grams = ev.texts[m.unit], ev.grams(m.unit)
    for w in (w for w in listed if len(w) >= 2):
        hit = score(query_object(w), [], text, grams, ev.weights)
        if hit is not None and hit.coverage >= ITEM_COVERAGE and not _lacks_kind(w, m, ev):
            return True
    return False


def _headless(query: str, m: Match, ev: EvidenceIndex, text: str) -> bool:
    """The clause of the query holding the heaviest shared run ends in an action noun (基金|监管) the
    evidence does not say: it names the thing, not the work done to it. A query that is a piece of a
    clause (a named work, an item of a list: 城市主干道 of 城市主干道等重点街区规划) is read in its clause."""
    if not m.words:
        return False
    run = m.words[0]
    for clause in _SPLIT.split(query):
        if run in canonical(clause):
            head = action_head(clause)
            if head is None:
                whole = next((c for c in _SPLIT.split(text) if clause in c), clause)
                head = action_head(whole) if whole != clause else None
            return head is not None and head not in ev.texts[m.unit]
    return False


HEAD_COVERAGE = 0.25  # a clause naming the head of a task clause's object may hold less of its weight
HEAD_ANCHOR = MIN_ANCHOR
NEAR_COVERAGE = 0.25  # a task clause said this far in a review sentence that another task clause also meets,
NEAR_ANCHOR = 0.2  # ... with a shared run this heavy
HEAD_CREDIT = 0.6  # such a clause counts as holding this share of the clause's weight
HEAVY_ANCHOR = 0.5  # a shared word this heavy (two or three rare bigrams) names the work by itself ...
HEAVY_COVERAGE = 0.2  # ... in a clause holding at least this share of the task clause's weight
_TRAILING = re.compile(r"(?:[|]|建设|工作|项目|工程|水平|能力|体系|机制)+$")


ITEM_UNITS = 3  # clauses of the later report an item said again whole may appear in and still name one work


def _rare_item(query: str, m: Match, ev: EvidenceIndex) -> bool:
    """An item of a list said again whole (农村电网 of 农村电网、通信、广播电视…) in few clauses of the later
    report names one work though its words are common; one the report says everywhere (政务服务) does not."""
    obj = query_object(query).strip("|")
    return "|" not in obj and len(obj) >= 4 and obj in ev.texts[m.unit] and ev.weights.run_units(obj) <= ITEM_UNITS


_PHASE = re.compile(r"[一二三四五六七八九十\d]+期")


def _phase_unsaid(query: str, m: Match, ev: EvidenceIndex) -> bool:
    """A listed work ending in its phase (东莞记忆首开区二期) named whole in a clause without a phase
    (东莞记忆首开区、举重博物馆建成开放): the review names the work, its phase left out. A clause naming another
    phase of it (双大路二期 for 双大路三期) is about another work."""
    obj = query_object(query).strip("|")
    phase = _PHASE.search(obj)
    if phase is None or phase.end() != len(obj) or phase.start() < 3:
        return False
    base, text = obj[: phase.start()], ev.texts[m.unit]
    at = text.find(base)
    return at >= 0 and not _PHASE.match(text, at + len(base))


def _named_whole(query: str, c: Commitment, m: Match, ev: EvidenceIndex) -> bool:
    """A listed item or named work said again whole, in few clauses of the later report, in a clause giving only
    a figure about it (海峡青年节 → 第十二届海峡青年节参会台青“首来族”占比超50%): the figure reports on that work, as
    a figure of a common word (灾后恢复重建占14%) does not."""
    return (query in c.projects or query in list_items(c.text)) and _rare_item(query, m, ev)


def _names_the_head(query: str, m: Match) -> bool:
    """The heaviest shared word is the head of the clause's object, the word it ends in (办好国际国内重大|体育赛事,
    铁腕推进|扫黑除恶|专项斗争): the modifiers before it may change between reports, the thing stays."""
    if not m.words or m.coverage < HEAD_COVERAGE or m.anchor < HEAD_ANCHOR:
        return False
    stripped = _TRAILING.sub("", query_object(query))
    return stripped.endswith(m.words[0])


def link_commitment(c: Commitment, ev: EvidenceIndex, source_text: str | None = None, *,
                    since: int | None = None, targets: tuple[int, int] | None = None) -> Link:
    """Judge one task on the later report indexed in ``ev``.

    ``since``: the task's plan year (review evidence of earlier years is left out);
    ``targets``: (met, missed) counts of the same report's targets, for boilerplate.
    """
    text = source_text if source_text is not None else c.text

    def link(status: str, conf: float, reason: str, evidence: list[Evidence], carried: Evidence | None) -> Link:
        return Link(c.id, "commitment", text, c.start, c.end, status, conf, reason, evidence, carried)  # type: ignore[arg-type]

    kind, pledge_word = pledge_kind(c.text)
    names = [name_core(n) for n in names_in(c.text, c.projects)]
    review: dict[int, Match] = {}
    plan: dict[int, Match] = {}
    listed, after = list_items(c.text), after_and(c.text)
    items = set(listed)
    tails = set(after) - items
    whole: dict[int, float] = {}  # unit -> share of the whole task's weight it holds
    qs = queries(c, listed, after)
    qs += [u for q in qs for u in umbrella_queries(q) if u not in qs]
    near: dict[int, dict[str, Match]] = {}  # review sentence -> task clause -> its best clause there
    for q in qs:
        q_names = [name_core(q)] if q in c.projects else [n for n in names if n in q] or []
        for m in ev.match(q, q_names):
            if q == c.text:
                whole[m.unit] = m.coverage
            ok = credible(m, clause=q != c.text)
            if not ok and q != c.text and m.coverage >= NEAR_COVERAGE and m.anchor >= NEAR_ANCHOR:
                by_q = near.setdefault(ev.units[m.unit].sent_start, {})
                if q not in by_q or m.coverage > by_q[q].coverage:
                    by_q[q] = m
            if not ok and _names_the_head(q, m):
                m.coverage, ok = max(m.coverage, HEAD_CREDIT), True
            if not ok and q != c.text and m.anchor >= HEAVY_ANCHOR and m.coverage >= HEAVY_COVERAGE:
                # a task clause and a clause sharing a word as rare as a named work (行政区划调整, 货币信贷,
                # 农机具购置): the same work, whatever else each says about it (前期研究, 快速增长)
                m.coverage, ok = max(m.coverage, HEAD_CREDIT), True
            if not ok or (q in items and (m.coverage < ITEM_COVERAGE or (m.said < ITEM_SAID and not _phase_unsaid(q, m, ev))
                                          or (m.anchor < MIN_ANCHOR and not _rare_item(q, m, ev)))) \
                    or ((q in items or q in c.projects) and _lacks_kind(q, m, ev) and not _phase_unsaid(q, m, ev)) \
                    or (q in tails and m.anchor < MIN_ANCHOR) or (ev.figure_only(m.unit) and not _named_whole(q, c, m, ev)) \
                    or _headless(q, m, ev, c.text) \
                    or not _holds_an_item(q, m, ev) or ev.not_work(m.unit) or states_a_need(ev.units[m.unit].text):
                continue
            part = ev.units[m.unit].part
            pool = review if part in ev.review_parts else plan if part in PLAN_PARTS else None
            if pool is None or (pool is review and not _in_period(ev, m.unit, since)):
                continue
            old = pool.get(m.unit)
            if old is None or (m.coverage, m.anchor) > (old.coverage, old.anchor):
                pool[m.unit] = m
    if not review:
        # two clauses of the task, each said in part in one sentence of the review (从严控制一般性支出 …
        # 以政府的紧日子… → 坚持政府“过紧日子”，一般性支出压减9.3%): together they name the work
        for by_q in near.values():
            apart = [m for q, m in by_q.items() if not any(q != o and (q in o or o in q) for o in by_q)]
            if len({m.unit for m in apart}) >= 2 and ev.units[apart[0].unit].part in ev.review_parts \
                    and _in_period(ev, apart[0].unit, since):
                joint = min(1.0, sum(m.coverage for m in apart))  # what the sentence holds of the clauses together
                for m in apart:
                    if not ev.figure_only(m.unit) and not ev.not_work(m.unit):
                        m.coverage = max(m.coverage, HEAD_CREDIT, joint)
                        if m.unit not in review or m.coverage > review[m.unit].coverage:
                            review[m.unit] = m
    # a clause holding all of a short query (改革管理体制) ranks below one holding more of the
    # task's weight (未来科学城…创新要素): the weight held counts beside the share of the query
    rank = lambda m: (-(m.coverage + 0.1 * min(m.anchor, 3.0) + HELD_WEIGHT * min(m.coverage * m.total, 1.0)  # noqa: E731
                        + WHOLE_WEIGHT * whole.get(m.unit, 0.0) + _informative(ev.units[m.unit].text)
                        - TERM_LINE * _term_line(ev, m.unit, since)),
                       len(ev.units[m.unit].text))
    found = sorted(review.values(), key=rank)
    # the same work promised again: a heavy shared run, not just the same frame (实现…规范化)
    carried = max((m for m in plan.values() if m.coverage >= CARRY_COVERAGE and m.anchor >= MIN_ANCHOR),
                  key=lambda m: (m.coverage, m.anchor), default=None)
    carried_ev = _evidence(ev, carried) if carried else None
    carry_note = f"；新报告计划再次提出：{ev.units[carried.unit].text}" if carried else ""

    if is_boilerplate(c.text, ev.weights):
        met, missed = targets or (0, 0)
        if met + missed == 0:
            return link("no_evidence", calibration.NO_EVIDENCE_PRIOR, "套话，不作为具体任务判断；本报告指标无可比结果" + carry_note, [], carried_ev)
        status = "fulfilled" if missed == 0 else "not_fulfilled" if missed > met else "partial"
        conf = calibration.boilerplate(met, missed)
        return link(status, conf, f"套话，依本报告指标判断：{met}项达成，{missed}项未达成" + carry_note, [], carried_ev)

    if found:
        best = found[0]
        # the clause of the row that found the evidence says what was pledged (完成A，推进B)
        q_kind, q_word = pledge_kind(best.query)
        if q_word:
            kind, pledge_word = q_kind, q_word
        status, aspect, phrase = judge(kind, pledge_word, best, ev)
        if status == "fulfilled" and _term_line(ev, best.unit, since) and _counted_again(best.query, ev.texts[best.unit]):
            # a term's total of what the task counts (完成土地收储5.5万亩 for 收储土地5000亩) is no figure for its year:
            # the work was done over the term, the year's count is not given
            status, phrase = "partial", f"{phrase}（五年累计数，未见当年数）"
        elif status == "fulfilled" and _term_line(ev, best.unit, since) and ev.reports_year(since) \
                and 0 < len(works_found(c.text, found)) < clause_count(c.text):
            # a review that reports the task's year apart, silent on the task there, and naming some of its several
            # works only in lines on the whole term (综保区连续六年获评全国A类 for 推动综合保税区创新发展，争取…
            # 便利监管试点): the work went on over the term; the year's several pieces are not all shown
            status, phrase = "partial", f"{phrase}（五年综述，未见当年各项）"
        elif status == "fulfilled" and one_of_many(c.text, found) and not _counted_again(c.text, ev.texts[best.unit]):
            # a sentence of four works or more of which the review shows one, not the first that the rest spell out
            # (…孤独症全生命周期关爱服务 for 做优巾帼建功系列行动，建设提升…，推进宫颈癌疫苗…，加强儿童孤独症筛查…): part
            # of the pledge is shown; the task's own count said again (新建…驿站160家) is its result
            status, phrase = "partial", f"{phrase}（{len(work_pieces(c.text))}项工作仅见其一）"
        conf = calibration.confidence(status, aspect, best.coverage, best.anchor, kind)
        evidence = [_evidence(ev, m) for m in _spread(found)]
        unit = ev.units[best.unit]
        said = unit.text
        content = heading_content(ev, best.unit)
        if content is not None:
            # 二是营商环境持续优化。建立项目“并联审批”机制…: the heading sums up, the sentence after it shows the work
            evidence = [unit_evidence(ev, content, evidence[0].score)] + evidence[: MAX_EVIDENCE - 1]
            said = f"{unit.text}。{ev.units[content].text}"
        where = f"（{_part_zh(unit.part)}{_period_note(evidence[0].period)}）"
        words = "、".join(best.words) or "—"
        reason = f"证据{where}：{said} — {phrase}；匹配：{words}{carry_note}"
        if conf < calibration.ABSTAIN:
            return link("no_evidence", round(1 - conf, 2), f"证据不足，不作判断。最接近的{reason}", evidence, carried_ev)
        return link(status, conf, reason, evidence, carried_ev)

    if _unchanged_repeat(c, kind, pledge_word, carried, ev):
        conf = calibration.REPEAT_CONFIDENCE
        reason = f"到期未见完成：新报告计划原样再次提出“{pledge_word}”：{ev.units[carried.unit].text}"  # type: ignore[union-attr]
        return link("not_fulfilled", conf, reason, [carried_ev], carried_ev)  # type: ignore[list-item]
    for i, fields in ev.catch_alls():
        field = catchall.field_of(c.text, fields)
        if field is not None and _in_period(ev, i, since):
            # the review names the task's field only in its catch-all line: as close as that line says
            evidence = unit_evidence(ev, i, catchall.CONFIDENCE)
            status = "fulfilled" if kind == "process" else "partial"
            reason = (f"证据（回顾{_period_note(evidence.period)}）：{evidence.text} — 回顾仅在综述各项工作的一句中提及“{field}”"
                      f"{'，推进类承诺以进展为准' if kind == 'process' else '，未说明结果'}{carry_note}")
            return link(status, catchall.CONFIDENCE, reason, [evidence], carried_ev)
    reason = "新报告回顾中未找到该项工作" + (f"（新报告计划再次提出：{ev.units[carried.unit].text}，不作为落实证据）" if carried else "")
    return link("no_evidence", calibration.NO_EVIDENCE_PRIOR, reason, [], carried_ev)
