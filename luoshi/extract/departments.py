"""Responsible units: the master lists, name resolution, and suggestions for a task row.

Two lists ship: ``departments.yaml`` (a local government's units, level-neutral names
that take the report's prefix: 区发展改革委 in a district, 市发展改革委 in a city) and
``departments_national.yaml`` (the State Council's ministries and agencies); the
report's level chooses one (``report_level``), ``--departments`` or LUOSHI_RULES_DIR
override. Both files are user-replaceable, so they are validated on load. Each government
prints its own unit names: the kind of government (``government_kind``: a Beijing district,
a municipality, any other city) picks an entry's ``names``, and a city's own set-up
(``names_in``) overrides it; every name of a unit resolves to it whatever the report.

Suggestions: a row's score for a unit is the summed length of the distinct keywords
found in its text (specific words weigh more; words of the opening clause, the row's
main task, count double). ``weak`` words (places, rivers, generic
nouns) count only when nothing else matches: 永定河文化节 is a festival (文化), 校园安全
隐患排查 a safety check (安全隐患); so do the words of a unit's own name (自然资源部 → 自然资源,
``name_words``), which no report needs listed as keywords. The best unit is the lead and the next
two are support; ``matched`` says why.

For the ledger: ``canonical_unit(name, level)`` resolves a name or alias to the
master list's name, ``near_units(name, level)`` lists close names for an error message.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from luoshi.errors import LuoshiError
from luoshi.extract.actions import any_verb
from luoshi.extract.vocab import alternation
from luoshi.model import Department
from luoshi.rules import load_file, rule_path

Level = Literal["district", "city", "national"]
LEVELS: tuple[str, ...] = ("district", "city", "national")
# Kinds of government, which name their units differently: a Beijing district (区交通局), a
# municipality directly under the centre (市交通委, 市教委), any other city (市交通运输局,
# 市教育局) and the State Council. See ``government_kind`` and ``names`` in departments.yaml.
KINDS: tuple[str, ...] = ("district", "municipality", "city", "province", "national")
MAX_SUPPORT = 2
_HINT = "see the schema in the comment at the top of luoshi/rules/zh/departments.yaml"
_NOTE = re.compile(r"[（(][^）)]*[）)]|\s+")  # （牵头） and blanks in a written unit name
_LOCAL_PREFIX = re.compile(r"^(?:\S{0,8}?(?:省|自治区))?(?:\S{1,6}?市)?(?:\S{1,6}?[区县])?")
_CITY_PREFIX = re.compile(r"^(?:\S{0,8}?(?:省|自治区))?\S{1,6}?市(?=\S{2})")
_BARE = frozenset({"政府", "人民政府"})
_GOVERNMENT = re.compile(r"^(?:人民)?政府(?=\S{2})")  # 市政府外办, 市人民政府口岸物流办: the unit after it
_CONNECTORS = re.compile(r"[和与及]")


@dataclass
class DepartmentRules:
    names: list[str]  # the unit names printed at this level, prefix included
    pattern: re.Pattern[str]  # one alternation of every keyword
    owners: dict[str, list[int]]  # keyword -> indexes into names
    weak_pattern: re.Pattern[str] | None = None
    weak_owners: dict[str, list[int]] | None = None
    lookup: dict[str, int] | None = None  # name, alias or unprefixed name -> index
    level: str | None = None
    prefix: str = ""
    ignore: re.Pattern[str] | None = None  # phrases whose words suggest nothing (下大气力)
    territorial: re.Pattern[str] | None = None  # work done where people live (各区, 属地, 街道乡镇)
    territorial_unit: int | None = None  # index of the unit that owns it (各区政府 / 各镇街)
    head_words: frozenset[str] = frozenset()  # kinds of work that decide the owner as a clause's head (立法)
    keys: list[str] | None = None  # per unit: its function key, shared across levels (see function_key)
    places: frozenset[int] = frozenset()  # units that run a place (a zone's 管委会): see luoshi.assign.theme
    generic: frozenset[str] = frozenset()  # kinds of work every field does (科技创新): the field before them owns them
    folded: dict[str, int] | None = None  # fold_name(name or alias) -> index, where only one unit folds to it
    opening: frozenset[str] = frozenset()  # words that give their unit the row when the opening clause names them (财政)
    agents: dict[str, int] | None = None  # a place's names -> its body (江岸 -> 江岸区政府): see ``named_agents``
    agent_pattern: re.Pattern[str] | None = None
    funding: re.Pattern[str] | None = None  # 加大对…的投入: money for the fields named (see ``_funded``)
    region: str | None = None  # the report's region the rules were chosen for (None: every region's)
    project_list_unit: int | None = None  # leads a list of several fields' project counts (see ``_project_list``)


def _fail(path: str, what: str) -> LuoshiError:
    return LuoshiError("E012", f"invalid departments rules {path}: {what}", _HINT)


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _str_map(value: Any, keys: tuple[str, ...] = LEVELS) -> bool:
    return isinstance(value, dict) and all(k in keys and isinstance(v, str) and v.strip() for k, v in value.items())


def _region_map(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                                           for k, v in value.items())


def _years(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(y, int) for y in value) and value[0] <= value[1]


def _moved_here(group: dict[str, Any], region: str | None, year: int | None, kind: str | None) -> bool:
    """A ``moved_in`` group applies to this report: its regions (深圳's parks are its 城管局's), or
    its years and kinds of government (from 2024 a city's 发展改革委 serves private firms)."""
    if "regions" in group and not (region is not None and _in_region(group, region)):
        return False
    if "years" in group and not (year is not None and group["years"][0] <= year <= group["years"][1]):
        return False
    return not group.get("kinds") or kind in group["kinds"]


def validate(data: Any, path: str) -> list[dict[str, Any]]:
    """The entries of a departments file, or E012 saying what is wrong."""
    if not isinstance(data, dict) or not isinstance(data.get("departments"), list) or not data["departments"]:
        raise _fail(path, "expected a mapping with a non-empty list under 'departments'")
    if "prefix" in data and not _str_map(data["prefix"], (*LEVELS, "province", "autonomous")):
        raise _fail(path, "'prefix' must map levels or kinds (district, city, province, autonomous, national) to strings")
    if "ignore" in data and not _str_list(data["ignore"]):
        raise _fail(path, "'ignore' must be a list of strings")
    if "head_words" in data and not _str_list(data["head_words"]):
        raise _fail(path, "'head_words' must be a list of strings")
    if "generic" in data and not _str_list(data["generic"]):
        raise _fail(path, "'generic' must be a list of strings")
    if "opening" in data and not _str_list(data["opening"]):
        raise _fail(path, "'opening' must be a list of strings")
    if "funding" in data and not _str_list(data["funding"]):
        raise _fail(path, "'funding' must be a list of strings")
    if "name_words_not" in data and not _str_list(data["name_words_not"]):
        raise _fail(path, "'name_words_not' must be a list of strings")
    if "municipalities" in data and not _str_list(data["municipalities"]):
        raise _fail(path, "'municipalities' must be a list of region names (北京, 上海 …)")
    if "project_lists" in data and not (isinstance(data["project_lists"], str) and data["project_lists"].strip()):
        raise _fail(path, "'project_lists' must name the unit that leads a list of several fields' projects")
    terr = data.get("territorial")
    if terr is not None and not (isinstance(terr, dict) and isinstance(terr.get("unit"), str) and _str_list(terr.get("words"))):
        raise _fail(path, "'territorial' must map 'unit' to a unit name and 'words' to a list of strings")
    seen: set[str] = set()
    for i, entry in enumerate(data["departments"]):
        where = f"departments[{i}]"
        if not isinstance(entry, dict):
            raise _fail(path, f"{where} is not a mapping")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, f"{where} has no 'name'")
        if name in seen:
            raise _fail(path, f"{where} repeats the name {name!r}")
        seen.add(name)
        if not _str_list(entry.get("keywords")) or not entry["keywords"]:
            raise _fail(path, f"{where} ({name}) needs a non-empty list of 'keywords' strings")
        for key in ("examples", "not", "aliases", "weak", "levels", "regions", "kinds_not"):
            if key in entry and not _str_list(entry[key]):
                raise _fail(path, f"{where} ({name}) '{key}' must be a list of strings")
        if "names" in entry and not _str_map(entry["names"], KINDS):
            raise _fail(path, f"{where} ({name}) 'names' must map kinds of government ({', '.join(KINDS)}) to names")
        if "full" in entry and not _str_map(entry["full"], (*LEVELS, "province")):
            raise _fail(path, f"{where} ({name}) 'full' must map levels (or province) to names")
        if "names_in" in entry and not _region_map(entry["names_in"]):
            raise _fail(path, f"{where} ({name}) 'names_in' must map region names (深圳) to the unit's name there")
        if "place" in entry and not isinstance(entry["place"], bool):
            raise _fail(path, f"{where} ({name}) 'place' must be true or false")
        if "local" in entry and not (isinstance(entry["local"], str) and entry["local"].strip()):
            raise _fail(path, f"{where} ({name}) 'local' must name the local government's unit of the same function")
        if "elsewhere" in entry and not (isinstance(entry["elsewhere"], str) and entry["elsewhere"].strip()):
            raise _fail(path, f"{where} ({name}) 'elsewhere' must name the unit that does its work elsewhere")
        for k, group in enumerate(entry.get("only_in") or []):
            if not (isinstance(group, dict) and _str_list(group.get("regions")) and _str_list(group.get("words"))
                    and (isinstance(group.get("elsewhere"), str) and group["elsewhere"].strip()
                         or "elsewhere" not in group)):
                raise _fail(path, f"{where} ({name}) 'only_in'[{k}] must map 'regions' and 'words' to lists of "
                                  "strings and 'elsewhere' (optional) to a unit name")
        for k, group in enumerate(entry.get("moved_in") or []):
            if not (isinstance(group, dict) and (_str_list(group.get("regions")) or _years(group.get("years")))
                    and ("regions" not in group or _str_list(group["regions"]))
                    and ("years" not in group or _years(group["years"]))
                    and all(k2 in KINDS for k2 in group.get("kinds") or ()) and _str_list(group.get("words"))
                    and isinstance(group.get("to"), str) and group["to"].strip()):
                raise _fail(path, f"{where} ({name}) 'moved_in'[{k}] must map 'regions' (or 'years': [first, last], "
                                  "optionally 'kinds') and 'words' to lists of strings and 'to' to a unit name")
        if "absent_in" in entry and not (_str_list(entry["absent_in"]) and entry.get("elsewhere")):
            raise _fail(path, f"{where} ({name}) 'absent_in' must be a list of regions, with 'elsewhere' naming "
                              "the unit that does the work there")
        for k, former in enumerate(entry.get("former") or []):
            if not (isinstance(former, dict) and isinstance(former.get("name"), str) and former["name"].strip()
                    and _years(former.get("years"))):
                raise _fail(path, f"{where} ({name}) 'former'[{k}] must map 'name' to the unit's earlier name and "
                                  "'years' to the [first, last] report years it was printed")
        years = entry.get("years")
        if years is not None and not (isinstance(years, list) and len(years) == 2
                                      and all(isinstance(y, int) for y in years) and years[0] <= years[1]):
            raise _fail(path, f"{where} ({name}) 'years' must be [first, last] report years")
    return data["departments"]


