"""Resolve hand-written anchored labels (eval/labels/*.txt) to gold JSONL with offsets.

Nobody should count characters by hand. A label names the indicator by a little
left context plus its value_text; this tool finds that string in the document,
insists it occurs exactly once, and writes the offsets. Any ambiguity, missing
anchor, overlap or inconsistent field stops the run with the line number.

Label file syntax (one directive or label per line; ``#`` starts a comment):

    doc: examples/mentougou-2020.txt
    report_year: 2020
    region: <start text> ~ <end text>       # labelled span, from start text to end of end text
    @kind target | @period 2020 | @base -    # defaults for the labels that follow
    left|value_text|metric|value|unit|cmp|chg[|k=a][|p=2019][|b=2018][|hi=6.5][|su=1]

cmp: ab about, ge at_least, le at_most, eq, rg range; chg: inc, dec, lvl;
k: t target, a actual, b baseline; su=1: the unit is shared with a later number
(``分别提高4.8和5.5个百分点``), so it is not in this span; ``-`` means null. ``python -m eval.anchor``
rewrites every eval/gold/<name>.jsonl from eval/labels/<name>.txt, and the held-out
eval/gold/heldout/<name>.jsonl from eval/labels/heldout-<name>.txt.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = Path(__file__).parent / "labels"
GOLD = Path(__file__).parent / "gold"
HELDOUT_PREFIX = "heldout-"  # labels/heldout-<name>.txt: the held-out set, never tuned on

CMP = {"ab": "about", "ge": "at_least", "le": "at_most", "eq": "eq", "rg": "range"}
CHG = {"inc": "increase", "dec": "decrease", "lvl": "level"}
KIND = {"t": "target", "a": "actual", "b": "baseline"}
_ARABIC = re.compile(r"\d+(?:\.\d+)?")


class LabelError(ValueError):
    pass


def _null(s: str) -> str | None:
    s = s.strip()
    return None if s in ("", "-") else s


# The national corpus breaks lines inside tokens ("74.4\n\u200b\n万亿元"): anchors are
# written without those breaks and match across them.
_GAP = r"[\s\u200b]*"


def _loose(s: str) -> str:
    return _GAP.join(re.escape(c) for c in s)


def _find(text: str, pattern: str, needle: str, where: str) -> re.Match:
    found = list(re.finditer(pattern, text))
    if not found:
        raise LabelError(f"{where}: not found: {needle!r}")
    if len(found) > 1:
        raise LabelError(f"{where}: ambiguous ({len(found)}x), add context: {needle!r}")
    return found[0]


def _unique(text: str, needle: str, where: str) -> int:
    return _find(text, _loose(needle), needle, where).start()


def _check(row: dict, vt: str, where: str, shared_unit: bool = False) -> None:
    written = _fold_unit(vt).replace("百分之", "%")  # 百分之十八 is 18 %
    if row["unit"] and row["unit"] not in written and not shared_unit:
        raise LabelError(f"{where}: unit {row['unit']!r} not in {vt!r}")
    nums = [float(x) for x in _ARABIC.findall(vt.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}).replace("．", "."))]
    if nums and row["value"] not in nums:
        raise LabelError(f"{where}: value {row['value']} not written in {vt!r}")
    if (row["comparator"] == "range") != (row["value_high"] is not None):
        raise LabelError(f"{where}: range needs hi=, and hi= needs rg")


def resolve(source: str, root: Path = ROOT) -> list[dict]:
    """Parse one label file; return the gold lines (header first)."""
    header: dict = {"doc": None, "regions": [], "report_year": None}
    defaults = {"kind": "target", "period": None, "base_period": None}
    rows: list[dict] = []
    text = ""
    for n, raw in enumerate(source.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        where = f"line {n}"
        if line.startswith("doc:"):
            header["doc"] = line[4:].strip()
            text = (root / header["doc"]).read_text(encoding="utf-8")
        elif line.startswith("report_year:"):
            header["report_year"] = int(line.split(":", 1)[1])
        elif line.startswith("region:"):
            a, b = (x.strip() for x in line[7:].split(" ~ "))
            s = _unique(text, a, where)
            e = _find(text[s:], _loose(b), b, where).end() + s
            header["regions"].append([s, e])
        elif line.startswith("@"):
            key, _, val = line[1:].partition(" ")
            key = {"base": "base_period"}.get(key, key)
            defaults[key] = KIND.get(val.strip(), val.strip()) if key == "kind" else _null(val)
        else:
            rows.append(_label(line, text, header, defaults, where))
    rows.sort(key=lambda r: r["start"])
    for a, b in zip(rows, rows[1:]):
        if b["start"] < a["end"]:
            raise LabelError(f"overlapping labels: {a['value_text']!r} and {b['value_text']!r} at {b['start']}")
    return [header, *rows]


def _fold_unit(unit: str | None) -> str | None:
    """Units are vocabulary, not spans: store ``％`` as ``%``."""
    return unit.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}) if unit else None


def _label(line: str, text: str, header: dict, defaults: dict, where: str) -> dict:
    parts = line.split("|")
    if len(parts) < 7:
        raise LabelError(f"{where}: need 7 fields, got {len(parts)}: {line}")
    left, vt, metric, value, unit, cmp, chg = parts[:7]
    extra = dict(p.split("=", 1) for p in parts[7:])
    m = _find(text, f"{_loose(left)}{_GAP}({_loose(vt)})" if left else f"({_loose(vt)})", left + vt, where)
    pos, end = m.span(1)
    row = {
        "start": pos, "end": end, "value_text": text[pos:end], "metric": _null(metric),
        "value": float(value), "value_high": float(extra["hi"]) if "hi" in extra else None,
        "unit": _fold_unit(_null(unit)), "comparator": CMP[cmp], "change": CHG[chg],
        "kind": KIND[extra["k"]] if "k" in extra else defaults["kind"],
        "period": _null(extra["p"]) if "p" in extra else defaults["period"],
        "base_period": _null(extra["b"]) if "b" in extra else defaults["base_period"],
    }
    if not any(s <= pos < e for s, e in header["regions"]):
        raise LabelError(f"{where}: {vt!r} lies outside every region")
    _check(row, vt, where, shared_unit="su" in extra)
    return row


def gold_path(label: Path) -> Path:
    """labels/<name>.txt -> gold/<name>.jsonl (dev); labels/heldout-<name>.txt -> gold/heldout/<name>.jsonl."""
    if label.stem.startswith(HELDOUT_PREFIX):
        return GOLD / "heldout" / f"{label.stem[len(HELDOUT_PREFIX):]}.jsonl"
    return GOLD / f"{label.stem}.jsonl"


def main() -> int:
    total = 0
    for path in sorted(LABELS.glob("*.txt")):
        try:
            lines = resolve(path.read_text(encoding="utf-8"))
        except LabelError as exc:
            print(f"{path.name}: {exc}", file=sys.stderr)
            return 1
        out = gold_path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
        total += len(lines) - 1
        print(f"{out.relative_to(ROOT)}: {len(lines) - 1} indicators")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
