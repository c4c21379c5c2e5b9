"""Read a written number exactly: Arabic, Chinese, financial capitals, or a mix of them.

All arithmetic is integer or :class:`~decimal.Decimal`; a float never appears while parsing.

>>> from gongextract.rules import load_rules
>>> table = load_rules().numerals
>>> parse_numeral("7158.84万", table)
(Decimal('71588400.00'), None)
>>> parse_numeral("一亿五千万零六千三百五十五", table)
(Decimal('150006355'), None)
>>> parse_numeral("三万五", table)
(Decimal('35000'), None)
>>> parse_numeral("八九亿", table)
(Decimal('800000000'), Decimal('900000000'))
>>> parse_numeral("十四五", table) is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal

Numerals = dict[str, tuple[str, Decimal]]
Token = tuple[str, Decimal]  # (role, value); role: num (a Chinese digit), arabic, unit, big, zero, point

_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")


class _Invalid(Exception):
    """The characters do not spell one number."""


def tokenize(text: str, numerals: Numerals) -> list[Token]:
    """Split a numeral into tokens; raise :class:`_Invalid` on a character that is not one."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        m = _ARABIC.match(text, pos)
        if m:
            tokens.append(("arabic", Decimal(m.group().replace(",", ""))))
            pos = m.end()
            continue
        entry = numerals.get(text[pos])
        if entry is None:
            raise _Invalid(text)
        role, value = entry
        if role == "digit":
            role = "zero" if value == 0 else "num"
        tokens.append((role, value))
        pos += 1
    return tokens


def _section(tokens: list[Token]) -> Decimal:
    """A run of digits and 十/百/千 (no 万 or 亿): 一千零一十 → 1010, 两千六 → 2600."""
    total = Decimal(0)
    current: Decimal | None = None
    last_unit: Decimal | None = None
    after_zero = False
    current_is_digit = False
    for role, value in tokens:
        if role in ("num", "arabic"):
            if current is not None:
                raise _Invalid("two digits in a row")
            current, current_is_digit = value, role == "num"
        elif role == "zero":
            if current is not None:
                raise _Invalid("zero after a digit")
            after_zero = True
        elif role == "unit":
            if last_unit is not None and value >= last_unit:
                raise _Invalid("units out of order")
            total += (current if current is not None else Decimal(1)) * value
            current, last_unit, after_zero = None, value, False
        else:
            raise _Invalid(role)
    if current is not None:
        if last_unit is not None and not after_zero and current_is_digit and last_unit >= 100:
            current *= last_unit / 10  # colloquial tail: 两千六 = 2600, 一百二 = 120
        total += current
    return total


def _integer(tokens: list[Token]) -> Decimal:
    """Split on the last and largest of 万/亿, recursively: 三千万亿 = 3000万 × 1亿."""
    bigs = [(value, i) for i, (role, value) in enumerate(tokens) if role == "big"]
    if not bigs:
        if not tokens:
            raise _Invalid("empty")
        return _section(tokens)
    big = max(value for value, _ in bigs)
    cut = max(i for value, i in bigs if value == big)
    left, right = tokens[:cut], tokens[cut + 1 :]
    if not left:
        raise _Invalid("a magnitude with nothing before it")
    head = _integer(left) * big
    if not right:
        return head
    if right[0][0] == "zero":
        return head + _integer(right[1:])
    if len(right) == 1 and right[0][0] == "num":
        return head + right[0][1] * big / 10  # 三万五 = 35000
    tail = _integer(right)
    if tail >= big:
        raise _Invalid("the part after a magnitude is as large as it")
    return head + tail


def _value(tokens: list[Token]) -> Decimal:
    points = [i for i, (role, _) in enumerate(tokens) if role == "point"]
    if not points:
        return _integer(tokens)
    if len(points) > 1:
        raise _Invalid("two decimal points")
    whole, fraction = tokens[: points[0]], tokens[points[0] + 1 :]
    if not fraction or any(role not in ("num", "zero") for role, _ in fraction):
        raise _Invalid("a decimal part must be digits")
    digits = "".join(str(int(value)) for _, value in fraction)
    return _integer(whole) + Decimal("0." + digits)


def parse_numeral(text: str, numerals: Numerals) -> tuple[Decimal, Decimal | None] | None:
    """``(value, value_max)`` of a written number, or None if it is not one.

    ``value_max`` is set for adjacent-digit ranges (八九亿 = 8亿–9亿, 三五百 = 300–500, 七八 = 7–8).
    """
    if _ARABIC.fullmatch(text):  # the common case, read directly: 1032, 2,966.5
        return Decimal(text.replace(",", "")), None
    try:
        tokens = tokenize(text, numerals)
        if len(tokens) == 1 and tokens[0][0] in ("unit", "big"):
            return tokens[0][1], None  # a bare magnitude with a qualifier: 百余家, 近万名
        if any(role == "half" for role, _ in tokens):
            if len(tokens) != 1:
                raise _Invalid("半 inside a number")
            return tokens[0][1], None
        if len(tokens) == 2 and tokens[0][0] == tokens[1][0] == "num" and tokens[1][1] - tokens[0][1] == 1:
            return tokens[0][1], tokens[1][1]  # 七八(成), 两三(个): a pair of neighbouring digits
        if len(tokens) >= 3 and tokens[0][0] == tokens[1][0] == "num" and tokens[2][0] in ("unit", "big"):
            low, high = tokens[0][1], tokens[1][1]
            if high <= low:
                raise _Invalid("adjacent digits that are not a range")
            return _value([tokens[0], *tokens[2:]]), _value([tokens[1], *tokens[2:]])
        return _value(tokens), None
    except _Invalid:
        return None


def split_magnitude(text: str, numerals: Numerals) -> tuple[str, Decimal]:
    """Cut the trailing magnitude a range may share: 三十万 → (三十, 1万), 3百 → (3, 100).

    Trailing 万/亿 are cut when present, otherwise one trailing 十/百/千.
    """
    end = len(text)
    while end > 0 and numerals.get(text[end - 1], ("", 0))[0] == "big":
        end -= 1
    if end == len(text) and end > 1 and numerals.get(text[end - 1], ("", 0))[0] == "unit":
        end -= 1
    factor = Decimal(1)
    for char in text[end:]:
        factor *= numerals[char][1]
    return text[:end], factor
