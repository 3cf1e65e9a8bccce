import pytest

from luoshi.ingest import read_bytes

CHROME = """<div class="top"><a href="/">首页</a> <a href="/zw">政务公开</a> <a href="/hd">互动交流</a></div>
<nav><ul><li><a href="/a">机构设置</a></li><li><a href="/b">政策文件</a></li></ul></nav>
<div class="side"><a href="#">相关链接一</a><br><a href="#">相关链接二</a><br><a href="#">相关链接三</a></div>"""
FOOT = "<footer>版权所有 区人民政府 京ICP备00000000号</footer><script>var visits = '报告';</script>"

BODY_PARAGRAPHS = [
    "各位代表：",
    "现在，我代表区人民政府，向大会报告政府工作，请予审议。",
    "一、过去五年工作回顾",
    "地区生产总值年均增长6.5%，PM2.5浓度下降到33微克/立方米，全区经济社会发展取得新成效。",
]
BODY = "\n".join(f"<p>{p}</p>" for p in BODY_PARAGRAPHS)


def _page(main: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>报告</title><style>p {{}}</style></head><body>{CHROME}{main}{FOOT}</body></html>"


@pytest.mark.parametrize(
    "main",
    [
        f'<div class="wrap"><div id="content">{BODY}</div></div>',  # densest block
        f"<article>{BODY}</article>",
        f"<main><div>{BODY}</div></main>",
        f'<table><tr><td class="menu"><a href="#">导航</a></td><td>{BODY}</td></tr></table>',  # old table layout
        "<div>" + "".join(f"<div><p>{p}</p></div>" for p in BODY_PARAGRAPHS) + "</div>",  # one wrapper per paragraph
    ],
)
def test_html_main_text_only(main):
    doc = read_bytes(_page(main).encode(), "r.html")
    assert doc.text.split("\n") == BODY_PARAGRAPHS
    assert (doc.format, doc.encoding) == ("html", "utf-8")


TRADITIONAL = "<p>各位代表：</p><p>現在，我代表區人民政府，向大會報告政府工作，請予審議。</p><p>地區生產總值增長6.5%。</p>"


@pytest.mark.parametrize(
    "head, body, encode_as, expected",
    [
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', BODY, "gbk", "gb18030"),
        ("<meta charset='GBK'>", BODY, "gb18030", "gb18030"),
        ('<meta charset="big5">', TRADITIONAL, "big5", "big5"),
        ('<meta charset="utf-8">', BODY, "gbk", "gb18030"),  # a wrong declaration: detect instead
        ("", BODY, "gb18030", "gb18030"),  # none: the text fallbacks
    ],
)
def test_html_charset_from_meta_or_fallback(head, body, encode_as, expected):
    html = f"<html><head>{head}<script>var visits = 1;</script></head><body><div>{body}</div></body></html>"
    doc = read_bytes(html.encode(encode_as), "r.htm")
    assert doc.encoding == expected
    assert doc.text.startswith("各位代表：\n") and "visits" not in doc.text


@pytest.mark.parametrize(
    "fragment, expected",
    [
        ("<p>第一行<br>第二行</p>", "第一行\n第二行"),
        ("<p>现在，我代表区人民政府，\n   向大会报告</p>", "现在，我代表区人民政府，向大会报告"),  # source wrap between CJK
        ("<p>improve the\n environment</p>", "improve the environment"),
        ("<p>增长<span>6.5%</span>，PM<sub>2.5</sub></p>", "增长6.5%，PM2.5"),
        ("<p>&nbsp;&nbsp;　　缩进段落</p>", "缩进段落"),
        ("<table><tr><th>指标</th><th>目标</th></tr><tr><td>GDP</td><td><p>6%</p><p>左右</p></td></tr></table>",
         "指标\t目标\nGDP\t6% 左右"),
        ("<ul><li>一项</li><li>二项</li></ul><h2>标题</h2><!-- 注释 --><p>正文</p>", "一项\n二项\n标题\n正文"),
        ("<pre>甲  乙</pre>", "甲  乙"),
    ],
)
def test_html_blocks_become_lines(fragment, expected):
    assert read_bytes(f"<html><body>{fragment}</body></html>".encode(), "r.html").text == expected


def test_html_title_outside_the_main_block_is_kept_first():
    main = f'<h1>2022年区政府工作报告</h1><div class="meta">来源：区政府办</div><div id="content">{BODY}</div>'
    doc = read_bytes(_page(main).encode(), "r.html")
    assert doc.text.split("\n") == ["2022年区政府工作报告", *BODY_PARAGRAPHS]


@pytest.mark.parametrize("name", ["page", "page.aspx", "r.php"])
def test_html_found_by_content_without_html_extension(name):
    doc = read_bytes(_page(f"<div>{BODY}</div>").encode(), name)
    assert doc.format == "html"


def test_html_in_a_txt_file_stays_text():
    data = _page(BODY).encode()
    doc = read_bytes(data, "saved.txt")
    assert (doc.format, doc.text) == ("txt", data.decode())
