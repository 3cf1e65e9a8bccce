"""A city's own development zones as owners, learned from the report's own text.

A city's 任务分解表 names the 管委会 of its zones as lead for their work (中原科技城管委会,
高新区管委会), but the departments file can list the zones of the cities it was written for
only. Each report names its own zones, so they are read from its text (the rules, with
examples and counter-examples, are ``zones`` in districts.yaml): 郑东新区, 中原科技城, 信阳高新区,
or a kind written bare (高新区, 经开区), which is the city's own. A zone's body then leads

- every row of a paragraph whose heading names the zone (持续深化中原科技城“三合一”融合发展:
  its rows are the zone's to deliver), as ``luoshi.assign.theme.lead_by_place`` does for the
  zones the departments file lists, and
- a row whose main work (its opening clause, outside modifiers) is the zone itself: the zone is
  what the clause builds or runs (持续推进高新区、经开区扩区共建; 推动经开区扩容升级; 支持信阳高新区创建…).

The row's own units follow as co-units; the reason says the zone's name (and 同段落主题 for a
paragraph). Only city reports learn zones: a district's or the State Council's report names
zones it does not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract.departments import MAX_SUPPORT, DepartmentRules, main_clause, modifier_spans
from luoshi.extract.vocab import alternation
from luoshi.model import Commitment, Department, Section
from luoshi.rules import load_file, rule_path
from luoshi.textmap import fold

THEME = "同段落主题"
BODY = "管委会"
# What a zone's own work looks like right after its name: the zone is the object being built,
# widened or run (高新区扩区共建, 中原科技城建设, 高新区提质增效), or the subject of what follows
# (高新区要…); a zone named as where some other work happens (在高新区布局…) is not its row.
# A zone joined to its partner places by 与 and a joint verb (高新区与榆中县、兰州生态创新城协同发展,
# 经开区与安宁区、国际陆港一体联动发展) is the subject of that work: the partners list may run longer,
# but holds places only (在高新区与榆中县之间布局…: the zones are where other work happens).
# The zone's own named programme may stand between it and the work (高新区“一厅四城”和花园城区建设):
# a quoted name right after the zone is the zone's, and the work after it is still the zone's.
_OWN_WORK = re.compile(r"^(?:(?:“[^”]{1,10}”)?(?:[、和与及][^,;:，；：]{0,12})?(?:要|扩区|扩容|共建|建设|开发|发展|提质|提档|"
                       r"提级|升级|改革|创建|争创|高质量|转型|管理体制|体制机制|二次创业)"
                       r"|与[^,;:，；：的之间]{1,24}?(?:协同|融合|联动|一体|协作))")


@dataclass(frozen=True)
class ZoneRules:
    pattern: re.Pattern[str]  # a kind of zone (the longest at a place: 高新区 before 新区)
    bare: frozenset[str]
    stop: frozenset[str]
    qualifier: frozenset[str]
    excluded: frozenset[str]


@lru_cache(maxsize=4)
def _zone_rules(path: str) -> ZoneRules | None:
    data = load_file(path)
    spec = data.get("zones") if isinstance(data, dict) else None
    if not isinstance(spec, dict) or not spec.get("kinds"):
        return None
    kinds = alternation(spec["kinds"])
    return ZoneRules(re.compile(kinds), frozenset(spec.get("bare") or ()),
                     frozenset(spec.get("stop") or ""), frozenset(spec.get("qualifier") or ""),
                     frozenset(spec.get("not") or ()))


def zone_rules() -> ZoneRules | None:
    path = rule_path("districts")
    return _zone_rules(str(path)) if path.is_file() else None


def _city_short(region: str | None) -> str:
    return re.sub(r"市$", "", region or "")


def find_zones(text: str, city: str = "", z: ZoneRules | None = None) -> list[tuple[str, int, int]]:
    """The zones ``text`` (normalized) names: (the zone as its city's table names it, start, end).
    The place is the two to four characters before the kind, back to a ``stop`` character
    (抓好豫东南高新区 → 豫东南高新区); it is dropped when it is ``city`` (郑州高新区 → 高新区)."""
    z = z or zone_rules()
    if z is None:
        return []
    out = []
    for m in z.pattern.finditer(text):
        kind = m.group()
        # the place runs back from the kind to a stop character (抓好豫东南高新区 → 豫东南); a run of
        # more than three characters without one is no place name (着力完善新区) unless it ends
        # with the report's own city (健全完善克拉玛依高新区 → 高新区)
        run = re.sub(r"[^\u4e00-\u9fff]", "、", text[max(0, m.start() - 4):m.start()])
        cut = max((k for k, ch in enumerate(run) if ch in z.stop), default=-1)
        keep = run[cut + 1:]
        if city and keep.endswith(city):
            keep = ""  # 郑州高新区 is the city's own 高新区
        elif len(keep) > 3:
            continue
        if any(ch in z.qualifier for ch in keep[-2:]):  # 国家级高新区, 国家高新区: a kind of zone, not one
            continue
        if len(keep) >= 2:
            name, start = keep + kind, m.start() - len(keep)
        elif kind in z.bare and not keep:
            name, start = kind, m.start()
        else:
            continue
        if any(name.endswith(x) for x in z.excluded):  # 服务雄安新区: the state's zone
            continue
        out.append((name, start, m.end()))
    return out


def body_of(zone: str, city: str = "", z: ZoneRules | None = None) -> str:
    """The zone's body as the city's table prints it: a kind written bare (高新区, 经开区) is the
    city's own and takes the city's name (兰州高新区管委会), as the zone's official name does and
    so that two cities' 高新区 stay two units in one ledger; a named zone keeps its name."""
    z = z or zone_rules()
    own = city if city and z is not None and zone in z.bare else ""
    return own + zone + BODY


def _known(zone: str, r: DepartmentRules) -> bool:
    """The departments file already has a unit for this zone (its keyword or its name)."""
    if any(zone in w or w in zone for w in (r.agents or {}) if len(w) >= 2):
        return True
    return any(zone in r.names[i] for i in r.places)


def lead_by_zone(rows: list[Commitment], sections: list[Section], r: DepartmentRules) -> int:
    """Give the learned zones' rows to their bodies (module docstring); returns how many changed."""
    z = zone_rules()
    if z is None or r.level != "city":
        return 0
    city = _city_short(r.region)
    titles = {s.id: find_zones(fold(s.title), city, z) for s in sections}
    changed = 0
    for row in rows:
        text = fold(row.text)
        found = [x for x in titles.get(row.section or "", []) if not _known(x[0], r)]
        reason = [found[0][0], THEME] if found else []
        if not found:
            spans = modifier_spans(text)
            clause = main_clause(text, spans)
            at = text.find(clause)
            for name, s, e in find_zones(clause, city, z):
                if _known(name, r) or "县" in clause[:s]:  # 支持涡阳县加快南部新区建设: the county's work
                    continue
                inside = any(a <= at + s and at + e <= b for a, b in spans)
                if not inside and _OWN_WORK.match(clause[e:]) or clause[max(0, s - 2):s] == "支持":
                    found, reason = [(name, s, e)], [name]
                    break
        if not found:
            continue
        body = body_of(found[0][0], city, z)
        deps = row.departments
        if deps and deps[0].name == body:
            continue
        rest = [Department(d.name, "support", d.matched) for d in deps if d.name != body]
        row.departments = [Department(body, "lead", reason), *rest][: 1 + MAX_SUPPORT]
        changed += 1
    return changed
