"""Time growth of the engine on repeated patterns: the ratio of run times when the input
grows 4x. Linear stages give ~4; quadratic ones ~16."""

from __future__ import annotations

import time

PATTERNS = {
    "figures, no punctuation": "增长5%提高3.2个百分点",
    "headings": "（一）推进\n",
    "clauses": "推进改革，",
    "list of figures": "5%和",
    "periods": "2020年至2025年",
    "Chinese numerals": "十四五",
    "Markdown markers (as text)": "![",
}


def _seconds(text: str) -> float:
    from luoshi.model import Document
    from luoshi.pipeline import extract_document

    start = time.perf_counter()
    extract_document(Document(text=text, format="txt", sha256="x", path=None))
    return time.perf_counter() - start


def growth(unit: str, small: int = 20_000, factor: int = 4) -> tuple[float, float, float]:
    a = _seconds(unit * (small // len(unit)))
    b = _seconds(unit * (small * factor // len(unit)))
    return a, b, b / max(a, 1e-6)


def report(small: int = 20_000) -> str:
    lines = [f"growth when the input grows 4x (from {small} characters):"]
    for name, unit in PATTERNS.items():
        a, b, ratio = growth(unit, small)
        lines.append(f"  {name:26} {a:6.2f} s -> {b:6.2f} s  x{ratio:.1f}")
    return "\n".join(lines)
