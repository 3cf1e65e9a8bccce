import datetime as dt

import pytest

from luoshi.web.i18n import catalog, format_date, translator


def test_i18n_catalogs_have_the_same_keys():
    assert set(catalog("zh")) == set(catalog("en"))


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (dt.date(2022, 3, 1), "zh", "2022年3月1日"),
        (dt.date(2022, 3, 1), "en", "2022-03-01"),
        ("2022-12-31", "zh", "2022年12月31日"),
        ("2022", "zh", "2022年"),
        ("2022-06", "zh", "2022年6月"),
        ("2022-06", "en", "2022-06"),
        (None, "zh", "—"),
        (dt.datetime(2022, 3, 1, 9, 5), "zh", "2022年3月1日 09:05"),
    ],
)
def test_i18n_format_date(value, lang, expected):
    assert format_date(value, lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [("zh", "共 3 项"), ("en", "3 items"), ("fr", "共 3 项")])
def test_i18n_translator_formats_and_falls_back(lang, expected):
    assert translator(lang)("items", n=3) == expected
