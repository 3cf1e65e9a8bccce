"""Draw the task sentences of a final2-set pair mechanically: ``python eval/links/final2/sample.py NAME``.

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
    "national-2009-2010": ("eval/texts/gwr-2009.txt", "二、2009年工作总体部署", "我们面临的任务艰巨而繁重", 6, 3),
    "shanghai-2019-2020": ("eval/texts/shanghai-2019.txt", "（一）推动改革开放向纵深发展", "各位代表，中央对上海寄予厚望", 3, 1),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
