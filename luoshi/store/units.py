"""The units master list (责任单位): the only names a form, an import or a user may carry.

The list is the engine's departments rules for the report's level (a district's
bureaus, or the State Council's ministries), with their aliases (发改委 = 发展改革委).
A name resolves to a unit when it is the unit's name or alias, with or without a
region prefix (区发展改革委, 北京市门头沟区发展改革委). Anything else is E108 with
the nearest names, and the ledger makes no unit of it.

``luoshi.extract.departments`` may provide ``canonical_unit(name, level)`` and
``near_units(name, level)``; when it does, they decide, so the engine and the ledger
agree on one list. They take the report's region too, so a new unit is named as that
government prints it (北京市's 市交通委, 青岛市's 市交通运输局); a form with no report
(a user's department) uses the ledger's region when the ledger holds one region's reports. Otherwise a resolver over the rules file's ``name`` and
``aliases`` entries does.
"""

from __future__ import annotations

import re
from typing import Literal

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.errors import UnknownUnitError
from luoshi.store.models import Department

Level = Literal["district", "city", "national"]
LEVELS: tuple[Level, ...] = ("district", "city", "national")
NEAR = 5
# A region prefix written before a unit's own name; a 牵头/配合 remark after it.
_PREFIX = re.compile(r"^(?:北京市|[\u4e00-\u9fff]{1,3}[省市])?(?:[\u4e00-\u9fff]{1,3}[区县])?")
_REMARK = re.compile(r"[（(][^）)]*[）)]$")
_NATIONAL_REGIONS = ("全国", "中国", "中华人民共和国", "国务院")


def report_level(region: str | None, title: str | None = None, level: str | None = None) -> Level:
    """Which master list a report's rows use: the State Council's, a city's or a district's. Without a
    region, ``level`` (the meta stage's 国家 | 省 | 市 | 区县, read from 我代表市人民政府) decides, as it
    does in the engine."""
    if (region or "") in _NATIONAL_REGIONS or (not region and "国务院" in (title or "")):
        return "national"
    try:
        from luoshi.extract.departments import report_level as engine_level
    except ImportError:
        return "district"
    return engine_level(region, level)  # type: ignore[return-value]


def level_of(report) -> Level:
    """The level of a stored report (luoshi.store.models.Report)."""
    return report_level(region_of(report), report.title, report.level)


def region_of(report) -> str | None:
    """The region name of a stored report (北京市门头沟区, 青岛市), or None."""
    return report.region.name if report.region is not None else None


def ledger_scope(session: Session) -> tuple[Level | None, str | None]:
    """The level and region for a name written outside any report (a user's department): the
    ledger's one region when all its reports are one government's, else (None, None)."""
    from luoshi.store.models import Region, Report

    regions = list(session.scalars(select(Region).where(Region.id.in_(select(Report.region_id))).limit(2)))
    if len(regions) != 1:
        return None, None
    return report_level(regions[0].name), regions[0].name


def clean(name: str) -> str:
    """The name as written, without spaces and a trailing remark: 区财政局（牵头） -> 区财政局."""
    name = re.sub(r"\s+", "", name or "")
    return _REMARK.sub("", name).strip("、，,;；")


def _key(name: str) -> str:
    """Compare names without a leading 区: 区发展改革委 ~ 发展改革委."""
    name = clean(name)
    return name[1:] if name.startswith("区") and len(name) > 2 else name


def _variants(name: str) -> list[str]:
    """Comparison keys of a written name: as is, then without a region prefix (门头沟区水务局)."""
    keys = [_key(name)]
    stripped = _PREFIX.sub("", clean(name), count=1)
    if stripped and len(stripped) >= 2:
        keys.append(_key(stripped))
    return list(dict.fromkeys(keys))


def _engine_api():
    try:
        from luoshi.extract.departments import canonical_unit, near_units  # type: ignore[attr-defined]
    except ImportError:
        return None
    return canonical_unit, near_units


def master_names(level: Level | None = None) -> dict[str, str]:
    """Every accepted spelling (names and aliases, by comparison key) -> the unit's name."""
    from luoshi.extract import departments as rules_mod
    from luoshi.rules import load_file, rule_path

    out: dict[str, str] = {}
    entries = rules_mod.validate(load_file(str(rule_path("departments"))), "departments")
    for e in entries:
        out.setdefault(_key(e["name"]), e["name"])
        for alias in e.get("aliases") or ():
            out.setdefault(_key(alias), e["name"])
    return out


