"""The number reader on its own: every written form it must read exactly, and what it must refuse."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongextract import load_rules
from gongextract.numerals import parse_numeral, split_magnitude

NUMERALS = load_rules().numerals

READ = [
    # Chinese numerals of any size
    ("一", 1), ("十", 10), ("一十一", 11), ("一百零一", 101), ("一千零十", 1010), ("一千零一十一", 1011),
    ("一百十六", 116), ("一万一千一百一十一", 11111), ("一亿五千万六千三百五十五", 150006355),
    ("一亿五千万零六千三百五十五", 150006355), ("十万零一千", 101000), ("一千零一亿一千零一万一千零一", 100110011001),
    ("九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二", 9876543298765432),
    ("十万亿", 10**13),
    # 零 and 〇 inside numbers, 两 / 俩
    ("一〇一", None), ("两千", 2000), ("俩", 2), ("二〇", None),
    # colloquial abbreviations
    ("三万五", 35000), ("十三万五", 135000), ("两千六", 2600), ("一百二", 120), ("一百二十万三", 1203000),
    # financial capitals
    ("壹佰壹拾壹", 111), ("壹拾万零叁仟肆佰伍拾叁", 103453), ("肆佰叁拾万", 4300000), ("壹万二千三百四十五", 12345),
    # decimals in words
    ("一点五", Decimal("1.5")), ("零点零零一", Decimal("0.001")), ("一百万零五十四点四三二一", Decimal("1000054.4321")),
    ("十二万三千点零", 123000), ("半", Decimal("0.5")),
    # a lone magnitude (the scanner offers one only with a qualifier: 百余家, 近万名)
    ("百", 100), ("千", 1000), ("万", 10000),
    # Arabic with magnitudes, separators, tails
    ("3千万", 30000000), ("1.2亿", 120000000), ("7158.84万", 71588400), ("9佰", 900), ("1万600", 10600),
    ("233,333,333,434.344", Decimal("233333333434.344")), ("3千万亿", 3 * 10**15),
]

RANGES = [("八九亿", 800000000, 900000000), ("三五百", 300, 500), ("四五千", 4000, 5000), ("七八", 7, 8), ("一两", 1, 2)]

REFUSED = ["十四五", "五一", "百千万", "一二三", "三五", "八七", "点", "一点", "十百", "两半", "万万万"]


@pytest.mark.parametrize(("text", "value"), READ, ids=[t for t, _ in READ])
def test_reads(text: str, value: int | Decimal | None) -> None:
    parsed = parse_numeral(text, NUMERALS)
    if value is None:
        assert parsed is None
    else:
        assert parsed == (Decimal(value), None)


@pytest.mark.parametrize(("text", "low", "high"), RANGES, ids=[t for t, *_ in RANGES])
def test_adjacent_digit_ranges(text: str, low: int, high: int) -> None:
    assert parse_numeral(text, NUMERALS) == (low, high)


@pytest.mark.parametrize("text", REFUSED)
def test_refuses(text: str) -> None:
    assert parse_numeral(text, NUMERALS) is None


@pytest.mark.parametrize(
    ("text", "mantissa", "factor"),
    [("三十万", "三十", 10000), ("3百", "3", 100), ("九百亿", "九百", 10**8), ("5000", "5000", 1), ("两千万", "两千", 10000)],
)
def test_split_magnitude(text: str, mantissa: str, factor: int) -> None:
    assert split_magnitude(text, NUMERALS) == (mantissa, factor)


def test_never_float() -> None:
    value, _ = parse_numeral("47.264287亿", NUMERALS)  # type: ignore[misc]
    assert isinstance(value, Decimal) and value == Decimal("4726428700")
