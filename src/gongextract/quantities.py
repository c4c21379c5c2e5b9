"""Find quantity expressions in normalised text: number, magnitude, qualifiers, range and unit.

>>> from gongextract.rules import load_rules
>>> text = "建成职工书屋1.5万余家"
>>> [(text[q.start : q.end], q.value, q.qualifier, q.unit, q.kind) for q in find_quantities(text, load_rules())]
[('1.5万余家', Decimal('15000.0'), 'over', '家', 'count')]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

import regex

from .joins import joined
from .numerals import parse_numeral, split_magnitude
from .patterns import PatternIndex
from .qualifiers import CLAUSE_END, QualifierReader, alternation, by_last_char
from .rules import RuleSet

WINDOW = 14  # characters either side of a quantity searched for an exclusion
_MAX_NUMERAL = 40  # a longer run of digits or numerals is an id or noise, never one number
# Stacked magnitudes multiply as the language uses them (万万 = 亿, 亿亿 = 1e16), but no report states a
# figure beyond 亿亿: a larger value is a run of noise (1.5余万万万…), and it would not fit an int64 column.
_MAX_VALUE = Decimal(10) ** 16
_STATEMENT_END = frozenset("。！？!?；;，,")  # where a bare Chinese numeral can end a statement (达到一百二。)
_CAPITALS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_NOUN_START = regex.compile(r"[\p{Han}“‘「『《【(]")  # a lone numeral before these is a determiner


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity expression found in the normalised text; ``start``/``end`` index that text (no
    copy of its characters is kept: a pasted table holds 300,000 of these)."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    qualifier: str
    unit: str | None
    kind: str


@dataclass(slots=True)
class _Number:
    end: int
    numeral: str
    value: Decimal
    value_max: Decimal | None
    chinese: bool
    has_big: bool
    inner: str | None  # qualifier written inside it (1650余万)


class _Scanner:
    """Compiled patterns for one :class:`RuleSet`."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        nums = rules.numerals
        starts = "".join(
            c for c, (role, v) in nums.items() if role in ("digit", "half") or (role == "unit" and v == 10)
        )
        body = "".join(c for c, (role, _) in nums.items() if role != "half")
        self.mags = "".join(c for c, (role, v) in nums.items() if role == "big" or (role == "unit" and v > 10))
        self.bigs = frozenset(c for c, (role, _) in nums.items() if role == "big")
        self.halves = frozenset(c for c, (role, _) in nums.items() if role == "half")
        # A bare magnitude counts only with a qualifier: 百余家, 近万名, 超百万, 突破百万 (never 千万不要, 百万雄师).
        inner = "".join(s for s, q in rules.qualifiers.items() if q.position == "inner")
        # (a magnitude first, then the look behind: a pattern that opens with a class scans faster)
        bare = rf"[{self.mags}](?=[{inner}])|[{self.mags}](?:(?<=[近逾超].)|(?<=突破.))[{self.mags}]?(?![{body}])"
        # ASCII digits only: fullwidth ones are folded by normalize, and ¹ or ٣ are not news numbers.
        # The stdlib engine: about three times quicker than `regex` at scanning for these patterns.
        self.core = re.compile(rf"百分之|千分之|[0-9]+(?:,[0-9]{{3}})*(?:\.[0-9]+)?|{bare}|[{starts}][{body}]*")
        self.arabic = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")
        self.mag_run = re.compile(rf"[{self.mags}]*")
        # 1万600 and 3万1,200, and 2亿3500万 / 1亿2千万 where the digits after a magnitude carry their own
        units_led = sorted((u for u in rules.units if u[0] in self.mags), key=len, reverse=True)  # 千瓦时, 兆瓦
        mag = f"(?:(?!{'|'.join(map(re.escape, units_led))})[{self.mags}])" if units_led else f"[{self.mags}]"
        self.arabic_mag = re.compile(rf" ?({mag}+)((?:[0-9],[0-9]{{3}}|[0-9]{{1,4}})(?![0-9.]){mag}*)?")
        self.chinese = re.compile(rf"[{body}]+")
        after = [s for s, u in rules.units.items() if u.position in ("after", "both")]
        before = [s for s, u in rules.units.items() if u.position in ("before", "both")]
        self.unit = re.compile(alternation(after))
        self.prefix_currency = by_last_char(before)
        quals = rules.qualifiers
        self.qualifiers = QualifierReader(rules)
        self.inner = frozenset(s for s, q in quals.items() if q.position == "inner")
        self.more = frozenset(s for s in self.inner if quals[s].qualifier == "over")  # 余, 多
        self.range_sep = re.compile(r"(?:\(含\))? ?(?:[-—–~]{1,2}|至|到) ?")
        self.money_minor = {s: f for s, (f, role) in rules.money_parts.items() if role == "minor"}
        self.money_close = frozenset(s for s, (_, role) in rules.money_parts.items() if role == "close")
        digits = re.escape("".join(c for c, (role, _) in rules.numerals.items() if role == "digit"))
        self.money_minor_re = re.compile(rf"零?([0-9{digits}])({alternation(list(self.money_minor))})")
        # What may follow a one-character numeral in a quantity: a unit, a qualifier, a magnitude, 个亿,
        # a range; anything else (一线, 一批 …) is rejected before it is parsed.
        self.after_lone = (
            frozenset(s[0] for s in after)
            | self.inner
            | frozenset(self.mags)
            | frozenset("个点-—–~至到" + "".join(q[0] for q, v in quals.items() if v.position == "after"))
            | frozenset(self.money_minor)
        )
        # A numeral's value depends on its characters only; an article repeats its numerals (三, 1.5万).
        self.parsed = functools.lru_cache(maxsize=4096)(functools.partial(parse_numeral, numerals=nums))
        self.exclusions = PatternIndex([e.pattern for e in rules.exclusions], frozenset("0123456789") | frozenset(nums))

    # -- the parts of one expression -------------------------------------------------------

    def number(self, text: str, pos: int) -> _Number | None:
        """The number starting at ``pos``: digits with magnitudes, or a Chinese numeral."""
        nums, rules_q = self.rules.numerals, self.rules.qualifiers
        m = self.arabic.match(text, pos)
        if m:
            numeral, end = m.group(), m.end()
            mag = self.arabic_mag.match(text, end)
            if mag:
                tail = mag.group(2) if mag.group(1)[-1] in self.bigs else None
                numeral += mag.group(1) + (tail or "")
                end = mag.end() if tail else mag.start(1) + len(mag.group(1))
            chinese = False
        else:
            m = self.chinese.match(text, pos)
            if m is None:
                if text[pos] in nums and nums[text[pos]][0] == "half":
                    return _Number(pos + 1, text[pos], Decimal("0.5"), None, True, False, None)
                return None
            numeral, end = m.group().rstrip("点"), m.start() + len(m.group().rstrip("点"))
            if text.startswith("个", end) and end + 1 < len(text) and text[end + 1] in self.bigs:
                numeral, end = numeral + text[end + 1], end + 2  # 两个亿
            chinese = True
        if len(numeral) > _MAX_NUMERAL:
            return None
        parsed = self.parsed(numeral)
        if parsed is None:
            return None
        value, value_max = parsed
        inner = None
        if end < len(text) and text[end] in self.inner:
            mag = self.mag_run.match(text, end + 1)
            mag_text = mag.group() if mag else ""
            follower = end + 1 + len(mag_text)
            if mag_text or self.unit.match(text, follower) or follower >= len(text) or text[follower] in CLAUSE_END:
                inner, end = rules_q[text[end]].qualifier, follower
                factor = Decimal(1)
                for c in mag_text:
                    factor *= nums[c][1]
                value = value * factor
                value_max = value_max * factor if value_max is not None else None
                numeral += mag_text
        if value > _MAX_VALUE or (value_max is not None and value_max > _MAX_VALUE):
            return None
        has_big = not self.bigs.isdisjoint(numeral)
        return _Number(end, numeral, value, value_max, chinese, has_big, inner)

    def excluded(self, text: str, start: int, end: int) -> bool:
        """Whether an exclusion overlapping ``text[start:end]`` matches within ``WINDOW`` of it."""
        lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
        return any(m.start() < end and m.end() > start for m in self.exclusions.finditer(text, lo, hi))

    def unit_at(self, text: str, pos: int) -> tuple[int, str, str, Decimal] | None:
        """``(end, unit, kind, scale)`` of the unit written at ``pos``, if any."""
        m = self.unit.match(text, pos)
        if not m:
            return None
        unit = self.rules.units[m.group()]
        if m.end() < len(text) and text[m.end()] in unit.not_before:
            return None
        return m.end(), unit.unit, unit.kind, unit.scale

    def split_classifier(self, text: str, pos: int) -> tuple[tuple[int, str, str, Decimal], str] | None:
        """个 with 半 or 多 inside the duration unit it opens (两个半小时, 三个多月): (unit found, the mark)."""
        mark = text[pos + 1 : pos + 2]
        if not text.startswith("个", pos) or not (mark in self.halves or mark in self.inner):
            return None
        found = self.unit_at("个" + text[pos + 2 : pos + 8], 0)
        if not found or found[0] == 1 or found[2] != "duration":
            return None
        return (pos + 1 + found[0], *found[1:]), mark

    def money_tail(self, text: str, pos: int) -> tuple[int, Decimal]:
        """Jiao and fen after a yuan amount (壹拾壹元壹角壹分), and a closing 整/钱."""
        extra = Decimal(0)
        while True:
            m = self.money_minor_re.match(text, pos)
            if not m:
                break
            digit = parse_numeral(m.group(1), self.rules.numerals)
            if digit is None:
                break
            extra += digit[0] * self.money_minor[m.group(2)]
            pos = m.end()
        if text.startswith("钱", pos) or text[pos : pos + 1] in self.money_close:
            pos += 1
        return pos, extra

    def next_digit(self, text: str, pos: int) -> Decimal | None:
        """A lone Chinese digit at ``pos`` that ends the number (三成五, not 三成五年 or 四成三个)."""
        entry = self.rules.numerals.get(text[pos : pos + 1])
        if entry is None or entry[0] != "digit" or self.unit_at(text, pos + 1):
            return None
        return None if text[pos + 1 : pos + 2] in self.rules.numerals else entry[1]


