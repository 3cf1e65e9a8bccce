"""Draw the task sentences of a final9-set pair mechanically: ``python eval/links/final9/sample.py NAME``.

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
    "national-1987-1988": ("eval/texts/gwr-1987.txt", "实践证明，坚定不移地、全面正确地贯彻执行", "本作品是中华人民共和国的", 4, 2),
    "wuxi-2023-2024": ("eval/texts/wuxi-2023.txt", "（一）坚持稳中求进，着力筑牢经济发展基础", "各位代表！波澜壮阔的伟大时代", 3, 1),
}


def task_sentences(name: str) -> list[str]:
    return sampling.task_sentences(PAIRS[name])


if __name__ == "__main__":
    sampling.main(PAIRS, sys.argv[1])
