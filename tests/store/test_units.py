"""The units master list: names and aliases resolve, anything else is E108 with near names."""

import pytest
from sqlalchemy import func, select

from luoshi.store.errors import UnknownUnitError
from luoshi.store.models import Department
from luoshi.store.units import canonical, engine_unit, near, report_level, resolve_unit


@pytest.mark.parametrize(("written", "listed"), [
    ("区发展改革委", "区发展改革委"), ("发改委", "区发展改革委"), ("规自分局", "区规划自然资源分局"),
    ("北京市门头沟区财政局", "区财政局"), ("区财政局（牵头）", "区财政局"), (" 水务局 ", "区水务局"), ("区水务部", None), ("宇宙局", None),
])
def test_canonical_names_of_the_district_list(written, listed):
    assert canonical(written, "district") == listed


def test_aliases_of_a_replaced_list_resolve(tmp_path, monkeypatch):
    (tmp_path / "departments.yaml").write_text(
        "departments:\n  - name: 规划自然资源分局\n    aliases: [规自分局]\n    keywords: [规划]\n"
        "  - name: 发展改革委\n    aliases: [发改委]\n    keywords: [发展改革]\n", encoding="utf-8")
    monkeypatch.setenv("LUOSHI_RULES_DIR", str(tmp_path))
    assert (canonical("规自分局"), canonical("区发改委")) == ("规划自然资源分局", "发展改革委")
    assert near("规自局")[0] == "规划自然资源分局"


def test_report_level_chooses_the_list():
    assert report_level("全国", "2017年国务院政府工作报告") == "national"
    assert report_level("北京市门头沟区", "2022年门头沟区政府工作报告") == "district"


@pytest.mark.parametrize(("meta_level", "level"), [("市", "city"), ("区县", "district"), (None, "district")])
def test_a_stored_report_without_a_region_keeps_the_level_the_meta_stage_read(session, meta_level, level):
    """A city report whose region was not found (我代表市人民政府 only) takes a city's list in the
    ledger, as its engine rows did, not a district's."""
    from dataclasses import replace

    from luoshi.store.reports import ingest_extraction
    from luoshi.store.units import level_of
    from tests.store.conftest import build_extraction

    ex, text = build_extraction()
    ex = replace(ex, report=replace(ex.report, region=None, level=meta_level))
    report = ingest_extraction(session, ex, text, link=False).report
    assert (report.region, report.level, level_of(report)) == (None, meta_level, level)
    assert report_level(None, None, "市") == "city"


def test_resolve_unit_never_makes_a_unit_from_free_text(session):
    with pytest.raises(UnknownUnitError) as err:
        resolve_unit(session, "区水务部")
    assert err.value.code == "E108" and "水务局" in str(err.value)
    assert session.scalar(select(func.count()).select_from(Department)) == 0
    water = resolve_unit(session, "区水务局")
    assert (water.name, resolve_unit(session, "水务局").id) == ("区水务局", water.id)  # one unit, however prefixed
    assert engine_unit(session, "水务局").id == water.id


def test_a_ledger_keeps_its_units_when_the_list_prints_a_cities_own_names(session):
    """Units stored under the names the engine printed before (Beijing's 市交通委, 市教委 for
    every city) stay the units of every spelling the list now prints or accepts."""
    old = {name: engine_unit(session, name) for name in ("市交通委", "市教委", "市住房城乡建设委")}
    for written, was in [("市交通运输局", "市交通委"), ("交通运输局", "市交通委"), ("市交通委", "市交通委"),
                         ("市教育局", "市教委"), ("市住房和城乡建设局", "市住房城乡建设委"), ("市住建局", "市住房城乡建设委")]:
        assert resolve_unit(session, written, "city").id == old[was].id, written
        assert engine_unit(session, written).id == old[was].id, written
    assert session.scalar(select(func.count()).select_from(Department)) == 3


def _ledger_of(session, region_name: str) -> None:
    from luoshi.store.models import Region, Report

    region = Region(name=region_name)
    session.add(region)
    session.flush()
    session.add(Report(sha256=region_name.encode().hex().ljust(64, "0")[:64], region_id=region.id, year=2024,
                       engine_version="test"))
    session.flush()


@pytest.mark.parametrize(("region", "written", "named"), [
    ("北京市", "市交通运输局", "市交通委"), ("北京市", "市住建局", "市住房城乡建设委"),
    ("青岛市", "市交通委", "市交通运输局"), ("青岛市", "市教委", "市教育局"),
])
def test_a_new_unit_is_named_as_the_reports_government_prints_it(session, region, written, named):
    """A form on a report of 北京市 that writes another city's spelling makes the unit under Beijing's
    name, and the reverse for 青岛市; the same holds for a user's department in a one-region ledger."""
    assert resolve_unit(session, written, "city", region).name == named
    assert resolve_unit(session, named, "city", region).name == named  # one unit, either spelling
    assert session.scalar(select(func.count()).select_from(Department)) == 1


def test_a_users_department_takes_the_ledgers_one_region(session):
    from luoshi.store.users import create_user

    _ledger_of(session, "北京市")
    user = create_user(session, "jtw", "a-long-password-1", "department", department="市交通运输局")
    assert user.department.name == "市交通委"
    _ledger_of(session, "青岛市")  # two governments: no region is assumed, every spelling still resolves
    assert resolve_unit(session, "交通运输局").id == user.department_id
