"""Word edges of a task's wording, so that a shared run of characters counts by whole words.

Bigrams find the same work named with the same characters, but a bigram across two words is
noise: 质量|工作标准 shares 量工作 with 大量|工作, 投资|结构 shares 资结构 with 外资|结构, 重点|地带
shares 重点地 with 重点|地区. Such a bigram is rare in the corpus, so it weighs as much as a named
project. A word segmenter (jieba, a dictionary segmenter for Chinese) tells where the task's words
begin and end; the linker then credits a shared run only with the task's words it holds whole.

jieba's own dictionary takes about a second to load; the linker ships the part of it that report
language can use (single characters, and words whose every bigram is in the corpus document
frequencies of ``weights``), with jieba's frequencies and the same total, so the segmentation
is jieba's. Build it with ``python -m luoshi.link.words build``. Without jieba or the file, every
run counts as before (no edges are known).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import sys
from functools import lru_cache
from pathlib import Path

try:  # jieba is a dependency; guard anyway so the linker still runs where it is missing
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
except ImportError:  # pragma: no cover - exercised only without the dependency
    _jieba = None

DATA = Path(__file__).parent / "data" / "words.txt.gz"
_REST = "\ue000"  # a private-use 'word' holding the frequency mass of the words left out (same total as jieba's)


@lru_cache(maxsize=1)
def _tokenizer():
    """jieba's tokenizer over the shipped word list, or None when jieba or the file is missing."""
    if _jieba is None or not DATA.exists():
        return None
    tk = _jieba.Tokenizer()
    with gzip.open(DATA, "rb") as fh:
        tk.FREQ, tk.total = tk.gen_pfdict(fh)
    tk.initialized = True  # loaded here: jieba would otherwise read (and cache) its full dictionary
    return tk


@lru_cache(maxsize=65536)
def boundaries(text: str) -> frozenset[int]:
    """Positions where a word of ``text`` may begin or end: the edges of jieba's words and of the
    dictionary words inside them (管理条例 → 管理|条例, 户籍制度 → 户籍|制度), or empty without jieba."""
    tk = _tokenizer()
    if tk is None:
        return frozenset()
    out = {0, len(text)}
    for _, a, b in tk.tokenize(text, mode="search", HMM=False):
        out.add(a)
        out.add(b)
    return frozenset(out)


@lru_cache(maxsize=65536)
def spans_of(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word of ``text`` as jieba cuts it (dictionary words), or () without jieba."""
    tk = _tokenizer()
    if tk is None:
        return ()
    return tuple((a, b) for _, a, b in tk.tokenize(text, HMM=False))


def whole_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` cut back to word edges, or None when less than two characters remain
    (量工作 in 质量|工作|标准 keeps 工作; 境人 in 入境|人员 keeps nothing; see ``match.score``)."""
    edges = boundaries(text)
    if not edges:
        return start, end
    a = min((e for e in edges if e >= start), default=end)
    b = max((e for e in edges if e <= end), default=start)
    return (a, b) if b - a >= 2 else None


def build(out: Path = DATA) -> tuple[int, int]:
    """Write the word list from jieba's dictionary and the shipped bigram document frequencies."""
    from luoshi.link.weights import corpus_weights

    if _jieba is None:
        raise SystemExit("jieba is not installed")
    weights = corpus_weights()
    if weights is None:
        raise SystemExit("no corpus weights; run `python -m luoshi.link.weights build` first")
    source = Path(_jieba.__file__).parent / "dict.txt"
    kept, left = [], 0
    total = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        total += int(freq)
        if len(word) == 1 or all(word[i : i + 2] in weights.df for i in range(len(word) - 1)):
            kept.append(f"{word} {freq}")
        else:
            left += int(freq)
    kept.append(f"{_REST} {left}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh, gzip.GzipFile(filename="", fileobj=fh, mode="wb", mtime=0) as gz:  # mtime 0: same input, same bytes
        gz.write(("\n".join(kept) + "\n").encode("utf-8"))
    return len(kept) - 1, total


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m luoshi.link.words", description="the linker's word list")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="keep the words of jieba's dictionary that report language can use")
    b.add_argument("-o", "--output", type=Path, default=DATA)
    s = sub.add_parser("show", help="print the word edges of a phrase")
    s.add_argument("phrase")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        n, total = build(args.output)
        print(f"{n} words (jieba total frequency {total}) -> {args.output} ({args.output.stat().st_size / 1e3:.0f} kB)")
    else:
        edges = sorted(boundaries(args.phrase))
        print("|".join(args.phrase[a:b] for a, b in zip(edges, edges[1:])))


if __name__ == "__main__":
    main(sys.argv[1:])
