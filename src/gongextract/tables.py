"""Statistical tables pasted as text: a header row naming a unit column and year columns, then rows
of a label, a unit and figures, the columns set apart by runs of spaces or tabs.

Each figure is a claim whose unit and magnitude come from its row's unit cell (万人 → ×10,000 人),
whose object is the row's label and whose year is its column's; a column headed with % holds rates.

>>> from gongextract.rules import load_rules
>>> text = "指标  单位  2024年  2025年  增减（%）\\n职工书屋  家  1036  1102  6.4\\n会员  万人  118.6  121.3  2.3"
>>> cells = read_tables(text, load_rules())
>>> [(str(c.quantity.value), c.quantity.unit, c.label, c.year) for c in cells][3:5]
[('1186000.0', '人', '会员', 2024), ('1213000.0', '人', '会员', 2025)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .clauses import COLUMN_GAP
from .quantities import Quantity
from .rules import RuleSet

_CELL = re.compile(r"[^ \t](?:[^ \t]| (?=[^ \t]))*")  # a cell: single spaces inside; two or more part columns
_FIGURE = re.compile(r"([-−+]?)(\d[\d,]*(?:\.\d+)?)([万亿]?)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_UNIT_HEADER = "单位"
_PERCENT = ("%", "％")
_SUBSET = re.compile(r"^(?:其中)[:：]?\s*")  # 其中：农民工会员: a part of the row above, named as itself
_MIN_ROWS = 2


@dataclass(frozen=True)
class Cell:
    """One figure of a table, as a quantity, with its row's label and its column's year."""

    quantity: Quantity
    label: str
    year: int | None


def _cells(line: str, offset: int) -> list[tuple[int, str]]:
    """``(position, text)`` of the cells of a line whose columns are set apart by wide gaps."""
    if not COLUMN_GAP.search(line):
        return []
    return [(offset + m.start(), m.group()) for m in _CELL.finditer(line)]


def _unit(cell: str, rules: RuleSet) -> tuple[Decimal, str, str] | None:
    """The scale, unit and kind a unit cell gives its row (万人 → 10000, 人, people)."""
    scale = Decimal(1)
    while cell and cell[0] in rules.numerals and rules.numerals[cell[0]][0] in ("big", "unit"):
        scale *= rules.numerals[cell[0]][1]
        cell = cell[1:]
    unit = rules.units.get(cell)
    return (scale * unit.scale, unit.unit, unit.kind) if unit else None


def _figure(cell: str, rules: RuleSet) -> Decimal | None:
    m = _FIGURE.fullmatch(cell)
    if m is None:
        return None
    value = Decimal(m.group(2).replace(",", "")) * (rules.numerals[m.group(3)][1] if m.group(3) else 1)
    return -value if m.group(1) in ("-", "−") else value


def read_tables(text: str, rules: RuleSet) -> list[Cell]:
    """Every figure of every table in the normalised ``text``, in order."""
    if _UNIT_HEADER not in text:
        return []
    found: list[Cell] = []
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    i = 0
    while i < len(lines):
        header = _cells(lines[i][1], lines[i][0])
        names = [name for _, name in header]
        if _UNIT_HEADER not in names or len(names) < 3:
            i += 1
            continue
        unit_at = names.index(_UNIT_HEADER)
        years = {k: int(m.group(1)) for k, name in enumerate(names) if (m := _YEAR.fullmatch(name))}
        rates = {k for k, name in enumerate(names) if any(p in name for p in _PERCENT)}
        rows = []
        j = i + 1
        while j < len(lines) and len(row := _cells(lines[j][1], lines[j][0])) == len(names):
            rows.append(row)
            j += 1
        if len(rows) >= _MIN_ROWS:
            found += _read_rows(rows, unit_at, years, rates, rules)
        i = j
    return found


def _read_rows(
    rows: list[list[tuple[int, str]]], unit_at: int, years: dict[int, int], rates: set[int], rules: RuleSet
) -> list[Cell]:
    latest = max(years.values(), default=None)
    cells = []
    for row in rows:
        label = _SUBSET.sub("", row[0][1])
        unit = _unit(row[unit_at][1], rules)
        for k, (pos, cell) in enumerate(row):
            value = _figure(cell, rules) if k not in (0, unit_at) else None
            measured = (Decimal(1), "%", "percent", latest) if k in rates else unit and (*unit, years.get(k))
            if value is None or not measured:
                continue
            scale, name, kind, year = measured
            quantity = Quantity(pos, pos + len(cell), value * scale, None, "exact", name, kind)
            cells.append(Cell(quantity, label, year))
    return cells
