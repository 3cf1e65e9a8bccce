"""The CLI as a user meets it: real subprocesses, exit codes, one-line errors."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "mentougou-2021.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "luoshi.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_extract_json_has_public_shape_and_exact_offsets():
    res = run("extract", str(SAMPLE), "--format", "json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == {"report", "sections", "indicators", "commitments", "sentences"}
    assert set(data["report"]) == {"title", "region", "level", "year", "date", "speaker", "session", "sha256", "chars", "inferred"}
    text = SAMPLE.read_text(encoding="utf-8")
    assert data["report"]["chars"] == len(text)
    assert data["indicators"] and data["commitments"]
    for ind in data["indicators"]:
        assert text[ind["start"] : ind["end"]] == ind["value_text"]
    for com in data["commitments"]:
        assert text[com["start"] : com["end"]] == com["text"]
        for part in com["parts"]:
            assert text[part["start"] : part["end"]] == part["text"]
    for sent in data["sentences"]:
        assert 0 <= sent["start"] < sent["end"] <= len(text)
    fields = {"id", "metric", "value", "value_high", "unit", "value_text", "comparator", "change", "kind",
              "period", "base_period", "sentence", "start", "end", "section"}
    assert set(data["indicators"][0]) == fields


def test_extract_rows_have_roles_deadlines_and_owners():
    data = json.loads(run("extract", str(SAMPLE), "--format", "json").stdout)
    roles = {s["role"] for s in data["sentences"] if s["part"] in ("goals", "plan")}
    assert roles == {"task", "theme", "target", "context"}
    tasks = [s for s in data["sentences"] if s["role"] == "task"]
    assert len(data["commitments"]) == len(tasks)  # one row per task sentence
    assert all(c["deadline"] and c["deadline_source"] in ("written", "default") for c in data["commitments"])
    assert all(c["departments"] and c["departments"][0]["matched"] for c in data["commitments"])
    from luoshi.extract.departments import rules

    district = set(rules("district").names)  # a district report: the district list
    assert all(d["name"] in district for c in data["commitments"] for d in c["departments"])


@pytest.mark.parametrize(("choice", "prefix"), [("national", ("国家", "财政部")), ("city", ("市",))])
def test_extract_departments_option_chooses_the_list(choice, prefix):
    data = json.loads(run("extract", str(SAMPLE), "--format", "json", "--departments", choice).stdout)
    names = {d["name"] for c in data["commitments"] for d in c["departments"]}
    assert names and not any(n.startswith("区") for n in names)
    assert any(n.startswith(prefix) for n in names)


def test_extract_departments_option_takes_a_units_file(tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("departments:\n  - name: 环保处\n    keywords: [污染, 大气]\n", encoding="utf-8")
    data = json.loads(run("extract", str(SAMPLE), "--format", "json", "--departments", str(units)).stdout)
    assert {d["name"] for c in data["commitments"] for d in c["departments"]} == {"环保处"}


def test_text_prints_exactly_the_decoded_file():
    res = subprocess.run([sys.executable, "-m", "luoshi.cli", "text", str(SAMPLE)], capture_output=True, timeout=60)
    assert res.returncode == 0
    assert res.stdout.decode("utf-8") == SAMPLE.read_text(encoding="utf-8")


def test_extract_xlsx_is_a_task_table(tmp_path):
    out = tmp_path / "t.xlsx"
    res = run("extract", str(SAMPLE), "--format", "xlsx", "-o", str(out))
    assert res.returncode == 0, res.stderr
    ws = load_workbook(out).active
    assert [c.value for c in ws[2]][:3] == ["序号", "章节", "任务内容"]
    assert ws.max_row > 20


def test_extract_csv_to_stdout_and_table_summary():
    res = run("extract", str(SAMPLE), "--format", "csv")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0].startswith("序号,章节,任务内容")
    res = run("extract", str(SAMPLE), "--format", "table")
    assert res.returncode == 0, res.stderr
    assert "量化指标" in res.stdout and "任务" in res.stdout


def _write(name: str, data: bytes):
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name

    return make


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    return path


@pytest.mark.parametrize(
    "make, code",
    [
        (lambda d: d / "missing.txt", "E001"),
        (lambda d: d, "E002"),
        (_write("empty.txt", b""), "E003"),
        (_write("bin.txt", bytes(range(256)) * 64), "E004"),
        (_write("bad.docx", b"not a zip at all"), "E006"),
        (lambda d: _bomb(d / "bomb.docx"), "E007"),
        (_write("old.doc", b"\xd0\xcf\x11\xe0 legacy"), "E010"),
    ],
    ids=["missing", "directory", "empty", "binary", "not-zip-docx", "zip-bomb", "legacy-doc"],
)
def test_bad_input_gives_one_line_error_with_code_and_no_traceback(tmp_path, make, code):
    path = make(tmp_path)
    res = run("extract", str(path), "--format", "json")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"luoshi: {code}:"), res.stderr
    assert "Traceback" not in res.stderr and res.stdout == ""


def test_xlsx_without_output_is_a_clear_error():
    res = run("extract", str(SAMPLE), "--format", "xlsx")
    assert res.returncode == 2 and res.stderr.startswith("luoshi: E013:")


def test_every_command_and_option_is_documented():
    from click import Group

    from luoshi.cli import main

    def walk(cmd, path):
        yield path, cmd
        if isinstance(cmd, Group):
            for name, sub in cmd.commands.items():
                yield from walk(sub, path + [name])

    for path, cmd in walk(main, ["luoshi"]):
        assert (cmd.help or "").strip(), f"{' '.join(path)} has no help"
        for p in cmd.params:
            if p.param_type_name == "option" and p.name not in ("help", "version"):
                assert (p.help or "").strip(), f"{' '.join(path)} {p.opts} has no help"
