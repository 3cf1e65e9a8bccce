"""The report's own region, whose name tells one of its works from another not at all.

In a Wuxi report 无锡 is joined to every kind of word (无锡|建设, 无锡|国际, 平安|无锡): the corpus
weighs it as a rare, specific name, so a task and a clause sharing only 无锡 and a common word
looked like the same named work. The linker reads the region's name as a word every report uses.

The name comes from the report's metadata (北京市门头沟区 → 门头沟, 北京) or, for a plain-text copy
without it, from the text itself: a local report speaks of 本市/我市/全市 (区, 县 likewise), and its
own name is the place name it uses most (长沙 in 长沙市…, 长沙…). A national report has no such name.
"""

from __future__ import annotations

import re
from collections import Counter

from luoshi.link.weights import corpus_weights

# administrative suffixes a region's name is written with (北京市, 门头沟区, 延边朝鲜族自治州)
_SUFFIX = re.compile(r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|地区|省|市|区|县|州|盟|旗)")
_LOCAL = re.compile(r"(?:本|我|全)(?:市|区|县|州|省)")
# the report's own heading: 在长沙市第十五届人民代表大会, 成都市人民政府市长, 北京市门头沟区代区长
_HEADING = re.compile(r"([\u4e00-\u9fff]{2,3}?)(市|区|县)(?=第[一二三四五六七八九十]+届|人民政府|代?市长|代?区长|代?县长)")
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,3}?)(市)")  # 区 is in too many common words (东部地区, 新区)
_FUNCTION = set("个每各该在的")  # a name does not begin with these (8个县, 在长沙市)
OPENING = 1500  # characters of the report read for its heading
NATIONAL = ("全国", "中国", "中华人民共和国")
COMMON_SHARE = 0.5  # a 'name' used by more reports than this (城市, 上市, 全区) is a common word, not a place
MIN_USES = 3  # written with its suffix at least this often to be the report's own name
COMPOUND_SHARE = 0.25  # share of the own name's uses a neighbour written with it must have (贵阳贵安: 13 of 39)


def names_of(region: str | None) -> list[str]:
    """The place names in an administrative name: 北京市门头沟区 → [门头沟, 北京] (most local first)."""
    if not region:
        return []
    if region in NATIONAL:
        return ["我国"]  # the State Council's "our country": in every national report, of every work
    parts = [p for p in _SUFFIX.split(region) if len(p) >= 2]
    return list(reversed(parts))


def _common(name: str) -> bool:
    w = corpus_weights()
    return w is not None and any(w.share(name[i : i + 2]) > COMMON_SHARE for i in range(len(name) - 1))


def _tails(name: str, suffix: str) -> list[str]:
    """A lazy match may take characters before the name (在长沙市): each tail of two or more is a candidate."""
    return [name[k:] for k in range(len(name) - 1) if not _common(name[k:]) and name[k] not in _FUNCTION]


def from_text(text: str) -> list[str]:
    """The local report's own place name: the one its heading gives, else the one it writes with its suffix
    (长沙市) most often; [] for a national report or when none is found."""
    if len(_LOCAL.findall(text)) < MIN_USES:
        return []
    heading = [t for m in _HEADING.finditer(text[:OPENING]) for t in _tails(m.group(1), m.group(2))]
    if heading:
        return [max(heading, key=lambda n: (text.count(n), len(n)))]
    found: Counter[str] = Counter(t for m in _PLACE.finditer(text) for t in _tails(m.group(1), m.group(2)))
    # a place is named on its own as well (长沙经开区); a piece of a word before 市 is not (省会城|市, 沈阳都|市圈)
    named = {n: k for n, k in found.items() if k >= MIN_USES and text.count(n) - k >= MIN_USES}
    if not named:
        return []
    return [max(named, key=lambda n: (named[n], len(n)))]


def compounds(names: list[str], text: str) -> list[str]:
    """Own names a report writes as one with a neighbour it governs together (贵阳贵安: 贵阳 and the 贵安 new area):
    a place name right after the own name in at least ``COMPOUND_SHARE`` of its uses, ``MIN_USES`` times or more.
    A common word after it (贵阳|经济, 无锡|国际) or an administrative suffix (贵阳|市委) is no place of its own."""
    out = []
    for name in names:
        uses = text.count(name)
        after = Counter(m.group(1) for m in re.finditer(re.escape(name) + r"([\u4e00-\u9fff]{2})", text))
        out += [name + x for x, k in after.items()
                if k >= MIN_USES and k >= COMPOUND_SHARE * uses and not _SUFFIX.match(x) and not _common(x)]
    return out


def own_names(region: str | None, text: str) -> list[str]:
    """The region's names from its metadata, else from its text; with the compounds it is written in."""
    names = names_of(region) or from_text(text)
    return names + compounds(names, text)