def canonical(name: str, level: Level | None = None, region: str | None = None) -> str | None:
    """The master list's name for ``name`` (an alias, a prefixed form), or None; with
    ``region``, the name that government prints."""
    name = clean(name)
    if not name:
        return None
    api = _engine_api()
    if api is not None:
        for lv in ((level,) if level else LEVELS):
            found = api[0](name, lv, region=region)
            if found:
                return found
        return None
    spellings = master_names(level)
    return next((spellings[k] for k in _variants(name) if k in spellings), None)


def near(name: str, level: Level | None = None, extra: list[str] | tuple[str, ...] = (), limit: int = NEAR,
         region: str | None = None) -> list[str]:
    """The master list's names closest to ``name`` (for the error message and the form)."""
    api = _engine_api()
    names: list[str] = []
    if api is not None:
        for lv in ((level,) if level else LEVELS):
            names += list(api[1](clean(name), lv, region=region))
    else:
        spellings = master_names(level)
        for key, _score, _i in process.extract(_key(name), list(spellings), scorer=fuzz.WRatio, limit=limit * 2, score_cutoff=40):
            names.append(spellings[key])
    if extra:
        names += [n for n, _s, _i in process.extract(clean(name), list(extra), scorer=fuzz.WRatio, limit=limit, score_cutoff=60)]
    return list(dict.fromkeys(names))[:limit]


def resolve_unit(session: Session, name: str, level: Level | None = None, region: str | None = None) -> Department:
    """The ledger's unit for a name a person wrote; E108 (with near names) if it is not on the list.

    An existing unit of the same name or comparison key is reused (the engine's 区水务局
    and the office's 水务局 are one unit); a listed unit not yet in the ledger is added under the
    name the report's government (``region``; else the ledger's one region) prints.
    """
    written = clean(name)
    if not written:
        raise UnknownUnitError("empty unit name", "choose a unit of the master list")
    exact = session.scalar(select(Department).where(Department.name == written))
    if exact is not None:
        return exact
    if level is None and region is None:
        level, region = ledger_scope(session)
    listed = canonical(written, level, region)
    if listed is None:
        close = near(written, level, region=region)
        raise UnknownUnitError(
            f"unit {written!r} is not in the master list",
            ("did you mean: " + "、".join(close) if close else "no close name")
            + "; units come from the departments rules (LUOSHI_RULES_DIR to use your own list)")
    existing = session.scalar(select(Department).where(Department.name == listed)) or _same_unit(session, listed, level, region)
    if existing is not None:
        return existing
    # A listed unit written with its district prefix (区水务局 for 水务局) keeps the spelling
    # the office uses; an alias (发改委) becomes the listed name.
    name_as_listed = listed if _engine_api() is not None or _key(written) != _key(listed) else written
    dept = Department(name=name_as_listed, level=level, aliases=_aliases_of(listed, level))
    session.add(dept)
    session.flush()
    return dept


def _same_unit(session: Session, listed: str, level: Level | None, region: str | None = None) -> Department | None:
    """The ledger's unit that is the master list's ``listed`` under another spelling: the same
    comparison key, or a name that resolves to it. A ledger made when the engine printed one
    government's names (市交通委) keeps its units when the list prints another's (市交通运输局)."""
    key = _key(listed)
    departments = list(session.scalars(select(Department)))
    return (next((d for d in departments if key in _variants(d.name)), None)
            or next((d for d in departments if canonical(d.name, level, region) == listed), None))


def _aliases_of(name: str, level: Level | None) -> list[str]:
    try:
        return [alias for alias, unit in master_names(level).items() if unit == name and alias != _key(name)]
    except Exception:  # noqa: BLE001 - aliases are a convenience; the unit itself is valid
        return []


def engine_unit(session: Session, name: str) -> Department:
    """The unit of a name the engine suggested (its rules are the master list) or the history
    carries: the existing unit of that name or comparison key, else a new one as named."""
    written = clean(name)
    dept = session.scalar(select(Department).where(Department.name == written))
    if dept is not None:
        return dept
    keys = set(_variants(written))
    dept = next((d for d in session.scalars(select(Department)) if keys & set(_variants(d.name))), None)
    listed = canonical(written) if dept is None else None
    if listed is not None:
        dept = _same_unit(session, listed, None)
    if dept is None:
        dept = Department(name=written, aliases=[])
        session.add(dept)
        session.flush()
    return dept
