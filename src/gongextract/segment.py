"""Word segmentation of small windows around numbers, with a private jieba tokenizer built once.

jieba's full dictionary takes about 0.7 s to load. Windows of union news need far less: the
tokenizer here loads jieba's words of frequency 50 or more (about 52,000 of 349,000, 0.1 s), plus
the project's own programme names, verbs and nouns so they never split. The compact dictionary is
written once to a cache folder (``$GONGEXTRACT_CACHE``, else the user cache, else the temp folder).

>>> from gongextract.rules import load_rules
>>> segment("全省累计建成职工书屋", load_rules())
['全省', '累计', '建成', '职工书屋']
"""

from __future__ import annotations

import functools
import importlib
import logging
import math
import os
import string
import sys
import tempfile
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

from .rules import RuleSet

_MIN_FREQ = 50
_USER_FREQ = 100000  # high enough that a rule word wins over any split of it


def _cache_dir() -> Path:
    for candidate in (os.environ.get("GONGEXTRACT_CACHE"), os.environ.get("XDG_CACHE_HOME"), "~/.cache"):
        if candidate:
            path = Path(candidate).expanduser() / "gongextract"
            try:
                path.mkdir(parents=True, exist_ok=True)
                if os.access(path, os.W_OK):
                    return path
            except OSError:
                continue
    return Path(tempfile.gettempdir())


_FIRST_USE = threading.RLock()  # a worker's threads (Dask's, say) may all ask for the tokenizer at once


@functools.lru_cache(maxsize=1)
def _jieba() -> ModuleType:
    """Import jieba on first use. jieba asks pkg_resources (60 ms to import) only for the path of
    its own files and falls back to a plain path without it, so it is hidden during the import."""
    with _FIRST_USE:
        saved = sys.modules.get("pkg_resources")
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
        try:
            return importlib.import_module("jieba")
        finally:
            if saved is None:
                del sys.modules["pkg_resources"]
            else:
                sys.modules["pkg_resources"] = saved


def _compact_dictionary(folder: Path) -> Path:
    """jieba's dictionary without its rare words, written once per jieba version."""
    jieba = _jieba()
    target = folder / f"jieba-{jieba.__version__}-min{_MIN_FREQ}.txt"
    if target.exists():
        return target
    source = Path(str(jieba.__file__)).with_name("dict.txt")
    kept = []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and int(parts[1]) >= _MIN_FREQ:
                kept.append(line)
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_text("".join(kept), encoding="utf-8")
    os.replace(partial, target)  # atomic: a concurrent worker sees the whole file or none
    return target


def _tokenizer(rules: RuleSet) -> Any:
    return _segmenter(rules).tokenizer


def _segmenter(rules: RuleSet) -> _Segmenter:
    with _FIRST_USE:  # built once, whichever thread asks first
        return _build_segmenter(rules)


@functools.lru_cache(maxsize=4)
def _build_segmenter(rules: RuleSet) -> _Segmenter:
    return _Segmenter(_build_tokenizer(rules))


def _build_tokenizer(rules: RuleSet) -> Any:
    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)
    folder = _cache_dir()
    tokenizer = jieba.Tokenizer(str(_compact_dictionary(folder)))
    tokenizer.tmp_dir = str(folder)
    tokenizer.initialize()
    for word in (*rules.programs, *rules.words):
        tokenizer.add_word(word, _USER_FREQ)
    for word in (*rules.actions, *rules.level_verbs, *rules.people_nouns, *rules.money_nouns):  # 推进建设, 慰问金
        if len(word) > 1 and not tokenizer.FREQ.get(word):
            tokenizer.add_word(word, _USER_FREQ)
    return tokenizer


_ASCII_WORD = frozenset(string.ascii_letters + string.digits)  # single ones jieba joins into a word
_PREFIX = 1.0  # the score of a prefix of words that is no word itself (frequency 0); a word's is below 0


class _Segmenter:
    """jieba's ``Tokenizer.cut(text, HMM=False)``, the same words by the same sums on the same
    dictionary, about twice as quick: each word's log frequency less the log of the total (what
    jieba's ``calc`` works out again for every candidate word) is read once into one table, and
    jieba's graph of candidate words is walked as it is found instead of stored as dicts."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        jieba = _jieba()
        self.blocks, self.skips = jieba.re_han_default, jieba.re_skip_default  # how jieba cuts text into blocks
        log_total = math.log(tokenizer.total)
        self.unknown = math.log(1) - log_total  # a character no word starts with: jieba's frequency 1
        self.scores = {w: math.log(f) - log_total if f else _PREFIX for w, f in tokenizer.FREQ.items()}

    def cut(self, text: str) -> list[str]:
        words: list[str] = []
        for block in self.blocks.split(text):
            if not block:
                continue
            if self.blocks.match(block):
                self._cut_block(block, words)
                continue
            for part in self.skips.split(block):
                if self.skips.match(part):
                    words.append(part)
                else:
                    words.extend(part)  # one character at a time, as jieba yields them
        return words

    def _cut_block(self, block: str, words: list[str]) -> None:
        """The most likely words of ``block`` (jieba's ``get_DAG``, ``calc`` and ``__cut_DAG_NO_HMM``);
        a run of single ASCII letters and digits is joined into one word."""
        scores, n = self.scores, len(block)
        best: list[tuple[float, int]] = [(0, 0)] * (n + 1)  # best[k]: (score, end of the first word) of block[k:]
        for k in range(n - 1, -1, -1):
            choice: tuple[float, int] | None = None
            i, word = k, block[k]
            while i < n and (score := scores.get(word)) is not None:
                if score != _PREFIX:
                    total = score + best[i + 1][0]
                    if choice is None or total >= choice[0]:  # ties: the longer word, as jieba's max()
                        choice = (total, i)
                i += 1
                word = block[k : i + 1]
            best[k] = choice or (self.unknown + best[k + 1][0], k)
        start, letters = 0, ""
        while start < n:
            end = best[start][1] + 1
            word = block[start:end]
            if end - start == 1 and word in _ASCII_WORD:
                letters += word
            else:
                if letters:
                    words.append(letters)
                    letters = ""
                words.append(word)
            start = end
        if letters:
            words.append(letters)


def segment(text: str, rules: RuleSet) -> list[str]:
    """Words of a short window of normalised text (never a whole article)."""
    return _segmenter(rules).cut(text)


def head_noun(phrase: str, rules: RuleSet) -> str:
    """The head of a noun phrase: its last word, or for a project word (kept whole by the rules) the
    longest ending jieba itself knows: 工会户外劳动者服务站点 → 站点."""
    words = segment(phrase, rules)
    last = words[-1] if words else phrase
    freq = _tokenizer(rules).FREQ
    if freq.get(last, 0) < _USER_FREQ:
        return last
    return next((last[i:] for i in range(1, len(last) - 1) if 0 < freq.get(last[i:], 0) < _USER_FREQ), last)


@functools.lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """Part of speech of the words of jieba's compact dictionary (its third column: v, vn, n …), read
    once per process when a claim first asks (a verb ending the phrase after a count, a count of
    hours). jieba does not read this text when the tokenizer loads (it loads its own cache of the
    frequencies), so no earlier read holds the tags; a marshal cache of them would load in 11 ms
    against 21-26 ms here."""
    with _compact_dictionary(_cache_dir()).open(encoding="utf-8") as fh:
        return {parts[0]: parts[2] for line in fh if len(parts := line.split()) > 2}


def tag(word: str) -> str:
    """jieba's part of speech for ``word`` (v a verb, vn a verb used as a noun: 工作; "" unknown)."""
    return _tags().get(word, "")
