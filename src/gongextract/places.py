"""Whose figure is it: the places a text names, and the province a claim falls to.

>>> from gongextract.rules import load_rules
>>> mentions("昆明市和大理白族自治州各建成10家", 0, 16, load_rules())
[(0, '云南'), (4, '云南')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .rules import RuleSet


@dataclass(frozen=True)
class _Matcher:
    """Province and prefecture names as one pattern, a trie of their characters (the stdlib engine
    tries a flat alternation of ~700 names one by one at every position, about 6 M chars/s on the
    articles, against about 17 M for the trie, which follows one branch per character); county
    names, all ending in 县/区/市/旗 …, looked up backwards from each such suffix."""

    major: re.Pattern[str]
    suffix: re.Pattern[str]
    counties: frozenset[str]
    lengths: tuple[int, ...]


@functools.lru_cache(maxsize=4)
def _matcher(rules: RuleSet) -> _Matcher:
    names = [name for name in rules.places if name not in rules.place_stopwords]
    major = [n for n in names if rules.places[n][1] != "county"]
    counties = frozenset(n for n in names if rules.places[n][1] == "county")
    return _Matcher(
        re.compile(_trie(major)),
        re.compile("[" + "".join(sorted({n[-1] for n in counties})) + "]"),
        counties,
        tuple(sorted({len(n) for n in counties}, reverse=True)),
    )


_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """A pattern matching the longest of ``words`` that starts at a position, as a flat
    alternation sorted longest first does, but sharing each prefix.

    >>> _trie(["临夏", "临夏州", "临沂市"])
    '临(?:夏(?:州)?|沂市)'
    """
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: _Trie) -> str:
        options = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer name first

    return branch(root)


def mentions(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, str]]:
    """``(position, province)`` of each place named in ``text[start:end]``, in order."""
    m = _matcher(rules)
    found = {hit.start(): hit.group() for hit in m.major.finditer(text, start, end)}
    counties = m.counties
    for hit in m.suffix.finditer(text, start, end):
        stop = hit.end()
        for length in m.lengths:
            begin = stop - length
            if begin >= start and (name := text[begin:stop]) in counties:
                found[begin] = name
                break
    return [(pos, rules.places[name][0]) for pos, name in sorted(found.items())]


def claim_province(
    start: int, sentence_start: int, places: list[tuple[int, str, bool]], national: list[int], default: str | None
) -> str | None:
    """The province of the quantity at ``start``, from its sentence's place mentions and national
    subjects: None for a national figure, whose subject may stand clauses before it (全国各级工会共
    筹集…，走访慰问职工1060万人次), unless a place named after the national subject narrows it
    (全总和19个援疆省市…); else the place named nearest before it (a giver or destination only in
    the document's own region), else ``default`` (the document's province)."""
    before = [(pos, province) for pos, province, away in places if pos < start and (not away or province == default)]
    whole = max((p for p in national if sentence_start <= p < start), default=None)
    if whole is not None and not (before and before[-1][0] > whole):  # 全总和19个援疆省市…投入援疆资金
        return None
    return before[-1][1] if before else default


def is_place(word: str, rules: RuleSet) -> bool:
    """Whether ``word`` names a place (广东, 广东省, 融水县)."""
    return word in rules.places or word.removesuffix("省") in rules.places
