"""Draw the task sentences of a final3-set pair mechanically: ``python eval/links/final3/sample.py NAME``.

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
    "national-2006-2007": ("eval/texts/gwr-2006.txt", "二、今年主要任务", "三、关于《", 5, 3),
    "changsha-2021-2022": ("eval/texts/changsha-2021.txt", "（一）着力做好常态化疫情防控", "各位代表，征途漫漫，惟有奋斗", 4, 1),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
