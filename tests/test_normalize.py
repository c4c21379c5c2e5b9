"""Normalisation: pinyin junk out, Traditional to Simplified, fullwidth to ASCII, offsets kept."""

from __future__ import annotations

import pytest

from gongextract.normalize import normalize

CASES = [
    ("產(chǎn)業(yè)工人", "产业工人"),
    ("工會（huì）", "工会"),
    ("工會(hui)服務", "工会服务"),
    ("發(fā)放", "发放"),
    ("(钟丽婷 刘雪晴", "(钟丽婷 刘雪晴"),
    ("(责编:刘琼)", "(责编:刘琼)"),
    ("关注(sinafinance)", "关注(sinafinance)"),
    ("新浪(APP)", "新浪(APP)"),
    ("１２３４．５％，", "1234.5%,"),
    ("兩個萬億", "两个万亿"),
    ("短行\n\n下一行", "短行\n\n下一行"),
    ("建成 1032 家", "建成1032家"),
    ("超过\xa01000\u2009人", "超过1000人"),
    ("建成１２３４　家", "建成1234家"),
    ("7X24 小时 and 1 2", "7X24小时 and 1 2"),
]


@pytest.mark.parametrize(("raw", "clean"), CASES, ids=[r for r, _ in CASES])
def test_clean_text(raw: str, clean: str) -> None:
    assert normalize(raw).text == clean


def test_broken_line_is_joined_only_mid_sentence() -> None:
    long_line = "截至目前,全省已选树南粤工匠110名,带动培育各级工匠7800多名。未来五年,将大力实施人才培养工程,力争培养造就50名左右大国"
    assert normalize(long_line + "\n\n工匠。").text.endswith("大国工匠。")
    headline = "2019年南粤工匠暨南粤最美职工发布仪式举行 彰显对劳动价值的尊崇"
    assert "\n\n" in normalize(headline + "\n\n今年以来").text


def test_text_wrapped_at_a_fixed_width_is_joined() -> None:
    """A PDF copy: three or more lines of about the same width end mid-word; each continues on the
    next line. A short title and a line before a blank line stay apart."""
    wrapped = (
        "工作报告\n一、2025年工作回顾\n"
        "　　（一）职工技能素质持续提升。全年举办各级各类劳动和技能竞\n赛1.2万余场，参赛职工达到286万人次；新命名省级劳模和工匠人才\n"
        "创新工作室150个。\n　　（二）服务职工更加精准。全省工会筹集“两节”送温暖资金4.6\n亿元。\n"
    )
    clean = normalize(wrapped).text
    assert "技能竞赛1.2万余场" in clean and "工匠人才创新工作室" in clean and "4.6亿元" in clean
    assert clean.startswith("工作报告\n一、2025年工作回顾\n")
    two = "全年举办各级各类劳动和技能竞\n赛1.2万余场，参赛职工达到286万人次；新命名"  # one such line is no evidence
    assert "\n" in normalize(two).text
    rows = "".join(f"某市{i}号 2019年 书屋{100 + i}家 站{10 + i}个 职工{i}.0万人\n" for i in range(1, 9))
    assert normalize(rows).text.count("\n") == 8  # rows of figures have no comma: no prose, never joined


def test_offsets_map_back_through_deletions() -> None:
    raw = "產(chǎn)業(yè)工人30多萬(wàn)名,共計(jì)5億(yì)元"
    norm = normalize(raw)
    for word in ("30多万名", "5亿元", "工人"):
        start = norm.text.index(word)
        s, e = norm.to_original(start, start + len(word))
        assert normalize(raw[s:e]).text == word
