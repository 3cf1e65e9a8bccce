from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.corpus import build


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    build(root)
    return root
