"""The quicker forms of two scans match what their plain forms match: the place names as a trie
against the flat alternation sorted longest first, and the sentence breaks written to open with one
character class against the plain pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gongextract.clauses import _SENTENCE_BREAK
from gongextract.places import _trie

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
