"""Read the words that say how exact a number is (rules/qualifiers.tsv): written right before it
(约1万人), right after it (50名左右), or apart, earlier in its clause (最高可获2万元).

>>> from gongextract.rules import load_rules
>>> reader = QualifierReader(load_rules())
>>> text = "每户最高可获2万元,要约3.6万份"
>>> reader.apart(text, text.index("2")), reader.before(text, text.index("3"))
('at_most', (12, None))
"""

from __future__ import annotations

import re

from .rules import RuleSet

CLAUSE_END = frozenset("。！？!?；;，,、：:\n)）”」")
_APART_GAP = 10  # words at most between a qualifier written apart and its number (不低于当地标准的115%)


def by_last_char(words: list[str]) -> dict[str, list[str]]:
    """Words grouped by their last character, longest first: a cheap look backwards from a number."""
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        index.setdefault(word[-1], []).append(word)
    return index


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class QualifierReader:
    """The qualifier tables of one :class:`RuleSet`, indexed for reading around a number."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        quals = rules.qualifiers
        self.lead = by_last_char([s for s, q in quals.items() if q.position == "before" and not s.endswith("…")])
        self.far = by_last_char([s[:-1] for s in quals if s.endswith("…")])
        self.no_gap = CLAUSE_END | frozenset(rules.numerals) | frozenset("0123456789")
        trail = [s for s, q in quals.items() if q.position == "after"]
        self.trail = re.compile(r"(?:\(含\))?(?:" + alternation(trail) + ")") if trail else None

    def before(self, text: str, start: int) -> tuple[int, str | None]:
        """A qualifier written right before ``start``: (new start, qualifier)."""
        for surface in self.lead.get(text[start - 1 : start], ()):
            if text.endswith(surface, 0, start):
                q = self.rules.qualifiers[surface]
                if text[start - len(surface) - 1 : start - len(surface)] in q.not_next:
                    break  # 要约, 附近: the character belongs to another word
                return (start - len(surface) if q.in_span else start), q.qualifier
        return start, None

    def after(self, text: str, pos: int) -> re.Match[str] | None:
        """The qualifier written after the quantity at ``pos`` (左右, 以上, 内 but not 内部)."""
        m = self.trail.match(text, pos) if self.trail else None
        if m and text[m.end() : m.end() + 1] in self.rules.qualifiers[m.group().removeprefix("(含)")].not_next:
            return None
        return m

    def of(self, written_after: str) -> str:
        """The qualifier of a match of :meth:`after` (50万元(含)以上 → at_least)."""
        return self.rules.qualifiers[written_after.removeprefix("(含)")].qualifier

    def apart(self, text: str, start: int) -> str | None:
        """A qualifier written apart, earlier in the clause, with only words between (最高可获2万元)."""
        pos = start
        while pos > 0 and start - pos <= _APART_GAP:
            for word in self.far.get(text[pos - 1], ()):
                if text.endswith(word, 0, pos):
                    found = self.rules.qualifiers[word + "…"].qualifier
                    return None if found == "exact" else found  # 最高人民法院 is no cap
            if text[pos - 1] in self.no_gap:
                return None  # a clause ends or another number stands between
            pos -= 1
        return None
