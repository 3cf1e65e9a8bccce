"""Draw the task sentences of a final4-set pair mechanically: ``python eval/links/final4/sample.py NAME``.

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
    "national-2004-2005": ("eval/texts/gwr-2004.txt", "二、2004年主要任务", "新的一年，政府工作任务相当繁重", 6, 2),
    "suzhou-2019-2020": ("eval/texts/suzhou-2019.txt", "1．聚焦提质增效", "各位代表！使命重在担当", 4, 2),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
