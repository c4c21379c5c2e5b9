"""Assemble :class:`Claim` records: quantities, attributed, mapped back to the original text.

>>> [c.text for c in extract("建成職工書屋1.5萬余家、職工服務中心6962家。")]
['1.5萬余家', '6962家']
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from .attribution import Window, attribute, programme_candidates
from .clauses import STRONG_MARKS, clause_end, clause_start, sentence_spans
from .normalize import normalize
from .patterns import cue_index
from .places import claim_province, document_province, mentions, nationals
from .quantities import find_quantities
from .rules import RuleSet, load_rules
from .timing import cues, plan_start, status_of, year_of, years


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim; fields and their order are those of SPEC section 2."""

    doc: str | None
    start: int
    end: int
    text: str
    value: int | float
    value_max: int | float | None
    qualifier: str
    unit: str | None
    kind: str
    object: str | None = None
    program: str | None = None
    action: str | None = None
    province: str | None = None
    year: int | None = None
    status: str = "achieved"
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The record as a dict in SPEC field order."""
        return {name: getattr(self, name) for name in FIELDS}


FIELDS = tuple(f.name for f in fields(Claim))


def number(value: Decimal) -> int | float:
    """A JSON-friendly number: an int when whole (exact at any size), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


_LOOKBACK = 300  # a sentence is read (and reported) at most this far either side of a claim


class _Positioned:
    """Items of a sentence sorted by position, sliced by position in O(log n)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items)
        self.positions = [i if isinstance(i, int) else i[0] for i in self.items]

    def near(self, lo: int, hi: int) -> list[Any]:
        return self.items[bisect.bisect_left(self.positions, lo) : bisect.bisect_left(self.positions, hi)]


@dataclass(frozen=True)
class _Sentence:
    """What a sentence says, read once for all of its claims; each claim sees only the stretch
    from ``_LOOKBACK`` characters before it, so a run-on line with thousands of claims stays linear."""

    start: int
    end: int
    places: _Positioned
    national: _Positioned
    years: _Positioned
    cues: _Positioned
    programmes: _Positioned


def _sentence(text: str, start: int, end: int, rules: RuleSet) -> _Sentence:
    return _Sentence(
        start,
        end,
        _Positioned(mentions(text, start, end, rules)),
        _Positioned(nationals(text, start, end, rules)),
        _Positioned(years(text, start, end, rules)),
        _Positioned(cues(text, start, end, rules)),
        _Positioned(programme_candidates(text, start, end, rules)),
    )


def _link_lines(text: str, rules: RuleSet) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines that link to another article (下一篇：…120名…)."""
    spans = []
    for m in cue_index(rules, "link").finditer(text):
        start = text.rfind("\n", 0, m.end()) + 1  # the cue's own line (^\s* may open on a blank line)
        end = text.find("\n", m.end())
        spans.append((start, len(text) if end < 0 else end))
    return spans


def extract(text: str, doc: str | None = None, rules: RuleSet | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, attributed; offsets index ``text`` itself."""
    rules = rules or load_rules()
    norm = normalize(text)
    clean = norm.text
    links = _link_lines(clean, rules)
    quantities = [q for q in find_quantities(clean, rules) if not any(s <= q.start < e for s, e in links)]
    if not quantities:
        return []
    starts, ends = sentence_spans(clean)
    province = document_province(clean, rules)
    plan_from = plan_start(clean, rules)
    sentences: dict[int, _Sentence] = {}
    claims: list[Claim] = []
    for n, q in enumerate(quantities):
        i = bisect.bisect_right(starts, q.start) - 1
        if ends[i] - starts[i] > 4 * _LOOKBACK:  # a run-on line: read only this claim's stretch of it
            s = _sentence(clean, max(starts[i], q.start - _LOOKBACK), min(ends[i], q.end + _LOOKBACK), rules)
        else:
            if i not in sentences:
                sentences[i] = _sentence(clean, starts[i], ends[i], rules)
            s = sentences[i]
        previous = quantities[n - 1].end if n and quantities[n - 1].end > s.start else s.start
        has_next = n + 1 < len(quantities) and quantities[n + 1].start < s.end
        following = quantities[n + 1].start if has_next else s.end
        before = claims[-1] if n and previous > s.start else None
        lo, hi = max(s.start, q.start - _LOOKBACK), min(s.end, q.end + _LOOKBACK)
        window = Window(
            lo,
            hi,
            max(previous, lo),
            min(following, hi),
            previous_action=before.action if before else None,
            previous_object=before.object if before else None,
            previous_unit=before.unit if before else None,
            previous_kind=before.kind if before else None,
            next_end=quantities[n + 1].end if has_next and quantities[n + 1].end <= hi else None,
        )
        found = attribute(clean, q, window, s.programmes.near(lo, hi), rules)
        start, end = norm.to_original(q.start, q.end)
        status = status_of(q.start, s.cues.near(lo, q.start), plan_from)
        clause_stop = clause_end(clean, q.end, s.end, STRONG_MARKS)
        claims.append(
            Claim(
                doc=doc,
                start=start,
                end=end,
                text=text[start:end],
                value=number(q.value),
                value_max=None if q.value_max is None else number(q.value_max),
                qualifier=q.qualifier,
                unit=q.unit,
                kind=q.kind,
                object=found.object,
                program=found.program,
                action=found.action,
                province=claim_province(
                    q.start,
                    clause_start(clean, q.start, s.start, STRONG_MARKS),
                    s.places.near(lo, q.start),
                    s.national.near(lo, q.start),
                    province,
                ),
                year=year_of(q.start, clause_stop, s.years.near(lo, hi), achieved=status == "achieved"),
                status=status,
                sentence=clean[lo:hi].strip(),
            )
        )
    return claims