def display_name(entry: dict[str, Any], level: str | None, prefix: str, kind: str | None = None,
                 local: str | None = None) -> str:
    """The unit's name as printed at ``level`` by a government of ``kind`` (see
    ``government_kind``; the level's own kind when None), or ``local`` where the report's city
    names it its own way (``names_in``); the level-neutral name when level is None."""
    own = "province" if kind == "autonomous" else kind  # an autonomous region's units are named as a province's
    full = entry.get("full", {})
    if own is not None and own in full:
        return full[own]
    if level is not None and level in full:
        return full[level]
    if level is None:
        return prefix + entry["name"]
    names = entry.get("names", {})
    base = local or names.get(own or level) or names.get(level) or entry["name"]
    if kind == "autonomous" and base.startswith("委"):
        base = "党" + base  # 自治区党委宣传部, where a province prints 省委宣传部
    return prefix + base


def _field_name(entry: dict[str, Any], level: str | None, shown: str, prefix: str) -> str:
    """The name whose words are the unit's field (see ``name_words``): one name per level,
    whatever a city calls the unit (市城市管理局 would make 城市 a field word)."""
    if level == "city" and "city" not in entry.get("full", {}):
        return entry["name"]
    return shown.removeprefix(prefix) if prefix else shown


def government_kind(level: str | None, region: str | None, municipalities: tuple[str, ...] = ()) -> str | None:
    """district, municipality, city, province, autonomous or national: a city-level report whose region is
    one of the ``municipalities`` (北京市, 上海市, 天津市, 重庆市) is a municipality's, one of a 省 a province's
    (省教育厅, 省交通运输厅 where a city has 市教育局), one of an 自治区 an autonomous region's (named as a
    province's, with 自治区 before them); without a region a city's list prints the names most cities use."""
    if level == "city" and region and any(m in region for m in municipalities):
        return "municipality"
    if level == "city" and region and region.endswith("自治区") and not region.endswith("特别行政区"):
        return "autonomous"
    if level == "city" and region and region.endswith("省"):
        return "province"
    return level


