"""Cheaper tools measured on the exact inputs gongextract gives its own (run by ``bench/stages.py --tools``).

- jieba vs rjieba (jieba-rs): every window attribution segments is recorded during extract(); both
  segmenters, with the same compact dictionary and rule words, cut them; same words? time?
- places.mentions (a stdlib regex alternation plus a county-suffix scan) vs Aho-Corasick automata
  (pyahocorasick, ahocorasick-rs) on every call extract() makes: same (position, province)? time?

rjieba, pyahocorasick and ahocorasick-rs are not dependencies of the package: install them to run this
(``pip install rjieba pyahocorasick ahocorasick-rs``); a missing one is reported and skipped.

>>> recorded = record(["建成职工书屋12家"])
>>> sorted(recorded)
['mentions', 'segment']
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from stages import best


def record(texts: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """The arguments of every segment() and mentions() call made while extracting ``texts``."""
    from gongextract import attribution, document, extract, load_rules

    rules = load_rules()
    calls: dict[str, list[tuple[Any, ...]]] = {"segment": [], "mentions": []}
    originals = {(m, name): getattr(m, name) for m in (attribution, document) for name in calls if hasattr(m, name)}

    def recorder(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any) -> Any:
            calls[name].append(args[:-1])  # without the rule set
            return fn(*args)

        return wrapped

    for (module, name), fn in originals.items():
        setattr(module, name, recorder(name, fn))
    try:
        for t in texts:
            extract(t, rules=rules)
    finally:
        for (module, name), fn in originals.items():
            setattr(module, name, fn)
    return calls


def _rjieba(rules: Any) -> tuple[Any, float]:
    """An rjieba tokenizer with the package's compact dictionary and rule words, and its build time."""
    import rjieba

    from gongextract import segment as seg

    start = time.perf_counter()
    tok = rjieba.Jieba.empty()
    known = set()  # as segment._tokenizer: a verb or noun is added only when the dictionary lacks it
    with seg._compact_dictionary(seg._cache_dir()).open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            tok.add_word(parts[0], int(parts[1]), parts[2] if len(parts) > 2 else None)
            known.add(parts[0])
    for word in (*rules.programs, *rules.words):
        tok.add_word(word, seg._USER_FREQ, None)
        known.add(word)
    for word in (*rules.actions, *rules.level_verbs, *rules.people_nouns, *rules.money_nouns):
        if len(word) > 1 and word not in known:
            tok.add_word(word, seg._USER_FREQ, None)
    return tok, time.perf_counter() - start


def compare_segmenters(windows: list[str], repeats: int) -> dict[str, Any]:
    from gongextract import load_rules
    from gongextract.segment import segment

    rules = load_rules()
    try:
        tok, build = _rjieba(rules)
    except ImportError:
        print("  rjieba not installed (pip install rjieba): segmenter comparison skipped")
        return {}
    unique = sorted(set(windows))
    differ = [(w, segment(w, rules), tok.cut(w, False)) for w in unique if segment(w, rules) != tok.cut(w, False)]
    t_jieba = best(lambda: [segment(w, rules) for w in windows], repeats)
    t_rjieba = best(lambda: [tok.cut(w, False) for w in windows], repeats)
    chars = sum(map(len, windows))
    print(
        f"  segment windows: {len(windows):,} calls ({len(unique):,} distinct), {chars:,} chars, "
        f"mean {chars / max(len(windows), 1):.1f} chars"
    )
    print(f"    jieba  {t_jieba:.4f} s  {t_jieba / len(windows) * 1e6:6.1f} µs/call")
    print(
        f"    rjieba {t_rjieba:.4f} s  {t_rjieba / len(windows) * 1e6:6.1f} µs/call  (x{t_jieba / t_rjieba:.1f});"
        f" dictionary built in {build:.2f} s"
    )
    print(f"    different segmentation on {len(differ)} of {len(unique)} distinct windows")
    for w, a, b in differ[:8]:
        print(f"      {w!r}: jieba {'/'.join(a)}  rjieba {'/'.join(b)}")
    return {
        "calls": len(windows),
        "distinct": len(unique),
        "jieba_s": t_jieba,
        "rjieba_s": t_rjieba,
        "rjieba_build_s": build,
        "differ": len(differ),
    }


