"""Invariants over generated text: extraction never raises, offsets point at the original characters,
values are finite, fields hold values SPEC allows, and Traditional input reads like Simplified."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from gongextract import extract
from gongextract.rules import KINDS, QUALIFIERS

# Pieces of the corpus' vocabulary, in both scripts, with the junk scrapers leave.
FRAGMENTS = [
    "1.5", "2966.5", "7158.84", "１２３４", "1,234", "82，225.00", "3000", "—", "-", "至", "到", "~",
    "万", "萬", "亿", "億", "千", "百", "十", "余", "餘", "多", "左右", "以上", "近", "超过", "不少于", "約",
    "家", "名", "人次", "元", "%", "％", "个", "個", "项", "項", "宗", "批次",
    "三千", "一万二千", "两", "兩", "壹佰", "百分之", "半", "零", "点",
    "职工", "職工", "工会", "工會", "建成", "投入", "惠及", "全省", "，", ",", "。", "、", "“", "”",
    "產(chǎn)", "業(yè)", "會(huì)", "（huì）", "\n", "\n\n", " ", "\u3000", "2024年", "3月", "第", "“3815”", "(含)",
    "\x00", "\x07", "\x1b[0m", "\ufeff", "\u200b", "😀", "👨‍👩‍👧", "1" * 60, "一" * 50, "万" * 20, "¹²³", "٣",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=40).map("".join)


def _check(text: str) -> None:
    for c in extract(text):
        assert text[c.start : c.end] == c.text
        assert math.isfinite(c.value) and (c.value_max is None or math.isfinite(c.value_max))
        assert c.qualifier in QUALIFIERS and c.kind in KINDS
        assert c.status in ("achieved", "target")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_generated_corpus_like_text(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["建成职工书屋1.5万余家", "惠及职工群众1650余万人", "投入资金7.1亿元", "设立工作站160个", "，", "。"]), max_size=8))
def test_traditional_reads_like_simplified(parts: list[str]) -> None:
    import opencc

    simplified = "".join(parts)
    traditional = opencc.OpenCC("s2t").convert(simplified)
    def reading(text: str) -> list[tuple[object, ...]]:
        return [(c.value, c.value_max, c.unit, c.kind, c.qualifier) for c in extract(text)]
    assert reading(traditional) == reading(simplified)


# Inputs the fuzzing campaign (bench/fuzz.py) found; each once crashed or misbehaved.
BUGS_CAUGHT = [
    "百分之¹",  # '¹'.isdigit() is true, but it is no decimal digit: the scanner asserted
    "共¹²³人",
]


def test_bugs_caught_by_fuzzing() -> None:
    for text in BUGS_CAUGHT:
        _check(text)


EXCLUSION_FRAGMENTS = [
    *FRAGMENTS, "年", "月", "日", "号", ":", "12:30", "上午", "8点", "/", "X", "×", "+N", "80后", "第一书记",
    "http://a.cn/1", "www.x.cn", "a@b.cn", "13912345678", "0791-86812345", "400-100-1234", "(一)", "一是",
    "的一", "“两个确立”", "五一", "十四五", "一半", "G20", "5G", "1" * 17,
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(EXCLUSION_FRAGMENTS), st.text(max_size=2)), max_size=30).map("".join), st.data())
def test_exclusion_index_agrees_with_every_pattern(text: str, data: st.DataObject) -> None:
    """The character index only skips patterns that cannot match: same answer as trying them all."""
    from gongextract.quantities import WINDOW, _scanner
    from gongextract.rules import load_rules

    scanner = _scanner(load_rules())
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
    brute = any(m.start() < end and m.end() > start for p in scanner.exclusions.patterns for m in p.finditer(text, lo, hi))
    assert scanner.excluded(text, start, end) == brute


CUE_FRAGMENTS = [*FRAGMENTS, "力争", "争取", "将", "将其", "截至", "已", "已将", "到2029年", "计划新建", "要建", "分别为",
                 "全国已", "全国工会系统累计", "同比", "其中", "来源:", "| 岗巴县", "行动", "自2019年", "举措", "一是"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CUE_FRAGMENTS), st.text(max_size=2)), max_size=30).map("".join))
def test_cue_index_finds_what_every_pattern_finds(text: str) -> None:
    from gongextract.patterns import cue_index
    from gongextract.rules import CUE_TYPES, load_rules

    rules = load_rules()
    for kind in CUE_TYPES:
        index = cue_index(rules, kind)
        assert [m.span() for m in index.finditer(text)] == [m.span() for p in index.patterns for m in p.finditer(text)]
        assert index.search(text) == any(p.search(text) for p in index.patterns)
