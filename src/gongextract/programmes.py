"""Which programme a claim reports on: the names a document uses (quoted names, known names, the
forms names take), and the choice among them for one claim.

>>> from gongextract.rules import load_rules
>>> [c[1] for c in programme_candidates("开展“我为职工办实事”活动,建成职工书屋86家", 0, 27, load_rules())]
['我为职工办实事', '职工书屋', '我为职工办实事']
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import regex

from .clauses import STRONG_MARKS, STRONG_SPLIT, clause_end, clause_start
from .patterns import cue_index
from .places import is_place
from .quantities import Quantity
from .rules import RuleSet

if TYPE_CHECKING:
    from .attribution import Window

STRIP = "“”「」‘’\"'《》()（）·、…— 【】→+"  # marks trimmed off the edges of a name or an object
UNQUOTE = str.maketrans("", "", "“”「」‘’\"'《》")
QUOTED = re.compile(r"“([^“”\n]{2,20})”|「([^「」\n]{2,20})」")
_CODE = regex.compile(r"[\d\s+.A-Za-z-]+")


@functools.lru_cache(maxsize=4)
def _slogan(rules: RuleSet) -> regex.Pattern[str]:
    """A name opening with a Chinese numeral (六大暖心服务, 八送, 三个一百) is rhetorical, not a programme."""
    digits = "".join(
        c for c, (role, value) in rules.numerals.items() if role == "digit" or (role == "unit" and value == 10)
    )
    return regex.compile(f"[{regex.escape(digits)}]")


@functools.lru_cache(maxsize=4)
def _programme_pattern(rules: RuleSet) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(rules.programs, key=len, reverse=True))))


_OWN_TIERS = 5  # tiers of names in the claim's sentence that beat the programme of its section
Candidate = tuple[int, str, bool, bool, bool]  # (position, name, looks like a programme, campaign, slogan)


def programme_candidates(text: str, start: int, end: int, rules: RuleSet) -> list[Candidate]:
    """Programme names in ``text[start:end]``: quoted names, known names, and the forms names take
    (rules/context.tsv ``program_form``: 开展…行动, 十件实事)."""
    found: list[Candidate] = []
    for m in QUOTED.finditer(text, start, end):
        name = (m.group(1) or m.group(2)).strip(STRIP)
        if name and not _CODE.fullmatch(name) and not is_place(name, rules):
            known = name in rules.programs or name.endswith(rules.program_suffixes)
            campaign, slogan = _name_marks(rules, name)
            found.append((m.start(), name, known and not slogan, campaign, slogan))
    for m in _programme_pattern(rules).finditer(text, start, end):
        found.append((m.start(), m.group(), True, *_name_marks(rules, m.group())))
    for m in cue_index(rules, "program_form").finditer(text, start, end):  # a whole form is no slogan (十件实事)
        group = "name" if "name" in m.re.groupindex and m.group("name") is not None else 0
        name = m.group(group).translate(UNQUOTE)
        named_campaign, numbered = _name_marks(rules, name)  # 开展“八大群体”入会集中行动: a campaign's own name
        campaign = named_campaign or _name_marks(rules, m.group())[0]  # 开展“我为职工办实事”活动
        slogan = group != 0 and numbered and not named_campaign  # 开展“三个一百”活动
        found.append((m.start(group), name, not slogan, campaign, slogan))
    return found


@functools.lru_cache(maxsize=4096)
def _name_marks(rules: RuleSet, name: str) -> tuple[bool, bool]:
    """Whether a programme name is a campaign (…行动) and whether it is a slogan (六大…)."""
    return cue_index(rules, "campaign").search(name), bool(_slogan(rules).match(name))


def programme(
    text: str,
    q: Quantity,
    obj: str | None,
    clause: tuple[int, int, int],
    w: Window,
    candidates: list[Candidate],
    scope: str | None,
) -> str | None:
    """The programme the claim reports on: the nearest known name of the best tier in its sentence,
    else the programme of the section it falls under (``scope``), else a name of unknown standing.
    ``clause`` is (start of the list item, start of the clause to the comma, end of the list item)."""
    after_number = w.previous_end > w.sentence_start  # a name right after the number before names its count

    def own(pos: int) -> bool:  # 开办省劳模工匠本科班、646名…: named in its clause, not another item's count
        return pos >= clause[0] or (pos >= clause[1] and not (after_number and pos <= w.previous_end + 1))

    def counts_here(pos: int, name: str) -> bool:  # not the name of the next count: 工作室28个、工匠创新工作室35个
        if pos < q.start:
            return True
        if STRONG_SPLIT.search(text, q.end, pos):
            return False
        return w.next_start >= w.sentence_end or bool(text[pos + len(name) : w.next_start].strip("”」 "))

    def tier(c: Candidate) -> int:
        pos, name, known, campaign, slogan = c
        before, after = pos < q.start, q.end <= pos < clause[2]
        if known and obj and name in obj and counts_here(pos, name):
            return 0  # 30家幸福企业试点单位 (not a name in the next item: 劳模创新工作室28个、工匠创新工作室35个)
        if before and known:
            return 1 if own(pos) else 2 if campaign else 3  # in its own clause; a campaign; earlier
        if after and known:
            return 4  # named after the number: 命名200家“书香企业”
        if before and not slogan:
            return 5 if own(pos) else 6  # a quoted name of its own clause beats the section's programme
        return 7 if after else 8

    best = min(candidates, key=lambda c: (tier(c), abs(c[0] - q.start)), default=None)
    if best is not None and tier(best) <= _OWN_TIERS:
        return best[1]
    return scope or (best[1] if best is not None and tier(best) < 8 else None)


def echoed(text: str, q: Quantity, w: Window, earlier: list[Candidate] | None, rules: RuleSet) -> str | None:
    """The last programme named before the sentence whose ending (rules/context.tsv ``echo``) the
    claim's own clause repeats: 建成“暖心驿站”2160家。…驿站累计服务…310万人次."""
    if not earlier:
        return None
    said = text[clause_start(text, q.start, w.sentence_start, STRONG_MARKS) : clause_end(text, q.end, w.sentence_end)]
    for _, name, known, _, slogan in reversed(earlier):
        ending = _ending(rules, name) if known and not slogan else None
        if ending and ending in said:
            return name
    return None


@functools.lru_cache(maxsize=4096)
def _ending(rules: RuleSet, name: str) -> str | None:
    """The ending of a programme name that a later clause may repeat alone (暖心驿站 → 驿站)."""
    ending = next((m.group() for m in cue_index(rules, "echo").finditer(name)), None)
    return ending if ending != name else None
