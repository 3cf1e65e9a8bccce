import pytest

from luoshi.errors import LuoshiError
from luoshi.extract.departments import MAX_SUPPORT, rules, suggest_departments
from luoshi.rules import load

ENTRIES = load("departments")["departments"]


@pytest.mark.parametrize(("name", "text"), [(e["name"], t) for e in ENTRIES for t in e.get("examples", [])])
def test_departments_rule_examples_lead(name, text):
    assert suggest_departments(text)[0].name == name


@pytest.mark.parametrize(("name", "text"), [(e["name"], t) for e in ENTRIES for t in e.get("not", [])])
def test_departments_rule_counter_examples_do_not_lead(name, text):
    found = suggest_departments(text)
    assert not found or found[0].name != name


@pytest.mark.parametrize(
    ("text", "lead", "matched"),
    [
        ("坚决打好蓝天保卫战", "生态环境局", ["蓝天保卫战"]),
        ("实施新一轮百万亩造林绿化1万亩", "园林绿化局", ["造林", "绿化"]),
        ("建成门城水厂", "水务局", ["水厂"]),
        ("加快景山学校门头沟校区建设", "教委", ["学校", "校区"]),
        ("持续推进城乡建设用地减量", "规划自然资源分局", ["用地", "减量"]),
    ],
)
def test_departments_lead_and_reason(text, lead, matched):
    first = suggest_departments(text)[0]
    assert (first.name, first.role, first.matched) == (lead, "lead", matched)


def test_departments_support_after_lead_at_most_two():
    found = suggest_departments("强化工地扬尘管控和道路交通扬尘治理,加强学校周边绿化和河道治理")
    assert found[0].role == "lead" and [d.role for d in found[1:]] == ["support"] * (len(found) - 1)
    assert 2 <= len(found) <= 1 + MAX_SUPPORT


def test_departments_none_when_nothing_matches():
    assert suggest_departments("坚持稳中求进总基调") == []


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("[]\n", "non-empty list under 'departments'"),
        ("departments: []\n", "non-empty list under 'departments'"),
        ("departments:\n  - keywords: [污染]\n", "has no 'name'"),
        ("departments:\n  - name: 环保局\n", "keywords"),
        ("departments:\n  - name: 环保局\n    keywords: [污染, 123]\n", "keywords"),
        ("departments:\n  - name: 环保局\n    keywords: [污染]\n  - name: 环保局\n    keywords: [大气]\n", "repeats"),
        ("departments:\n  - name: 环保局\n    keywords: [污染]\n    examples: 治污\n", "'examples'"),
        ("departments: [unclosed\n", "not valid YAML"),
    ],
)
def test_departments_bad_rules_file_is_e012(tmp_path, monkeypatch, content, complaint):
    (tmp_path / "departments.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setenv("LUOSHI_RULES_DIR", str(tmp_path))
    with pytest.raises(LuoshiError) as err:
        rules()
    assert err.value.code == "E012" and complaint in str(err.value)


def test_departments_user_file_replaces_shipped(tmp_path, monkeypatch):
    (tmp_path / "departments.yaml").write_text(
        "departments:\n  - name: 环保处\n    keywords: [蓝天]\n", encoding="utf-8"
    )
    monkeypatch.setenv("LUOSHI_RULES_DIR", str(tmp_path))
    found = suggest_departments("坚决打好蓝天保卫战")
    assert [(d.name, d.matched) for d in found] == [("环保处", ["蓝天"])]
