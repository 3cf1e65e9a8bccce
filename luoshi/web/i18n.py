"""Message catalogs (zh default, en switch) and locale-aware date formatting."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
_DIR = Path(__file__).resolve().parent / "i18n"


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    with open(_DIR / f"{lang}.yaml", encoding="utf-8") as fh:
        return {str(k): str(v) for k, v in yaml.safe_load(fh).items()}


def translator(lang: str):
    """``t("key", n=3)``: the message in ``lang``, falling back to Chinese, then the key."""
    messages = catalog(lang if lang in LANGS else DEFAULT_LANG)
    fallback = catalog(DEFAULT_LANG)

    def t(key: str, **params: object) -> str:
        text = messages.get(key) or fallback.get(key) or key
        return text.format(**params) if params else text

    return t


def format_date(value: dt.date | dt.datetime | str | None, lang: str) -> str:
    """2022年3月1日 in Chinese, ISO 2022-03-01 in English; partial dates as written."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return _partial(value, lang)
    if isinstance(value, dt.datetime):
        if lang == "zh":
            return f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
        return value.strftime("%Y-%m-%d %H:%M")
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.isoformat()


def _partial(value: str, lang: str) -> str:
    """Normalized deadlines may be a year ("2022") or a month ("2022-06")."""
    parts = value.split("-")
    if lang != "zh" or not all(p.isdigit() for p in parts):
        return value
    return "".join(f"{int(p)}{u}" for p, u in zip(parts, ("年", "月", "日")))
