"""Sentence and clause boundaries in normalised text.

>>> text = "建成工会驿站1.6万家、职工服务中心6962家。惠及职工。"
>>> sentence_spans(text)
([0, 24, 29], [24, 29, 29])
>>> clause_start(text, 19, 0), clause_end(text, 19, 24)
(12, 23)
>>> clause_start("共受理3,215宗个案", 9, 0)  # a thousands separator breaks no clause
0
"""

from __future__ import annotations

import functools
import re

import regex

# A run of end marks with the closing quotes after it, or a run of line breaks: written to open
# with one character class, which lets the stdlib engine skip to the candidates (x2.8).
_SENTENCE_BREAK = re.compile(r"[。！？!?\n](?:(?<=\n)\n*|(?<!\n)[。！？!?]*[”’」』)]*)")
CLAUSE_MARKS = frozenset(",，;；、:：。!！?？\n")
STRONG_MARKS = frozenset(",，;；。!！?？\n")  # a clause break that 、 (a list) is not
COLUMN_GAP = re.compile(r"(?<=\S)(?:[ \u3000]{2,}|\t)(?=\S)")  # a wide gap inside a line: a table's columns


def _class(marks: frozenset[str]) -> str:
    return "[" + re.escape("".join(sorted(marks))) + "]"


_NOT_IN_NUMBER = r"(?:(?<!\d,)|(?!\d{3}(?!\d)))"  # after a comma: not one between a digit and three more (3,215)
_THREE_DIGITS = re.compile(r"\d{3}(?!\d)")


@functools.lru_cache(maxsize=8)
def _marks(marks: frozenset[str], backwards: bool) -> regex.Pattern[str]:
    return regex.compile(("(?r)" if backwards else "") + _class(marks))  # a bare class: the quick search


def _in_number(text: str, at: int) -> bool:
    """Whether the mark at ``at`` is a comma inside a number (3,215)."""
    return text[at] == "," and at > 0 and text[at - 1].isdigit() and _THREE_DIGITS.match(text, at + 1) is not None


STRONG_SPLIT = regex.compile(_class(STRONG_MARKS) + _NOT_IN_NUMBER)
OPENING_SPLIT = regex.compile(_class(STRONG_MARKS | {":", "："}) + _NOT_IN_NUMBER)  # a colon also opens what follows it
# The end of a phrase: a clause mark outside a short bracket (88个县(市、区) is one phrase).
_PHRASE_END = regex.compile(r"\([^()\n]{0,12}\)|" + _class(CLAUSE_MARKS) + _NOT_IN_NUMBER)


def first_clause(text: str) -> str:
    """``text`` up to its first clause mark outside a short bracket.

    >>> first_clause("县(市、区)实现全覆盖,其中")
    '县(市、区)实现全覆盖'
    """
    for m in _PHRASE_END.finditer(text):
        if not m.group().startswith("("):
            return text[: m.start()]
    return text


def sentence_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the sentences of ``text``."""
    starts, ends = [0], []
    for m in _SENTENCE_BREAK.finditer(text):
        ends.append(m.end())
        starts.append(m.end())
    ends.append(len(text))
    return starts, ends


def clause_start(text: str, pos: int, floor: int, marks: frozenset[str] = CLAUSE_MARKS) -> int:
    """Where the clause holding ``pos`` begins (never before ``floor``)."""
    if pos <= floor:
        return pos
    m = _marks(marks, True).search(text, floor, pos)
    while m is not None and _in_number(text, m.start()):
        m = _marks(marks, True).search(text, floor, m.start())
    return m.end() if m else floor


def clause_end(text: str, pos: int, ceiling: int, marks: frozenset[str] = CLAUSE_MARKS) -> int:
    """Where the clause holding ``pos`` ends (never after ``ceiling``)."""
    if pos >= ceiling:
        return pos
    m = _marks(marks, False).search(text, pos, ceiling)
    while m is not None and _in_number(text, m.start()):
        m = _marks(marks, False).search(text, m.end(), ceiling)
    return m.start() if m else ceiling
