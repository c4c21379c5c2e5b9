"""What a document says as a whole, read once: its lines, title, sections and cues, by position.

One pass over the normalised text classes every line (page furniture, title, heading, body) and
collects, for the whole document, every cue attribution needs: places and authorities, national
subjects, years, status cues and programme names. A claim then looks its context up by position
(bisect) and never searches text again.

Scopes (SPEC section 2): a heading opens a section that runs to the next heading of its level or
above; the title's section is the whole document. A section is *about* the programme its heading
names (else, for an unnumbered heading, the one its parent is about), and it is a *plan* when its
heading names a plan (主要预期目标, 十件实事, 工作要点) without reporting results.

>>> from gongextract.rules import load_rules
>>> text = "“两节”送温暖 暖到职工心坎上\\n\\n本报讯 天水市总工会开展送温暖活动。走访困难职工2186户。"
>>> layout = read_layout(text, load_rules())
>>> layout.title_end, layout.province, layout.section_at(40).programme
(15, '甘肃', '送温暖')
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import regex

from .clauses import COLUMN_GAP, sentence_spans
from .patterns import PatternIndex, cue_index, required_chars
from .places import mentions
from .programmes import Candidate, programme_candidates
from .rules import RuleSet
from .timing import LEADING_DATE, cues, years

_TITLE_MAX = 64  # a title or heading line is at most this long
_HEADING_BREAKS = re.compile(r"[。；;]")  # a line with a sentence inside is body text
_LEAD_LINES = 2  # body lines after the title that still speak for the whole document
_CHROME_MAX = 240  # no page chrome is longer; longer lines are not searched for it
_ECHO = 4  # characters of a lead's quoted name that its title repeats, to be what the article is about
_STANDFIRST = 40  # a first body line this short that names one programme says what the article is about
REACH = 300  # characters either side of a claim that its attribution may read (and its sentence report)
_FURNITURE_MAX = 40  # a longer line with a sentence in it is body text, whatever chrome opens it


class Positioned:
    """Items sorted by position (an int, or a tuple opening with one), sliced in O(log n)."""

    def __init__(self, items: list[Any]) -> None:
        self.items = sorted(items)
        self.positions = [i if isinstance(i, int) else i[0] for i in self.items]

    def near(self, lo: int, hi: int) -> list[Any]:
        return self.items[bisect.bisect_left(self.positions, lo) : bisect.bisect_left(self.positions, hi)]


@dataclass(frozen=True, slots=True)
class Section:
    """A stretch of the document under one heading (level 0: the whole document, under its title)."""

    start: int
    level: int
    programme: str | None  # the programme the section is about, inherited where its heading names none
    plan: bool  # its items are targets unless their sentence reports a past fact
    plan_from: int  # where its plan items begin (a titled plan's lead is still news)


@dataclass(frozen=True)
class Layout:
    """The document's lines, sections and cues; every query is a lookup by position."""

    line_starts: list[int]
    furniture: frozenset[int]  # indexes of the lines that are page furniture
    title_end: int  # where the title block ends (0: no title)
    province: str | None  # the document's own region; None when national or unknown
    sections: list[Section]
    sentence_starts: list[int]
    sentence_ends: list[int]
    places: Positioned  # (position, province, away) of places and authorities outside furniture
    national: Positioned  # positions of national subjects (全总, 全国共)
    years: Positioned  # (position, year, deadline)
    status: Positioned  # (position, "target" | "achieved")
    programmes: Positioned  # programme candidates (see attribution.programme_candidates)

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos) - 1

    def is_furniture(self, pos: int) -> bool:
        return self.line_of(pos) in self.furniture

    def paragraph_start(self, pos: int) -> int:
        return self.line_starts[self.line_of(pos)]

    def section_at(self, pos: int) -> Section:
        return self.sections[bisect.bisect_right(self.sections, pos, key=lambda s: s.start) - 1]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[i], self.sentence_ends[i]


def _lines(text: str) -> tuple[list[int], list[int]]:
    starts, ends, pos = [], [], 0
    while True:
        end = text.find("\n", pos)
        starts.append(pos)
        ends.append(len(text) if end < 0 else end)
        if end < 0:
            return starts, ends
        pos = end + 1


