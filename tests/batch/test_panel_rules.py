"""Examples and counter-examples of rules/zh/panel.yaml."""

from __future__ import annotations

import re

import pytest

from luoshi.rules import load
from luoshi.textmap import fold

_RULE = load("panel")["targets_paragraph"]


@pytest.mark.parametrize(("text", "expected"), [(e, True) for e in _RULE["examples"]] + [(e, False) for e in _RULE["not"]])
def test_targets_paragraph_names(text: str, expected: bool) -> None:
    assert (re.search(_RULE["pattern"], fold(text)) is not None) is expected
