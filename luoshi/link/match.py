"""Is a clause of a later report about the same work as a task? Weighted bigram matching.

A bigram weighs what it says about *which* work is meant: its inverse document
frequency over the shipped corpus (``weights``: 推进, 建设, 体系 weigh almost nothing,
门城水厂 a lot) times its inverse frequency within the later report (门头沟 is in every
clause of a Mentougou report and tells one clause from another not at all). A candidate
must share the task's specific content: a run of shared characters (an *anchor*) heavy
enough to name the object, and a named project or quoted programme when the task has one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from luoshi.link.index import BigramIndex, bigrams
from luoshi.link.weights import corpus_weights
from luoshi.link.words import whole_words

MIN_COVERAGE = 0.35  # share of the task's weight a clause must hold
MIN_ANCHOR = 0.25  # weight of the heaviest shared run of characters (one rare bigram ≈ 0.5–0.8)
# A bigram holding a function character (要注意, 这对于, 于我国) is rare in the corpus for its style, not its
# content: it names no work, and weighs a fraction of its rarity.
_FUNCTION = re.compile(r"[要这于的了是也又都把被着所其]")
FUNCTION_SCALE = 0.2
OWN_WEIGHT = 0.01  # the report's own region's name weighs like a word every report uses
NAME_SHARE = 0.75  # share of a named project's / quoted programme's weight a clause must hold
# A run of common words said again verbatim (食品安全示范城市, 海绵城市建设示范, 现代企业制度) names one
# work though each of its bigrams is in most reports: the words are common, their sequence is not.
# It anchors a match when it is this long (characters) and in this few clauses of the later report.
LONG_RUN = 6
_GENERIC_TAIL = re.compile(r"(?:建设|工作|项目|工程|水平|能力|体系|机制|制度|改革)+$")  # 服务体系建设 is 服务 and frame
LONG_RUN_UNITS = 3
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")
_CJK_ONLY = re.compile(r"[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fffA-Za-z0-9]+")


@dataclass
class Match:
    unit: int
    coverage: float
    anchor: float
    words: list[str] = field(default_factory=list)  # shared words, heaviest first (the reason names them)
    query: str = ""  # the query (task clause) that found it
    total: float = 0.0  # the query's weight
    runs: int = 0  # shared runs of characters (words said again)
    together: float = 0.0  # their summed weight
    long_run: bool = False  # a shared whole-word run of ``LONG_RUN`` characters, rare in the later report
    said: float = 1.0  # share of the query's characters inside shared runs (words of no weight count too)
    named: bool = False  # the task's named project or quoted programme is held (at least ``NAME_SHARE`` of it)


class TermWeights:
    """Weight of a bigram for one later report: corpus IDF × within-report IDF, each in 0..1."""

    def __init__(self, index: BigramIndex) -> None:
        self.index = index
        self.corpus = corpus_weights()
        self._top = math.log(index.n + 1) or 1.0
        self._cache: dict[str, float] = {}
        self._runs: dict[str, int] = {}
        self.own: tuple[str, ...] = ()  # the report's own region's names (``region``): words every report uses
        self._own_grams: frozenset[str] = frozenset()

    def set_own(self, names: list[str]) -> None:
        self.own = tuple(n for n in names if len(n) >= 2)
        self._own_grams = frozenset(g for n in self.own for g in bigrams(n))
        self._cache = {}

    def own_edges(self, text: str) -> set[str]:
        """Bigrams across the edge of the own region's name in ``text`` (平安|无锡 → 安无, 无锡|建设 → 锡建)."""
        return _edge_grams(text, self.own)

    def run_units(self, run: str) -> int:
        """How many clauses of the later report hold every bigram of ``run`` (at least those holding the run)."""
        hit = self._runs.get(run)
        if hit is None:
            units: set[int] | None = None
            for g in set(bigrams(run)):
                here = {i for i, _ in self.index.postings.get(g, ())}
                units = here if units is None else units & here
                if not units:
                    break
            hit = self._runs[run] = len(units or ())
        return hit

    def local(self, gram: str) -> float:
        posting = self.index.postings.get(gram)
        df = len(posting) if posting else 0
        return math.log((self.index.n + 1) / (df + 1)) / self._top

    def __call__(self, gram: str) -> float:
        w = self._cache.get(gram)
        if w is None:
            local = self.local(gram)
            w = (self.corpus.idf(gram) if self.corpus else 0.6) * local
            if gram in self._own_grams:
                w = min(w, OWN_WEIGHT)
            elif _FUNCTION.search(gram):
                w *= FUNCTION_SCALE
            self._cache[gram] = w
        return w


def names_in(text: str, projects: list[str]) -> list[str]:
    """Named projects and quoted programmes of a task (“健康门头沟”, 门城水厂)."""
    names = [m.group(1) for m in _QUOTED.finditer(text)]
    names += [p for p in projects if len(p) >= 3]
    return list(dict.fromkeys(n for n in names if len(n) >= 2))


def shared_spans(query: str, target: str) -> list[tuple[int, int]]:
    """(start, end) in ``query`` of its maximal substrings (≥ 2 characters) that occur in ``target``."""
    out = []
    for m in _CJK_RUN.finditer(query):
        run, base = m.group(), m.start()
        i = 0
        while i < len(run) - 1:
            j = i + 2
            if run[i:j] not in target:
                i += 1
                continue
            while j < len(run) and run[i : j + 1] in target:
                j += 1
            out.append((base + i, base + j))
            i = j
    return out