def _local_name(entry: dict[str, Any], region: str | None) -> str | None:
    """The unit's name in the report's own city (``names_in``: 深圳 → 住房建设局), if listed."""
    if not region:
        return None
    return next((v for k, v in entry.get("names_in", {}).items() if k in region or region in k), None)


def _key(name: str) -> str:
    return _NOTE.sub("", name)


def _in_region(entry: dict[str, Any], region: str | None) -> bool:
    """A standing special body (冬奥组委, 城市副中心管委会) belongs to the regions it names;
    without a region (tests, lookups) every entry is kept."""
    wanted = entry.get("regions")
    return not wanted or region is None or any(w in region or region in w for w in wanted)


def _absent(entry: dict[str, Any], region: str | None) -> bool:
    """A unit merged into another in some regions (深圳's 体育局 is its 文化广电旅游体育局):
    dropped from those regions' reports, its work going to ``elsewhere``."""
    return region is not None and any(w in region or region in w for w in entry.get("absent_in", ()))


def _in_era(entry: dict[str, Any], year: int | None) -> bool:
    """A unit that existed only for some years (监察部 until 2018) is kept for reports of
    those years; without a year (tests, lookups) every entry is kept."""
    years = entry.get("years")
    return not years or year is None or years[0] <= year <= years[1]


def era_name(entry: dict[str, Any], year: int | None) -> str | None:
    """The name a report of ``year`` prints for the unit (``former``: 国家计委 until the 2003
    report for 国家发展改革委, 劳动部 from 1989 to 1998 for 人力资源社会保障部), or None for its
    own name; without a year, None."""
    if year is None:
        return None
    return next((f["name"] for f in entry.get("former") or () if f["years"][0] <= year <= f["years"][1]), None)


@lru_cache(maxsize=32)
def _entries(path: str) -> tuple[dict[str, Any], ...]:
    return tuple(validate(load_file(path), path))


@lru_cache(maxsize=256)
def _compile(path: str, level: str | None, region: str | None = None, year: int | None = None) -> DepartmentRules:
    # Compiled once per set of special bodies dropped, not once per region: a corpus of
    # hundreds of cities would otherwise rebuild the keyword pattern for nearly every report.
    # This choice per (level, region, year) is cached too: the ledger resolves a name against
    # every stored unit (store.units._same_unit), each call asking for the same rules.
    dropped = frozenset(e["name"] for e in _entries(path) if not (_in_region(e, region) and _in_era(e, year))
                        or _absent(e, region))
    moved = frozenset((e["name"], k) for e in _entries(path) for k, g in enumerate(e.get("only_in", []))
                      if not _in_region(g, region))
    data = load_file(path)
    kind = government_kind(level, region, tuple(data.get("municipalities") or ()) if isinstance(data, dict) else ())
    # words of a unit that another unit does in a region or an era (深圳's parks are its 城管局's): ("to", k)
    moved |= frozenset((e["name"], -1 - k) for e in _entries(path) for k, g in enumerate(e.get("moved_in", []))
                       if _moved_here(g, region, year, kind))
    local = tuple(sorted((e["name"], n) for e in _entries(path) if level == "city"
                         and (n := _local_name(e, region)) is not None))
    era = tuple(sorted((e["name"], n) for e in _entries(path) if (n := era_name(e, year)) is not None))
    kept = _compile_kept(path, level, dropped, moved, districts_of(region) if level == "city" else (), kind, local,
                         era)
    return replace(kept, region=region)


@lru_cache(maxsize=4)
def _district_file(path: str) -> dict[str, tuple[str, ...]]:
    data = load_file(path)
    cities = data.get("cities") if isinstance(data, dict) else None
    if not isinstance(cities, dict) or not all(isinstance(k, str) and _str_list(v) for k, v in cities.items()):
        raise _fail(path, "expected a mapping 'cities' of city names to lists of district names")
    return {k: tuple(v) for k, v in cities.items()}


def _common_short_names() -> frozenset[str]:
    data = load_file(str(rule_path("districts")))
    return frozenset(data.get("common") or ()) if isinstance(data, dict) else frozenset()


def districts_of(region: str | None) -> tuple[str, ...]:
    """The districts and counties of the report's city (districts.yaml): their governments
    are units of that city's master list. Without a region (lookups, the ledger) every
    listed city's are kept, as every region's special bodies are."""
    path = rule_path("districts")
    if not path.is_file():
        return ()
    cities = _district_file(str(path))
    if region is None:
        return tuple(dict.fromkeys(d for ds in cities.values() for d in ds))
    return next((ds for city, ds in cities.items() if city in region or region in city), ())


def short_place(name: str) -> str:
    """A district's name as reports list it (江岸区 → 江岸, 石柱土家族自治县 → 石柱, 滨海新区 → 滨海);
    a name of one character before 区/县 (忠县) keeps its ending."""
    core = re.sub(r"(?:(?:土家族|苗族|回族|彝族|藏族|蒙古族|满族|壮族|瑶族)+自治县|新区|区|县)$", "", name)
    return core if len(core) >= 2 else name