@functools.lru_cache(maxsize=8)
def _scanner(rules: RuleSet) -> _Scanner:
    return _Scanner(rules)


def _range_end(sc: _Scanner, text: str, first: _Number, pos: int) -> tuple[_Number, Decimal, Decimal] | None:
    """A second number after a range separator: (second, value, value_max) with shared magnitude."""
    sep = sc.range_sep.match(text, pos)
    if not sep or sep.end() >= len(text) or not sc.core.match(text, sep.end()):
        return None
    second = sc.number(text, sep.end())
    if second is None or second.value_max is not None or first.value_max is not None:
        return None
    low, high = first.value, second.value
    nums = sc.rules.numerals
    mantissa_text, factor = split_magnitude(second.numeral, nums)
    mantissa = parse_numeral(mantissa_text, nums) if mantissa_text and factor > 1 else None
    first_plain = not any(c in sc.mags or nums.get(c, ("", 0))[0] == "unit" for c in first.numeral)
    shares = (
        mantissa is not None
        and low < mantissa[0]
        and ((any(c in sc.bigs for c in second.numeral) and not first.has_big) or first_plain)
    )
    if shares:
        low = low * factor
    if high <= low:
        return None
    return second, low, high


def _currency_before(sc: _Scanner, text: str, start: int) -> tuple[int, str] | None:
    """A currency written before the number (港币2960元, 新台币 177.1亿元): (its start, surface)."""
    gap = 1 if text[start - 1 : start] == " " else 0
    for surface in sc.prefix_currency.get(text[start - gap - 1 : start - gap], ()):
        begin = start - gap - len(surface)
        if begin >= 0 and text.startswith(surface, begin):
            return begin, surface
    return None


