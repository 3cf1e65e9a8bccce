"""``python -m eval.parts.audit [--all] [--save FILE] [--compare FILE] [--flag F] [--quiet]``: the layouts of the corpus.

Runs the structure stage (no extraction) on every national report and on a stratified sample of the
city reports (at most ``PER_STRATUM`` per delivery year and folder: ``major`` = municipalities and
provincial capitals, ``other`` = prefecture cities; ``--all`` takes every one) and prints, per report,
the parts in text order with their share of the sentences' characters, the plan year and the flags
below; then a table of era × flag. ``--save`` writes the per-report parts as JSON and ``--compare``
reads such a file and lists the reports whose parts changed (the regression check of a structure
change). Sealed texts (see ``SEALED_*``) are never read.

Flags (a report may carry several):
    noplan    no plan part at all (everything read as review, goals or other)
    fwd<15    the goals and plan parts hold under 15% of the text (a layout read as review)
    fwd>90    … over 90% (a review read as the year ahead)
    rev>plan  a review stretch of ≥ 3% of the text after the plan part began
    year      a goals/plan top-level heading names a year other than the report's (+0/+1), or the
              plan year read is neither
    heads     no top-level heading names a part (parts rest on paragraph cues alone)
    long      a sentence over 400 characters (a broken sentence split)
    shi       一是/二是 items standing alone as paragraphs
    horizon   a goals/plan heading whose words name one horizon while its rows default to the other: a chapter
              given the term's end although its title names the plan year (今年, 2026年, 开局, 收官), or given the
              plan year's end although its title names the term alone (今后五年, “十五五”时期, 到2030年);
              ``--horizons`` lists those headings (a mixed title naming both, 今后五年…和2026年…, is left alone)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from eval.panel.paths import shared_root

PER_STRATUM = 16
SEED = 7
LONG_SENTENCE = 400
REVIEW_AFTER_PLAN = 0.03
FORWARD_LOW, FORWARD_HIGH = 0.15, 0.90
# Never read: the texts of a set being labelled (national reports and whole city folders): final16's now.
# final8's and final9's stay listed, as when the eval README's figures were taken (the sample draws from what is left).
SEALED_NATIONAL = frozenset({"gwr-1992.txt", "gwr-1993.txt", "gwr-1997.txt", "gwr-1987.txt", "gwr-1988.txt"})
SEALED_CITIES = frozenset({"济南市", "厦门市", "临沂市", "大连市", "无锡市", "赣州市",
                           "哈尔滨市", "佛山市", "芜湖市", "长春市", "南宁市",
                           "昆明市", "石家庄市", "常州市", "福州市", "东莞市",
                           "兰州市", "温州市", "嘉兴市", "贵阳市", "烟台市",
                           "西宁市", "南昌市", "惠州市", "乌鲁木齐市", "呼和浩特市",
                           "拉萨市", "沈阳市", "包头市", "泉州市", "海口市",
                           "西安市", "扬州市", "遵义市", "洛阳市", "克孜勒苏柯尔克孜自治州",
                           "青岛市", "荆州市", "曲靖市", "常德市", "天津市"})
FLAGS = ("noplan", "fwd<15", "fwd>90", "rev>plan", "year", "heads", "long", "shi", "horizon")
ERAS = ((0, 1990, "≤1990"), (1991, 2000, "1991–2000"), (2001, 2010, "2001–2010"), (2011, 9999, "2011–2026"))
_FILE_YEAR = re.compile(r"(?:gwr-)?(\d{4})")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!代)")
_SHI = re.compile(r"[一二三四五六七八九十]{1,2}是(?![一二三四五六七八九十])")
# A heading's own words about the plan year (今年, 本年度, the first or last year of a plan); its words about the term
# are the engine's own (deadlines.yaml five_year_part, read by luoshi.extract.deadlines.names_the_term)
_YEAR_WORDS = re.compile(r"今年|本年度|开局|收官|起步之年")


@dataclass
class Audit:
    path: str  # relative to the corpus root
    year: int  # the file's year (delivery year)
    group: str  # national | major | other
    plan_year: int | None
    layout: list[tuple[str, float]]  # (part, share) runs in text order
    shares: dict[str, float]
    flags: list[str] = field(default_factory=list)
    parts: str = ""  # one letter per sentence, for --compare
    horizons: list[str] = field(default_factory=list)  # headings whose default deadline contradicts their words

    @property
    def era(self) -> str:
        return next(name for lo, hi, name in ERAS if lo <= self.year <= hi)


def corpus_files(every: bool = False, per_stratum: int = PER_STRATUM) -> list[tuple[str, Path]]:
    """(group, path) of every national report and the (sampled) city reports, sealed texts left out."""
    corpus = shared_root() / "corpus"
    out = [("national", p) for p in sorted((corpus / "national").glob("gwr-*.txt")) if p.name not in SEALED_NATIONAL]
    strata: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for folder in ("major", "other"):
        for p in sorted((corpus / "cities" / folder).glob("*/*.md")):
            if p.parent.name in SEALED_CITIES:
                continue
            strata[(folder, p.stem[:4])].append(p)
    rng = random.Random(SEED)
    for (folder, _), paths in sorted(strata.items()):
        picked = paths if every or len(paths) <= per_stratum else sorted(rng.sample(paths, per_stratum))
        out.extend((folder, p) for p in picked)
    return out


_LETTER = {"review": "r", "goals": "g", "plan": "p", "other": "o", "goals5": "G", "plan5": "P"}


def audit_file(group: str, path: Path, root: Path) -> Audit:
    from luoshi.ingest import read_document
    from luoshi.structure import analyze
    from luoshi.structure.paragraphs import paragraphs
    from luoshi.structure.rules import heading_rules, part_rules
    from luoshi.structure.terms import section_terms
    from luoshi.textmap import MappedText, fold

    doc = read_document(path)
    mt = MappedText(doc.text)
    st = analyze(mt, doc)
    year = int(_FILE_YEAR.search(path.stem).group(1))
    terms = section_terms(mt, st.sections, st.meta.year)
    labels = []
    for s in st.sentences:
        label = s.part
        if label in ("goals", "plan") and s.section and (term := terms.get(s.section)) and term.covers(s.start):
            label += "5"
        labels.append((label, s.end - s.start))
    total = sum(n for _, n in labels) or 1
    shares: Counter[str] = Counter()
    layout: list[list] = []
    for label, n in labels:
        shares[label] += n / total
        if layout and layout[-1][0] == label:
            layout[-1][1] += n / total
        else:
            layout.append([label, n / total])
    flags = []
    if not any(label.startswith("plan") for label, _ in labels):
        flags.append("noplan")
    forward = sum(v for k, v in shares.items() if k.startswith(("goals", "plan")))
    if forward < FORWARD_LOW:
        flags.append("fwd<15")
    elif forward > FORWARD_HIGH:
        flags.append("fwd>90")
    first_plan = next((i for i, (label, _) in enumerate(labels) if label.startswith("plan")), None)
    if first_plan is not None and sum(n for label, n in labels[first_plan:] if label == "review") / total >= REVIEW_AFTER_PLAN:
        flags.append("rev>plan")
    tops = [s for s in st.sections if s.parent is None and s.level <= 2]
    bad_year = st.meta.year is not None and st.meta.year not in (year, year + 1)
    for sec in tops:
        if sec.part in ("goals", "plan") and not terms.get(sec.id) and "远景" not in sec.title:
            named = {int(y) for y in _YEAR.findall(fold(sec.title))}
            bad_year |= bool(named) and not named & {year, year + 1}
    if bad_year:
        flags.append("year")
    prules = part_rules()
    if not any(pat.search(fold(sec.title)) for sec in tops for _, pat, _ in prules.headings):
        flags.append("heads")
    if any(s.end - s.start > LONG_SENTENCE for s in st.sentences):
        flags.append("long")
    horizons = horizon_mismatches(mt, st.sections, terms, st.meta.year)
    if horizons:
        flags.append("horizon")
    paras = paragraphs(mt.text, heading_rules(), prules)
    if sum(1 for p in paras if p.kind == "heading" and p.marker == "ordinal_shi") >= 2:
        flags.append("shi")
    return Audit(
        path=path.relative_to(root).as_posix(),
        year=year,
        group=group,
        plan_year=st.meta.year,
        layout=_merge([(k, v) for k, v in layout if v >= 0.005]),
        shares=dict(shares),
        flags=flags,
        parts="".join(_LETTER[label] for label, _ in labels),
        horizons=horizons,
    )


def named_horizon(title: str, plan_year: int) -> str | None:
    """"year" when a heading names the plan year (今年, 2026年, 开局, 收官), "term" when it names the five years or
    a later year alone (今后五年, “十五五”时期, 到2030年), None when it names neither."""
    years = {int(y) for y in _YEAR.findall(title)}
    if plan_year in years or _YEAR_WORDS.search(title):
        return "year"
    from luoshi.extract.deadlines import names_the_term

    if names_the_term(title) or any(y > plan_year + 1 for y in years):
        return "term"
    return None


def horizon_mismatches(mt, sections, terms, plan_year: int | None) -> list[str]:
    """Goals/plan headings (numbered, not theme sentences) whose rows default to the term's end while their title
    names the plan year, or to the plan year's end while it names the term alone: "term<-year: title" or
    "year<-term: title". A mixed title (今后五年的目标任务和2026年工作安排) names both by design and is skipped."""
    from luoshi.extract.deadlines import mixed_horizon_end
    from luoshi.structure.roles import THEME_LEVEL
    from luoshi.textmap import fold

    if plan_year is None:
        return []
    out = []
    for sec in sections:
        if sec.part not in ("goals", "plan") or sec.level >= THEME_LEVEL:
            continue
        title = fold(sec.title)
        named = named_horizon(title, plan_year)
        if named is None or mixed_horizon_end(title, plan_year) is not None:
            continue
        term = terms.get(sec.id)
        given = "term" if term is not None and term.covers(sec.start) else "year"
        if given != named:
            out.append(f"{given}<-{named}: {sec.title.strip()}")
    return out


def _merge(runs: list[tuple[str, float]]) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    for k, v in runs:
        out[-1:] = [(k, out[-1][1] + v)] if out and out[-1][0] == k else [*out[-1:], (k, v)]
    return out


def run(every: bool = False) -> list[Audit]:
    root = shared_root() / "corpus"
    out = []
    for group, path in corpus_files(every):
        try:
            out.append(audit_file(group, path, root))
        except Exception as exc:  # an unreadable report is one line, the audit goes on
            print(f"{path.relative_to(root)}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return out


def layout_line(a: Audit) -> str:
    runs = " ".join(f"{k}:{round(v * 100)}" for k, v in a.layout)
    return f"{a.path}\t{a.plan_year}\t{runs}\t{','.join(a.flags)}"


def era_table(audits: list[Audit]) -> str:
    rows = []
    head = ["era", "n", *FLAGS, "any"]
    for _, _, era in ERAS:
        group = [a for a in audits if a.era == era]
        if not group:
            continue
        cells = [era, str(len(group))]
        cells += [str(sum(1 for a in group if f in a.flags)) for f in FLAGS]
        cells.append(str(sum(1 for a in group if a.flags)))
        rows.append(cells)
    cells = ["total", str(len(audits))]
    cells += [str(sum(1 for a in audits if f in a.flags)) for f in FLAGS]
    cells.append(str(sum(1 for a in audits if a.flags)))
    rows.append(cells)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths)) for r in [head, *rows]]
    return "\n".join(lines)


def compare(audits: list[Audit], saved: dict[str, dict]) -> list[str]:
    """Reports whose per-sentence parts or plan year differ from the saved run: path, then the moves."""
    out = []
    for a in audits:
        old = saved.get(a.path)
        year_moved = old is not None and "plan_year" in old and old["plan_year"] != a.plan_year
        if old is None or (old["parts"] == a.parts and not year_moved):
            continue
        moves = [f"year {old['plan_year']}->{a.plan_year}"] if year_moved else []
        for k in sorted(set(old["shares"]) | set(a.shares)):
            d = a.shares.get(k, 0) - old["shares"].get(k, 0)
            if abs(d) >= 0.005:
                moves.append(f"{k}{d * 100:+.0f}")
        out.append(f"{a.path}\t{' '.join(moves) or '(sentence split)'}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="every city report, not a stratified sample")
    ap.add_argument("--save", type=Path, help="write the per-report parts (JSON) for a later --compare")
    ap.add_argument("--compare", type=Path, help="list the reports whose parts differ from this saved run")
    ap.add_argument("--flag", action="append", default=[], help="print only reports carrying this flag")
    ap.add_argument("--quiet", action="store_true", help="the era table only")
    ap.add_argument("--horizons", action="store_true",
                    help="list the headings whose default deadline contradicts their words (the horizon flag)")
    args = ap.parse_args(argv)
    audits = run(args.all)
    if not args.quiet:
        for a in audits:
            if all(f in a.flags for f in args.flag):
                print(layout_line(a))
        print()
    if args.horizons:
        for a in audits:
            for line in a.horizons:
                print(f"{a.path}\t{a.plan_year}\t{line}")
        print()
    print(era_table(audits))
    if args.save:
        args.save.write_text(json.dumps({a.path: {"parts": a.parts, "shares": a.shares, "flags": a.flags,
                                                  "plan_year": a.plan_year}
                                         for a in audits}, ensure_ascii=False), encoding="utf-8")
    if args.compare:
        changed = compare(audits, json.loads(args.compare.read_text(encoding="utf-8")))
        print(f"\n{len(changed)} of {len(audits)} reports changed parts")
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
