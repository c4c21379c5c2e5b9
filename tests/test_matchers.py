"""The quicker forms of scans match what their plain forms match: the place names as a trie against
the flat alternation sorted longest first, the sentence breaks written to open with one character
class against the plain pattern, a pattern index against trying every one of its patterns, and the
segmenter against jieba's own cut."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gongextract.clauses import _SENTENCE_BREAK
from gongextract.document import _chrome
from gongextract.patterns import PatternIndex, cue_index
from gongextract.places import _trie
from gongextract.quantities import _scanner
from gongextract.rules import load_rules
from gongextract.segment import _tokenizer, segment

NAMES = ["临夏", "临夏州", "临夏回族自治州", "临沂市", "临沂", "夏河", "河", "北京", "北京市", "京"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=1, unique=True), st.text("临夏州回族自治沂市河北京 ", max_size=30))
def test_trie_finds_what_the_longest_first_alternation_finds(names: list[str], text: str) -> None:
    flat = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    trie = re.compile(_trie(names))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text("。！？!?”’」』)\n 建成a", max_size=30))
def test_sentence_breaks_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(r"[。！？!?]+[”’」』)]*|\n+")
    assert [m.span() for m in _SENTENCE_BREAK.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _indexes() -> dict[str, PatternIndex]:
    rules = load_rules()
    return {
        "exclusions": _scanner(rules).exclusions,  # wide: a set read, confirmed by bit masks
        "chrome": _chrome(rules),  # wide
        "target": cue_index(rules, "target"),  # narrow: the engine's findall
        "national": cue_index(rules, "national"),  # too few patterns to index: all tried
    }


# The characters the indexes trigger on and confirm with, and text around them.
_ALPHABET = "".join(
    sorted(
        {c for i in _indexes().values() for c in [*i.by_char, *i.trigger_chars]}
        | set("0123456789一二三年月建成万名 \n")
    )
)


_SAMPLES = sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))
_TEXTS = st.one_of(
    st.text(_ALPHABET, max_size=40),
    st.sampled_from(_SAMPLES).map(lambda p: p.read_text(encoding="utf-8")),  # real pages: real matches
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(sorted(_indexes())), _TEXTS, st.integers(0, 10**6), st.integers(0, 120))
def test_an_index_finds_what_every_pattern_finds(name: str, text: str, lo: int, width: int) -> None:
    index = _indexes()[name]
    lo = lo % (len(text) + 1)
    hi = min(len(text), lo + width)
    every = [(m.span(), m.re.pattern) for p in index.patterns for m in p.finditer(text, lo, hi)]
    assert [(m.span(), m.re.pattern) for m in index.finditer(text, lo, hi)] == every
    assert index.search(text, lo, hi) == bool(every)


# Words, prefixes of words, rule words, ASCII runs (joined by jieba), the marks jieba splits on.
_WORDING = "全省累计建成职工书屋工会驿站户外劳动者服务站点困难帮扶中心万家人次 abcXY019+#&._%-\r\n\t,。、“”"


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(_WORDING, max_size=40),
        st.tuples(st.sampled_from(_SAMPLES), st.integers(0, 10**6), st.integers(0, 200)).map(
            lambda s: (t := s[0].read_text(encoding="utf-8"))[s[1] % (len(t) + 1) :][: s[2]]
        ),
    )
)
def test_segment_cuts_as_jieba(text: str) -> None:
    rules = load_rules()
    assert segment(text, rules) == list(_tokenizer(rules).cut(text, HMM=False))
