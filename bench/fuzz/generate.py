"""A seeded generator of hostile report files of every kind luoshi reads.

``generate(seed, n)`` yields ``(name, bytes, kind)``; the same seed gives the same files.
Sizes are kept small enough that thousands run in minutes, but each attack keeps its
shape (repetition, nesting, lying headers, amplification), so a super-linear stage or
an unbounded inflate still shows as a time or memory outlier."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable, Iterator

from tests.ingest import docxmaker as dp
from tests.ingest import pdfmaker

SNIPPETS = [
    "政府工作报告", "一、过去一年工作回顾", "（一）推进", "地区生产总值增长6%左右", "提高3.2个百分点",
    "城镇登记失业率控制在4.5%以内", "力争2025年底前完成", "由30%提升至58.4%", "分别增长5%和6%",
    "比上年增长8%", "区发展改革委牵头", "新建学校3所", "两个一百年", "三分之一", "12公里", "“十四五”",
    "。", "，", "；", "：", "\n", " ", "\u3000", "\u200b", "\ufeff", "%", "0", "1.5", "万亿元", "各项指标",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "shift_jis", "latin-1"]


def _text(rng: random.Random, chars: int) -> str:
    out: list[str] = []
    size = 0
    while size < chars:
        s = rng.choice(SNIPPETS)
        out.append(s)
        size += len(s)
    return "".join(out)


def _repeat(rng: random.Random, chars: int) -> str:
    unit = "".join(rng.choice(SNIPPETS[:16]) for _ in range(rng.randint(1, 3)))
    if rng.random() < 0.5:
        unit = unit.replace("。", "").replace("，", "")
    return unit * max(1, chars // max(1, len(unit)))


def _encode(rng: random.Random, text: str) -> bytes:
    enc = rng.choice(ENCODINGS)
    return text.encode(enc, "replace") if enc not in ("utf-16", "utf-32") else text.encode(enc)


# --- txt -------------------------------------------------------------------------------------

def txt_mixed(rng: random.Random) -> tuple[str, bytes]:
    return "mixed.txt", _encode(rng, _text(rng, rng.randint(50, 20_000)))


def txt_repeat(rng: random.Random) -> tuple[str, bytes]:
    return "repeat.txt", _repeat(rng, rng.choice([2_000, 20_000, 100_000, 300_000])).encode()


def txt_heading_flood(rng: random.Random) -> tuple[str, bytes]:
    line = rng.choice(["（一）推进\n", "一、\n", "1.\n", "◎\n", "第一章\n", "\n\n\n"])
    return "headings.txt", (line * rng.choice([1_000, 20_000, 100_000])).encode()


def txt_two_encodings(rng: random.Random) -> tuple[str, bytes]:
    a, b = rng.sample(["gbk", "big5", "utf-8", "shift_jis", "utf-16-le"], 2)
    t = _text(rng, 2_000)
    return "two.txt", t.encode(a, "replace") + t.encode(b, "replace")


def txt_noise(rng: random.Random) -> tuple[str, bytes]:
    data = bytearray(rng.randbytes(rng.randint(1, 50_000)))
    if rng.random() < 0.5:
        data[:0] = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""])
    return rng.choice(["noise.txt", "noise.md", "noise", "noise.text"]), bytes(data)


def txt_long_line(rng: random.Random) -> tuple[str, bytes]:
    digits = "".join(rng.choice("0123456789.,%") for _ in range(rng.randint(1_000, 200_000)))
    return "digits.txt", digits.encode()


# --- docx ------------------------------------------------------------------------------------

def docx_ok(rng: random.Random) -> tuple[str, bytes]:
    return "ok.docx", dp.docx([_text(rng, rng.randint(10, 300)) for _ in range(rng.randint(1, 200))])


def docx_lying_bomb(rng: random.Random) -> tuple[str, bytes]:
    member = rng.choice(["word/styles.xml", "word/document.xml", "word/fontTable.xml"])
    big = bytes(rng.choice([5, 40, 120]) * 1024 * 1024)
    parts = {"word/document.xml": dp.document_xml(["政府工作报告", "增长6%"])}
    parts[member] = (parts.get(member, b"") + big) if member != "word/document.xml" else dp.document_xml(["报告"]) + big
    data = dp.build(parts)
    return "bomb.docx", dp.lie_sizes(data, member, rng.choice([100, 5000, 2**31]))


def docx_damaged(rng: random.Random) -> tuple[str, bytes]:
    data = dp.docx([_text(rng, 200) for _ in range(30)], {"word/styles.xml": b"<w:styles>" + b"<w:style/>" * 500 + b"</w:styles>"})
    member = rng.choice(["word/document.xml", "word/styles.xml", "_rels/.rels"])
    how = rng.choice(["damage", "encrypt", "method", "bzip2", "truncate", "flip"])
    if how == "damage":
        return "damaged.docx", dp.damage(data, member, at=rng.randint(0, 20), length=rng.randint(1, 8))
    if how == "encrypt":
        return "encrypted.docx", dp.set_flag(data, member, 0x1)
    if how == "method":
        return "method.docx", dp.set_method(data, member, rng.choice([1, 6, 9, 14, 95, 97, 98, 99]))
    if how == "bzip2":
        return "bzip2.docx", dp.set_method(data, member, zipfile.ZIP_BZIP2)
    if how == "truncate":
        return "cut.docx", data[: rng.randint(10, len(data) - 1)]
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return "flipped.docx", bytes(out)


def docx_structure(rng: random.Random) -> tuple[str, bytes]:
    how = rng.choice(["nobody", "nesting", "elements", "entities", "notxml", "empty", "runs"])
    if how == "nobody":
        xml = f'<w:document xmlns:w="{dp.W_NS}"><w:x/></w:document>'.encode()
    elif how == "nesting":
        depth = rng.choice([100, 1_000, 10_000])
        xml = (f'<w:document xmlns:w="{dp.W_NS}"><w:body>' + "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>报告</w:t></w:r></w:p>"
               + "</w:sdtContent></w:sdt>" * depth + "</w:body></w:document>").encode()
    elif how == "elements":
        xml = (f'<w:document xmlns:w="{dp.W_NS}"><w:body><w:p>' + "<w:r><w:t>增</w:t></w:r>" * rng.choice([1_000, 100_000, 400_000])
               + "</w:p></w:body></w:document>").encode()
    elif how == "entities":
        xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "报告报告报告报告报告"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
               f'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
               f'<w:document xmlns:w="{dp.W_NS}"><w:body><w:p><w:r><w:t>&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>').encode()
    elif how == "notxml":
        xml = rng.randbytes(rng.randint(0, 5000))
    elif how == "empty":
        xml = b""
    else:
        xml = dp.document_xml([_repeat(rng, 5_000) for _ in range(rng.randint(1, 20))])
    return f"{how}.docx", dp.build({"word/document.xml": xml})


# --- pdf -------------------------------------------------------------------------------------

def pdf_amplify(rng: random.Random) -> tuple[str, bytes]:
    pages = rng.choice([1, 50, 2_000, 5_000])
    size = rng.choice([100, 10_000, 300_000])
    return "amplify.pdf", pdfmaker.shared_stream(pages, size, deflate=rng.random() < 0.7)


def pdf_many_pages(rng: random.Random) -> tuple[str, bytes]:
    data = pdfmaker.shared_stream(rng.choice([3_000, 20_000]), 40)
    if rng.random() < 0.5:  # a lying page count
        data = data.replace(b"/Count ", b"/Count 1 %", 1)
    return "pages.pdf", data


def pdf_broken(rng: random.Random) -> tuple[str, bytes]:
    data = bytearray(pdfmaker.shared_stream(rng.randint(1, 5), rng.randint(50, 5000)))
    how = rng.choice(["flip", "truncate", "header-only", "noise"])
    if how == "flip":
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "truncate":
        data = data[: rng.randint(8, len(data) - 1)]
    elif how == "header-only":
        data = bytearray(b"%PDF-1.7\n")
    else:
        data = bytearray(b"%PDF-1.4\n" + rng.randbytes(rng.randint(10, 20_000)))
    return "broken.pdf", bytes(data)


# --- html ------------------------------------------------------------------------------------

def html_nesting(rng: random.Random) -> tuple[str, bytes]:
    tag = rng.choice(["div", "span", "table", "p", "b"])
    depth = rng.choice([100, 1_000, 20_000, 100_000])
    body = f"<{tag}>" * depth + "政府工作报告，增长6%。" + f"</{tag}>" * (depth if rng.random() < 0.5 else 0)
    return "deep.html", f"<html><body>{body}</body></html>".encode()


def html_flood(rng: random.Random) -> tuple[str, bytes]:
    n = rng.choice([1_000, 100_000, 300_000])
    unit = rng.choice(["<br>", "<div>推进</div>", "<p>", "<td>5%</td>", "<a href=x>链接</a>", "&nbsp;", "<!-- c -->"])
    return "flood.html", f"<html><body>{unit * n}</body></html>".encode()


def html_charset(rng: random.Random) -> tuple[str, bytes]:
    cs = rng.choice(["rot13", "base64", "zlib", "hex", "unicode_escape", "utf-7", "idna", "bogus", "gb2312", "big5", "x" * 200, "utf-16"])
    text = _text(rng, rng.randint(20, 3000))
    enc = rng.choice(["utf-8", "gbk", "big5"])
    return "charset.html", f"<html><head><meta charset={cs}></head><body><p>{text}</p></body></html>".encode(enc, "replace")


# --- markdown and sniffing --------------------------------------------------------------------

def md_markup(rng: random.Random) -> tuple[str, bytes]:
    """Markup that never closes, repeated on one line or many (comments, images, links, bold, hashes)."""
    unit = rng.choice(["<!--", "<!--x\n", "<!-- c -->", "![", "![a](", "[", "[a](http", "[a](/", "**", "# ", "](", "!["])
    sep = rng.choice(["", "", "\n", "正文"])
    body = (unit + sep) * rng.choice([1_000, 50_000, 200_000])
    if rng.random() < 0.5:
        body = _text(rng, 500) + body + _text(rng, 500)
    return "markup.md", body.encode()


def md_front_matter(rng: random.Random) -> tuple[str, bytes]:
    """YAML front matters that expand (aliases), recurse (nesting), are huge or not YAML."""
    how = rng.choice(["aliases", "nesting", "huge", "broken", "unclosed"])
    if how == "aliases":
        levels = rng.randint(4, 9)
        front = "a0: &a0 [" + ", ".join(["x" * 8] * 9) + "]\n" + "".join(
            f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, levels))
    elif how == "nesting":
        front = "title: " + rng.choice(["[", "{a: ", "- "]) * rng.choice([100, 5_000, 50_000])
    elif how == "huge":
        front = "".join(f"k{i}: {_text(rng, 40)}\n" for i in range(rng.choice([100, 5_000])))
    elif how == "broken":
        front = rng.choice([": : :", "\t- [", "title: !!python/object:os.system 'ls'", "%YAML 9.9\n---", "a: *nope"])
    else:
        return "unclosed.md", ("---\ntitle: 报告\n" + _text(rng, rng.randint(100, 20_000))).encode()
    return f"front-{how}.md", (f"---\n{front}\n---\n" + _text(rng, rng.randint(100, 5_000))).encode()


def sniffed(rng: random.Random) -> tuple[str, bytes]:
    """No telling extension: the reader sniffs HTML from the head (comments before the tag)."""
    head = rng.choice(["<!--a-->", "<!-- c --> ", "<!--", "<!---->"]) * rng.randint(1, 120)
    tail = rng.choice(["<html><body>政府工作报告，增长6%。</body></html>", "x" + _text(rng, 2_000), _text(rng, 2_000)])
    return rng.choice(["report", "report.dat", "report.bin", "报告"]), (head + tail).encode()


KINDS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    f.__name__: f for f in (txt_mixed, txt_repeat, txt_heading_flood, txt_two_encodings, txt_noise, txt_long_line,
                            docx_ok, docx_lying_bomb, docx_damaged, docx_structure,
                            pdf_amplify, pdf_many_pages, pdf_broken, html_nesting, html_flood, html_charset,
                            md_markup, md_front_matter, sniffed)
}


def generate(seed: int, n: int) -> Iterator[tuple[str, bytes, str]]:
    """``n`` files, cycling through every kind so even a small sample covers them all."""
    rng = random.Random(seed)
    kinds = list(KINDS)
    for i in range(n):
        kind = kinds[i % len(kinds)]
        name, data = KINDS[kind](random.Random(rng.getrandbits(64)))
        yield f"{i:05d}-{name}", data, kind
