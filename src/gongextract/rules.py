"""Load and validate the rule files under ``rules/`` once, into a cached :class:`RuleSet`.

>>> load_rules().units["元"].kind
'money'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Any

import regex

KINDS = ("money", "people", "person_times", "percent", "count", "duration", "measure")
QUALIFIERS = ("exact", "about", "over", "at_least", "under", "at_most")


class RuleError(ValueError):
    """A rule file is missing or malformed; the message names the file and line."""


@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str
    position: str
    not_before: frozenset[str]
    scale: Decimal = Decimal(1)  # 成 (tenths) is worth 10 %


@dataclass(frozen=True)
class Qualifier:
    qualifier: str
    position: str
    in_span: bool
    not_next: frozenset[str] = frozenset()  # on its far side from the number: 要约 is an offer, 内部 no 内


@dataclass(frozen=True)
class Exclusion:
    pattern: regex.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Cue:
    kind: str
    pattern: regex.Pattern[str]


CUE_TYPES = (
    "target",
    "achieved",
    "plan_title",
    "plan_section",
    "plan_item",
    "national",
    "not_year",
    "start_year",
    "source",
    "change",
    "respectively",
    "subset",
    "campaign",
    "link",
    "furniture",
    "heading1",
    "heading2",
    "retrospect",
    "program_form",
    "origin",
    "per",
    "lone_verb",
    "total",
    "copula",
    "elsewhere",
    "echo",
)


@dataclass(frozen=True, eq=False)
class RuleSet:
    """Everything the extractor knows, read from one or more rule directories."""

    numerals: dict[str, tuple[str, Decimal]]
    money_parts: dict[str, tuple[Decimal, str]]
    units: dict[str, Unit]
    qualifiers: dict[str, Qualifier]
    exclusions: tuple[Exclusion, ...]
    people_nouns: tuple[str, ...]
    places: dict[str, tuple[str, str]]  # name -> (province short name, level)
    place_stopwords: frozenset[str]
    programs: tuple[str, ...]
    program_suffixes: tuple[str, ...]
    actions: frozenset[str]
    function_words: frozenset[str]
    np_breaks: frozenset[str]
    noun_suffixes: frozenset[str]
    share_verbs: frozenset[str]
    money_nouns: tuple[str, ...]
    award_verbs: tuple[str, ...]
    level_verbs: frozenset[str]
    change_verbs: frozenset[str]
    per_units: tuple[str, ...]
    rate_nouns: frozenset[str]
    clock_units: dict[str, str]  # unit -> the noun a verb before it takes (小时 -> 时间)
    duration_nouns: tuple[str, ...]
    list_ends: dict[str, frozenset[str]]  # 等 -> the characters after it that make it no list end
    words: tuple[str, ...]
    default_objects: dict[str, tuple[str, bool]]  # kind -> (object, only when mentioned nearby)
    cues: dict[str, tuple[regex.Pattern[str], ...]]
    authorities: tuple[tuple[regex.Pattern[str], str], ...]  # (pattern, region)
    sources: tuple[Path, ...] = field(default=())


@functools.lru_cache(maxsize=1)
def _default_dir() -> Path:
    """The shipped rules: package data when installed, ``rules/`` in a source checkout."""
    packaged = resources.files("gongextract") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


Row = tuple[int, list[str]]


def _rows(path: Path, ncols: int | None) -> tuple[list[str], list[Row]]:
    """Header and data rows of a TSV (``ncols`` given) or word-list file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from None
    header: list[str] = []
    rows: list[Row] = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t") if ncols else [line.strip()]
        if ncols and not header:
            if len(cells) != ncols:
                raise RuleError(f"{path}:{n}: header should have {ncols} columns, has {len(cells)}")
            header = cells
            continue
        if ncols and len(cells) != ncols:
            raise RuleError(f"{path}:{n}: expected {ncols} TAB-separated columns, found {len(cells)}")
        if any(not c.strip() for c in cells):
            raise RuleError(f"{path}:{n}: empty column")
        rows.append((n, [c.strip() for c in cells]))
    return header, rows


def _check(cond: bool, path: Path, n: int, message: str) -> None:
    if not cond:
        raise RuleError(f"{path}:{n}: {message}")


def _decimal(text: str, path: Path, n: int) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise RuleError(f"{path}:{n}: not a number: {text!r}") from None


def _numeral(path: Path, n: int, c: list[str]) -> tuple[str, tuple[str, Decimal]]:
    char, role, value = c
    _check(len(char) == 1, path, n, f"numeral must be one character: {char!r}")
    _check(role in ("digit", "unit", "big", "point", "half"), path, n, f"unknown role {role!r}")
    return char, (role, _decimal(value, path, n))