def _fen_follows(sc: _Scanner, text: str, number: _Number) -> bool:
    """分 after a number is fen (money) for financial capitals (壹分) or before 钱; else it is points."""
    if not text.startswith("分", number.end):
        return False
    return text.startswith("钱", number.end + 1) or any(c in _CAPITALS for c in number.numeral)


def _determiner(text: str, end: int, kind: str | None, trailed: bool) -> bool:
    """Whether a lone numeral with its counter opens a noun (一家企业), unlike a share (四成受访者)."""
    return kind != "percent" and not trailed and end < len(text) and _NOUN_START.match(text, end) is not None


def _fraction(sc: _Scanner, text: str, start: int, denominator: _Number) -> _Number | None:
    """A fraction as a percent: 三分之一 → 33.33…; the Hong Kong 三分一 only for one-digit parts."""
    if not denominator.chinese or denominator.value_max is not None or denominator.value < 2:
        return None
    pos = denominator.end + 1
    if text.startswith("分之", denominator.end):
        pos += 1
    elif not (text.startswith("分", denominator.end) and len(denominator.numeral) == 1 and denominator.value < 10):
        return None
    numerator = sc.number(text, pos) if pos < len(text) and sc.chinese.match(text, pos) else None
    if numerator is None or numerator.value_max is not None or not 0 < numerator.value < denominator.value:
        return None
    if pos == denominator.end + 1 and (len(numerator.numeral) != 1 or sc.unit_at(text, numerator.end)):
        return None  # 三分一 takes one digit and no counter (得三分一次 is a score)
    share = numerator.value * 100 / denominator.value
    return _Number(numerator.end, text[start : numerator.end], share, None, True, False, None)


def _people_nearby(rules: RuleSet, text: str, start: int, end: int) -> bool:
    clause_start = max(0, start - 12)
    before = text[clause_start:start]
    return any(text.startswith(w, end) or w in before for w in rules.people_nouns)


