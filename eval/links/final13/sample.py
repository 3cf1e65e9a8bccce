"""Draw the task sentences of a final13-set pair mechanically: ``python eval/links/final13/sample.py NAME``.

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
    "urumqi-2025-2026": ("eval/texts/urumqi-2025.txt", "一、牢牢扭住总目标，坚决守住安全稳定底线",
                         "各位代表！大道至简，实干为要", 2, 1),
    "hohhot-2024-2025": ("eval/texts/hohhot-2024.txt", "（一）要毫不松劲把抓发展作为第一要务",
                         "各位代表！当前的呼和浩特，已经进入了一个全新", 3, 2),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
