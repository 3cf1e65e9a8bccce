"""Matching re-extracted items to stored ones: exact, same text, similar text nearby."""

import pytest

from luoshi.store.matching import match_items, text_hash


def items(*specs):
    return [(s, e, t) for s, e, t in specs]


def run(old, new):
    key = lambda x: (x[0], x[1], text_hash(x[2]))  # noqa: E731
    pairs, added, gone = match_items(old, new, key, key, lambda x: x[2], lambda x: x[2])
    return [(o[2], n[2]) for o, n in pairs], [n[2] for n in added], [o[2] for o in gone]


@pytest.mark.parametrize(("old", "new", "expected"), [
    (items((0, 8, "推进永定河生态修复")), items((0, 8, "推进永定河生态修复")), ([("推进永定河生态修复", "推进永定河生态修复")], [], [])),
    (items((0, 8, "推进永定河生态修复")), items((30, 38, "推进永定河生态修复")), ([("推进永定河生态修复", "推进永定河生态修复")], [], [])),
    (items((0, 12, "完成老旧小区综合整治10个")), items((0, 11, "完成老旧小区综合整治10")), ([("完成老旧小区综合整治10个", "完成老旧小区综合整治10")], [], [])),
    (items((0, 8, "推进永定河生态修复")), items((0, 8, "探索建立文旅融合机制")), ([], ["探索建立文旅融合机制"], ["推进永定河生态修复"])),
    (items((0, 12, "完成老旧小区综合整治10个")), items((5000, 5011, "完成老旧小区综合整治10")), ([], ["完成老旧小区综合整治10"], ["完成老旧小区综合整治10个"])),
])
def test_match_items(old, new, expected):
    assert run(old, new) == expected


def test_text_hash_ignores_line_breaks():
    assert text_hash("推进永定河\n生态修复") == text_hash("推进永定河生态修复") != text_hash("推进永定河生态")
