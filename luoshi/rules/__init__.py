"""Rule vocabularies live in YAML under ``rules/zh``; code stays language-neutral.

``LUOSHI_RULES_DIR`` points at a folder whose files override the shipped ones
(a government replaces ``departments.yaml`` with its own bureaus, say).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from luoshi.errors import LuoshiError

RULES_DIR = Path(__file__).parent / "zh"


def rule_path(name: str) -> Path:
    override = os.environ.get("LUOSHI_RULES_DIR")
    if override and (Path(override) / f"{name}.yaml").is_file():
        return Path(override) / f"{name}.yaml"
    return RULES_DIR / f"{name}.yaml"


@lru_cache(maxsize=None)
def load_file(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise LuoshiError("E012", f"rules file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise LuoshiError("E012", f"rules file {path} is not valid YAML: {exc}".replace("\n", " ")) from None


def load(name: str) -> Any:
    """The parsed rules file ``name`` (e.g. ``units``), cached."""
    return load_file(str(rule_path(name)))
