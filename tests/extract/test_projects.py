import pytest

from luoshi.extract.projects import find_projects
from luoshi.rules import load

R = load("projects")
RULES = [R["quoted"], *R["suffixes"]]


@pytest.mark.parametrize("text", [t for r in RULES for t in r["examples"]])
def test_projects_rule_examples_find_a_name(text):
    assert find_projects(text)


@pytest.mark.parametrize("text", [t for r in RULES for t in r["not"]])
def test_projects_rule_counter_examples_find_nothing(text):
    assert find_projects(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("建成门城水厂", ["门城水厂"]),
        ("加快实施国道109新线高速公路建设", ["国道109新线高速公路"]),
        ("长安街西延线、新首钢大桥、S1线建成通车", ["长安街西延线", "新首钢大桥", "S1线"]),
        ("加快打造中关村京西智谷", ["中关村京西智谷"]),
        ("聚力打响“门头沟小院”“绿水青山门头沟”旅游品牌", ["门头沟小院", "绿水青山门头沟"]),
        ("力争市郊铁路“门大线”年内开工", ["门大线"]),
        ("继续实施大峪化工厂、三家店粮库定向安置房建设工程", ["三家店粮库定向安置房"]),
        ("加快景山学校门头沟校区、育园小学新建工程实施", ["景山学校门头沟校区", "育园小学"]),
        ("推进人工智能产业园建设", ["人工智能产业园"]),
        ("深入开展“清河行动”和“清四乱”专项行动", ["清河行动", "清四乱"]),
        # slogans, periods, figures and generic works are not names
        ("坚决执行“三个严禁”", []),
        ("对标“七有”要求、“五性”需求", []),
        ("高质量编制“十四五”规划", []),
        ("坚持“抠0.1微克”治理PM2.5", []),
        ("全年计划安排重点工程87项", []),
        ("年内开工建设3所学校", []),
        ("把棚改作为头号民生工程", []),
        ("牢牢守住生态红线", []),
    ],
)
def test_projects_named_works(text, expected):
    assert find_projects(text) == expected


def test_projects_same_name_listed_once():
    assert find_projects("建成门城水厂,门城水厂投入使用") == ["门城水厂"]