@lru_cache(maxsize=32)
def _compile_kept(path: str, level: str | None, dropped: frozenset[str],
                  moved: frozenset[tuple[str, int]] = frozenset(),
                  districts: tuple[str, ...] = (), kind: str | None = None,
                  local: tuple[tuple[str, str], ...] = (),
                  era: tuple[tuple[str, str], ...] = ()) -> DepartmentRules:
    data = load_file(path)
    prefixes = data.get("prefix") or {}
    prefix = (prefixes.get(kind) or prefixes.get(level, "")) if level else ""  # 省 / 自治区 before a province's
    entries = [e for e in _entries(path)
               if (level is None or level in e.get("levels", LEVELS)) and e["name"] not in dropped
               and kind not in e.get("kinds_not", ())]
    own = dict(local)  # the report's city's own names (names_in)
    names = [display_name(e, level, prefix, kind, own.get(e["name"])) for e in entries]
    fields = [_field_name(e, level, names[i], prefix) for i, e in enumerate(entries)]  # the unit's words now
    then = dict(era)  # the report's year prints the name of the time (国家计委 in 1997)
    names = [prefix + then[e["name"]] if e["name"] in then else names[i] for i, e in enumerate(entries)]
    owners: dict[str, list[int]] = {}
    weak: dict[str, list[int]] = {}
    lookup: dict[str, int] = {}
    index = {e["name"]: i for i, e in enumerate(entries)}
    aways: list[dict[str, int | None]] = []
    for i, entry in enumerate(entries):
        # words this unit owns only in some regions go, elsewhere, to the unit doing that work there
        # (without ``elsewhere``, a place of that region's own: the word suggests nothing there)
        away = {w: index.get(g.get("elsewhere", "")) for k, g in enumerate(entry.get("only_in", []))
                if (entry["name"], k) in moved for w in g["words"]}
        away |= {w: index.get(g["to"]) for k, g in enumerate(entry.get("moved_in", []))
                 if (entry["name"], -1 - k) in moved for w in g["words"]}
        aways.append(away)
        for word in entry["keywords"]:
            home = away.get(word, i) if word in away else i
            if home is not None and home not in owners.setdefault(word, []):
                owners[word].append(home)
    # A unit this government does not have hands its work to the one that does it here
    # (文物 to the culture bureau where no 文物局 exists).
    for entry in _entries(path):
        home = index.get(entry.get("elsewhere", ""))
        if entry["name"] in index or home is None:
            continue
        for word in entry["keywords"]:
            if home not in owners.setdefault(word, []):
                owners[word].append(home)
    # A unit's own name says its field (自然资源部, 国家文物局): the words of the name are weak
    # keywords of the unit, so a row naming the field and nothing else (节约使用各种自然资源) goes
    # to it rather than to its paragraph's owner. Place bodies and ``name_words_not`` are left out.
    skip = frozenset(data.get("name_words_not") or ())
    for i, entry in enumerate(entries):
        for word in entry.get("weak", []):  # a weak word moves too (村 is agriculture's in a city)
            home = aways[i].get(word, i) if word in aways[i] else i
            if home is not None and home not in weak.setdefault(word, []):
                weak[word].append(home)
        for word in () if entry.get("place") else name_words(fields[i]):
            if word not in skip and i not in weak.setdefault(word, []):
                weak[word].append(i)
        plain = [entry["name"], *entry.get("names", {}).values(), *entry.get("names_in", {}).values(),
                 *entry.get("aliases", []), *(f["name"] for f in entry.get("former") or ())]
        for alias in plain:
            lookup.setdefault(_key(alias), i)
            if prefix:
                lookup.setdefault(_key(prefix + alias), i)
        for full in [names[i], *entry.get("full", {}).values()]:
            lookup[_key(full)] = i
    # The city's districts: their governments are units of its list, suggested only where the
    # report names the district as the doer (``named_agents``), never by a keyword.
    agents: dict[str, int] = {}
    common = _common_short_names() if districts else frozenset()
    for district in districts:
        gov = district + "政府"
        if _key(gov) in lookup:  # the list already has it (南沙区政府 is the zone's 管委会)
            i = lookup[_key(gov)]
        else:
            i = len(names)
            names.append(gov)
            entries.append({"name": gov, "keywords": [], "place": True})
            for alias in (gov, district + "人民政府", district):
                lookup.setdefault(_key(alias), i)
        for word in (district, short_place(district)):
            if word not in common:
                agents.setdefault(word, i)
    for i, entry in enumerate(entries):
        if entry.get("place") and i not in agents.values():
            for word in entry["keywords"]:
                if word in owners and i in owners[word] and len(word) >= 2:
                    agents.setdefault(word, i)
    folded: dict[str, int | None] = {}
    for alias, i in lookup.items():
        f = fold_name(alias)
        folded[f] = i if folded.get(f, i) == i else None  # two units fold alike: neither
    terr = data.get("territorial")
    terr_unit = next((i for i, e in enumerate(entries) if terr and e["name"] == terr["unit"]), None)
    project_unit = next((i for i, e in enumerate(entries) if e["name"] == data.get("project_lists")), None)
    return DepartmentRules(
        names,
        re.compile(alternation(owners)),
        owners,
        re.compile(alternation(weak)) if weak else None,
        weak,
        lookup,
        level,
        prefix,
        re.compile(alternation(data["ignore"])) if data.get("ignore") else None,
        re.compile(alternation(terr["words"])) if terr and terr_unit is not None else None,
        terr_unit,
        frozenset(data.get("head_words") or ()),
        [e.get("local", e["name"]) for e in entries],
        frozenset(i for i, e in enumerate(entries) if e.get("place")),
        frozenset(data.get("generic") or ()),
        opening=frozenset(data.get("opening") or ()),
        folded={f: i for f, i in folded.items() if i is not None},
        agents=agents,
        agent_pattern=_agent_pattern(agents) if agents else None,
        project_list_unit=project_unit,
        funding=re.compile(rf"对[^,;:，；：]{{1,40}}?的(?:{alternation(data['funding'])})") if data.get("funding") else None,
    )


