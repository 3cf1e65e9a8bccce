"""Sentence roles: the cues of roles.yaml and the structural rules (headings, theme
openers, a part's introduction, five-year targets)."""

from __future__ import annotations

import pytest

from luoshi.rules import load
from luoshi.structure import analyze
from luoshi.structure.roles import cue_role, role_rules, sentence_role
from luoshi.textmap import MappedText, fold

ROLES = load("roles")
CUE_CASES = [(kind, e["name"], positive, t) for kind in ("context", "target") for e in ROLES[kind]
             for positive, key in ((True, "examples"), (False, "not")) for t in e.get(key, [])]


@pytest.mark.parametrize(("kind", "name", "positive", "text"), CUE_CASES)
def test_roles_rule_examples(kind, name, positive, text):
    assert (cue_role(text) == kind) is positive, (name, text)


@pytest.mark.parametrize(
    ("key", "positive", "text"),
    [(key, positive, t) for key in ("paragraph_context", "term_target", "term_state")
     for positive, k in ((True, "examples"), (False, "not")) for t in ROLES[key].get(k, [])],
)
def test_roles_paragraph_and_term_examples(key, positive, text):
    pattern = getattr(role_rules(), key)
    assert (pattern.search(fold(text)) is not None) is positive


@pytest.mark.parametrize(
    ("text", "kwargs", "role"),
    [
        ("持续推进城乡建设用地减量。", {}, "task"),
        ("与石景山区协同推进基础设施建设、生态环境保护。", {}, "task"),  # the verb comes late
        ("全面落实减量发展。", {"heading": True}, "theme"),
        ("实施乡村振兴战略,促进城乡融合发展。", {"opener": True}, "theme"),
        ("科技创新是北京实现高质量发展的第一动力。", {"opener": True}, "context"),
        ("紧紧抓住疏解非首都功能这个“牛鼻子”,坚持疏解整治与优化提升同步推进。", {"intro": True}, "theme"),
        ("地表水、地下水水质稳中向好,饮用水水源水质稳定达标。", {"term": True}, "target"),
        ("到“十四五”末,全区森林覆盖率达到50.3%。", {"term": True}, "target"),
        ("灵山、百花山生物多样性更加丰富。", {"term": True}, "target"),
        ("永定河综合治理和生态修复工程完工,废弃矿山“销账归零”。", {"term": True}, "task"),
        ("打造长安街西延线专精特新产业集群,专精特新企业达50家以上。", {"term": True}, "task"),
        ("发展如逆水行舟,不进则退。", {}, "context"),
    ],
)
def test_roles_sentence_role(text, kwargs, role):
    assert sentence_role(fold(text), **kwargs) == role


def test_roles_assigned_on_goals_and_plan_sentences_only():
    text = (
        "一、2021年工作回顾\n\n推进改革取得成效。\n\n二、2022年工作计划\n\n"
        "2022年是党的二十大召开之年。\n\n持续完善生态建设制度体系。深化生态环境保护目标考核机制。"
        "落实河长制。\n\n各位代表,让我们齐心协力,奋力拼搏!\n"
    )
    mt = MappedText(text)
    s = analyze(mt)
    roles = {text[x.start : x.end]: x.role for x in s.sentences}
    assert roles["推进改革取得成效。"] is None
    assert roles["二、2022年工作计划"] == "theme"
    assert roles["2022年是党的二十大召开之年。"] == "context"
    assert roles["持续完善生态建设制度体系。"] == "theme"
    assert roles["深化生态环境保护目标考核机制。"] == "task"
    assert roles["落实河长制。"] == "task"
    assert roles["各位代表,让我们齐心协力,奋力拼搏!"] == "context"