def whole_runs(query: str, spans: list[tuple[int, int]]) -> list[str]:
    """The shared runs (``shared_spans``) cut back to the task's whole words (质量|工作 and 大量工作
    share 工作, not 量工作)."""
    out = []
    for a, b in spans:
        cut = whole_words(query, a, b)
        if cut is not None:
            out.append(query[cut[0] : cut[1]])
    return out


def weight_of(text: str, w: TermWeights) -> float:
    return sum(w(g) for g in set(bigrams(text)))


# Function characters join words (综合治理与生态修复): the bigrams across them name nothing.
_JOINERS = re.compile(r"[与及并的等、]|和(?![谐平美睦])")


def split_words(query: str) -> str:
    return _JOINERS.sub("|", query)


def _edge_grams(query: str, runs: Iterable[str]) -> set[str]:
    """Bigrams with one character in a shared run and one outside it (永定河|山峡段 → 河山).

    Without a word segmenter such a bigram may be a word boundary; it is left out of the
    query's weight rather than counted as missing content.
    """
    edges: set[str] = set()
    for run in runs:
        a = query.find(run)
        while a >= 0:
            b = a + len(run)
            if a > 0:
                edges.add(query[a - 1 : a + 1])
            if b < len(query):
                edges.add(query[b - 1 : b + 1])
            a = query.find(run, a + 1)
    return edges


def score(query: str, names: list[str], unit_text: str, unit_grams: set[str], w: TermWeights) -> Match | None:
    """Coverage, anchor and shared words of one clause for one (stripped, canonical) query."""
    query = split_words(query)
    spans = shared_spans(query, unit_text)
    runs = [query[a:b] for a, b in spans]
    words = whole_runs(query, spans)
    named = {g for n in names for g in bigrams(n)}  # a name is one word: no boundary inside it
    # a lone character left by a joiner (参|与 → 参) is half a word, not a word of the task
    grams = {g for g in bigrams(query) if len(g) == 2} or set(bigrams(query))
    grams -= {g for g in _edge_grams(query, runs) if g not in unit_grams and g not in named}
    # 无锡|建设: the bigram across the region's name joins two words and names nothing, unless it is
    # inside a quoted or named work (“平安无锡”), which it tells from another (“健康无锡”)
    own = (w.own_edges(query) - named) if w.own else set()
    grams -= own
    total = sum(w(g) for g in grams)
    if total <= 0:
        return None
    coverage = sum(w(g) for g in grams if g in unit_grams) / total
    weighed = sorted(((sum(w(g) for g in set(bigrams(r)) - own), r) for r in words), reverse=True)
    anchor = weighed[0][0] if weighed else 0.0
    long_run = any(len(_GENERIC_TAIL.sub("", r)) >= LONG_RUN and _CJK_ONLY.fullmatch(r) and w.run_units(r) <= LONG_RUN_UNITS
                   for _, r in weighed)
    if long_run:
        anchor = max(anchor, MIN_ANCHOR)
    named = False
    if names:
        best = max((sum(w(g) for g in set(bigrams(n)) if g in unit_grams) / (weight_of(n, w) or 1.0)) for n in names)
        if best < NAME_SHARE:
            coverage *= 0.3
        named = best >= NAME_SHARE and anchor >= MIN_ANCHOR
    chars = sum(len(r) for r in _CJK_ONLY.findall(query))
    said = sum(b - a for a, b in spans) / chars if chars else 1.0
    return Match(-1, coverage, anchor, [r for x, r in weighed if x >= 0.05][:4], total=total, runs=len(runs),
                 together=sum(x for x, _ in weighed), long_run=long_run, said=said, named=named)


FULL_WORDING = 0.85  # a clause of common words only counts when said again (nearly) in full: 全民基本医保 ~ 全民医保
NEARLY_ALL = 0.9  # a clause holding this much of the task's weight in several words needs only a light anchor
SAME_WORDING = 0.8  # a clause holding this much of the task's weight says the same thing: a lighter anchor will do


def credible(m: Match, clause: bool = False) -> bool:
    """Enough of the task's weight, and a shared run heavy enough to name its object.

    A task made only of words common everywhere (扫黑除恶) cannot offer a heavy run: then
    half of its own weight will do. One clause of a longer task made only of such words
    (落实学校、医院的主体责任) must then be said again in full (审计监督 → 审计监督全覆盖): a
    partial match on it (全面从严治党主体责任) is the task's frame, not its object.
    """
    anchor = min(MIN_ANCHOR, 0.5 * m.total)
    # a quoted programme or named work said again whole (加快“四好农村路”扩面提质 → 获评“四好农村路”示范县)
    # names the work however light the rest of the clause is
    if clause and anchor < MIN_ANCHOR and m.coverage < FULL_WORDING and not m.long_run and not m.named:
        return False
    if m.coverage >= NEARLY_ALL and m.runs >= 3:
        # several common words, all said again (农民工|养老保险|办法): together they name the work
        return m.together >= anchor / 2
    if m.coverage >= SAME_WORDING:
        return m.anchor >= anchor / 2
    return m.coverage >= MIN_COVERAGE and m.anchor >= anchor