@functools.lru_cache(maxsize=4)
def _chrome(rules: RuleSet) -> PatternIndex:
    """The source, link and furniture cues, each tried on a line only when it holds a character the
    cue needs (one alternation of them all is tried at every position: x2.5 slower)."""
    return PatternIndex([p for kind in ("source", "link", "furniture") for p in rules.cues[kind]])


def _is_furniture(line: str, rules: RuleSet) -> bool:
    """Page chrome: a source, link or furniture cue on a line with no sentence of body text in it."""
    if len(line) > _CHROME_MAX or (len(line) > _FURNITURE_MAX and "。" in line):
        return False  # 来源:… 记者从…获悉,…。: chrome opening a paragraph; chrome is never a long line
    return _chrome(rules).search(line)


@functools.lru_cache(maxsize=16)
def _marker(rules: RuleSet, kind: str) -> regex.Pattern[str]:
    """The heading markers of ``kind`` as one pattern: on the short head of a line one search of an
    alternation is quicker than a :class:`PatternIndex`."""
    return regex.compile("|".join(f"(?:{p.pattern})" for p in rules.cues[kind]), regex.MULTILINE)


@functools.lru_cache(maxsize=4)
def _marker_chars(rules: RuleSet) -> frozenset[str] | None:
    """Characters of which every heading marker holds one (、 . 【 ( ■ 第 方 …); None when unknown."""
    needed = [required_chars(p.pattern) for _, kind in _MARKERS for p in rules.cues[kind]]
    return None if any(n is None for n in needed) else frozenset().union(*needed)  # type: ignore[arg-type]


def _marked_level(line: str, rules: RuleSet) -> int | None:
    """1 or 2 when the line opens with a heading marker (一、, 【概况】, ■; (一), 1、)."""
    head = line[:_MARKER_REACH]
    chars = _marker_chars(rules)
    if chars is not None and chars.isdisjoint(head):
        return None  # most lines: no marker character at all, no search
    return next((level for level, kind in _MARKERS if _marker(rules, kind).search(head)), None)


_MARKERS = ((2, "heading2"), (1, "heading1"))
_MARKER_REACH = 24  # a heading marker opens its line: 【组织建设】 is at most 18 characters


def _heading(line: str, level: int | None) -> tuple[int, bool, int] | None:
    """``(level, numbered, length)`` of a heading line: ``level`` for a marked heading (一、, (一),
    【概况】, ■), 1 for a short line with no sentence in it; ``length`` is how much of the line is
    heading (a yearbook's 【概况】 runs on into its paragraph). None for body text."""
    stripped = line.strip()
    if len(COLUMN_GAP.findall(stripped)) >= 2:
        return None  # a table row (职工书屋    家    1036) is body text, never a title or heading
    short = len(stripped) <= _TITLE_MAX and not _HEADING_BREAKS.search(stripped)
    if level is not None:  # a marked heading (``level`` from the heading1/heading2 cues)
        numbered = level == 2 or stripped[:1] in "一二三四五六七八九十"
        end = len(line) if short else next((m.start() for m in _HEAD_END.finditer(line)), len(line))
        return level, numbered, end
    if short and not stripped.endswith((":", "：", "。", "!", "！")):
        return 1, False, len(line)
    return None


_HEAD_END = re.compile(r"[】。；;，,:：]")


def _named(line_start: int, line_end: int, candidates: Positioned) -> str | None:
    """The programme a title or heading names: its first known name (a quoted name of unknown
    standing, “娘家人”, is not enough)."""
    found = [c for c in candidates.near(line_start, line_end) if not c[4]]
    known = [c for c in found if c[2]]
    return known[0][1] if known else None


def _echoes(name: str, headline: str, known: bool) -> bool:
    """Whether ``headline`` repeats a stretch of ``name``: four characters (「115年春季聯合就業博覽會」 →
    春季就業博覽會), or three of a name of a known form (“职工普惠消费券” → 职工消费券)."""
    size = _ECHO - known
    return any(name[i : i + size] in headline for i in range(len(name) - size + 1))


