"""Compact hand labels (eval/tasks/labels/<name>.txt) → gold JSONL (eval/tasks/gold/<name>.jsonl).

Typing JSON by hand invites slips, so a label file holds one short line per sentence
and this tool writes the JSON, checking that every line still names the same sentence.

Header (before the ``---`` line)::

    text: mentougou-2021                   # eval/tasks/texts/<text>.txt
    from: 二、未来五年政府工作主要目标任务    # the labelled region starts at this line…
    to: 三、2022年政府工作计划               # …and ends before this one (omit: to the end)
    deadline: 2026-12-31                   # default deadline of task rows

Body: one line per sentence, in order::

    NNN R [lead,lead] [/ co,co] [@YYYY-MM-DD[d]] [# note] || sentence text

R is T task, H theme, G target, C context. ``@date`` is a written deadline; ``@dated``
(a ``d`` suffix) a default one other than the header's; no ``@``: the header's default.
``@deadline YYYY-MM-DD`` on a line of its own changes the default from there on.
Under a task, parts cut the sentence by clause numbers (clauses end at ，；：, from 1); the
row's own lead, if given, is its main owner and the other parts' owners join its co-units;
left empty, the row's lead lists every part's lead (a list of equals)::

    > 1-3 区水务局,区生态环境局
    > 4- 区园林绿化局

Label files named ``heldout-x.txt`` / ``fresh-x.txt`` / ``final-x.txt`` / ``final2-x.txt`` / ``final3-x.txt`` /
``final4-x.txt`` / ``final5-x.txt`` / ``final6-x.txt`` / ``final7-x.txt`` / ``final8-x.txt`` / ``final9-x.txt`` /
``final10-x.txt`` / ``final11-x.txt`` / ``final12-x.txt`` / ``final13-x.txt`` / ``final14-x.txt`` / ``final15-x.txt`` / ``final16-x.txt`` build gold/heldout/x.jsonl, gold/fresh/x.jsonl, gold/final/x.jsonl, gold/final2/x.jsonl,
gold/final3/x.jsonl, gold/final4/x.jsonl, gold/final5/x.jsonl, gold/final6/x.jsonl, gold/final7/x.jsonl,
gold/final8/x.jsonl, gold/final9/x.jsonl, gold/final10/x.jsonl, gold/final11/x.jsonl, gold/final12/x.jsonl, gold/final13/x.jsonl, gold/final14/x.jsonl, gold/final15/x.jsonl / gold/final16/x.jsonl.
``python -m eval.tasks.build skeleton labels/x.txt`` appends the numbered sentences of the
region to a header-only file; ``python -m eval.tasks.build`` rewrites every gold file.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from eval.tasks.sentences import clauses, split

HERE = Path(__file__).parent
ROLES = {"T": "task", "H": "theme", "G": "target", "C": "context"}
_LINE = re.compile(r"^(\d{3,4}) ([THGC])(.*?)\|\| (.*)$")


class LabelError(ValueError):
    pass


def _header(lines: list[str]) -> tuple[dict[str, str], int]:
    head: dict[str, str] = {}
    for i, line in enumerate(lines):
        if line.strip() == "---":
            return head, i + 1
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition(":")
            head[key.strip()] = value.strip()
    raise LabelError("no '---' line ending the header")


def region(head: dict[str, str]) -> tuple[str, list[tuple[int, str]]]:
    text = (HERE / "texts" / f"{head['text']}.txt").read_text(encoding="utf-8")
    start = text.index(head["from"])
    end = text.index(head["to"], start) if head.get("to") else len(text)
    return text, split(text, start, end)


def _units(s: str) -> list[str]:
    return [u.strip() for u in s.split(",") if u.strip()]


def _parts(sentence: str, specs: list[str], where: str) -> list[dict]:
    cl = clauses(sentence)
    bounds = [0]
    for c in cl:
        bounds.append(bounds[-1] + len(c))
    out = []
    for spec in specs:
        rng, _, units = spec.partition(" ")
        a, dash, b = rng.partition("-")
        lo = int(a)
        hi = int(b) if b else (len(cl) if dash else lo)
        if not (1 <= lo <= hi <= len(cl)):
            raise LabelError(f"{where}: part {rng} outside clauses 1-{len(cl)}")
        out.append({"text": sentence[bounds[lo - 1]:bounds[hi]].strip(), "lead": _units(units)})
    if "".join(p["text"] for p in out) != sentence:
        raise LabelError(f"{where}: parts must cover clauses 1-{len(cl)} once each, in order "
                         f"(a trailing clause joins the last part: write its range as 'N-')")
    return out


def build(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head, body = _header(lines)
    _, sentences = region(head)
    default = head["deadline"]
    rows: list[dict] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            row = rows[-1]
            row["parts"] = _parts(row["sentence"], pending, f"{path.name} row {len(rows)}")
            # A row with no lead of its own is a list of equals: any part's owner is an
            # acceptable 牵头单位 for the row. Otherwise the other parts' owners are its co-units.
            given = bool(row["lead"])
            for part in row["parts"]:
                extra = [u for u in part["lead"] if u not in row["lead"] and u not in row["co"]]
                (row["co"] if given else row["lead"]).extend(extra)
            row["co"] = [u for u in row["co"] if u not in row["lead"]]
            pending.clear()

    for n, line in enumerate(lines[body:], start=body + 1):
        where = f"{path.name}:{n}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("@deadline "):
            default = line.split()[1]
            continue
        if line.lstrip().startswith(">"):
            pending.append(line.lstrip()[1:].strip())
            continue
        flush()
        m = _LINE.match(line)
        if not m:
            raise LabelError(f"{where}: cannot read {line[:40]!r}")
        idx, role, fields, shown = int(m[1]), ROLES[m[2]], m[3], m[4]
        if idx != len(rows) + 1 or idx > len(sentences):
            raise LabelError(f"{where}: sentence {idx} out of order")
        sentence = sentences[idx - 1][1]
        if not sentence.startswith(shown.strip()[:12]):
            raise LabelError(f"{where}: line names {shown[:12]!r}, sentence is {sentence[:12]!r}")
        fields, _, note = fields.partition("#")
        row: dict = {"sentence": sentence, "role": role}
        if role == "task":
            dl = re.search(r"@(\d{4}-\d{2}-\d{2})(d?)", fields)
            fields = re.sub(r"@\S+", "", fields)
            lead, _, co = fields.partition("/")
            row["lead"], row["co"] = _units(lead), _units(co)
            row["deadline"] = dl[1] if dl else default
            row["deadline_source"] = "written" if dl and not dl[2] else "default"
            if not row["lead"] and not (n < len(lines) and lines[n].lstrip().startswith(">")):
                raise LabelError(f"{where}: task without lead (and no parts)")
        elif fields.strip():
            raise LabelError(f"{where}: {role} row with owner fields")
        if note.strip():
            row["note"] = note.strip()
        rows.append(row)
    flush()
    if len(rows) != len(sentences):
        raise LabelError(f"{path.name}: {len(rows)} labels for {len(sentences)} sentences")
    return rows


# Label files of the never-tuned-on sets carry their set as a prefix: heldout-x.txt → gold/heldout/x.jsonl.
SUBSETS = ("heldout", "fresh", "final", "final2", "final3", "final4", "final5", "final6", "final7",
           "final8", "final9", "final10", "final11", "final12", "final13", "final14", "final15", "final16")


def gold_path(label: Path) -> Path:
    for sub in SUBSETS:
        if label.stem.startswith(f"{sub}-"):
            return HERE / "gold" / sub / f"{label.stem.removeprefix(sub + '-')}.jsonl"
    return HERE / "gold" / f"{label.stem}.jsonl"


def skeleton(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    head, body = _header(lines)
    _, sentences = region(head)
    extra = [f"{i:03d} C || {s}" for i, (_, s) in enumerate(sentences, start=1)]
    path.write_text("\n".join(lines[:body] + extra) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["skeleton"]:
        skeleton(Path(argv[1]))
        return 0
    for label in sorted((HERE / "labels").glob("*.txt")):
        out = gold_path(label)
        rows = build(label)
        out.parent.mkdir(parents=True, exist_ok=True)  # a new set's folder
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{out.relative_to(HERE)}: {len(rows)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
