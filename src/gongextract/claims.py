"""Assemble :class:`Claim` records: quantities, attributed, mapped back to the original text.

>>> [c.text for c in extract("建成職工書屋1.5萬余家、職工服務中心6962家。")]
['1.5萬余家', '6962家']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from .attribution import Window, attribute
from .clauses import STRONG_MARKS, clause_end
from .document import REACH, read_layout
from .normalize import normalize
from .places import claim_province
from .quantities import find_quantities
from .rules import RuleSet, load_rules
from .tables import read_tables
from .timing import status_of, year_of


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


def extract(text: str, doc: str | None = None, rules: RuleSet | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, attributed; offsets index ``text`` itself."""
    return list(iter_claims(text, doc, rules))


def iter_claims(text: str, doc: str | None = None, rules: RuleSet | None = None) -> Iterator[Claim]:
    """The claims of :func:`extract`, one at a time: a document of any size is written as it is
    read, and no claim is kept once it is passed on."""
    rules = rules or load_rules()
    norm = normalize(text)
    clean = norm.text
    quantities = find_quantities(clean, rules)
    cells = {cell.quantity.start: cell for cell in read_tables(clean, rules)}
    if cells:  # a table's figures take their unit and year from its columns (tables.py)
        spans = [(c.quantity.start, c.quantity.end) for c in cells.values()]
        quantities = [q for q in quantities if not any(a < q.end and q.start < b for a, b in spans)]
        quantities = sorted(quantities + [c.quantity for c in cells.values()], key=lambda q: q.start)
    if not quantities:
        return
    layout = read_layout(clean, rules, ((q.start, q.end) for q in quantities))
    quantities = [q for q in quantities if not layout.is_furniture(q.start)]
    before: Claim | None = None
    counted: deque[tuple[int, str | None, str | None]] = deque()  # (start, object, unit) of the sentence's claims
    money: tuple[int, str] | None = None  # (paragraph start, object) of the last sum of money
    for n, q in enumerate(quantities):
        s_start, s_end = layout.sentence_at(q.start)
        previous = quantities[n - 1].end if n and quantities[n - 1].end > s_start else s_start
        has_next = n + 1 < len(quantities) and quantities[n + 1].start < s_end
        following = quantities[n + 1].start if has_next else s_end
        before = before if n and previous > s_start else None
        lo, hi = max(s_start, q.start - REACH), min(s_end, q.end + REACH)
        while counted and counted[0][0] < lo:
            counted.popleft()
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
            counted=tuple(counted),
            paragraph_money=money[1] if money and money[0] == layout.paragraph_start(q.start) else None,
        )
        section = layout.section_at(q.start)
        earlier = layout.programmes.near(max(0, q.start - REACH), lo)  # names its sentence may echo
        cell = cells.get(q.start)  # 职工书屋  家  1036: the row's label is the object, its column the year
        candidates = layout.programmes.near(lo, hi)
        label = cell.label if cell else None
        found = attribute(clean, q, window, candidates, rules, section.programme, earlier, label)
        start, end = norm.to_original(q.start, q.end)
        plan = section.plan and q.start >= section.plan_from
        status = status_of(q.start, layout.status.near(lo, q.start), plan)
        clause_stop = clause_end(clean, q.end, hi, STRONG_MARKS)
        counted.append((q.start, found.object, q.unit))
        if q.kind == "money" and found.object:
            money = (layout.paragraph_start(q.start), found.object)
        before = Claim(
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
                lo,
                layout.places.near(max(layout.paragraph_start(q.start), q.start - REACH), q.start),
                layout.national.near(lo, q.start),
                layout.province,
            ),
            year=cell.year if cell else year_of(q.start, clause_stop, layout.years.near(lo, hi), status == "achieved"),
            status=status,
            sentence=clean[lo:hi].strip(),
        )
        yield before
