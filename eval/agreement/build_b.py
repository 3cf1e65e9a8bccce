"""Second, independent labellings (eval/agreement/<name>.b.txt) → <name>.b.jsonl, then validated.

The label syntax and builder are eval/tasks/build.py's; that tool writes only into eval/tasks/gold/,
so this helper writes the built rows beside the label file and runs eval/tasks/validate.py's checks
on them against the report text named in the label header.

    python -m eval.agreement.build_b
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.tasks import validate
from eval.tasks.build import _header, build

HERE = Path(__file__).parent


def text_name(label: Path) -> str:
    head, _ = _header(label.read_text(encoding="utf-8").splitlines())
    return head["text"]


def build_one(label: Path) -> tuple[Path, list[str]]:
    out = label.with_suffix(".jsonl")  # x.b.txt → x.b.jsonl
    rows = build(label)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    validate.TEXT_OF[out.stem] = text_name(label)  # x.b.jsonl is checked against texts/x.txt
    return out, validate.validate(out)


def main() -> int:
    bad = 0
    for label in sorted(HERE.glob("*.b.txt")):
        out, errors = build_one(label)
        bad += len(errors)
        print(f"{out.name}: {'ok' if not errors else f'{len(errors)} errors'}")
        for e in errors[:20]:
            print("  " + e)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
