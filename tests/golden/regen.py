"""Regenerate the golden files after reviewing a change by eye:

    .venv/bin/python -m tests.golden.regen              # indicators and commitments
    .venv/bin/python -m tests.golden.regen commitments  # one kind only

The golden tests (tests/extract/test_indicators.py, test_commitments.py) compare the
full output of the whole pipeline on the two Mentougou samples with these files.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from luoshi.pipeline import extract_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ("mentougou-2020", "mentougou-2021")
KINDS = ("indicators", "commitments")


def records_of(path: Path, kind: str) -> list[dict[str, Any]]:
    return [asdict(r) for r in getattr(extract_file(path), kind)]


def indicators_of(path: Path) -> list[dict[str, Any]]:
    return records_of(path, "indicators")


def commitments_of(path: Path) -> list[dict[str, Any]]:
    return records_of(path, "commitments")


def main(kinds: list[str]) -> None:
    for kind in kinds:
        for name in SAMPLES:
            out = ROOT / "tests" / "golden" / f"{name}.{kind}.json"
            data = records_of(ROOT / "examples" / f"{name}.txt", kind)
            out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{out.relative_to(ROOT)}: {len(data)} {kind}")


if __name__ == "__main__":
    main([k for k in sys.argv[1:] if k in KINDS] or list(KINDS))
