"""Draw the task sentences of a final14-set pair mechanically: ``python eval/links/final14/sample.py NAME``.

The sampler itself (what counts as a task sentence, how every k-th is drawn) is
``eval/links/sampling.py``, shared by every sealed set; this file holds only the set's pairs.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":  # run as a script: the repository root is not on the path yet
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from eval.links import sampling  # noqa: E402
from eval.links.sampling import Pair  # noqa: E402

# name: (old text, plan part start anchor, plan part end anchor, k, offset)
PAIRS: dict[str, Pair] = {
    "quanzhou-2025-2026": ("eval/texts/quanzhou-2025.txt", "（一）坚持以科技创新引领新质生产力发展",
                           "各位代表！志不求易者成，事不避难者进", 2, 1),
    "haikou-2023-2024": ("eval/texts/haikou-2023.txt", "（一）纵深推进自贸港核心区建设",
                         "各位代表！奋进新征程，肩负新使命", 3, 2),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