# Work a report gives a place by name: 支持江岸、江汉…建设…, 支持深汕特别合作区打造…, or a clause
# opening with the place as its subject (滨海新区要…). The verbs are those of a doer's own
# work; 支持江汉平原… (a noun after the name) names no doer.
_AGENT_VERBS = ("建设|打造|创建|争创|建成|发展|提高|提升|加快|开展|推进|探索|率先|深化|做强|做优|做大|创新|申报|承接|"
                "聚焦|高标准|高水平|高质量|全面|积极|加强|完善|实施|培育|争当|当好|建好")


def _agent_pattern(agents: dict[str, int]) -> re.Pattern[str]:
    names = alternation(agents)
    listed = rf"(?:{names})(?:[、和与及](?:{names}))*"
    return re.compile(rf"支持({listed})(?=要|{_AGENT_VERBS})|(?:^|(?<=[,;:，；：]))({listed})(?=要)")


FRAME = 8  # an opening clause this short frames the work after it (做优主城区, 落实乡村振兴战略)


def _opening_reach(text: str) -> int:
    """Where the row's main work may start: its opening clause, or the next one when the
    opening clause is a short frame (at most ``FRAME`` characters)."""
    first = _CLAUSE_END.search(text)
    if first is None:
        return len(text)
    if len(text[: first.start()].strip()) <= FRAME:
        second = _CLAUSE_END.search(text, first.end())
        return second.start() if second else len(text)
    return first.start()


def named_agents(text: str, r: DepartmentRules) -> list[tuple[int, str, int]]:
    """The place bodies ``text`` (normalized) names as doers of its work, in order:
    (unit index, the name written, where). See ``_agent_pattern``."""
    if r.agent_pattern is None or not r.agents:
        return []
    out: list[tuple[int, str, int]] = []
    for m in r.agent_pattern.finditer(text):
        for word in re.split(r"[、和与及]", m.group(1) or m.group(2)):
            i = r.agents.get(word)
            if i is not None and all(i != j for j, _, _ in out):
                out.append((i, word, m.start()))
    return out


def _path(choice: str | None, level: str | None) -> str:
    if choice and choice not in LEVELS:
        if not Path(choice).is_file():
            raise LuoshiError("E012", f"departments file not found: {choice}", "pass district, city, national or a YAML file")
        return str(Path(choice))
    return str(rule_path("departments_national" if level == "national" else "departments"))


def rules(level: str | None = None, choice: str | None = None, region: str | None = None,
          year: int | None = None) -> DepartmentRules:
    """The departments rules in effect for ``level`` (LUOSHI_RULES_DIR may replace the files;
    ``choice`` is a file path or a level name from ``--departments``). ``region`` (the
    report's, e.g. 北京市) keeps the special bodies listed for it and drops other regions' ones;
    ``year`` (the report's) drops the units that did not exist then."""
    if choice in LEVELS:
        level = choice
    return _compile(_path(choice, level), level, region or None, year)


# The meta stage's level (国家 | 省 | 市 | 区县) of a report whose region is unknown: read from
# the body the speaker represents (我代表市人民政府); a province's rows print as a city's would.
_META_LEVELS: dict[str, Level] = {"国家": "national", "省": "city", "市": "city", "区县": "district"}


def report_level(region: str | None, level: str | None = None) -> Level:
    """national for the State Council's report, district for a 区/县 report, else city. Without a
    region, ``level`` (the report's ``meta.level``) decides; without either, district."""
    if not region or region in ("全国", "中国", "国务院"):
        return "national" if region else _META_LEVELS.get(level or "", "district")
    if region.endswith(("区", "县", "旗")) and not region.endswith(("自治区", "特别行政区")):
        return "district"
    return "city"


def canonical_unit(name: str, level: str = "district", r: DepartmentRules | None = None, *,
                   region: str | None = None) -> str | None:
    """The master list's name for ``name`` (a name or alias, with or without the level
    prefix or a region's name: 规自分局, 区发改委, 门头沟区水务局), or None. With ``region``
    (北京市, 青岛市) the name that government prints (市交通委, 市交通运输局); without one, the
    name most cities print. Every old name and alias resolves either way."""
    r = r or rules(level, region=region)
    assert r.lookup is not None
    key = _key(name)
    # the name, then without the city's name (武汉市江岸区政府 is the district's), then without
    # the district's too (门头沟区水务局 is the bureau); a bare 人民政府 is no unit's name
    candidates = [c for c in (key, key[1:] if key[:1] in "区市县" else None, _CITY_PREFIX.sub("", key, count=1),
                              _LOCAL_PREFIX.sub("", key, count=1)) if c and c not in _BARE]
    candidates += [_GOVERNMENT.sub("", c, count=1) for c in candidates]
    for candidate in candidates:
        if candidate in r.lookup:
            return r.names[r.lookup[candidate]]
    # A city's own way of writing a name (文化旅游委 for 文化和旅游委员会, 自然资源与规划局):
    # compared without connectors and with the kind of body (委, 局, 办) left out.
    for candidate in candidates:
        i = (r.folded or {}).get(fold_name(candidate))
        if i is not None:
            return r.names[i]
    # The body of a city's own development zone (中原科技城管委会, 高新区管委会): learned from the
    # report's text (luoshi.assign.zones), it is a unit of every city's list by the same rule.
    if r.level in (None, "city") and key.endswith("管委会"):
        from luoshi.assign.zones import find_zones  # the zones module builds on this one

        zone = key.removesuffix("管委会")
        if [z for z, _, _ in find_zones(zone)] == [zone]:
            return key
    return None


_LEVEL_HEAD = re.compile(r"^(?:国家|国务院|全国|中国|中央|委)")  # 委 of 市委宣传部 once 市 is off
_KIND_TAIL = re.compile(r"(?:委员会|办公室|管理局|管委会|工委|组委|分局|集团|总局|总署|局|部|委|办|署|厅|会)$")
NAME_WORD_MAX = 6  # a longer rest (住房公积金管理中心) is a whole name, not a field a row would write