def _undated(name: str) -> str:
    """A name without the year that opens it (115年春季联合就业博览会 → 春季联合就业博览会)."""
    date = LEADING_DATE.match(name)
    return (name[date.end() :] or name) if date else name


def _plan(line: str, rules: RuleSet, kind: str) -> bool:
    """Whether a title (``kind`` plan_title) or heading (plan_section) announces a plan."""
    return bool(cue_index(rules, kind).search(line)) and not cue_index(rules, "retrospect").search(line)


@functools.lru_cache(maxsize=4)
def _authorities(rules: RuleSet) -> regex.Pattern[str] | None:
    """The authorities as one alternation; group ``a<i>`` is the i-th row. The `regex` engine, as
    the rows are checked with: the stdlib one tries every row at every position here (no row
    opens with a plain character: named groups, a look-behind), three times slower."""
    rows = rules.authorities
    return None if not rows else regex.compile("|".join(f"(?P<a{i}>{p.pattern})" for i, (p, _) in enumerate(rows)))


def _signals(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, str, bool]]:
    """Places and authorities named in ``text[start:end]``, as ``(position, region, away)``: away
    when the words before make the place a giver or a destination (rules/context.tsv ``elsewhere``:
    接收江苏省总工会援助资金, 到广东、浙江务工), which speaks for whose figure only in its own region."""
    elsewhere = cue_index(rules, "elsewhere")
    found = [
        (pos, region, elsewhere.search(text, max(0, pos - 12), pos))
        for pos, region in mentions(text, start, end, rules)
    ]
    pattern = _authorities(rules)
    if pattern is not None:
        for m in pattern.finditer(text, start, end):
            found.append((m.start(), rules.authorities[int(str(m.lastgroup)[1:])][1], False))
    return found


Heading = tuple[int, int, bool, int]  # (line index, level, numbered, length of the heading part)


