"""Scoring task rows against the task-table gold (eval/tasks/gold/*.jsonl).

The gold has no offsets: each gold sentence is found in the report text by its text
(whitespace-insensitive, in order), and the engine's sentences and rows are matched to
it by overlap with that span, so a different sentence splitter does not break the match.
A row belongs to one gold sentence at most: the one it overlaps most, provided that more than
half of the row lies in gold sentences. The gold splitter cuts at every line break, so a
sentence whose source breaks lines around a title (认真实施《\n信访条例\n》，加强和改进信访工作。)
is three gold pieces; the engine's one row over the whole sentence is the row of the piece it
overlaps most, not of none of them.

Per report and in total:
- task recall: gold task sentences that got at least one row;
- cleanliness: gold context and theme sentences that got no row;
- rows per task sentence: rows on gold task sentences / task sentences that got a row;
- lead accuracy: the first row's first lead, canonicalized by the master list, among the
  gold's accepted leads (canonicalized the same way), both read without the report's own place
  name in front (a table's bare 高新区管委会 is the engine's 郑州高新区管委会 in 郑州's report; another
  place's name stays: 三山经开区管委会 is not the city's 经开区管委会); over task sentences that got a row;
- deadline accuracy: the first row's deadline equals the gold's; same denominator;
- role accuracy: the role of the engine sentence covering most of the gold sentence
  (no role = context) equals the gold's; over every gold sentence.
The scorer takes plain data (gold dicts, engine dicts) so it is tested without the pipeline;
unit names are canonicalized by a function passed in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_BLANK = re.compile(r"\s+")

Canon = Callable[[str], str]


def load_gold(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Located:
    gold: dict[str, Any]
    start: int | None  # span in the report text, None when the sentence was not found
    end: int | None


def locate(text: str, gold: list[dict[str, Any]]) -> list[Located]:
    """Each gold sentence's span in ``text``, searched in order, ignoring whitespace."""
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in keep)
    out: list[Located] = []
    pos = 0
    for g in gold:
        needle = _BLANK.sub("", g["sentence"])
        at = squeezed.find(needle, pos) if needle else -1
        if at < 0:
            at = squeezed.find(needle) if needle else -1
        if at < 0:
            out.append(Located(g, None, None))
            continue
        pos = at + len(needle)
        out.append(Located(g, keep[at], keep[at + len(needle) - 1] + 1))
    return out


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def assign_rows(rows: list[dict[str, Any]], spans: list[tuple[int, int] | None]) -> list[list[dict[str, Any]]]:
    """The rows of each gold sentence (``spans``, None = not found): a row goes to the gold sentence
    it overlaps most (the first on a tie) when more than half of the row lies in gold sentences."""
    out: list[list[dict[str, Any]]] = [[] for _ in spans]
    for row in rows:
        overlaps = [_overlap(row["start"], row["end"], *sp) if sp else 0 for sp in spans]
        if not overlaps or sum(overlaps) * 2 <= max(1, row["end"] - row["start"]):
            continue
        best = max(range(len(overlaps)), key=lambda i: (overlaps[i], -i))
        out[best].append(row)
    return out


@dataclass
class TaskScore:
    tasks: int = 0
    tasks_with_row: int = 0
    clean_total: int = 0  # context + theme sentences
    clean_ok: int = 0
    rows_on_tasks: int = 0
    lead_ok: int = 0
    deadline_ok: int = 0
    roles: int = 0
    roles_ok: int = 0
    missing: int = 0  # gold sentences not found in the text
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, sentence, gold, engine

    def add(self, other: TaskScore) -> None:
        for name in ("tasks", "tasks_with_row", "clean_total", "clean_ok", "rows_on_tasks", "lead_ok",
                     "deadline_ok", "roles", "roles_ok", "missing"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def recall(self) -> float:
        return self._ratio(self.tasks_with_row, self.tasks)

    @property
    def cleanliness(self) -> float:
        return self._ratio(self.clean_ok, self.clean_total)

    @property
    def rows_per_task(self) -> float:
        return self._ratio(self.rows_on_tasks, self.tasks_with_row)

    @property
    def lead(self) -> float:
        return self._ratio(self.lead_ok, self.tasks_with_row)

    @property
    def deadline(self) -> float:
        return self._ratio(self.deadline_ok, self.tasks_with_row)

    @property
    def role(self) -> float:
        return self._ratio(self.roles_ok, self.roles)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tasks": self.tasks, "task_recall": round(self.recall, 4), "cleanliness": round(self.cleanliness, 4),
            "rows_per_task": round(self.rows_per_task, 4), "lead_accuracy": round(self.lead, 4),
            "deadline_accuracy": round(self.deadline, 4), "role_accuracy": round(self.role, 4),
            "sentences": self.roles, "not_found": self.missing,
        }


