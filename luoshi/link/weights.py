"""Corpus term weights for the linker: document frequencies of character bigrams.

One report cannot tell which words matter: in a Mentougou report 门头沟 is everywhere
and 推进 only a few times. Over the shipped corpora (State Council and city reports)
the words every report uses (推进, 建设, 加强, 发展, 工作, 体系) occur in nearly every
document, while named projects, places and programmes occur in few. The linker weighs a
bigram by its inverse document frequency over that corpus (``corpus_idf``).

Build the shipped file (a few MB, gzip'd JSON) with::

    python -m luoshi.link.weights build            # ../shared/corpus/{national,cities} beside the repo
    python -m luoshi.link.weights build DIR ... -o luoshi/link/data/df.json.gz

Bigrams seen in fewer than ``MIN_DF`` documents are left out of the file; the linker
treats any bigram missing from it as rare.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from luoshi.link.index import bigrams
from luoshi.textmap import fold

DATA = Path(__file__).parent / "data" / "df.json.gz"
MIN_DF = 20  # rarer bigrams are all 'rare' to the linker; leaving them out keeps the file small and quick to load
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def default_corpora() -> list[Path]:
    """``LUOSHI_CORPUS`` (os.pathsep-separated) or ../shared/corpus/{national,cities} beside the repository."""
    env = os.environ.get("LUOSHI_CORPUS")
    if env:
        return [Path(p) for p in env.split(os.pathsep) if p]
    shared = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    return [shared / "national", shared / "cities"]


def report_files(dirs: Iterable[Path]) -> Iterator[Path]:
    for d in dirs:
        for p in sorted(d.rglob("*")):
            if p.suffix in (".txt", ".md") and p.name not in ("SOURCE.md", "README.md") and p.is_file():
                yield p


def report_text(path: Path) -> str:
    """The report's text: UTF-8, Markdown front matter and HTML comments (photo captions) removed."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return _COMMENT.sub(" ", _FRONT_MATTER.sub("", text))


def build(dirs: Iterable[Path], min_df: int = MIN_DF) -> dict:
    df: Counter[str] = Counter()
    n = 0
    for path in report_files(dirs):
        df.update(set(bigrams(fold(report_text(path)))))
        n += 1
    if n == 0:
        raise SystemExit("no reports found; give corpus folders or set LUOSHI_CORPUS")
    kept = {g: c for g, c in sorted(df.items()) if c >= min_df}
    return {"docs": n, "min_df": min_df, "df": kept}


def write(data: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:  # mtime 0: same input, same bytes
        gz.write(payload)


class CorpusWeights:
    """``idf(gram)`` in 0..1: 0 for a bigram in every report, 1 for one in none of them."""

    def __init__(self, docs: int, df: dict[str, int], min_df: int = MIN_DF) -> None:
        self.docs = docs
        self.df = df
        self._top = math.log((docs + 1) / 1)
        self._unseen = math.log((docs + 1) / (min_df / 2 + 1)) / self._top if docs else 1.0  # a typical rare bigram

    def idf(self, gram: str) -> float:
        c = self.df.get(gram)
        if c is None:
            return self._unseen
        return math.log((self.docs + 1) / (c + 1)) / self._top

    def share(self, gram: str) -> float:
        """Share of corpus reports that use the bigram (0 when unknown)."""
        return self.df.get(gram, 0) / self.docs if self.docs else 0.0


@lru_cache(maxsize=1)
def corpus_weights() -> CorpusWeights | None:
    """The shipped weights, or None when the data file is missing (the linker then uses the report alone)."""
    if not DATA.exists():
        return None
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return CorpusWeights(int(data["docs"]), data["df"], int(data.get("min_df", MIN_DF)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m luoshi.link.weights", description="corpus bigram document frequencies")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="count document frequencies over report folders and write the data file")
    b.add_argument("dirs", nargs="*", type=Path, help="folders of .txt/.md reports (default: the shared corpora)")
    b.add_argument("-o", "--output", type=Path, default=DATA)
    b.add_argument("--min-df", type=int, default=MIN_DF, help="leave out bigrams in fewer reports than this")
    s = sub.add_parser("show", help="print the weight of each bigram of a phrase")
    s.add_argument("phrase")
    args = ap.parse_args(argv)
    if args.cmd == "build":
        dirs = args.dirs or default_corpora()
        missing = [str(d) for d in dirs if not d.is_dir()]
        if missing:
            raise SystemExit(f"not a folder: {', '.join(missing)}")
        data = build(dirs, args.min_df)
        write(data, args.output)
        print(f"{data['docs']} reports, {len(data['df'])} bigrams -> {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")
    else:
        w = corpus_weights()
        if w is None:
            raise SystemExit(f"no data file at {DATA}; run `python -m luoshi.link.weights build`")
        for g in bigrams(fold(args.phrase)):
            print(f"{g}\tidf {w.idf(g):.3f}\tin {w.share(g):.1%} of reports")


if __name__ == "__main__":
    main(sys.argv[1:])