def name_words(name: str) -> list[str]:
    """The field words a unit's name (without the level prefix) is made of: 自然资源部 → 自然资源,
    文化和旅游部 → 文化, 旅游, 国家文物局 → 文物; the level and the kind of body left out, split at
    the connectors, two to ``NAME_WORD_MAX`` characters."""
    core = _KIND_TAIL.sub("", _LEVEL_HEAD.sub("", name))
    return [w for w in _CONNECTORS.split(core) if 2 <= len(w) <= NAME_WORD_MAX]


def fold_name(name: str) -> str:
    """A unit name without what cities write differently: 委员会 → 委, 办公室 → 办, the
    connectors 和/与/及, and the closing 委/局/办 of a name of four characters or more (a
    shorter one would fold to a bare field: 政府办 is not 政府)."""
    name = _CONNECTORS.sub("", name.replace("委员会", "委").replace("办公室", "办"))
    return name[:-1] if len(name) >= 4 and name[-1] in "委局办" else name


def function_key(name: str, level: str = "district", r: DepartmentRules | None = None) -> str | None:
    """The function a unit performs, the same at every level: the local list's level-neutral
    name (区发展改革委, 市发展改革委 and 国家发展改革委 are all 发展改革委; 商务部 is 商务局 by
    its ``local`` field), so that what is learned on a city's rows applies to the nation."""
    r = r or rules(level)
    assert r.lookup is not None and r.keys is not None
    display = canonical_unit(name, level, r)
    return r.keys[r.names.index(display)] if display is not None else None


def unit_of_key(key: str, r: DepartmentRules) -> int | None:
    """The index of the unit performing function ``key`` in ``r``, or None where there is none."""
    assert r.keys is not None
    return r.keys.index(key) if key in r.keys else None


def near_units(name: str, level: str = "district", limit: int = 5, r: DepartmentRules | None = None, *,
               region: str | None = None) -> list[str]:
    """Master-list names close to ``name`` (for "unknown unit, did you mean…")."""
    r = r or rules(level, region=region)
    assert r.lookup is not None
    key = _key(name)
    out: list[str] = []
    for alias in difflib.get_close_matches(key, list(r.lookup), n=limit * 3, cutoff=0.4):
        out.append(r.names[r.lookup[alias]])
    out += [n for n in r.names if key and (key in n or n in key)]
    return list(dict.fromkeys(out))[:limit]


def scores(text: str, r: DepartmentRules | None = None) -> dict[int, list[str]]:
    """Matched words per unit index for ``text`` (normalized)."""
    r = r or rules()
    if r.ignore is not None:
        text = r.ignore.sub(lambda m: " " * len(m.group()), text)
    matched: dict[int, list[str]] = {}
    first: dict[int, int] = {}
    hits = [(m.start(), m.group()) for m in r.pattern.finditer(text)]  # one scan of the text
    for start, word in hits:
        for i in r.owners[word]:
            first.setdefault(i, start)
    for word in dict.fromkeys(word for _, word in hits):
        for i in r.owners[word]:
            matched.setdefault(i, []).append(word)
    if not matched and r.weak_pattern is not None and r.weak_owners:
        for m in r.weak_pattern.finditer(text):
            for i in r.weak_owners[m.group()]:
                first.setdefault(i, m.start())
                if m.group() not in matched.get(i, []):
                    matched.setdefault(i, []).append(m.group())
    # dicts keep insertion order: rank() breaks ties by the earliest mention
    return {i: matched[i] for i in sorted(matched, key=lambda i: first.get(i, 0))}


_CLAUSE_END = re.compile(r"[,;:，；：]")
# An opening clause that states the purpose or the circumstance of the work (为了人民健康,
# 为加快社会保障体系建设, 面对外需持续低迷的严峻形势): its words do not choose the owner.
_PURPOSE = re.compile(r"^(?:为了?|面对|随着|鉴于)[^,;:，；：]{2,40}[,;:，；：]")


CONNECTIVE = 3  # an opening clause this short is a connective (为此, 同时), not the work
NAMED = "报告点名承担"  # the reason of a place body the report names as the doer
MINOR = 0.25  # weight of a keyword found only inside modifier spans (departments_heads.yaml)


def rank(matched: dict[int, list[str]], lead_clause: str = "", head_word: str = "",
         minor: frozenset[str] = frozenset()) -> list[int]:
    """Best first: a unit that owns ``head_word`` (a kind of work of ``head_words`` ending the
    opening clause: the head noun of its object, 立法 in 推动安全生产等重点领域立法, 招商 in
    实施制造业跨国公司招商计划), then the highest score, words of the opening clause ``lead_clause``
    (the row's main task) counting double and the head word triple; a unit whose words are
    all ``minor`` (found only in modifier spans: 以…为重点, 对…的支持, A、B等) scores MINOR of
    that; on a tie, the unit mentioned first (the row's subject). The head word decides because
    the words before it only qualify that work: 重大项目招商 is investment promotion, not projects."""
    order = {i: k for k, i in enumerate(matched)}

    def weight(w: str) -> int:
        return 3 if w == head_word else 2 if w in lead_clause else 1

    def score(i: int) -> float:
        # a unit named only inside modifiers is discounted; one the head also names keeps
        # its modifier words (挥发性有机物、扬尘等污染源治理 is all the environment's)
        total = sum(len(w) * weight(w) for w in matched[i])
        return total * MINOR if matched[i] and all(w in minor for w in matched[i]) else total

    return sorted(matched, key=lambda i: (head_word not in matched[i], -score(i), order[i]))


