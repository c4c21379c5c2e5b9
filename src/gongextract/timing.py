"""When and whether: the year a claim refers to, and whether it is achieved or a target.

>>> from gongextract.rules import load_rules
>>> rules = load_rules()
>>> text = "截至2024年年底,已建成1032家。力争到2029年,培养500名左右南粤工匠。"
>>> years(text, 0, len(text), rules), cues(text, 0, len(text), rules)
([(2, 2024, False), (22, 2029, True)], [(0, 'achieved'), (10, 'achieved'), (19, 'target'), (21, 'target')])
>>> status_of(12, cues(text, 0, 18, rules), False), year_of(12, 17, years(text, 0, 18, rules), achieved=True)
('achieved', 2024)
"""

from __future__ import annotations

import regex

from .patterns import cue_index
from .rules import RuleSet

# A year: 2025年, or a Republic of China year (Taiwan: 114年 = 2025) where only a year can stand
# (民国114年, 114年9月底, 114年第3季, 113年同期, 114年度, 114年全年, 115年春季).
_YEAR = regex.compile(
    r"((?:19|20)\d{2})\s*年"
    r"|(?:民国\s*)((?<!\d)[1-9]\d{1,2})\s*年"
    r"|(?<![\d.])(1[01]\d)\s*年(?=\s*(?:\d{1,2}\s*月|第|度|底|初|同期|上半年|下半年|前\d|全年|[春夏秋冬]季))"
)
_ROC = 1911  # ROC year 1 is 1912
# A date opening a name or an object: when, not what (到2027年全县技能人才, 「115年春季聯合就業博覽會」).
LEADING_DATE = regex.compile(r"(?:到|至|截至|截止)?\d{2,4}年(?:度|底|末|初|前|内)?")
_CUE_REACH = 8  # characters before a year searched for the target cue that holds it


def years(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, int, bool]]:
    """``(position, year, deadline)`` of the years stated in ``text[start:end]``, comparison bases
    left out; a deadline (a year inside a target cue: 到2027年, or a start date: 自2027年起) dates
    targets only."""
    found = []
    for m in _YEAR.finditer(text, start, end):
        around = text[max(0, m.start() - 3) : m.end() + 3]
        if not cue_index(rules, "not_year").search(around):
            targets = cue_index(rules, "target").finditer(text, max(0, m.start() - _CUE_REACH), m.end())
            deadline = any(t.start() <= m.start() and t.end() >= m.end() for t in targets)
            deadline = deadline or cue_index(rules, "start_year").search(around)  # 自2027年1月1日起
            found.append((m.start(), int(m.group(1)) if m.group(1) else _ROC + int(m.group(2) or m.group(3)), deadline))
    return found


def cues(text: str, start: int, end: int, rules: RuleSet) -> list[tuple[int, str]]:
    """``(position, "target" | "achieved")`` of the status cues in ``text[start:end]``, in order."""
    return sorted(
        (m.start(), kind) for kind in ("target", "achieved") for m in cue_index(rules, kind).finditer(text, start, end)
    )


def year_of(start: int, clause_end: int, stated: list[tuple[int, int, bool]], achieved: bool) -> int | None:
    """The year stated last before the number in its sentence, else later in its own clause; an
    achieved figure takes no deadline (计划到2025年底实现全覆盖,目前已覆盖80%)."""
    usable = [(pos, year) for pos, year, deadline in stated if not (deadline and achieved)]
    before = [year for pos, year in usable if pos < start]
    if before:
        return before[-1]
    after = [year for pos, year in usable if start <= pos < clause_end]
    return after[0] if after else None


def status_of(start: int, found: list[tuple[int, str]], plan: bool) -> str:
    """target or achieved: the last cue before the number in its sentence decides; without one, the
    items of a plan (or of a plan's section) are targets and everything else is achieved."""
    before = [kind for pos, kind in found if pos < start]
    if before:
        return before[-1]
    return "target" if plan else "achieved"
