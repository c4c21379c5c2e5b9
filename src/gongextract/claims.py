"""Assemble :class:`Claim` records: quantities mapped back to the original text, with their sentence.

>>> [c.text for c in extract("建成職工書屋1.5萬余家、職工服務中心6962家。")]
['1.5萬余家', '6962家']
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from typing import Any

import regex

from .normalize import normalize
from .quantities import find_quantities
from .rules import RuleSet, load_rules

_SENTENCE_BREAK = regex.compile(r"[。！？!?]+[”’」』)]*|\n+")


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
        return asdict(self)


FIELDS = tuple(f.name for f in fields(Claim))


def number(value: Decimal) -> int | float:
    """A JSON-friendly number: an int when whole (exact at any size), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def sentence_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the sentences of ``text``."""
    starts, ends = [0], []
    for m in _SENTENCE_BREAK.finditer(text):
        ends.append(m.end())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def extract(text: str, doc: str | None = None, rules: RuleSet | None = None) -> list[Claim]:
    """Every numeric claim in ``text``; offsets index ``text`` itself."""
    rules = rules or load_rules()
    norm = normalize(text)
    clean = norm.text
    starts, ends = sentence_spans(clean)
    claims = []
    for q in find_quantities(clean, rules):
        start, end = norm.to_original(q.start, q.end)
        i = bisect.bisect_right(starts, q.start) - 1
        sentence = clean[starts[i] : ends[i]].strip()
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
                sentence=sentence,
            )
        )
    return claims
