"""A small model of who an office makes lead for which kind of task.

Nearest neighbours over character n-grams (TF-IDF, 2–4 characters, digits folded):
a new row takes the owners of the most similar row the office assigned before when
that row is similar enough and its nearest neighbours agree on the lead. Chinese
task texts of one government repeat their wording year after year (推进永定河生态
修复, 完成老旧小区综合整治), so character n-grams find the precedent without a
segmenter. Trains in milliseconds for thousands of rows, offline, in process.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

MIN_SIMILARITY = 0.45  # cosine of the nearest precedent; below it the rules decide
NEIGHBOURS = 3
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_NOISE = re.compile(r"[\s，。、；：“”‘’（）《》,.;:()\"'!?！？]+")


@dataclass
class Precedent:
    """A row whose owners the office decided (confirmed, changed or imported)."""

    text: str
    lead: list[str]
    support: list[str] = field(default_factory=list)
    year: int | None = None
    ref: int | None = None  # the stored commitment's id


@dataclass
class Learned:
    lead: list[str]
    support: list[str]
    similarity: float
    precedent: Precedent

    def reason(self, year: int | None = None) -> str:
        """去年同类任务由区水务局牵头 (“推进永定河生态修复…”，相似度0.82)."""
        when = "去年" if year and self.precedent.year and year - self.precedent.year == 1 else (
            f"{self.precedent.year}年" if self.precedent.year else "此前")
        quote = self.precedent.text if len(self.precedent.text) <= 24 else self.precedent.text[:24] + "…"
        return f"{when}同类任务由{'、'.join(self.lead)}牵头（“{quote}”，相似度{self.similarity:.2f}）"


def fold(text: str) -> str:
    """What the model compares: digits folded (造林1万亩 ~ 造林2万亩), punctuation dropped."""
    return _NOISE.sub(" ", _DIGITS.sub("0", text)).strip()


class OwnerModel:
    """Fit on precedents, then ``suggest`` owners for new texts (None where not confident)."""

    def __init__(self, precedents: list[Precedent], min_similarity: float = MIN_SIMILARITY) -> None:
        self.precedents = [p for p in precedents if p.lead and p.text.strip()]
        self.min_similarity = min_similarity
        self._vectorizer = None
        self._matrix = None
        if self.precedents:
            from sklearn.feature_extraction.text import TfidfVectorizer

            self._vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), sublinear_tf=True, min_df=1)
            self._matrix = self._vectorizer.fit_transform([fold(p.text) for p in self.precedents])

    def __len__(self) -> int:
        return len(self.precedents)

    def suggest(self, texts: list[str]) -> list[Learned | None]:
        if self._vectorizer is None or not texts:
            return [None] * len(texts)
        sims = (self._vectorizer.transform([fold(t) for t in texts]) @ self._matrix.T).toarray()
        return [self._decide(row) for row in sims]

    def _decide(self, sims) -> Learned | None:
        order = sims.argsort()[::-1][:NEIGHBOURS]
        best = int(order[0])
        if sims[best] < self.min_similarity:
            return None
        # The neighbours close to the best one vote on the lead (weighted by similarity):
        # a precedent contradicted by equally close ones is not confident.
        votes: dict[str, float] = defaultdict(float)
        for i in order:
            if sims[i] >= self.min_similarity and sims[i] >= sims[best] - 0.1:
                votes[self.precedents[int(i)].lead[0]] += float(sims[i])
        top = self.precedents[best]
        if votes and max(votes, key=votes.get) != top.lead[0]:
            return None
        return Learned(list(top.lead), [s for s in top.support if s not in top.lead], float(sims[best]), top)
