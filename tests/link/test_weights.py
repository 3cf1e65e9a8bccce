"""Corpus term weights: the build command and the shipped data file."""

from __future__ import annotations

import gzip
import json

from luoshi.link import weights


def test_weights_build_counts_documents_not_occurrences(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "2020.md").write_text("---\ntitle: x\n---\n推进门城水厂建设。推进推进。<!-- 推进照片 -->", encoding="utf-8")
    (corpus / "b.txt").write_text("推进永定河治理。", encoding="utf-8")
    (corpus / "c.txt").write_text("推进学校建设。", encoding="utf-8")
    out = tmp_path / "df.json.gz"
    weights.main(["build", str(corpus), "-o", str(out), "--min-df", "1"])
    data = json.loads(gzip.decompress(out.read_bytes()))
    assert data["docs"] == 3 and data["df"]["推进"] == 3 and data["df"]["门城"] == 1
    assert "title" not in "".join(data["df"]) and "照片" not in data["df"]  # front matter and captions left out
    w = weights.CorpusWeights(data["docs"], data["df"], 1)
    assert w.idf("推进") == 0.0 < w.idf("建设") < w.idf("门城")


def test_weights_shipped_file_ranks_names_over_frame_words():
    w = weights.corpus_weights()
    assert w is not None and w.docs > 2000
    for frame in ("推进", "建设", "加强", "发展", "工作", "体系"):
        assert w.idf(frame) < 0.05, frame
    for name in ("门城", "永定", "水厂"):
        assert w.idf(name) > 0.15, name
