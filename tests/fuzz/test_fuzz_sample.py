"""The fuzz harness on a small seeded sample (every kind of hostile file, one or two each):
no tracebacks, nothing over the time or memory limits. ``python -m bench.fuzz --n 1000``
runs thousands on demand."""

import sys

import pytest

from bench.fuzz.generate import KINDS, generate
from bench.fuzz.run import run

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the harness forks and reads /proc")


def test_generator_is_seeded_and_covers_every_kind():
    a = [(n, d) for n, d, _ in generate(5, len(KINDS))]
    b = [(n, d) for n, d, _ in generate(5, len(KINDS))]
    assert a == b
    assert {k for _, _, k in generate(5, len(KINDS))} == set(KINDS)


def test_small_sample_is_handled_within_limits():
    summary = run(seed=3, n=len(KINDS), limit_s=30, limit_mb=1024)
    assert summary.tried == len(KINDS)
    assert summary.count("crash") == 0, summary.report()
    assert not summary.over(), summary.report()
