"""Statistical tables pasted as text: each figure takes its unit from the row, its year from the
column and its object from the row's label (tables written for these tests)."""

from __future__ import annotations

import pytest

from gongextract import extract

ANNUAL = (
    "某市总工会2025年主要数据\n\n"
    "项目               单位      2024年    2025年    增减（%）\n"
    "基层工会           个        8620      9010      4.5\n"
    "会员总数           万人      56.2      58.9      4.8\n"
    "  其中：女会员     万人      24.1      25.6      6.2\n"
    "送温暖资金         万元      1860      2040      9.7\n"
    "金秋助学           名        1320      1250      -5.3\n\n"
    "说明：增减为2025年比2024年。"
)

Row = tuple[str, float, str, str, str | None, int | None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ANNUAL, [
            ("8620", 8620, "个", "count", "基层工会", 2024),
            ("9010", 9010, "个", "count", "基层工会", 2025),
            ("4.5", 4.5, "%", "percent", "基层工会", 2025),
            ("56.2", 562000, "人", "people", "会员总数", 2024),
            ("58.9", 589000, "人", "people", "会员总数", 2025),
            ("4.8", 4.8, "%", "percent", "会员总数", 2025),
            ("24.1", 241000, "人", "people", "女会员", 2024),
            ("25.6", 256000, "人", "people", "女会员", 2025),
            ("6.2", 6.2, "%", "percent", "女会员", 2025),
            ("1860", 18600000, "元", "money", "送温暖资金", 2024),
            ("2040", 20400000, "元", "money", "送温暖资金", 2025),
            ("9.7", 9.7, "%", "percent", "送温暖资金", 2025),
            ("1320", 1320, "名", "people", "金秋助学", 2024),
            ("1250", 1250, "名", "people", "金秋助学", 2025),
            ("-5.3", -5.3, "%", "percent", "金秋助学", 2025),
        ]),
        # no unit column: not read as a table; the figures keep their own units
        ("项目      2024年      2025年\n职工书屋  1036家      1102家\n工会驿站  486个       552个", [
            ("1036家", 1036, "家", "count", "职工书屋", None),
            ("1102家", 1102, "家", "count", "职工书屋", None),
            ("486个", 486, "个", "count", "工会驿站", None),
            ("552个", 552, "个", "count", "工会驿站", None),
        ]),
    ],
    ids=["an annual table with a unit column", "columns without a unit column"],
)
def test_table_figures(text: str, expected: list[Row]) -> None:
    assert [(c.text, c.value, c.unit, c.kind, c.object, c.year) for c in extract(text)] == expected


def test_table_rows_stay_apart_and_are_no_title() -> None:
    """A table's rows end in figures and are short: they are neither joined as broken prose nor read
    as a title, so the programme named in one row does not cover the document."""
    claims = extract(ANNUAL)
    assert all("\n" not in c.text for c in claims)
    assert [c.program for c in claims if c.object == "基层工会"] == [None, None, None]
    assert {c.program for c in claims if c.object == "金秋助学"} == {"金秋助学"}
    assert all(ANNUAL[c.start : c.end] == c.text for c in claims)
