"""Exclusion look-up: which patterns of ``rules/exclusions.tsv`` can match near a quantity.

Almost every pattern needs one of a few characters to match: 年 for a year, 第 for an ordinal,
@ for an e-mail address. Those characters are read off each pattern once (from its parse tree),
so the stretch around a quantity is searched only with the patterns whose characters it holds,
not with all of them. A pattern the reading cannot vouch for is always searched.

>>> from gongextract.rules import load_rules
>>> index = ExclusionIndex(load_rules())
>>> text = "2024年建成1032家"
>>> index.excluded(text, 0, 4), index.excluded(text, 7, 11)
(True, False)
"""

from __future__ import annotations

import importlib
import re
import sys
from typing import Any

import regex

from .rules import RuleSet

# The standard library's own regex parser (only its syntax tree is used); renamed in Python 3.11.
sre: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")

WINDOW = 14  # characters either side of a quantity searched for an exclusion
_REPEATS = tuple(getattr(sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(sre, name))
_MAX_RANGE = 256  # a wider character range ([一-龥]) is no useful requirement

Chars = frozenset[str]


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
    try:
        tree = sre.parse(pattern)
    except (re.error, ValueError, OverflowError, RecursionError):
        return None  # `regex`-only syntax (\\p{Han} …): no requirement can be read
    if tree.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(tree), common)


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


class ExclusionIndex:
    """The exclusion patterns of a rule set, indexed by the characters they need."""

    def __init__(self, rules: RuleSet) -> None:
        common = frozenset("0123456789") | frozenset(rules.numerals)
        self.patterns: list[regex.Pattern[str]] = [e.pattern for e in rules.exclusions]
        always: set[int] = set()
        by_char: dict[str, set[int]] = {}
        for i, pattern in enumerate(self.patterns):
            needed = required_chars(pattern.pattern, common)
            if needed is None:
                always.add(i)
            else:
                for c in needed:
                    by_char.setdefault(c, set()).add(i)
        self.always = frozenset(always)
        self.by_char = {c: frozenset(ids) for c, ids in by_char.items()}
        self.triggers = regex.compile("[" + regex.escape("".join(sorted(by_char))) + "]")

    def excluded(self, text: str, start: int, end: int) -> bool:
        """Whether an exclusion overlapping ``text[start:end]`` matches within ``WINDOW`` of it."""
        lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
        candidates = set(self.always)
        for c in set(self.triggers.findall(text, lo, hi)):
            candidates |= self.by_char[c]
        return any(
            m.start() < end and m.end() > start for i in candidates for m in self.patterns[i].finditer(text, lo, hi)
        )
