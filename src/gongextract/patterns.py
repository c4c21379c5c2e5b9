"""Rule patterns indexed by the characters they need, so a stretch of text is searched only with
the patterns that can match in it.

Almost every pattern of the rule files needs one of a few characters: 年 for a year, 第 for an
ordinal, @ for an e-mail address, 力 for 力争. Those characters are read once off each pattern's
parse tree. A pattern the reading cannot vouch for is always searched.

>>> from gongextract.rules import load_rules
>>> index = cue_index(load_rules(), "target")
>>> [m.group() for m in index.finditer("力争到2029年,培养500名")]
['力争', '到2029年']
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from .rules import RuleSet

# The standard library's own regex parser (only its syntax tree is used); renamed in Python 3.11.
sre: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

_REPEATS = tuple(getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name))
_MAX_RANGE = 256  # a wider character range ([一-龥]) is no useful requirement

Chars = frozenset[str]
# Below this many patterns with a known requirement, reading a text's characters costs more than
# trying every pattern (measured on the articles: cue types of 1 to 3 patterns, x1.4 to x1.8).
_WORTH_INDEXING = 4
_MANY_TRIGGERS = 48  # above this many trigger characters an index is wide (see PatternIndex)


def required_chars(pattern: str, common: Chars = frozenset()) -> Chars | None:
    """Characters of which every match of ``pattern`` holds at least one; None when unknown.

    Of the possible sets the smallest is chosen, avoiding ``common`` characters (digits and
    numerals, found near every quantity).

    >>> sorted(required_chars(r"(?:1[89]|20)\\d{2}\\s*年"))
    ['年']
    >>> sorted(required_chars(r"https?://[^\\s]+|www\\.[^\\s]+"))
    ['h', 'w']
    >>> required_chars(r"\\d{16,}") is None
    True
    """
    sets = requirements(pattern, common)
    return sets[0] if sets else None


def requirements(pattern: str, common: Chars = frozenset()) -> list[Chars]:
    """Every set of characters of which each match of ``pattern`` holds one (one set for each
    part it needs in turn), the one :func:`required_chars` chooses first; empty when unknown.

    >>> [sorted(s) for s in requirements("[的这]一(?!成)", frozenset("一"))]
    [['的', '这'], ['一']]
    """
    if "(?V1" in pattern:
        return []  # `regex` version 1 reads sets differently ([[a-z]--[aeiou]])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # FutureWarning on nested sets, read as `regex` version 0 does
            tree = sre.parse(pattern)
    except (re.error, ValueError, OverflowError, RecursionError):
        return []  # `regex`-only syntax (\\p{Han} …): no requirement can be read
    if tree.state.flags & re.IGNORECASE:
        return []
    found = [r for op, av in list(tree) if (r := _item(op, av, common)) is not None]
    return sorted(found, key=lambda s: (bool(s & common), len(s)))  # stable: the first of equals leads


def _sequence(items: list[tuple[Any, Any]], common: Chars) -> Chars | None:
    found = [r for op, av in items if (r := _item(op, av, common)) is not None]
    return min(found, key=lambda s: (bool(s & common), len(s)), default=None)


def _item(op: Any, av: Any, common: Chars) -> Chars | None:
    """The characters one node of the parse tree needs, if it needs any."""
    if op is sre.LITERAL:
        return frozenset(chr(av))
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < _MAX_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None  # a category (\d), a negation or a wide range
        return frozenset(chars)
    if op is sre.BRANCH:
        options = [_sequence(list(branch), common) for branch in av[1]]
        return None if any(o is None for o in options) else frozenset().union(*options)  # type: ignore[arg-type]
    if op is sre.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _sequence(list(av[3]), common)
    if op in _REPEATS:
        return _sequence(list(av[2]), common) if av[0] >= 1 else None
    return None  # assertions, anchors, any character, back references: nothing required


class PatternIndex:
    """Patterns, each searched only where the characters it needs occur.

    A narrow index (few trigger characters: the cue types) finds them with the engine and caches
    the patterns for each set found. A wide one (exclusions, page chrome) reads the text's
    characters as a set, x1.5 to x2 quicker than the engine's scan for a class that wide, and also
    asks for one character of each other part a pattern needs (:func:`requirements`): the
    exclusion (的|这|…)[一两二…](?!…) is then not tried in every window holding 的, only where a
    numeral is too. Its sets rarely repeat (1,392 distinct in the articles' 1,432 exclusion
    windows), so they are read off bit masks, twice as fast as by set unions.
    """

    def __init__(self, patterns: Sequence[regex.Pattern[str]], common: Chars = frozenset("0123456789")) -> None:
        self.patterns = tuple(patterns)
        always: set[int] = set()
        by_char: dict[str, set[int]] = {}
        others: dict[int, list[Chars]] = {}
        for i, pattern in enumerate(self.patterns):
            sets = requirements(pattern.pattern, common)
            if not sets:
                always.add(i)
                continue
            for c in sets[0]:
                by_char.setdefault(c, set()).add(i)
            others[i] = sets[1:]
        if len(self.patterns) - len(always) < _WORTH_INDEXING:
            always, by_char = set(range(len(self.patterns))), {}  # trying them all is quicker
        self.always = frozenset(always)
        self.by_char = {c: frozenset(ids) for c, ids in by_char.items()}
        self.unindexed = tuple(self.patterns[i] for i in sorted(always))  # tried whatever the text holds
        self.wide = len(by_char) > _MANY_TRIGGERS
        chars = "" if self.wide else "".join(sorted(by_char))
        self.triggers = regex.compile("[" + regex.escape(chars) + "]") if chars else None
        # wide: bit i of a pattern mask is pattern i; bit j of a need mask is the j-th other set
        self.always_mask = sum(1 << i for i in always)
        self.masks = {c: sum(1 << i for i in ids) for c, ids in by_char.items()} if self.wide else {}
        self.needs = [0] * len(self.patterns)
        self.meets: dict[str, int] = {}
        bit = 1
        for i, sets in others.items() if self.wide else ():
            for chars_needed in sets:
                self.needs[i] |= bit
                for c in chars_needed:
                    self.meets[c] = self.meets.get(c, 0) | bit
                bit <<= 1
        self.trigger_chars = frozenset(self.masks) | frozenset(self.meets)

    def candidates(self, text: str, lo: int = 0, hi: int | None = None) -> tuple[regex.Pattern[str], ...]:
        """The patterns that can match in ``text[lo:hi]``, in rule-file order."""
        if self.wide:
            return self._wide(self.trigger_chars.intersection(text[lo:hi]))
        if self.triggers is None:
            return self.unindexed
        return self._for(frozenset(self.triggers.findall(text, lo, len(text) if hi is None else hi)))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one index per rule set, kept for the process
    def _for(self, triggers: frozenset[str]) -> tuple[regex.Pattern[str], ...]:
        ids = set(self.always).union(*(self.by_char[c] for c in triggers))
        return tuple(self.patterns[i] for i in sorted(ids))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - as _for
    def _wide(self, present: frozenset[str]) -> tuple[regex.Pattern[str], ...]:
        wanted, met = self.always_mask, 0
        for c in present:
            wanted |= self.masks.get(c, 0)
            met |= self.meets.get(c, 0)
        found = []
        while wanted:  # the set bits, lowest (first in rule-file order) first
            low = wanted & -wanted
            wanted ^= low
            i = low.bit_length() - 1
            if self.needs[i] & met == self.needs[i]:
                found.append(self.patterns[i])
        return tuple(found)

    def finditer(self, text: str, lo: int = 0, hi: int | None = None) -> Iterator[regex.Match[str]]:
        """Every match of every pattern in ``text[lo:hi]``, pattern by pattern."""
        hi = len(text) if hi is None else hi
        for pattern in self.candidates(text, lo, hi):
            if pattern.search(text, lo, hi) is not None:  # a search costs less than an empty finditer
                yield from pattern.finditer(text, lo, hi)

    def search(self, text: str, lo: int = 0, hi: int | None = None) -> bool:
        """Whether any pattern matches in ``text[lo:hi]``."""
        hi = len(text) if hi is None else hi
        return any(p.search(text, lo, hi) for p in self.candidates(text, lo, hi))


@functools.lru_cache(maxsize=64)
def cue_index(rules: RuleSet, kind: str) -> PatternIndex:
    """The cue patterns of one type of ``rules/context.tsv``."""
    return PatternIndex(rules.cues[kind])
