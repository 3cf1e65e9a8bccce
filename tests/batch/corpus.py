"""A small corpus of every input kind, built in a temporary folder."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pyarrow as pa
import pyarrow.parquet as pq

from tests.ingest.pdfmaker import make_pdf

FIXTURES = Path(__file__).parents[1] / "fixtures"

JIA_2015 = """——2015年1月10日在甲市第十五届人民代表大会第三次会议上
市长 张三
各位代表：
现在，我代表市人民政府向大会报告工作，请予审议。
一、2014年工作回顾
2014年，全市生产总值增长8.2%，一般公共预算收入增长9%。
二、2015年工作安排
今年全市经济社会发展的主要预期目标是：地区生产总值增长8.5%左右，一般公共预算收入增长8%，城镇登记失业率控制在4%以内。
我们要加快建设甲市科技园，年内完成一期工程。
"""
JIA_2016 = """——2016年1月12日在甲市第十五届人民代表大会第四次会议上
市长 张三
各位代表：
一、2015年工作回顾
2015年，全市实现地区生产总值1200亿元，增长8.7%；一般公共预算收入增长7.5%。科技园一期工程建成投用。
二、2016年工作安排
今年经济社会发展的主要计划指标为：全市生产总值增长8%左右。
"""
YI_2016 = """——2016年2月1日在乙市第九届人民代表大会第五次会议上
代市长 李四
各位代表：
一、2016年主要预期目标
经济社会发展的主要目标是：地区生产总值增长7%以上。
"""
YI_2017 = """——2017年1月20日在乙市第九届人民代表大会第六次会议上
市长 李四
各位代表：
一、2016年工作回顾
2016年，全市生产总值增长6.5%。
二、2017年工作安排
今年主要预期目标是：地区生产总值增长6.5%左右。
"""


def _docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def build(root: Path) -> dict[str, Path]:
    """Reports of every kind; a corrupt .docx sorts between good files."""
    (root / "甲市").mkdir(parents=True)
    (root / "乙市").mkdir()
    (root / "other").mkdir()
    (root / "甲市" / "2015.txt").write_text(JIA_2015, encoding="utf-8")
    (root / "甲市" / "2016.md").write_text("---\ntitle: 甲市政府工作报告\n---\n\n" + JIA_2016.replace("一、2015年工作回顾", "**一、2015年工作回顾**"), encoding="utf-8")
    (root / "乙市" / "2016.docx").write_bytes(_docx(YI_2016))
    (root / "乙市" / "2016b.docx").write_bytes(b"PK\x03\x04 this is not really a zip file")  # corrupt
    (root / "乙市" / "2017.html").write_text(
        "<html><body>" + "".join(f"<p>{line}</p>" for line in YI_2017.splitlines()) + "</body></html>", encoding="utf-8")
    (root / "other" / "nanjing.md").write_bytes((FIXTURES / "ingest" / "nanjing-2015-excerpt.md").read_bytes())
    (root / "other" / "report.pdf").write_bytes(make_pdf([["Work Report", "GDP grew 5%."]]))
    records = [{"doc": "丙市/2020", "body": JIA_2015.replace("甲市", "丙市").replace("2015", "2020").replace("2014", "2019")},
               {"doc": "丙市/2021", "body": JIA_2016.replace("甲市", "丙市").replace("2016", "2021").replace("2015", "2020")},
               {"doc": "丙市/empty", "body": "   "}]
    jsonl = root / "corpus.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    parquet = root / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist([{"doc": r["doc"].replace("丙", "丁"), "body": r["body"].replace("丙", "丁")}
                                         for r in records[:2]]), parquet)
    return {"jsonl": jsonl, "parquet": parquet}
