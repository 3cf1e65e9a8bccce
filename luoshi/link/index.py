"""A character-bigram BM25 index over evidence units, built once per report.

Chinese reports name the same works with the same characters (门城水厂, 双大路二期), so
bigrams find them without a word segmenter. Postings are plain dicts and lists: a query
touches only the units that share a bigram with it, never every unit.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict

# Keep CJK, letters and digits; punctuation and spaces break bigrams.
_RUNS = re.compile(r"[\u3400-\u9fffA-Za-z0-9０-９Ａ-Ｚａ-ｚ]+")


def bigrams(text: str) -> list[str]:
    out: list[str] = []
    for run in _RUNS.findall(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
        if len(run) == 1:
            out.append(run)
    return out


class BigramIndex:
    """BM25 (k1, b) over documents given as strings; ``search`` returns (doc, score)."""

    def __init__(self, docs: list[str], k1: float = 1.2, b: float = 0.6) -> None:
        self.n = len(docs)
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = []
        for i, doc in enumerate(docs):
            grams = bigrams(doc)
            lengths.append(len(grams) or 1)
            for g, tf in Counter(grams).items():
                self.postings[g].append((i, tf))
        avg = sum(lengths) / len(lengths) if lengths else 1.0
        self.norm = [k1 * (1 - b + b * n / avg) for n in lengths]
        self.k1 = k1
        self.idf = {g: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for g, p in self.postings.items()}

    def weight(self, gram: str) -> float:
        """IDF of a bigram; one never seen in the index weighs like the rarest."""
        return self.idf.get(gram, math.log(1 + (self.n + 0.5) / 0.5))

    def search(self, grams: list[str], limit: int = 8, weights: dict[str, float] | None = None) -> list[tuple[int, float]]:
        scores: dict[int, float] = defaultdict(float)
        k1 = self.k1
        for g in set(grams):
            posting = self.postings.get(g)
            if not posting:
                continue
            w = self.idf[g] * (weights.get(g, 1.0) if weights else 1.0)
            norm = self.norm
            for i, tf in posting:
                scores[i] += w * tf * (k1 + 1) / (tf + norm[i])
        if not scores:
            return []
        return heapq.nlargest(limit, scores.items(), key=lambda kv: kv[1])

    def coverage(self, grams: list[str], doc_grams: set[str], power: float = 1.0) -> float:
        """Share of the query's IDF weight present in a document (0..1).

        ``power`` > 1 lets rare bigrams (names: 龙泉医院) dominate common ones (医院, 迁建).
        """
        uniq = set(grams)
        total = sum(self.weight(g) ** power for g in uniq)
        if not total:
            return 0.0
        return sum(self.weight(g) ** power for g in uniq if g in doc_grams) / total
