"""luoshi batch, serially: every input kind, errors as rows, resume, kill-and-resume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from luoshi.batch import read_table, run_batch
from luoshi.batch.rows import SCHEMAS
from luoshi.cli import main
from luoshi.ingest import read_bytes, read_document
from tests.batch.helpers import tables


def _run(corpus: Path, out: Path, **kw):
    return run_batch([str(corpus)], out, text_field="body", id_field="doc", progress=False, **kw)


def test_every_input_kind_and_a_corrupt_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = _run(corpus, out, chunk_size=3)
    reports = {r["id"]: r for r in read_table(out, "reports").to_pylist()}
    formats = {Path(i).suffix or i: r["format"] for i, r in reports.items()}
    assert {".txt": "txt", ".md": "md", ".docx": "docx", ".html": "html", ".pdf": "pdf"}.items() <= formats.items()
    assert {"丙市/2020", "丙市/2021", "丁市/2020", "丁市/2021"} <= set(reports)  # JSON Lines and Parquet records
    errors = {Path(r["id"]).name: r["code"] for r in read_table(out, "errors").to_pylist()}
    assert errors == {"2016b.docx": "E006", "丙市/empty".split("/")[-1]: "E003"}
    assert summary.files == len(reports) + len(errors) == 12
    assert summary.extracted == len(reports) and summary.errors == {"E006": 1, "E003": 1}
    jia = next(r for i, r in reports.items() if i.endswith("甲市/2015.txt"))
    assert (jia["region"], jia["level"], jia["year"], jia["date"], jia["speaker"]) == ("甲市", "市", 2015, "2015-01-10", "张三")
    assert not jia["region_inferred"] and not jia["year_inferred"]
    # every table joins on report_id, and offsets index the text as `luoshi text` prints it
    texts = {i: (read_document(i).text if Path(i).exists() else None) for i in reports}
    inds = read_table(out, "indicators").to_pylist()
    assert inds and {r["report_id"] for r in inds} <= set(reports)
    for row in inds:
        if texts[row["report_id"]] is not None:
            assert texts[row["report_id"]][row["start"] : row["end"]] == row["value_text"]
    commitments = read_table(out, "commitments").to_pylist()
    assert commitments and all(isinstance(c["parts"], list) for c in commitments)
    for row in commitments:
        if texts[row["report_id"]] is not None:
            assert texts[row["report_id"]][row["start"] : row["end"]] == row["text"]
    assert read_table(out, "sections").num_rows > 0


def test_rerun_skips_everything_and_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(corpus, out)
    before = tables(out)
    parts = sorted(p.name for p in out.rglob("*.parquet"))
    again = _run(corpus, out)
    assert (again.extracted, again.skipped, sum(again.errors.values())) == (0, 12, 0)
    assert tables(out) == before
    assert sorted(p.name for p in out.rglob("*.parquet")) == parts
    # a changed file is redone, the others are not
    (corpus / "甲市" / "2015.txt").write_text((corpus / "甲市" / "2015.txt").read_text() + "\n补充。\n", encoding="utf-8")
    third = _run(corpus, out)
    assert (third.extracted, third.skipped) == (1, 11)


def test_interrupted_run_keeps_whole_chunks_and_resumes(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    clean = tmp_path / "clean"
    _run(corpus, clean)
    out = tmp_path / "out"
    import luoshi.batch.run as run_mod

    real = run_mod.extract_item
    calls = {"n": 0}

    def dying(item):
        calls["n"] += 1
        if calls["n"] == 6:
            raise KeyboardInterrupt
        return real(item)

    monkeypatch.setattr(run_mod, "extract_item", dying)
    with pytest.raises(KeyboardInterrupt):
        _run(corpus, out, chunk_size=2)
    monkeypatch.setattr(run_mod, "extract_item", real)
    assert 0 < read_table(out, "reports").num_rows + read_table(out, "errors").num_rows == 5
    # a half-written chunk (no reports file: no commit mark) and a temp file are cleaned up
    stray = out / "indicators" / "part-20990101000000ffff-00000.parquet"
    pq.write_table(read_table(clean, "indicators"), stray)
    (out / "sections" / ".part-x.parquet.tmp").write_bytes(b"partial")
    resumed = _run(corpus, out, chunk_size=2)
    assert resumed.skipped == 5 and resumed.extracted + sum(resumed.errors.values()) == 7
    assert not stray.exists() and not (out / "sections" / ".part-x.parquet.tmp").exists()
    assert tables(out) == tables(clean)


def test_killed_process_leaves_readable_tables_and_resumes(corpus: Path, tmp_path: Path) -> None:
    """SIGKILL a real `luoshi batch` after its first chunk; the rerun completes the tables."""
    clean = tmp_path / "clean"
    _run(corpus, clean)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "luoshi.cli", "batch", str(corpus), "-o", str(out), "--text-field", "body",
           "--id-field", "doc", "--chunk-size", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if list((out / "reports").glob("part-*.parquet")) if (out / "reports").is_dir() else []:
                break
            time.sleep(0.02)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    for name in SCHEMAS:  # every file present is a whole Parquet file
        read_table(out, name)
    _run(corpus, out)
    assert tables(out) == tables(clean)


def test_missing_file_and_bad_corpus_records_are_rows(tmp_path: Path) -> None:
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text('{"text": "各位代表：正文。"}\nnot json\n{"body": 1}\n', encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([str(jsonl), str(tmp_path / "nope.txt")], out, progress=False)
    codes = sorted(r["code"] for r in read_table(out, "errors").to_pylist())
    assert codes == ["E001", "E041", "E042"]
    assert summary.extracted == 1


def test_glob_with_no_match_is_an_error(tmp_path: Path) -> None:
    from luoshi.errors import LuoshiError

    with pytest.raises(LuoshiError) as exc:
        run_batch([str(tmp_path / "*.md")], tmp_path / "out", progress=False)
    assert exc.value.code == "E040"


def test_cli_batch_glob_and_summary(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(corpus / "*" / "*.txt"), str(corpus / "甲市" / "2016.md"),
                                       "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 files · 2 extracted" in result.output
    assert read_table(out, "reports").num_rows == 2


def test_consecutive_links(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = _run(corpus, out, link="consecutive")
    links = read_table(out, "links").to_pylist()
    pairs = {(Path(r["report_id"]).stem, Path(r["next_report_id"]).stem) for r in links}
    assert ("2015", "2016") in pairs and ("丙市/2020", "丙市/2021") in {(r["report_id"], r["next_report_id"]) for r in links}
    gdp = [r for r in links if r["report_id"].endswith("甲市/2015.txt") and r["source_kind"] == "indicator"
           and r["source_text"] == "8.5%左右"]
    assert gdp and gdp[0]["status"] == "fulfilled"
    # the table holds every kind `luoshi link` judges, each source quoted at its offsets in the old report
    assert {r["source_kind"] for r in links} <= {"commitment", "indicator", "theme", "context"}
    kinds = {r["source_kind"] for r in links}
    assert "indicator" in kinds and kinds & {"theme", "context"}, kinds  # the plan's other sentences are judged too
    texts = {r["report_id"]: read_bytes((corpus / r["report_id"]).read_bytes(), r["report_id"]).text
             for r in links if (corpus / r["report_id"]).is_file()}
    assert texts  # the .txt and .md reports of the corpus
    for r in links:
        if r["report_id"] in texts:
            assert texts[r["report_id"]][r["source_start"] : r["source_end"]] == r["source_text"], r
    assert summary.links >= 3
    again = _run(corpus, out, link="consecutive")
    assert again.links == 0 and tables(out)["links"] == tables(out)["links"]


def test_record_text_equals_file_text(corpus: Path) -> None:
    """A record's text is read like a .txt file (or by its id's extension)."""
    doc = read_bytes("正文".encode(), "丙市/2020.txt")
    assert doc.format == "txt"
