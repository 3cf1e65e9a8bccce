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
    built = (build_one(label) for label in sorted(HERE.glob("*.b.txt")))
    return validate.print_results((out.name, errors) for out, errors in built)


if __name__ == "__main__":
    sys.exit(main())
