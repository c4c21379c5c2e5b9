"""Read a quantity together with the one just before it: a range written X以上Y以下, and a list
whose first item carries the qualifier for all (分别不少于500场次、1500场次和3000场次).

>>> from gongextract.rules import load_rules
>>> from gongextract.quantities import find_quantities
>>> text = "可处2万元以上10万元以下罚款"
>>> [(text[q.start : q.end], q.value, q.value_max, q.qualifier) for q in find_quantities(text, load_rules())]
[('2万元以上10万元以下', Decimal('20000'), Decimal('100000'), 'exact')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quantities import Quantity

_LIST_JOINS = frozenset(("、", "和", "及", ",", "与"))  # between the items of a list of figures
_RESPECTIVELY = "分别"  # before a qualified list: the qualifier holds for every item
_MAX_ITEMS = 32  # items of one 分别 list looked back over


def joined(text: str, found: list[Quantity], q: Quantity) -> Quantity:
    """``q`` read with the quantity before it: 2万元以上100万元以下 is one range; in 分别不少于500场次、
    1500场次和3000场次 the first item's qualifier holds for the items after it."""
    prev = found[-1] if found else None
    if prev is None or prev.unit != q.unit or prev.value_max is not None or q.value_max is not None:
        return q
    if prev.end == q.start and prev.qualifier == "at_least" and q.qualifier == "at_most" and prev.value < q.value:
        found.pop()
        return replace(prev, end=q.end, value_max=q.value, qualifier="exact")
    if q.qualifier == "exact" and text[prev.end : q.start] in _LIST_JOINS and _distributes(text, found):
        return replace(q, qualifier=prev.qualifier)
    return q


def _distributes(text: str, found: list[Quantity]) -> bool:
    """Whether the list ending in ``found[-1]`` opened with 分别 and a qualifier (分别不少于500场次)."""
    first = len(found) - 1
    stop = max(0, first - _MAX_ITEMS)  # a bound, so a hostile run of 、-joined numbers stays linear
    while first > stop and text[found[first - 1].end : found[first].start] in _LIST_JOINS:
        first -= 1
    head = found[first]
    return head.qualifier != "exact" and text.endswith(_RESPECTIVELY, 0, head.start) and not text[head.start].isdigit()
