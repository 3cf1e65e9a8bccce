"""Compiled structure rules (``headings.yaml``, ``parts.yaml``, ``meta.yaml``).

Compiled once and cached: the loader reads YAML, this module turns it into
regexes the scanners use. Code stays language-neutral; the words live in YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.errors import LuoshiError
from luoshi.rules import load


@dataclass(frozen=True)
class Marker:
    name: str
    level: int
    shift_below_paren: bool
    paragraph_scope: bool


@dataclass(frozen=True)
class HeadingRules:
    markers: tuple[Marker, ...]
    marker_re: re.Pattern[str]  # one alternation, a named group per marker
    bare_min: int
    bare_max: int
    theme_max: int
    theme_level: int


@dataclass(frozen=True)
class PartRules:
    headings: tuple[tuple[str, re.Pattern[str], bool], ...]  # part, pattern, any_level
    goal_paragraph: re.Pattern[str]
    turn_paragraph: re.Pattern[str]  # inside a review, the turn to the year ahead
    review_paragraph: re.Pattern[str]  # inside goals or plan, a paragraph reporting what was done
    lead: tuple[tuple[str, re.Pattern[str]], ...]
    salutation: re.Pattern[str]
    closing_heading: re.Pattern[str]
    tense_forward: re.Pattern[str]  # a sentence looking ahead (要, 将, 力争…)
    tense_backward: re.Pattern[str]  # a sentence reporting what was done (了, 去年, 取得…)
    tense_margin: float
    tense_min: int  # fewer sentences than this say nothing about a section's tense
    goals_tasks: re.Pattern[str]  # a goals chapter's title that names its work too
    goals_term: re.Pattern[str]  # … or a five-year term


@dataclass(frozen=True)
class MetaRules:
    title: re.Pattern[str]
    title_words: tuple[str, ...]
    date_line: re.Pattern[str]
    session: re.Pattern[str]
    region: re.Pattern[str]
    national: tuple[str, ...]
    national_name: str
    national_opening: tuple[str, ...]  # read only when nothing else names a region
    generic_regions: frozenset[str]
    represent: re.Pattern[str]
    office: re.Pattern[str]
    represented: re.Pattern[str]  # 我代表市人民政府: the level word alone
    speaker: re.Pattern[str]
    speaker_alone: re.Pattern[str]
    speaker_alone_not: tuple[str, ...]
    front_title: re.Pattern[str]
    date_alone: re.Pattern[str]
    levels: dict[str, tuple[str, ...]]


def _compile(pattern: str, source: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise LuoshiError("E012", f"bad pattern in {source}.yaml: {pattern!r} ({exc})") from None


@lru_cache(maxsize=None)
def heading_rules() -> HeadingRules:
    data = load("headings")
    markers = []
    alts = []
    for entry in data["markers"]:
        markers.append(
            Marker(
                name=entry["name"],
                level=int(entry["level"]),
                shift_below_paren=bool(entry.get("shift_below_paren", False)),
                paragraph_scope=entry.get("scope") == "paragraph",
            )
        )
        alts.append(f"(?P<{entry['name']}>{entry['pattern']})")
    return HeadingRules(
        markers=tuple(markers),
        marker_re=_compile("|".join(alts), "headings"),
        bare_min=int(data["bare"]["min_chars"]),
        bare_max=int(data["bare"]["max_chars"]),
        theme_max=int(data["theme"]["max_chars"]),
        theme_level=int(data["theme"]["level"]),
    )


@lru_cache(maxsize=None)
def part_rules() -> PartRules:
    data = load("parts")
    return PartRules(
        headings=tuple(
            (e["part"], _compile(e["pattern"], "parts"), bool(e.get("any_level", False))) for e in data["headings"]
        ),
        goal_paragraph=_compile(data["goal_paragraphs"]["pattern"], "parts"),
        turn_paragraph=_compile(data["turn_paragraphs"]["pattern"], "parts"),
        review_paragraph=_compile(data["review_paragraphs"]["pattern"], "parts"),
        lead=tuple((e["part"], _compile(e["pattern"], "parts")) for e in data["lead_paragraphs"]),
        salutation=_compile(data["salutation"]["pattern"], "parts"),
        closing_heading=_compile(data["closing_heading"]["pattern"], "parts"),
        tense_forward=_compile(data["tense"]["forward"]["pattern"], "parts"),
        tense_backward=_compile(data["tense"]["backward"]["pattern"], "parts"),
        tense_margin=float(data["tense"]["margin"]),
        tense_min=int(data["tense"]["min_sentences"]),
        goals_tasks=_compile(data["goals_with_tasks"]["pattern"], "parts"),
        goals_term=_compile(data["goals_with_tasks"]["term"], "parts"),
    )


@lru_cache(maxsize=None)
def meta_rules() -> MetaRules:
    data = load("meta")
    words = tuple(data["titles"]["words"])
    # Characters may be split by line breaks or spaces (政府工作报\n告).
    title = "|".join(r"\s*".join(map(re.escape, w)) for w in words)
    region = data["region"]
    return MetaRules(
        title=_compile(title, "meta"),
        title_words=words,
        date_line=_compile(data["date_line"]["pattern"], "meta"),
        session=_compile(data["session"]["pattern"], "meta", re.S),
        region=_compile(region["pattern"], "meta"),
        national=tuple(region["national"]),
        national_name=region["national_name"],
        national_opening=tuple(region.get("national_opening") or ()),
        generic_regions=frozenset(region.get("generic", ())),
        represent=_compile(region["represent"], "meta"),
        office=_compile(region["office"], "meta", re.M),
        represented=_compile(region["represented"]["pattern"], "meta"),
        speaker=_compile(data["speaker"]["pattern"], "meta", re.M),
        speaker_alone=_compile(data["speaker"]["alone"], "meta"),
        speaker_alone_not=tuple(data["speaker"]["alone_not"]),
        front_title=_compile(data["front_title"]["pattern"], "meta"),
        date_alone=_compile(data["date_alone"]["pattern"], "meta", re.M),
        levels={k: tuple(v) for k, v in data["levels"].items()},
    )