@lru_cache(maxsize=4)
def _frames(path: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = load_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("frames"), list):
        raise _fail(path, "expected a mapping with a list under 'frames'")
    out = []
    for i, entry in enumerate(data["frames"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
            raise _fail(path, f"frames[{i}] needs a 'pattern' string")
        try:
            out.append((str(entry.get("name", "")), re.compile(entry["pattern"])))
        except re.error as exc:
            raise _fail(path, f"frames[{i}] pattern does not compile: {exc}") from None
    return tuple(out)


def modifier_spans(text: str, only: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Spans of ``text`` (normalized) that modify the work instead of naming it: the focus
    (以…为重点), premise (在…前提下), beneficiary (对…的支持), listed fields before 等, an
    opening setting (围绕…,) and a trailing effect (…,使…); ``only`` keeps the frames of those
    names (effect). Rules: departments_heads.yaml."""
    spans = []
    for name, pattern in _frames(str(rule_path("departments_heads"))):
        if not only or name in only:
            spans += [m.span(1) for m in pattern.finditer(text)]
    return spans


def minor_words(text: str, r: DepartmentRules, spans: list[tuple[int, int]]) -> frozenset[str]:
    """Keywords all of whose occurrences lie inside a modifier span."""
    if not spans:
        return frozenset()
    inside: dict[str, bool] = {}
    for m in r.pattern.finditer(text):
        within = any(s <= m.start() and m.end() <= e for s, e in spans)
        inside[m.group()] = inside.get(m.group(), True) and within
    return frozenset(w for w, v in inside.items() if v)


def _field_spans(text: str, r: DepartmentRules) -> dict[tuple[int, int], tuple[str, frozenset[int]]]:
    """Spans of generic work words written right after a field's keyword (农业|科技创新,
    医学|科技创新, 农业|供给侧结构性改革) or close after it in one noun phrase (文化|创意|产业), each with the word and the field's units: the field owns
    the work, so the generic word suggests its own unit no more there (see ``generic`` in
    departments.yaml). A generic word is no field: 产业|科技创新 and 产业|人才 keep both (the
    industry bureau owns no other bureau's innovation or talent work by naming industry)."""
    if not r.generic:
        return {}
    hits = list(r.pattern.finditer(text))
    return {(b.start(), b.end()): (b.group(), frozenset(r.owners[a.group()])) for a, b in zip(hits, hits[1:])
            if b.group() in r.generic and a.group() not in r.generic and _one_phrase(text[a.end():b.start()])
            and not set(r.owners[a.group()]) & set(r.owners[b.group()])}


FIELD_GAP = 2  # 文化|创意|产业: a field's word this close before generic work still names its field
_PHRASE_GAP = re.compile(rf"[\u4e00-\u9fff]{{0,{FIELD_GAP}}}")
_NOT_IN_PHRASE = re.compile(r"[和与及等的、对在为向以从把将被使到于]")  # connectors, 的, prepositions


def _one_phrase(gap: str) -> bool:
    """The text between a field's keyword and a generic work word leaves them one noun phrase:
    at most ``FIELD_GAP`` characters and no connector, 的, preposition or verb (文化创意产业, not
    国企对产业发展, 中央财政安排科技资金)."""
    return (_PHRASE_GAP.fullmatch(gap) is not None and _NOT_IN_PHRASE.search(gap) is None
            and any_verb(gap) is None)


_LIST_JOINT = re.compile(r"[、和及与]?")  # what joins the items of a list (审计、统计)


def _head_word(clause: str, r: DepartmentRules) -> str:
    """The last keyword of ``clause`` when it is a head word: in a Chinese noun phrase the head
    comes last. Several kinds of work listed as the head (发挥好审计、统计、财会监督作用; 统筹审计、财政、
    统计等监督力量) are led by the first head word of the list, the order a report ranks them in."""
    hits = list(r.pattern.finditer(clause))
    if not hits or not r.head_words or hits[-1].group() not in r.head_words:
        return ""
    k = len(hits) - 1
    while k > 0 and _LIST_JOINT.fullmatch(clause[hits[k - 1].end():hits[k].start()]):
        k -= 1  # back to the list's first item (审计、财政、统计)
    return next(m.group() for m in hits[k:] if m.group() in r.head_words)


LABEL_CHARS = 8  # a topic label is short: 商务服务业, 现代物流业, 铁路方面, 新材料产业集群
_LABEL = re.compile(r"(?:业|方面|领域|集群)$")


def _label_word(clause: str, text: str, r: DepartmentRules) -> str:
    """The head of a topic label opening the row: an item of an enumerated paragraph named by its
    field (商务服务业，招引集聚一批咨询评估、法律服务等机构…; 铁路方面，加快…) is that field's work, so
    the label's last keyword weighs as the clause's head (see ``rank``), whatever the items after it
    name. A label is verbless, at most ``LABEL_CHARS`` characters, ends in 业/方面/领域/集群 and is
    the row's first clause; "" otherwise."""
    bare = clause.strip()
    if (not _LABEL.search(bare) or len(bare) > LABEL_CHARS or any_verb(bare) is not None
            or not text.lstrip().startswith(bare + ",")):
        return ""
    hits = list(r.pattern.finditer(bare))
    return hits[-1].group() if hits else ""


def main_clause(text: str, spans: list[tuple[int, int]]) -> str:
    """The row's main task: its first clause that is more than a modifier (围绕…, opens
    the setting; the clause after it holds the work) or a connective (为此, 同时, 特别是:
    at most ``CONNECTIVE`` characters, too short to hold any work)."""
    at = len(text) - len(text.lstrip())
    while True:
        cut = _CLAUSE_END.search(text, at)
        end = cut.start() if cut else len(text)
        # covered but for the frame's opening word (围绕, 按照 …)
        framed = any(s <= at + 4 and e >= end for s, e in spans)
        if cut is None or not (framed or len(text[at:end].strip()) <= CONNECTIVE):
            return text[at:end]
        at = cut.end()


def suggest_departments(text: str, r: DepartmentRules | None = None) -> list[Department]:
    """Lead and support units for ``text`` (normalized), best first; [] when none match."""
    r = r or rules()
    purpose = _PURPOSE.match(text)
    if purpose is not None:  # 为了人民健康,要…: the work follows the purpose, and owns the row
        rest = " " * purpose.end() + text[purpose.end() :]
        if scores(rest, r):
            text = rest
    matched = scores(text, r)
    spans = modifier_spans(text)
    lead_clause = main_clause(text, spans)
    fields = _field_spans(text, r)
    owned = minor_words(text, r, list(fields))  # generic work written after a field (农业|供给侧结构性改革)
    field_units: dict[str, set[int]] = {}  # such a word -> the units of the fields written before it
    for word, units in fields.values():
        field_units.setdefault(word, set()).update(units)
    for i in list(matched):
        # the field owns that work: its own unit keeps only its other words, or drops out
        kept = [w for w in matched[i] if w not in owned or i in field_units.get(w, ())]
        if kept:
            matched[i] = kept
        else:
            del matched[i]
    spans += list(fields)
    minor = minor_words(text, r, spans)
    ranked = rank(matched, lead_clause, _head_word(lead_clause, r) or _label_word(lead_clause, text, r), minor)
    opener = _opening(lead_clause, r, minor, set(ranked))
    if opener is None:
        opener = _funded(lead_clause, r, matched, minor)
    if opener is not None:  # 增加财政投入,…: the finance unit's work
        if opener in ranked:
            ranked.remove(opener)
        ranked.insert(0, opener)
    _project_list(text, r, matched, ranked)
    _territorial(text, r, matched, ranked)
    _zone_lead(lead_clause, r, matched, minor, ranked)
    agents = named_agents(text, r)
    # the places the report names as doers lead, in its order, when they do the row's main
    # work (its opening clause, or the one after a short frame: 做优主城区，支持江岸…); named
    # further on (…，支持平谷、延庆创建国家森林城市) they are the first co-units
    at = 0 if agents and agents[0][2] <= _opening_reach(text) else 1
    for i, word, _ in reversed(agents):
        matched[i] = [*[w for w in matched.get(i, []) if w != word], word, NAMED]
        if i in ranked:
            ranked.remove(i)
        ranked.insert(min(at, len(ranked)), i)
    ranked = ranked[: 1 + MAX_SUPPORT]
    return [Department(r.names[i], "lead" if k == 0 else "support", matched[i]) for k, i in enumerate(ranked)]


def opening_unit(text: str, r: DepartmentRules) -> int | None:
    """The unit that an ``opening`` word of the opening clause gives the row ``text``
    (normalized): see ``_opening``; None when there is none."""
    if not r.opening:
        return None
    spans = modifier_spans(text)
    return _opening(main_clause(text, spans), r, minor_words(text, r, spans), set(scores(text, r)))


def _opening(lead_clause: str, r: DepartmentRules, minor: frozenset[str], candidates: set[int]) -> int | None:
    """The opening clause names the money (财政投入, 中央财政补助, 财政资金): the spending is the
    row's work, so the unit of that word leads whatever field the money goes to (科技, 义务教育).
    A word found only in a modifier (财政性教育经费) does not count."""
    if not r.opening:
        return None
    for m in r.pattern.finditer(lead_clause):
        word = m.group()
        if word not in minor and any(o in word for o in r.opening):
            return next((i for i in r.owners[word] if i in candidates), None)
    return None


def _funded(lead_clause: str, r: DepartmentRules, matched: dict[int, list[str]], minor: frozenset[str]) -> int | None:
    """加大对科技、教育的投入, 加大对粮食主产区的扶持: the work is the money (``funding`` words after a
    beneficiary frame) and the fields only receive it, so the unit of the ``opening`` money word (财政)
    leads; it joins ``matched`` with the funding word as its reason. Only when every matched word
    lies in a modifier: a row naming its own work keeps it."""
    if r.funding is None or not matched or any(w not in minor for ws in matched.values() for w in ws):
        return None
    found = r.funding.search(lead_clause)
    money = next((i for o in sorted(r.opening) for m in r.pattern.finditer(o) for i in r.owners[m.group()]), None)
    if found is None or money is None:
        return None
    word = found.group()[found.group().rindex("的") + 1:]
    matched[money] = [*matched.get(money, []), word]
    return money


_PROJECT_COUNT = re.compile(r"\d+个([\u4e00-\u9fff]{1,6}?)项目")


def _project_list(text: str, r: DepartmentRules, matched: dict[int, list[str]], ranked: list[int]) -> None:
    """A list of project counts of several fields (361个交通项目、119个水利项目、601个城建项目): the
    projects are the year's investment plan, which the ``project_lists`` unit (发展改革委) runs; the
    fields' units follow as co-units. Counts of one field (1000个产业项目、500个工业技改项目) stay
    that field's."""
    unit = r.project_list_unit
    if unit is None:
        return
    # a field is its units, or its own words where no unit's keyword names it (城建, 百亿)
    fields = {frozenset(scores(m.group(1), r)) or m.group(1) for m in _PROJECT_COUNT.finditer(text)}
    if len(fields) < 2:
        return
    matched.setdefault(unit, [])
    if "项目" not in matched[unit]:
        matched[unit].append("项目")
    if unit in ranked:
        ranked.remove(unit)
    ranked.insert(0, unit)


def _territorial(text: str, r: DepartmentRules, matched: dict[int, list[str]], ranked: list[int]) -> None:
    """Work done on the ground (各区, 属地, 街道乡镇) is the districts' or towns' own: their
    unit leads when it is the row's subject (各区要…), else it joins as the first co-unit."""
    unit = r.territorial_unit
    if r.territorial is None or unit is None:
        return
    hit = r.territorial.search(text)
    if hit is None:
        return
    matched.setdefault(unit, [])
    if hit.group() not in matched[unit]:
        matched[unit].append(hit.group())
    if unit in ranked:
        ranked.remove(unit)
    ranked.insert(0 if hit.start() == 0 or not ranked else 1, unit)


def _zone_lead(lead_clause: str, r: DepartmentRules, matched: dict[int, list[str]], minor: frozenset[str],
               ranked: list[int]) -> None:
    """A zone the row's main work is about (加快自贸试验区南京片区建设，深化生物医药…; 做实上合示范区):
    the body running it (a ``place`` unit) leads, the fields' units following as co-units. Named
    only further on (推进智慧城市建设，开展副中心智慧城市试点) or inside a modifier, it stays where it ranks."""
    for m in r.pattern.finditer(lead_clause):
        word = m.group()
        unit = next((i for i in r.owners[word] if i in r.places and i in matched), None)
        if unit is not None and word not in minor:
            ranked.remove(unit)
            ranked.insert(0, unit)
            return