def _automata(rules: Any) -> dict[str, Callable[[str, int, int], list[tuple[int, str]]]]:
    """mentions() re-implemented on each Aho-Corasick library installed: leftmost-longest
    non-overlapping major names, plus for each end position the longest county name ending there."""
    names = [n for n in rules.places if n not in rules.place_stopwords]
    major = [n for n in names if rules.places[n][1] != "county"]
    counties = [n for n in names if rules.places[n][1] == "county"]
    found: dict[str, Callable[[str, int, int], list[tuple[int, str]]]] = {}
    try:
        import ahocorasick

        a_major, a_county = ahocorasick.Automaton(), ahocorasick.Automaton()
        for n in major:
            a_major.add_word(n, n)
        for n in counties:
            a_county.add_word(n, n)
        a_major.make_automaton()
        a_county.make_automaton()

        def py_ac(text: str, start: int, end: int) -> list[tuple[int, str]]:
            hits = {e - len(n) + 1: n for e, n in a_major.iter_long(text, start, end)}
            longest: dict[int, str] = {}
            for e, n in a_county.iter(text, start, end):
                if len(n) > len(longest.get(e, "")):
                    longest[e] = n
            for e, n in longest.items():
                hits[e - len(n) + 1] = n
            return [(p, rules.places[n][0]) for p, n in sorted(hits.items())]

        found["pyahocorasick"] = py_ac
    except ImportError:
        print("  pyahocorasick not installed (pip install pyahocorasick): skipped")
    try:
        import ahocorasick_rs as rs

        r_major = rs.AhoCorasick(major, matchkind=rs.MatchKind.LeftmostLongest)
        r_county = rs.AhoCorasick(counties)

        def rs_ac(text: str, start: int, end: int) -> list[tuple[int, str]]:
            part = text[start:end] if start or end < len(text) else text
            hits = {start + s: major[i] for i, s, _ in r_major.find_matches_as_indexes(part)}
            longest: dict[int, int] = {}  # end -> start of the longest county name ending there
            for _, s, e in r_county.find_matches_as_indexes(part, overlapping=True):
                if s < longest.get(e, e):
                    longest[e] = s
            for e, s in longest.items():
                hits[start + s] = part[s:e]
            return [(p, rules.places[n][0]) for p, n in sorted(hits.items())]

        found["ahocorasick-rs"] = rs_ac
    except ImportError:
        print("  ahocorasick-rs not installed (pip install ahocorasick-rs): skipped")
    return found


def compare_places(calls: list[tuple[str, int, int]], extra: list[str], repeats: int) -> dict[str, Any]:
    """Each matcher on the recorded calls, then on whole texts (``extra``, e.g. the huge document)."""
    from gongextract import load_rules
    from gongextract.places import mentions

    rules = load_rules()
    result: dict[str, Any] = {}
    chars = sum(e - s for _, s, e in calls)
    print(f"  mentions calls: {len(calls):,}, {chars:,} chars searched")
    t_re = best(lambda: [mentions(t, s, e, rules) for t, s, e in calls], repeats)
    print(f"    re alternation {t_re:.4f} s  {chars / t_re:12,.0f} chars/s")
    whole = [(t, 0, len(t)) for t in extra]
    t_re_whole = best(lambda: [mentions(*c, rules) for c in whole], max(1, repeats // 3))
    for name, fn in _automata(rules).items():
        wrong = [c for c in calls + whole if fn(*c) != mentions(*c, rules)]
        t = best(lambda fn=fn: [fn(*c) for c in calls], repeats)
        t_whole = best(lambda fn=fn: [fn(*c) for c in whole], max(1, repeats // 3))
        print(
            f"    {name:<14} {t:.4f} s  {chars / t:12,.0f} chars/s (x{t_re / t:.1f}); "
            f"whole texts x{t_re_whole / t_whole:.1f}; different results on {len(wrong)} of {len(calls + whole)}"
        )
        for text, s, e in wrong[:3]:
            print(
                f"      {text[s : min(e, s + 60)]!r}: re {mentions(text, s, e, rules)[:4]} {name} {fn(text, s, e)[:4]}"
            )
        result[name] = {"seconds": t, "speedup": t_re / t, "whole_speedup": t_re_whole / t_whole, "wrong": len(wrong)}
    whole_chars = sum(map(len, extra))
    print(f"    whole texts ({whole_chars:,} chars): re alternation {whole_chars / t_re_whole:,.0f} chars/s")
    result["re_seconds"] = t_re
    return result


def swapped(texts: list[str], repeats: int) -> dict[str, float]:
    """extract() over ``texts`` with rjieba and/or ahocorasick-rs swapped in: CPU seconds, and
    whether every record is the same as with the package's own tools."""
    from gongextract import attribution, document, extract, load_rules

    rules = load_rules()
    swaps: dict[str, dict[tuple[Any, str], Callable[..., Any]]] = {"package": {}}
    try:
        tok, _ = _rjieba(rules)
        swaps["rjieba"] = {(attribution, "segment"): lambda text, _rules: tok.cut(text, False)}
    except ImportError:
        pass
    rs = _automata(rules).get("ahocorasick-rs")
    if rs is not None:
        by_rs = {(m, "mentions"): (lambda t, s, e, _rules: rs(t, s, e)) for m in (attribution, document)}
        swaps["ahocorasick-rs"] = by_rs
    if len(swaps) == 3:
        swaps["both"] = {**swaps["rjieba"], **swaps["ahocorasick-rs"]}
    expected = [[c.to_dict() for c in extract(t, rules=rules)] for t in texts]
    result = {}
    for name, patch in swaps.items():
        saved = {key: getattr(*key) for key in patch}
        for (module, attr), fn in patch.items():
            setattr(module, attr, fn)
        try:
            same = [[c.to_dict() for c in extract(t, rules=rules)] for t in texts] == expected
            result[name] = best(lambda: [extract(t, rules=rules) for t in texts], repeats)
        finally:
            for (module, attr), fn in saved.items():
                setattr(module, attr, fn)
        gain = result["package"] / result[name]
        print(f"    extract() with {name:<15} {result[name]:.4f} s  x{gain:.2f}  same records: {same}")
    return result


def compare_tools(texts: list[str], repeats: int) -> dict[str, Any]:
    from stages import huge_text

    print("\ntools, on the inputs extract() gives them over both corpora:")
    calls = record(texts)
    return {
        "segment": compare_segmenters([c[0] for c in calls["segment"]], repeats),
        "places": compare_places(calls["mentions"], [*texts, huge_text(3_300_000)], repeats),
        "extract": swapped(texts * 3, repeats),
    }