def _first_lead(row: dict[str, Any]) -> str | None:
    leads = [d["name"] for d in row.get("departments", []) if d.get("role") == "lead"]
    return leads[0] if leads else None


def _engine_role(sentences: list[dict[str, Any]], s: int, e: int) -> str:
    best, best_ov = None, 0
    for sent in sentences:
        ov = _overlap(sent["start"], sent["end"], s, e)
        if ov > best_ov:
            best, best_ov = sent, ov
    return (best or {}).get("role") or "context"


def own_place_names(region: str | None) -> tuple[str, ...]:
    """The ways a report's own place opens a unit's name: 郑州市 → (郑州市, 郑州), longest first."""
    if not region:
        return ()
    short = region[:-1] if len(region) > 2 and region[-1] in "市区县" else region
    return tuple(dict.fromkeys((region, short)))


def without_own_place(name: str, own: tuple[str, ...]) -> str:
    """``name`` without the report's own place name in front (郑州高新区管委会 → 高新区管委会 in 郑州),
    kept whole when nothing but the place would be left."""
    for place in own:
        if name.startswith(place) and len(name) > len(place):
            return name[len(place):]
    return name


def score(text: str, gold: list[dict[str, Any]], engine: dict[str, Any], canon: Canon = lambda n: n,
          region: str | None = None) -> TaskScore:
    """Score one report: ``engine`` is ``Extraction.to_dict()``; ``canon`` canonicalizes unit names;
    ``region`` (郑州市) is the report's own place, whose name in front of a unit's does not count."""
    own = own_place_names(region)
    out = TaskScore()
    rows = sorted(engine.get("commitments", []), key=lambda r: r["start"])
    sentences = engine.get("sentences", [])
    located = locate(text, gold)
    owned = assign_rows(rows, [(x.start, x.end) if x.start is not None and x.end is not None else None
                               for x in located])
    for loc, mine in zip(located, owned):
        g = loc.gold
        role = g["role"]
        short = g["sentence"][:40]
        if loc.start is None or loc.end is None:
            out.missing += 1
            out.roles += 1
            out.errors.append(("not found", short, role, "-"))
            if role == "task":
                out.tasks += 1
            elif role in ("context", "theme"):
                out.clean_total += 1
            continue
        got_role = _engine_role(sentences, loc.start, loc.end)
        out.roles += 1
        if got_role == role:
            out.roles_ok += 1
        else:
            out.errors.append(("role", short, role, got_role))
        if role in ("context", "theme"):
            out.clean_total += 1
            if not mine:
                out.clean_ok += 1
            else:
                out.errors.append(("not clean", short, role, f"{len(mine)} rows"))
        if role != "task":
            continue
        out.tasks += 1
        if not mine:
            out.errors.append(("no row", short, "task", got_role))
            continue
        out.tasks_with_row += 1
        out.rows_on_tasks += len(mine)
        first = mine[0]
        lead = _first_lead(first)
        accepted = {without_own_place(canon(n), own) for n in g.get("lead") or []}
        if lead is not None and without_own_place(canon(lead), own) in accepted:
            out.lead_ok += 1
        else:
            out.errors.append(("lead", short, "/".join(g.get("lead") or []), lead or "-"))
        if first.get("deadline") == g.get("deadline"):
            out.deadline_ok += 1
        else:
            out.errors.append(("deadline", short, str(g.get("deadline")), str(first.get("deadline"))))
    return out
