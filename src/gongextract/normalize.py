"""Clean a raw article for matching, keeping a map back to the original characters.

Four things happen, and only here: pinyin that scrapers insert after Han characters is cut out
(``產(chǎn)業(yè)`` → ``產業``), lines broken in the middle of a sentence are joined, spaces typeset
between Chinese and digits are dropped (``建成 1032 家`` → ``建成1032家``), and the text is folded
character for character (OpenCC Traditional→Simplified, fullwidth ASCII → ASCII).

>>> n = normalize("產(chǎn)業(yè)工人１２３名")
>>> n.text
'产业工人123名'
>>> start, end = n.to_original(4, 8)
>>> "產(chǎn)業(yè)工人１２３名"[start:end]
'１２３名'
"""

from __future__ import annotations

import bisect
import functools
import statistics
import unicodedata
from dataclasses import dataclass

import opencc
import regex

from .clauses import COLUMN_GAP

# A Latin syllable in brackets right after a Han character: the candidate pinyin annotations.
_PINYIN_CANDIDATE = regex.compile(r"(?<=\p{Han})[(（]([a-zü\p{Mn}\u00e0-\u01dc]{1,8})[)）]")
# A toneless pinyin syllable (ü written v): initial, then final.
_SYLLABLE = regex.compile(
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn"
    r"|ia|ie|iu|io|ua|uo|ui|ue|ve|a|o|e|i|u|v)"
)
# A line break inside a sentence: the line before it is long and ends mid-word.
_BREAK = regex.compile(r"[ \t\u3000]*\n(?:[ \t\u3000]*\n)*[ \t\u3000]*(?=[\p{Han}\d])")
# A space typeset between Chinese and a digit (建成 1032 家, the "pangu" spacing of many sites).
_DIGIT_SPACE = regex.compile(
    r"(?<=[0-9０-９])[ \xa0\u2009\u202f\u3000]{1,2}(?=\p{Han})|(?<=\p{Han})[ \xa0\u2009\u202f\u3000]{1,2}(?=[0-9０-９])"
)
_PROSE = regex.compile(r"[，,、；;。]")
_SENTENCE_END = frozenset("。！？!?；;：:”」』)）】》")
_MIN_BROKEN_LINE = 50
_MIN_WRAPPED_LINE, _MIN_WRAPPED, _WRAP_SLACK = 20, 3, 4  # a fixed width: 3 lines ending mid-word, within 4 of it

# Fullwidth ASCII (！ to ～) and the ideographic space, folded one for one.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FOLDABLE = regex.compile("[\uff01-\uff5e\u3000]")


@functools.lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=4096)  # a page annotates every character: the same syllables recur
def _is_pinyin(word: str) -> bool:
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return _SYLLABLE.fullmatch(plain.replace("ü", "v")) is not None


def _deletions(original: str) -> list[tuple[int, int]]:
    """Sorted, disjoint ``(start, end)`` ranges of the original to leave out."""
    cuts = [m.span() for m in _PINYIN_CANDIDATE.finditer(original) if _is_pinyin(m.group(1))]
    cuts += _line_breaks(original)
    cuts += [m.span() for m in _DIGIT_SPACE.finditer(original)]
    return sorted(cuts)


def _line_breaks(original: str) -> list[tuple[int, int]]:
    """Line breaks inside sentences: after a long line that ends mid-word, or, in text wrapped at a
    fixed width (copied from a PDF: several lines of about the same length ending mid-word), after
    each such line that the next continues directly."""
    long, wrapped = [], []
    for m in _BREAK.finditer(original):
        before = original[m.start() - 1] if m.start() > 0 else ""
        if not before or before in _SENTENCE_END or not unicodedata.category(before).startswith(("L", "N")):
            continue  # most lines end a sentence: the line's start is not searched for
        line_start = original.rfind("\n", 0, m.start()) + 1
        if COLUMN_GAP.search(original, line_start, m.start()) or not _PROSE.search(original, line_start, m.start()):
            continue  # a table row (职工书屋    家    1036, 书屋100家 站10个): no broken prose, which has its commas
        width = m.start() - line_start
        if width >= _MIN_BROKEN_LINE:
            long.append(m.span())
        elif width >= _MIN_WRAPPED_LINE and m.group().count("\n") == 1:
            wrapped.append((width, m.span()))
    if len(wrapped) >= _MIN_WRAPPED:
        middle = statistics.median(width for width, _ in wrapped)
        long += [span for width, span in wrapped if abs(width - middle) <= _WRAP_SLACK]
    return long


def _t2s(text: str) -> str:
    """OpenCC t2s, character for character; a phrase rule that changes length is not applied."""
    convert = _converter().convert
    out: str = convert(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        converted: str = convert(line)
        if len(converted) != len(line):
            converted = "".join(c2 if len(c2 := convert(c)) == 1 else c for c in line)
        fixed.append(converted)
    return "\n".join(fixed)


@dataclass(frozen=True)
class Normalized:
    """The cleaned text and the shifts that map its positions back to the original."""

    original: str
    text: str
    _starts: tuple[int, ...]  # clean positions where the shift changes
    _shifts: tuple[int, ...]  # characters of the original deleted before that position

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean span ``[start, end)`` to the original text."""
        return self._orig(start), self._orig(end - 1) + 1

    def _orig(self, pos: int) -> int:
        return pos + self._shifts[bisect.bisect_right(self._starts, pos) - 1]


def normalize(original: str) -> Normalized:
    """Clean ``original``; see the module docstring."""
    pieces: list[str] = []
    starts, shifts = [0], [0]
    pos = deleted = 0
    for start, end in _deletions(original):
        pieces.append(original[pos:start])
        deleted += end - start
        starts.append(end - deleted)
        shifts.append(deleted)
        pos = end
    kept = "".join([*pieces, original[pos:]]) if pieces else original  # no copy when nothing is cut
    if _FOLDABLE.search(kept):
        kept = kept.translate(_FOLD)
    clean = _t2s(kept) if kept else kept
    return Normalized(original, clean, tuple(starts), tuple(shifts))