def _money_part(path: Path, n: int, c: list[str]) -> tuple[str, tuple[Decimal, str]]:
    surface, factor, role = c
    _check(role in ("main", "minor", "close"), path, n, f"unknown role {role!r}")
    return surface, (_decimal(factor, path, n), role)


def _unit(path: Path, n: int, c: list[str]) -> tuple[str, Unit]:
    surface, unit, kind, position, not_before, scale = c
    _check(kind in KINDS, path, n, f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    _check(position in ("after", "before", "both"), path, n, f"unknown position {position!r}")
    blockers = frozenset() if not_before == "-" else frozenset(not_before)
    return surface, Unit(unit, kind, position, blockers, _decimal(scale, path, n))


def _qualifier(path: Path, n: int, c: list[str]) -> tuple[str, Qualifier]:
    surface, qualifier, position, span, not_next = c
    _check(qualifier in QUALIFIERS, path, n, f"unknown qualifier {qualifier!r}")
    _check(position in ("before", "inner", "after"), path, n, f"unknown position {position!r}")
    _check(span in ("in", "out"), path, n, f"span must be 'in' or 'out', not {span!r}")
    apart = surface.endswith("…")
    _check(
        "…" not in surface[:-1] and (not apart or (position, span) == ("before", "out")),
        path,
        n,
        "… ends a word written apart from its number (position before, span out)",
    )
    blockers = frozenset() if not_next == "-" else frozenset(not_next)
    return surface, Qualifier(qualifier, position, span == "in", blockers)


def _name_pattern(name: str) -> str:
    """A literal name that no further numeral touches (五一 but not 二十五一)."""
    numeral = r"[\d.零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]"
    return rf"(?<!{numeral}){regex.escape(name)}(?!{numeral})"


def _exclusion(path: Path, n: int, c: list[str]) -> tuple[str, Exclusion]:
    kind, pattern, reason = c
    _check(kind in ("regex", "name"), path, n, f"unknown type {kind!r} (regex or name)")
    source = pattern if kind == "regex" else _name_pattern(pattern)
    try:
        compiled = regex.compile(source, regex.MULTILINE)
    except regex.error as exc:
        raise RuleError(f"{path}:{n}: bad regex {pattern!r}: {exc}") from None
    return pattern, Exclusion(compiled, reason)


def _place(path: Path, n: int, c: list[str]) -> tuple[str, tuple[str, str]]:
    name, province, level = c
    _check(level in ("province", "prefecture", "county"), path, n, f"unknown level {level!r}")
    return name, (province, level)


def _cue(path: Path, n: int, c: list[str]) -> tuple[str, Cue]:
    kind, pattern, _note = c
    _check(kind in CUE_TYPES, path, n, f"unknown cue type {kind!r} (one of {', '.join(CUE_TYPES)})")
    try:
        compiled = regex.compile(pattern, regex.MULTILINE)
    except regex.error as exc:
        raise RuleError(f"{path}:{n}: bad regex {pattern!r}: {exc}") from None
    return f"{kind}\t{pattern}", Cue(kind, compiled)


def _clock_unit(path: Path, n: int, c: list[str]) -> tuple[str, str]:
    unit, noun = c
    _check(" " not in unit and " " not in noun, path, n, f"one word per column: {unit!r}, {noun!r}")
    return unit, noun


def _list_end(path: Path, n: int, c: list[str]) -> tuple[str, frozenset[str]]:
    surface, not_next = c
    _check(" " not in surface, path, n, f"one word: {surface!r}")
    return surface, frozenset() if not_next == "-" else frozenset(not_next)


def _authority(path: Path, n: int, c: list[str]) -> tuple[str, tuple[regex.Pattern[str], str]]:
    pattern, region, _note = c
    try:
        compiled = regex.compile(pattern)
    except regex.error as exc:
        raise RuleError(f"{path}:{n}: bad regex {pattern!r}: {exc}") from None
    return pattern, (compiled, region)


def _default_object(path: Path, n: int, c: list[str]) -> tuple[str, tuple[str, bool]]:
    kind, obj, when = c
    _check(kind in KINDS, path, n, f"unknown kind {kind!r}")
    _check(when in ("always", "mentioned"), path, n, f"'when' must be always or mentioned, not {when!r}")
    return kind, (obj, when == "mentioned")


def _word(path: Path, n: int, c: list[str]) -> tuple[str, str]:
    _check("\t" not in c[0] and " " not in c[0], path, n, f"one word per line: {c[0]!r}")
    return c[0], c[0]


# file name -> (column count, or None for a word list; row parser)
_FILES: dict[str, tuple[int | None, Callable[[Path, int, list[str]], tuple[str, Any]]]] = {
    "numerals.tsv": (3, _numeral),
    "money_parts.tsv": (3, _money_part),
    "units.tsv": (6, _unit),
    "qualifiers.tsv": (5, _qualifier),
    "exclusions.tsv": (3, _exclusion),
    "people_nouns.txt": (None, _word),
    "places.tsv": (3, _place),
    "place_stopwords.txt": (None, _word),
    "programs.txt": (None, _word),
    "program_suffixes.txt": (None, _word),
    "actions.txt": (None, _word),
    "function_words.txt": (None, _word),
    "np_breaks.txt": (None, _word),
    "noun_suffixes.txt": (None, _word),
    "share_verbs.txt": (None, _word),
    "money_nouns.txt": (None, _word),
    "award_verbs.txt": (None, _word),
    "level_verbs.txt": (None, _word),
    "change_verbs.txt": (None, _word),
    "per_units.txt": (None, _word),
    "rate_nouns.txt": (None, _word),
    "clock_units.tsv": (2, _clock_unit),
    "duration_nouns.txt": (None, _word),
    "list_ends.tsv": (2, _list_end),
    "words.txt": (None, _word),
    "default_objects.tsv": (3, _default_object),
    "context.tsv": (3, _cue),
    "authorities.tsv": (3, _authority),
}


def _read_family(name: str, dirs: Iterable[Path]) -> dict[str, Any]:
    """Merge one file family over the directories: later rows with the same key replace earlier."""
    ncols, parse = _FILES[name]
    merged: dict[str, Any] = {}
    found = False
    for directory in dirs:
        path = directory / name
        if not path.exists():
            continue
        found = True
        _, rows = _rows(path, ncols)
        for n, cells in rows:
            key, value = parse(path, n, cells)
            merged[key] = value
    if not found:
        raise RuleError(f"{name}: rule file not found in {', '.join(map(str, dirs))}")
    return merged


@functools.lru_cache(maxsize=8)
def _load(dirs: tuple[Path, ...]) -> RuleSet:
    tables = {name: _read_family(name, dirs) for name in _FILES}
    return RuleSet(
        numerals=tables["numerals.tsv"],
        money_parts=tables["money_parts.tsv"],
        units=tables["units.tsv"],
        qualifiers=tables["qualifiers.tsv"],
        exclusions=tuple(tables["exclusions.tsv"].values()),
        people_nouns=tuple(tables["people_nouns.txt"]),
        places=tables["places.tsv"],
        place_stopwords=frozenset(tables["place_stopwords.txt"]),
        programs=tuple(tables["programs.txt"]),
        program_suffixes=tuple(tables["program_suffixes.txt"]),
        actions=frozenset(tables["actions.txt"]),
        function_words=frozenset(tables["function_words.txt"]),
        np_breaks=frozenset(tables["np_breaks.txt"]),
        noun_suffixes=frozenset(tables["noun_suffixes.txt"]),
        share_verbs=frozenset(tables["share_verbs.txt"]),
        money_nouns=tuple(tables["money_nouns.txt"]),
        award_verbs=tuple(sorted(tables["award_verbs.txt"], key=len, reverse=True)),
        level_verbs=frozenset(tables["level_verbs.txt"]),
        change_verbs=frozenset(tables["change_verbs.txt"]),
        per_units=tuple(tables["per_units.txt"]),
        rate_nouns=frozenset(tables["rate_nouns.txt"]),
        clock_units=tables["clock_units.tsv"],
        duration_nouns=tuple(tables["duration_nouns.txt"]),
        list_ends=tables["list_ends.tsv"],
        words=tuple(tables["words.txt"]),
        default_objects=tables["default_objects.tsv"],
        cues={t: tuple(c.pattern for c in tables["context.tsv"].values() if c.kind == t) for t in CUE_TYPES},
        authorities=tuple(tables["authorities.tsv"].values()),
        sources=dirs,
    )


def load_rules(extra: str | Path | None = None) -> RuleSet:
    """The shipped rules, with the files in ``extra`` (if given) added on top; cached."""
    dirs = [_default_dir()]
    if extra is not None:
        extra_dir = Path(extra)
        if not extra_dir.is_dir():
            raise RuleError(f"{extra_dir}: not a directory of rule files")
        dirs.append(extra_dir.resolve())
    return _load(tuple(dirs))
