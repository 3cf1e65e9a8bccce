"""Issue 11, defect 22: a title line before the text must not drop commitments."""

from pathlib import Path

from luoshi.model import Document
from luoshi.pipeline import extract_document

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mentougou-2020.txt"


def _extract(text: str):
    return extract_document(Document(text=text, format="txt", sha256="x", path=None))


def test_title_line_keeps_the_plan_and_its_commitments():
    text = EXAMPLE.read_text(encoding="utf-8")
    plain = _extract(text)
    titled = _extract("北京市门头沟区政府工作报告\n" + text)
    assert len(titled.commitments) == len(plain.commitments) > 100
    assert [c.text for c in titled.commitments] == [c.text for c in plain.commitments]
    assert sum(s.part == "plan" for s in titled.sections) == sum(s.part == "plan" for s in plain.sections)