def _expression(sc: _Scanner, text: str, start: int) -> tuple[Quantity | None, int]:
    """The quantity starting with the number at ``start``; returns it (or None) and where to go on."""
    rules = sc.rules
    percent = None
    pos = start
    if text.startswith(("百分之", "千分之"), start):
        percent = "%" if text[start] == "百" else "‰"
        pos = start + 3
        if pos >= len(text):
            return None, pos
    number = sc.number(text, pos)
    if number is None:
        return None, pos + 1
    share = _fraction(sc, text, pos, number) if percent is None and text.startswith("分", number.end) else None
    if share:
        number, percent = share, "%"
    value, value_max, end = number.value, number.value_max, number.end
    unit = kind = None
    unit_found = sc.unit_at(text, end) if percent is None and not _fen_follows(sc, text, number) else None
    after_first = end
    if unit_found and unit_found[2] in ("money", "percent"):
        after_first = unit_found[0]  # the unit may stand after both ends: 1.5万元至2万元, 30%-50%
    second = _range_end(sc, text, number, after_first) if percent is None else None
    last = number
    if second:
        last, value, value_max = second
        end = last.end
        unit_found = sc.unit_at(text, end)
    split = sc.split_classifier(text, end) if unit_found and percent is None else None
    split_q = None
    if split:
        unit_found, mark = split
        if mark in sc.halves:
            value += Decimal("0.5")
        else:
            split_q = rules.qualifiers[mark].qualifier
    if percent:
        unit, kind = percent, "percent"
    elif unit_found:
        end, unit, kind, scale = unit_found
        after_unit = text[end : end + 1]
        if kind in ("percent", "duration") and after_unit in sc.halves:
            value, end = value + Decimal("0.5"), end + 1  # 七成半 = 7.5 tenths, 两年半
        elif scale != 1 and (tenth := sc.next_digit(text, end)) is not None:
            value, end = value + tenth / 10, end + 1  # 三成五 = 3.5 tenths
        elif kind in ("percent", "duration") and after_unit in sc.more and not sc.unit_at(text, end + 1):
            split_q, end = "over", end + 1  # 七成多, 两年多 (not 十年多次; 三年来 is "since")
        value, value_max = value * scale, (value_max * scale if value_max is not None else None)
        if unit == "元":
            end, cents = sc.money_tail(text, end)
            value += cents
        again = sc.unit_at(text, end)
        if again and again[2] == "money" and kind == "money":
            end, unit = again[0], again[1]  # 三万元欧元, 9000元日币
    elif _fen_follows(sc, text, last) or (last.chinese and text[end : end + 1] in sc.money_minor):
        value, end = value * sc.money_minor[text[end]], end + 1
        unit, kind = "元", "money"
        end, cents = sc.money_tail(text, end)
        value += cents
    trail = sc.qualifiers.after(text, end)
    if trail:
        end = trail.end()
    prefix = _currency_before(sc, text, start)
    if prefix and kind is None:
        unit, kind = rules.units[prefix[1]].unit, "money"  # 港币2960: the currency is the unit
    # else the unit is the one written after the number (新台币2万9500元 → 元), as the gold writes it

    # Is it a claim? (cheap tests first: most candidates are a lone 一 before a noun)
    weak = (
        number.chinese
        and len(number.numeral) == 1
        and number.numeral not in sc.mags
        and not number.inner
        and second is None
        and split is None
    )
    if weak and (unit is None or _determiner(text, end, kind, trail is not None)):
        return None, end
    if unit is None:
        statement_end = end >= len(text) or text[end] in _STATEMENT_END
        colloquial = last.chinese and len(last.numeral) > 1 and last.value_max is None and statement_end
        if not (last.has_big or colloquial):
            return None, end
    if sc.excluded(text, start, number.end):
        return None, end

    span_start = prefix[0] if prefix and kind == "money" else start
    lead_start, lead = sc.qualifiers.before(text, span_start)
    span_start = min(span_start, lead_start)
    trail_q = sc.qualifiers.of(trail.group()) if trail else None
    written = lead or number.inner or last.inner or split_q or trail_q
    qualifier = written or sc.qualifiers.apart(text, span_start) or "exact"
    if kind is None:
        kind = "people" if _people_nearby(rules, text, span_start, end) else "count"
    return Quantity(span_start, end, value, value_max, qualifier, unit, kind), end


def find_quantities(text: str, rules: RuleSet) -> list[Quantity]:
    """Every quantity expression in ``text``, in order of appearance."""
    sc = _scanner(rules)
    found: list[Quantity] = []
    pos = 0
    while True:
        m = sc.core.search(text, pos)
        if m is None:
            return found
        if (
            m.end() - m.start() == 1
            and not text[m.start()].isascii()
            and text[m.end() : m.end() + 1] not in sc.after_lone
        ):
            pos = m.end()  # a lone numeral before a noun (一线, 一批): never a quantity
            continue
        quantity, next_pos = _expression(sc, text, m.start())
        if quantity is not None:
            found.append(joined(text, found, quantity))
        pos = max(next_pos, m.end()) if quantity is None else next_pos  # a failed run is skipped whole
