"""Whose figure is it: the province named in the claim's sentence, else the document's own.

>>> from gongextract.rules import load_rules
>>> text = "文章来源:黑龙江省连锁经营协会\\n云南省总工会出台十条举措\\n每年帮助3万名职工。"
>>> document_province(text, load_rules())
'云南'
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import cue_index
from .rules import RuleSet

_LEAD_LINES = 3


@dataclass(frozen=True)
class _Matcher:
    """Province and prefecture names as one alternation (the stdlib engine runs a literal
    alternation of ~700 names at about 9 M chars/s); county names, all ending in 县/区/市/旗 …,
    looked up backwards from each such suffix."""

    major: re.Pattern[str]
    suffix: re.Pattern[str]
    counties: frozenset[str]
    lengths: tuple[int, ...]


@functools.lru_cache(maxsize=4)
def _matcher(rules: RuleSet) -> _Matcher:
    names = [name for name in rules.places if name not in rules.place_stopwords]
    major = sorted((n for n in names if rules.places[n][1] != "county"), key=len, reverse=True)
    counties = frozenset(n for n in names if rules.places[n][1] == "county")
    return _Matcher(
        re.compile("|".join(map(re.escape, major))),
        re.compile("[" + "".join(sorted({n[-1] for n in counties})) + "]"),
        counties,
        tuple(sorted({len(n) for n in counties}, reverse=True)),
    )


def mentions(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, str]]:
    """``(position, province)`` of each place named in ``text[start:end]``, in order."""
    m = _matcher(rules)
    found = {hit.start(): hit.group() for hit in m.major.finditer(text, start, end)}
    for hit in m.suffix.finditer(text, start, end):
        for length in m.lengths:
            begin = hit.end() - length
            if begin >= start and text[begin : hit.end()] in m.counties:
                found[begin] = text[begin : hit.end()]
                break
    return [(pos, rules.places[name][0]) for pos, name in sorted(found.items())]


def is_furniture(line: str, rules: RuleSet) -> bool:
    """A source line, breadcrumb or link list: it names places that are not the article's."""
    return cue_index(rules, "source").search(line)


def _content_lines(text: str, rules: RuleSet) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of the lines that are neither blank nor page furniture, read lazily."""
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if line.strip() and not is_furniture(line, rules):
            yield pos, end
        pos = end + 1


def document_province(text: str, rules: RuleSet) -> str | None:
    """The first province named in the headline and lead, else the one named most often."""
    lines = _content_lines(text, rules)
    for start, end in itertools.islice(lines, _LEAD_LINES):
        found = mentions(text, start, end, rules)
        if found:
            return found[0][1]
    counts = Counter(p for start, end in lines for _, p in mentions(text, start, end, rules))
    return counts.most_common(1)[0][0] if counts else None


def nationals(text: str, start: int, end: int, rules: RuleSet) -> list[int]:
    """Positions of national-level subjects (全国总工会, 全国共 …) in ``text[start:end]``."""
    return sorted(m.start() for m in cue_index(rules, "national").finditer(text, start, end))


def claim_province(
    start: int, clause_start: int, places: list[tuple[int, str]], national: list[int], default: str | None
) -> str | None:
    """The province of the quantity at ``start``, from its sentence's place mentions and national
    subjects: None for a national figure in its clause, else the place named nearest before it,
    else ``default`` (the document's province)."""
    if any(clause_start <= p < start for p in national):
        return None
    before = [province for pos, province in places if pos < start]
    return before[-1] if before else default
