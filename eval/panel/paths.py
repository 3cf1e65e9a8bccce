"""Where the shared city corpus sits: ``LUOSHI_SHARED`` or ``../shared`` beside the clone."""

from __future__ import annotations

import os
from pathlib import Path


def shared_root() -> Path:
    """``LUOSHI_SHARED``, else ``shared/`` beside the clone (or beside its worktrees' folder)."""
    env = os.environ.get("LUOSHI_SHARED")
    if env:
        return Path(env)
    clone = Path(__file__).resolve().parents[2]
    for candidate in (clone.parent / "shared", clone.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return clone.parent / "shared"


def cities_root() -> Path:
    return shared_root() / "corpus" / "cities"
