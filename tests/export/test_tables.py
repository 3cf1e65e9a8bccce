import csv
import json

from openpyxl import load_workbook

from luoshi.export import TaskRow, headers, write_csv, write_json, write_xlsx

ROWS = [
    TaskRow(1, "三、2022年政府工作计划 / （一）生态立区", "完成门城水厂建设", "森林覆盖率 50.3%", "年内", "约束性", "水务局", "发展改革委、财政局"),
    TaskRow(2, "三、2022年政府工作计划", "探索“两山”转化路径，含 <script>alert(1)</script>", "", "", "探索", "", ""),
]


def test_xlsx_task_table_has_title_frozen_header_widths_and_wrapping(tmp_path):
    path = tmp_path / "t.xlsx"
    write_xlsx(ROWS, path, title="门头沟区政府工作报告 任务分解表")
    ws = load_workbook(path).active
    assert ws["A1"].value == "门头沟区政府工作报告 任务分解表"
    assert [c.value for c in ws[2]] == ["序号", "章节", "任务内容", "量化指标", "完成时限", "力度", "建议牵头单位", "配合单位"]
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["C"].width == 60
    assert ws["C3"].value == "完成门城水厂建设" and ws["C3"].alignment.wrap_text
    assert ws["G3"].value == "水务局"
    assert ws.max_row == 4


def test_xlsx_adds_status_columns_only_when_known(tmp_path):
    path = tmp_path / "t.xlsx"
    rows = [TaskRow(1, "s", "t", "", "", "推进", "", "", status="逾期", progress="2022年3月1日 完成招标")]
    write_xlsx(rows, path)
    header = [c.value for c in load_workbook(path).active[2]]
    assert header[-2:] == ["状态", "最新进展"]


def test_csv_is_utf8_with_bom_for_excel(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(ROWS, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == headers()
    assert rows[2][2].endswith("<script>alert(1)</script>")


def test_json_keeps_chinese_readable(tmp_path):
    path = tmp_path / "t.json"
    write_json(ROWS, path)
    assert "门城水厂" in path.read_text(encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8"))[0]["lead"] == "水务局"