def _stretches(text: str, claims: Iterable[tuple[int, int]], lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``text`` whose cues anything can ask for: ``REACH`` characters around each
    claim (``claims`` in order), and the title, lead and heading lines; merged, in order. A long
    document with few claims is read only there."""
    around = ((max(0, a - REACH), min(len(text), b + REACH)) for a, b in claims)
    wanted = heapq.merge(around, sorted(lines))  # no list of every claim's window: a huge table has 300,000
    merged: list[tuple[int, int]] = []
    for a, b in wanted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _scan(stretches: list[tuple[int, int]], find: Callable[[int, int], Iterable[Any]]) -> Positioned:
    return Positioned([item for a, b in stretches for item in find(a, b)])


def read_layout(text: str, rules: RuleSet, claims: Iterable[tuple[int, int]] | None = None) -> Layout:
    """The layout of the normalised ``text`` (see the module docstring); its cues are read around
    ``claims`` (``(start, end)`` spans, default: everywhere) and in the title, lead and headings."""
    starts, ends = _lines(text)
    furniture: set[int] = set()
    title: list[int] = []  # unmarked short lines before the first body line: the title block
    body: list[int] = []
    headings: list[Heading] = []
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        line = text[start:end]
        if not line.strip():
            continue
        if _is_furniture(line, rules):
            furniture.add(i)
            continue
        heading = _heading(line, _marked_level(line, rules))
        if heading is None:
            body.append(i)
        elif not body and not headings and not heading[1]:
            title.append(i)
        else:
            headings.append((i, *heading))
    named = title + body[:_LEAD_LINES] + [h[0] for h in headings]  # lines that speak for a document or section
    heads = [(starts[i], min(ends[i], starts[i] + _CHROME_MAX)) for i in named]
    stretches = _stretches(text, [(0, len(text))] if claims is None else claims, heads)
    candidates = _scan(stretches, lambda a, b: programme_candidates(text, a, b, rules))
    located = _scan(
        stretches,
        lambda a, b: (p for p in _signals(text, a, b, rules) if bisect.bisect_right(starts, p[0]) - 1 not in furniture),
    )
    national = _scan(stretches, lambda a, b: (m.start() for m in cue_index(rules, "national").finditer(text, a, b)))
    top = _document_section(text, starts, ends, title, body, candidates, rules)
    sentence_start, sentence_end = sentence_spans(text)
    return Layout(
        line_starts=starts,
        furniture=frozenset(furniture),
        title_end=ends[title[-1]] if title else 0,
        province=_document_province(starts, ends, title + body[:_LEAD_LINES], located, national),
        sections=_sections(text, starts, top, headings, candidates, rules),
        sentence_starts=sentence_start,
        sentence_ends=sentence_end,
        places=located,
        national=national,
        years=_scan(stretches, lambda a, b: years(text, a, b, rules)),
        status=_scan(stretches, lambda a, b: cues(text, a, b, rules)),
        programmes=candidates,
    )


def _sections(
    text: str, starts: list[int], top: Section, headings: list[Heading], candidates: Positioned, rules: RuleSet
) -> list[Section]:
    """The document's section, then one per heading, each with the programme it is about (its own,
    else its parent's, unless it is a numbered measure of a plan, 七、推进…入会) and whether it is a plan."""
    sections, stack = [top], [top]
    for i, level, numbered, length in headings:
        start = starts[i]
        head = text[start : start + length]
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        retrospect = bool(cue_index(rules, "retrospect").search(head))
        inherited = None if (numbered and top.plan) or retrospect else parent.programme  # a plan's measures
        within_plan = parent.plan and start >= parent.plan_from and not retrospect
        section = Section(
            start,
            level,
            _named(start, start + length, candidates) or inherited,
            _plan(head, rules, "plan_section") or within_plan,
            start,
        )
        stack.append(section)
        sections.append(section)
    return sections


def _document_section(
    text: str,
    starts: list[int],
    ends: list[int],
    title: list[int],
    body: list[int],
    candidates: Positioned,
    rules: RuleSet,
) -> Section:
    """The whole document's section: the programme its title names (else the campaign its lead
    names), and whether it is a plan, whose items begin at its first numbered measure."""
    programme = next((p for i in title if (p := _named(starts[i], ends[i], candidates))), None)
    if programme is None and body:
        lead = candidates.near(starts[body[0]], ends[body[0]])
        programme = next((c[1] for c in lead if c[2] and c[3] and not c[4]), None)
        named = {c[1] for c in lead if c[2] and not c[4]}
        if programme is None and len(named) == 1 and ends[body[0]] - starts[body[0]] <= _STANDFIRST:
            programme = named.pop()  # a standfirst naming one programme: 📌 工资集体协商,让一线职工的收入“跑”起来。
        headline = "".join(text[starts[i] : ends[i]] for i in title)
        if programme is None and headline:  # the title says in short what the lead names in full
            programme = next((_undated(c[1]) for c in lead if not c[4] and _echoes(c[1], headline, c[2])), None)
    lines = title or body[:1]
    heads = " ".join(text[starts[i] : min(ends[i], starts[i] + _CHROME_MAX)] for i in lines)
    items = [m.start() for p in rules.cues["plan_item"] if (m := p.search(text))]
    return Section(0, 0, programme, _plan(heads, rules, "plan_title") and bool(items), min(items, default=0))


def _document_province(
    starts: list[int], ends: list[int], lead: list[int], places: Positioned, national: Positioned
) -> str | None:
    """The region the title names, else the lead (dateline, speaking authority), else the one named
    most often; None when the title or lead speaks for the whole country first (全总发布…)."""
    home = [(pos, region) for pos, region, away in places.items if not away]
    counts = Counter(region for _, region in home)
    for i in lead:
        found = [(pos, region) for pos, region, away in places.near(starts[i], ends[i]) if not away]
        whole = national.near(starts[i], ends[i])
        if whole and (not found or whole[0] < found[0][0]):
            return None
        if found:  # a line naming two regions (江苏…与青海…对口援助) speaks for the one named most
            return str(max(dict.fromkeys(region for _, region in found), key=lambda r: counts[r]))
    return counts.most_common(1)[0][0] if counts else None


__all__ = ["Candidate", "Layout", "Positioned", "Section", "read_layout"]
