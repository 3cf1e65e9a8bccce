"""``python -m bench.speed``: throughput of luoshi, a regex floor and the peers, plus their F1.

One process, one core. Throughput is UTF-8 megabytes of report text per second.
The floor is one compiled regex for numbers over the same text: nothing that
finds numbers can be faster, so every other line is also shown as a ratio to it.
Peers too slow for the whole corpus run on its first ``--peer-cap-kb`` kilobytes
and the rate is extrapolated (said so in the output). F1 is measured on the
hand-labelled gold of eval/ with the same scorer for everyone.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import re
import sys
import time
from pathlib import Path
from typing import Callable

from bench.peers import INSTALL_HINT, absolute, jionlp_money, jionlp_time, recognizers
from eval.run import ROOT, evaluate, gold_docs
from eval.score import Score, score

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "national"
# Arabic (ASCII or full-width) or Chinese numerals, with a decimal part and percent sign.
FLOOR = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?|[零〇一二两三四五六七八九十百千万亿]+")


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    """Best wall time of ``repeat`` runs (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def floor_scan(texts: list[str]) -> int:
    return sum(1 for t in texts for _ in FLOOR.finditer(t))


def pipeline_runner() -> Callable[[list[str]], object] | str:
    try:
        from luoshi.model import Document
        from luoshi.pipeline import extract_document
    except ImportError as exc:
        return f"not importable yet ({exc})"

    def run(texts: list[str]) -> None:
        for t in texts:
            extract_document(Document(text=t, format="txt", sha256=hashlib.sha256(t.encode()).hexdigest()))

    return run


def analyze_runner() -> Callable[[list[str]], object] | str:
    """The structure stage alone (parts, sections, sentences, roles): its own line in the table."""
    try:
        from luoshi.model import Document
        from luoshi.structure import analyze
        from luoshi.textmap import MappedText
    except ImportError as exc:
        return f"not importable yet ({exc})"

    def run(texts: list[str]) -> None:
        for t in texts:
            analyze(MappedText(t), Document(text=t, format="txt", sha256=hashlib.sha256(t.encode()).hexdigest()))

    return run


def capped(texts: list[str], kb: int) -> list[str]:
    out, left = [], kb * 1000
    for t in texts:
        if left <= 0:
            break
        piece = t.encode("utf-8")[:left].decode("utf-8", errors="ignore")
        out.append(piece)
        left -= len(piece.encode("utf-8"))
    return out


def peer_f1(find: Callable[[str], list], absolute_values: bool) -> Score:
    total = Score()
    for _, gold in gold_docs():
        text = (ROOT / gold.doc).read_text(encoding="utf-8")
        total.add(score(absolute(gold) if absolute_values else gold, find(text)))
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt reports")
    ap.add_argument("--peer-cap-kb", type=int, default=300, help="input cap for slow peers (extrapolated)")
    ap.add_argument("--no-f1", action="store_true", help="speed only")
    args = ap.parse_args(argv)
    files = sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []
    if not files:
        print(f"bench: no corpus at {args.corpus} (clone ../shared or pass --corpus DIR)", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    size = mb(texts)
    print(f"corpus: {len(files)} files, {size:.2f} MB UTF-8, one core\n")
    floor_s = timed(lambda: floor_scan(texts), repeat=5)
    floor_rate = size / floor_s
    rows: list[tuple[str, str, str]] = [("floor: one compiled regex for numbers", f"{floor_rate:8.2f}", "1.00x")]

    analyze = analyze_runner()
    if not isinstance(analyze, str):
        rate = size / timed(lambda: analyze(texts), repeat=2)
        rows.append(("luoshi structure stage alone (aim >= 1 MB/s)", f"{rate:8.2f}", f"{floor_rate / rate:.1f}x slower"))

    run = pipeline_runner()
    if isinstance(run, str):
        rows.append(("luoshi full pipeline", run, ""))
    else:
        rate = size / timed(lambda: run(texts), repeat=2)
        rows.append(("luoshi full pipeline", f"{rate:8.2f}", f"{floor_rate / rate:.1f}x slower"))

    peers = [("Recognizers-Text", recognizers()), ("JioNLP extract_money", jionlp_money()),
             ("JioNLP extract_time", jionlp_time())]
    sample = capped(texts, args.peer_cap_kb)
    logging.disable(logging.CRITICAL)  # jionlp logs a traceback for every phrase it cannot parse
    for label, peer in peers:
        if peer is None:
            rows.append((label, INSTALL_HINT, ""))
            continue
        rate = mb(sample) / timed(lambda: [peer.scan(t) for t in sample])
        note = f" (first {args.peer_cap_kb} KB, extrapolated)" if mb(sample) < size else ""
        rows.append((peer.name + note, f"{rate:8.3f}", f"{floor_rate / rate:.0f}x slower"))
    width = max(len(r[0]) for r in rows)
    print(f"{'throughput':<{width}}  {'MB/s':>8}  vs floor")
    for name, rate, ratio in rows:
        print(f"{name:<{width}}  {rate:>8}  {ratio}")
    if not args.no_f1:
        print_f1(run, peers)
    return 0


def print_f1(run: object, peers: list) -> None:
    print("\nF1 on the hand-labelled gold (eval/gold; span overlap + equal value)")
    results: list[tuple[str, Score | str]] = []
    if isinstance(run, str):
        results.append(("luoshi", run))
    else:
        from eval.run import luoshi_predictor

        results.append(("luoshi", evaluate(luoshi_predictor(), gold_docs())[1]))
    for label, peer in peers[:2]:  # extract_time finds dates, not indicators
        results.append((label, peer_f1(peer.find, absolute_values=True) if peer else INSTALL_HINT))
    for name, s in results:
        if isinstance(s, str):
            print(f"  {name:<22} {s}")
        else:
            print(f"  {name:<22} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} (TP {s.tp}, FP {s.fp}, FN {s.fn})")


if __name__ == "__main__":
    sys.exit(main())
