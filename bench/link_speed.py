"""Linking speed: two reports of ~1,000 commitments each (target: under 2 s on one core).

Commitments are built from the clauses of real report text (the bundled examples, and
the national corpus in ../shared when present), so queries and evidence look real.
Prints the time for link_reports and diff_reports, and the ratio against a baseline run
in the same process: building the evidence index alone.
``python bench/link_speed.py [N]``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from luoshi.link import diff_reports, link_reports  # noqa: E402
from luoshi.link.pledges import EvidenceIndex  # noqa: E402
from luoshi.link.segments import clause_units  # noqa: E402
from luoshi.model import Commitment, Extraction, ReportMeta  # noqa: E402
from luoshi.textmap import MappedText  # noqa: E402


def _texts() -> list[str]:
    paths = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "eval" / "texts").glob("gwr-20*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def report(text: str, n: int, year: int) -> Extraction:
    units = [u for u in clause_units(MappedText(text)) if len(u.text) >= 8][:n]
    commitments = [Commitment(f"c{i}", u.text, None, None, "process", None, None, [], [], [], u.start, u.end, None)
                   for i, u in enumerate(units)]
    return Extraction(ReportMeta(year=year), [], [], commitments)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    texts = _texts()
    half = len(texts) // 2
    old_text, new_text = "\n".join(texts[:half]), "\n".join(texts[half:])
    old, new = report(old_text, n, 2020), report(new_text, n, 2021)
    t0 = time.perf_counter()
    EvidenceIndex(clause_units(MappedText(new_text)), "new")
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    links = link_reports(old, old_text, new, new_text)
    t_link = time.perf_counter() - t0
    t0 = time.perf_counter()
    diff = diff_reports(old, new)
    t_diff = time.perf_counter() - t0
    print(f"old {len(old.commitments)} commitments, new {len(new.commitments)} commitments, "
          f"new text {len(new_text):,} chars")
    print(f"link_reports {t_link:.2f} s ({len(links)} links)   diff_reports {t_diff:.2f} s "
          f"({len(diff.carried)} carried)   index build {base:.2f} s   link/index ratio {t_link / base:.1f}x")


if __name__ == "__main__":
    main()
