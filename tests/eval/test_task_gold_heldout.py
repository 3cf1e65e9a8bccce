"""The never-tuned-on task-table gold (eval/tasks/gold/heldout/): well formed and anchored in its text.

Checks the format only; it never prints or compares labels, so running it reveals nothing to tuning.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

TASKS = Path(__file__).resolve().parents[2] / "eval" / "tasks"
HELDOUT = sorted((TASKS / "gold" / "heldout").glob("*.jsonl"))
ROLES = {"task", "theme", "target", "context"}
TASK_KEYS = {"lead", "co", "deadline", "deadline_source"}
ALLOWED = {"sentence", "role", "parts", "note"} | TASK_KEYS
SENTENCE_END = "。！？!?"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heldout_task_gold_exists():
    assert {p.stem for p in HELDOUT} >= {"beijing-2023"}


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.stem)
def test_heldout_task_gold_is_well_formed_and_in_text_order(path: Path):
    text = (TASKS / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8")
    rows = _rows(path)
    assert len(rows) >= 100
    pos = 0
    for n, row in enumerate(rows, 1):
        where = f"{path.name}:{n}"
        assert set(row) <= ALLOWED, where
        sentence = row["sentence"]
        assert sentence and sentence == sentence.strip(), where
        found = text.find(sentence, pos)
        assert found >= 0, f"{where}: sentence not in text after the previous one"
        # A sentence is whole: it starts after an end mark or a line break, and does not run past one.
        before = text[:found].rstrip(" \u3000")
        assert not before or before[-1] in SENTENCE_END + "\n”’）", where
        assert not any(ch in SENTENCE_END for ch in sentence.rstrip("”’）」』)\"")[:-1]), where
        assert "\n" not in sentence, where
        pos = found + len(sentence)
        assert row["role"] in ROLES, where
        if row["role"] != "task":
            assert not (set(row) & TASK_KEYS) and "parts" not in row, where
            continue
        assert TASK_KEYS <= set(row), where
        assert row["lead"] and all(isinstance(u, str) and u for u in row["lead"]), where
        assert all(isinstance(u, str) and u for u in row["co"]), where
        dt.date.fromisoformat(row["deadline"])
        assert row["deadline_source"] in {"written", "default"}, where
        part_pos = 0
        for part in row.get("parts", []):
            at = sentence.find(part["text"], part_pos)
            assert at >= 0, f"{where}: part not in sentence in order"
            part_pos = at + len(part["text"])
            assert part["lead"], where
    assert {r["role"] for r in rows} >= {"task", "theme", "context"}
