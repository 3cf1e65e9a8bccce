"""Check a task-table gold file against the format in eval/tasks/README.md.

Every line is a JSON object with allowed fields and role; every sentence occurs verbatim
in the report text, in order; task rows carry a non-empty lead, an ISO deadline with its
source, and parts whose clauses cover the sentence exactly, in order. Messages name
the line only, never the sentence, so held-out files can be checked without being read.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).parent
ROLES = {"task", "theme", "target", "context"}
TASK_FIELDS = {"lead", "co", "deadline", "deadline_source", "parts"}
FIELDS = {"sentence", "role", "note"} | TASK_FIELDS
# Gold files that cover only part of a longer text name that text here.
TEXT_OF = {"mentougou-2021-fiveyear": "mentougou-2021"}


def text_for(gold: Path) -> Path:
    return HERE / "texts" / f"{TEXT_OF.get(gold.stem, gold.stem)}.txt"


def _units_ok(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(u, str) and u.strip() == u and u for u in value)


def _check_task(row: dict, where: str) -> list[str]:
    errors = []
    if not _units_ok(row.get("lead")) or not row["lead"]:
        errors.append(f"{where}: task needs a non-empty lead list")
    if not _units_ok(row.get("co", [])):
        errors.append(f"{where}: co must be a list of unit names")
    elif set(row.get("co", [])) & set(row.get("lead") or []):
        errors.append(f"{where}: a unit is both lead and co")
    try:
        dt.date.fromisoformat(row.get("deadline", ""))
    except (TypeError, ValueError):
        errors.append(f"{where}: deadline is not an ISO date")
    if row.get("deadline_source") not in ("written", "default"):
        errors.append(f"{where}: deadline_source must be written or default")
    parts = row.get("parts")
    if parts is not None:
        if not isinstance(parts, list) or len(parts) < 2:
            errors.append(f"{where}: parts, when present, are two or more")
            return errors
        cursor = 0
        for k, part in enumerate(parts, start=1):
            if not isinstance(part, dict) or set(part) - {"text", "lead", "co"}:
                errors.append(f"{where}: part {k} has unknown fields")
                continue
            found = row["sentence"].find(part.get("text") or "\0", cursor)
            if found < 0:
                errors.append(f"{where}: part {k} text is not in the sentence after part {k - 1}")
            else:
                cursor = found + len(part["text"])
            if not _units_ok(part.get("lead")) or not part["lead"]:
                errors.append(f"{where}: part {k} needs a non-empty lead list")
            elif not set(part["lead"]) <= set(row.get("lead") or []) | set(row.get("co") or []):
                errors.append(f"{where}: part {k} lead is neither the row's lead nor its co")
        if "".join(p.get("text") or "" for p in parts if isinstance(p, dict)) != row["sentence"]:
            errors.append(f"{where}: parts do not cover the sentence exactly, end to end")
    return errors


def validate(gold: Path) -> list[str]:
    text = text_for(gold).read_text(encoding="utf-8")
    errors: list[str] = []
    cursor = 0
    for n, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{gold.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e.msg})")
            continue
        if not isinstance(row, dict) or set(row) - FIELDS:
            errors.append(f"{where}: unknown fields {sorted(set(row) - FIELDS) if isinstance(row, dict) else ''}")
            continue
        sentence = row.get("sentence")
        if not isinstance(sentence, str) or not sentence or sentence != sentence.strip():
            errors.append(f"{where}: sentence must be non-empty text without surrounding blanks")
            continue
        found = text.find(sentence, cursor)
        if found < 0:
            errors.append(f"{where}: sentence not found verbatim after the previous one")
        else:
            cursor = found + len(sentence)
        if row.get("role") not in ROLES:
            errors.append(f"{where}: role must be one of {sorted(ROLES)}")
        elif row["role"] == "task":
            errors += _check_task(row, where)
        elif set(row) & TASK_FIELDS:
            errors.append(f"{where}: only task rows carry owners, deadlines and parts")
    return errors


def gold_files() -> list[Path]:
    return sorted((HERE / "gold").rglob("*.jsonl"))


def print_results(results: Iterable[tuple[str, list[str]]]) -> int:
    """One line per file (ok, or its error count and first 20 errors); exit code 1 if any file has errors."""
    bad = 0
    for name, errors in results:
        bad += len(errors)
        print(f"{name}: {'ok' if not errors else f'{len(errors)} errors'}")
        for e in errors[:20]:
            print("  " + e)
    return 1 if bad else 0


def main() -> int:
    return print_results((str(gold.relative_to(HERE)), validate(gold)) for gold in gold_files())


if __name__ == "__main__":
    sys.exit(main())
