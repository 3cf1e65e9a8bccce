"""Regenerate the indicators golden files after reviewing a change by eye:

    .venv/bin/python -m tests.golden.regen

The golden test (tests/extract/test_indicators.py) compares the full indicators output
of the whole pipeline on the two Mentougou samples with these files.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from luoshi.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("mentougou-2020", "mentougou-2021")


def indicators_of(path: Path) -> list[dict[str, Any]]:
    return [asdict(i) for i in extract_file(path).indicators]


def main() -> None:
    for name in SAMPLES:
        out = ROOT / "tests" / "golden" / f"{name}.indicators.json"
        data = indicators_of(ROOT / "examples" / f"{name}.txt")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {len(data)} indicators")


if __name__ == "__main__":
    main()
