"""Where gongextract's time goes: µs per claim for each stage, the floor beside it, one huge document.

usage: python bench/stages.py [--repeats 7] [--huge-chars 3300000] [--no-huge] [--tools] [--profile]

For each corpus (../shared/corpus, the dense development articles, and ../shared/wider/corpus) it
prints one row per stage, each the fastest of --repeats runs over the whole corpus (the VM has two
cores shared with other work: load only ever slows a run):

- decode: reading the corpus as JSONL bytes (gongextract.sources.read_jsonl);
- normalise, find_quantities, read_layout: each stage alone on the same texts (read_layout around
  the quantities found, as extract() calls it);
- attribution: the rest of extract() (full run less the three stages above); of it, the time inside
  attribution.attribute() and inside jieba (segment());
- jsonl, csv: rendering the records (gongextract.output.render);
- floor: OpenCC t2s plus one compiled regex pass, the speed no extractor beats;
- extract() cold: one pass over the corpus in a fresh process (the fastest of --repeats processes).
  The rows above read the same texts many times, so caches keyed on text (the candidates of a
  pattern index, a name's marks) are warm; a user's new articles meet them cold.

Columns: seconds, µs per claim, characters per second if that stage ran alone, share of the total.

Then the huge document: a statistical table pasted as text (~3.3 M characters, ~300,000 claims),
extracted in a fresh subprocess at a tenth, a third and the whole size (time and peak RSS, and peak
RSS after rendering its JSONL as the CLI does): time should grow linearly.

--tools compares cheaper tools on the exact inputs the package gives them (needs rjieba and
pyahocorasick; they are not dependencies of the package): jieba vs rjieba on every window
attribution segments, and places.mentions vs an Aho-Corasick automaton on every call.
--profile prints a cProfile of extract() over both corpora: top 25 functions by own time, and own
time summed by module.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {"dev": ROOT.parent / "shared" / "corpus", "wider": ROOT.parent / "shared" / "wider" / "corpus"}


def articles(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def best(run: Callable[[], object], repeats: int) -> float:
    """The least CPU time of ``repeats`` runs: this process's CPU seconds, which other work on the
    machine does not add to (wall time here is often twice the CPU time), and the fastest run."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def floor_seconds(texts: list[str], repeats: int) -> float:
    """OpenCC t2s plus one compiled regex pass over ``texts`` (as bench/benchmark.py's floor)."""
    import opencc
    import regex

    convert = opencc.OpenCC("t2s").convert
    pattern = regex.compile(r"\d+(?:\.\d+)?[万亿]?[家个名人元]")
    return best(lambda: [sum(1 for _ in pattern.finditer(convert(t))) for t in texts], repeats)


def seconds_inside(module: Any, name: str, texts: list[str], rules: Any, repeats: int) -> float:
    """CPU seconds spent inside ``module.name`` (a function other modules call by that name)
    during full extract() runs over ``texts``, the least of ``repeats``."""
    from gongextract import extract

    spent = []
    original = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        out = original(*args, **kwargs)
        spent[-1] += time.process_time() - start
        return out

    setattr(module, name, timed)
    try:
        for _ in range(repeats):
            spent.append(0.0)
            for t in texts:
                extract(t, rules=rules)
    finally:
        setattr(module, name, original)
    return min(spent)


def stages(texts: list[str], repeats: int) -> tuple[dict[str, float], int, int]:
    """Seconds per stage over ``texts``, the number of claims and of characters."""
    from gongextract import attribution, claims, extract, load_rules
    from gongextract.document import read_layout
    from gongextract.normalize import normalize
    from gongextract.output import Format, render
    from gongextract.quantities import find_quantities
    from gongextract.sources import read_jsonl

    rules = load_rules()
    extract(texts[0], rules=rules)  # warm: rules, tokenizer, compiled patterns
    jsonl = b"".join(
        json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False).encode() + b"\n" for i, t in enumerate(texts)
    )
    clean = [normalize(t).text for t in texts]
    spans = [[(q.start, q.end) for q in find_quantities(c, rules)] for c in clean]  # as extract() reads them
    results = [extract(t, rules=rules) for t in texts]
    s: dict[str, float] = {}
    s["decode"] = best(lambda: list(read_jsonl(io.BytesIO(jsonl), "bench.jsonl")), repeats)
    s["normalise"] = best(lambda: [normalize(t) for t in texts], repeats)
    s["find_quantities"] = best(lambda: [find_quantities(c, rules) for c in clean], repeats)
    s["read_layout"] = best(lambda: [read_layout(c, rules, q) for c, q in zip(clean, spans, strict=True)], repeats)
    full = best(lambda: [extract(t, rules=rules) for t in texts], repeats)
    s["attribution"] = full - s["normalise"] - s["find_quantities"] - s["read_layout"]
    s["  attribute()"] = seconds_inside(claims, "attribute", texts, rules, repeats)
    s["  jieba"] = seconds_inside(attribution, "segment", texts, rules, repeats)
    s["jsonl"] = best(lambda: [render(r, Format.jsonl) for r in results], repeats)
    s["csv"] = best(lambda: [render(r, Format.csv) for r in results], repeats)
    s["floor"] = floor_seconds(texts, repeats)
    s["extract()"] = full
    return s, sum(map(len, results)), sum(map(len, texts))


def cold_child(folder: str) -> None:
    """In a fresh process: CPU seconds of one extract() pass over the articles in ``folder``."""
    from gongextract import extract, load_rules

    rules = load_rules()
    extract("建成职工书屋12家，惠及职工3000人。", rules=rules)  # rules and tokenizer loaded, caches empty
    texts = articles(Path(folder))
    start = time.process_time()
    for t in texts:
        extract(t, rules=rules)
    print(time.process_time() - start)


def cold_seconds(folder: Path, repeats: int) -> float:
    cmd = [sys.executable, __file__, "--cold-child", str(folder)]
    runs = [subprocess.run(cmd, capture_output=True, text=True, check=True) for _ in range(repeats)]
    return min(float(r.stdout.split()[-1]) for r in runs)


def report_stages(name: str, texts: list[str], repeats: int, copies: int) -> dict[str, Any]:
    s, claims, chars = stages(texts, repeats)
    s["extract() cold"] = cold_seconds(CORPORA[name], repeats) * copies  # per claim as the rows above
    path = s["decode"] + s["extract()"] + s["jsonl"]
    print(
        f"\n{name}: {len(texts)} documents, {chars:,} characters, {claims:,} claims ({chars / claims:.1f} chars/claim)"
    )
    print(f"  {'stage':<16}{'seconds':>9}{'µs/claim':>10}{'chars/s alone':>15}{'share':>7}")
    for stage, sec in s.items():
        if not sec:  # a compiled build (mypyc) calls across modules directly: nothing to intercept
            print(f"  {stage:<16}{'n/a':>9}")
            continue
        share = f"{sec / path:6.0%}" if stage not in ("floor", "csv", "extract()", "extract() cold") else ""
        print(f"  {stage:<16}{sec:9.4f}{sec / claims * 1e6:10.1f}{chars / sec:15,.0f} {share}")
    print(
        f"  whole path (decode + extract + jsonl): {chars / path:,.0f} chars/s, {path / claims * 1e6:.1f} µs/claim;"
        f" floor/whole = x{path / s['floor']:.1f}"
    )
    return {
        "chars": chars,
        "claims": claims,
        **{k.strip(): round(v / claims * 1e6, 2) for k, v in s.items() if v},
        "whole_cps": round(chars / path),
        "floor_cps": round(chars / s["floor"]),
    }


# The huge document: rows of a statistical table pasted as text, three figures a row.
_ROW = "{place}{n}号 {year}年 书屋{a}家 站{b}个 职工{c}.{d}万人\n"
_PLACES = ["某市", "某县", "城区", "新区", "东区", "西区", "南区", "北区"]


def huge_text(chars: int) -> str:
    rows, total, i = [], 0, 0
    while total < chars:
        row = _ROW.format(
            place=_PLACES[i % 8], n=i % 1000, year=2019 + i % 6, a=100 + i % 9000, b=10 + i % 97, c=1 + i % 40, d=i % 10
        )
        rows.append(row)
        total += len(row)
        i += 1
    return "".join(rows)


def blocks(text: str, size: int = 65_536) -> list[tuple[int, str]]:
    """``text`` cut after a line break about every ``size`` characters, with each piece's offset."""
    pieces, start = [], 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss (the
    fallback) keeps the parent's peak at fork time, which would hide a smaller child's."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def huge_child(chars: int, blocked: bool) -> None:
    """In a fresh process: extract() one huge document and render its JSONL, whole or a block of
    lines at a time (each block's records written out and dropped: a stream); print figures."""
    from gongextract import extract, load_rules
    from gongextract.output import Format, render

    rules = load_rules()
    extract("建成职工书屋12家", rules=rules)
    text = huge_text(chars)
    rss = [peak_rss_mb()]
    start, wall = time.process_time(), time.perf_counter()
    if blocked:
        count = size = 0
        render_s = 0.0
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for _offset, block in blocks(text):
                claims = extract(block, rules=rules)
                mark = time.process_time()
                rendered, n = render(claims, Format.jsonl)
                render_s += time.process_time() - mark
                sink.write(rendered)
                count, size = count + n, size + len(rendered.encode())
        seconds, wall = time.process_time() - start - render_s, time.perf_counter() - wall
        rss += [peak_rss_mb()] * 2  # extract and render alternate: one peak
    else:
        claims = extract(text, rules=rules)
        seconds, wall = time.process_time() - start, time.perf_counter() - wall
        rss.append(peak_rss_mb())
        start = time.process_time()
        rendered, count = render(claims, Format.jsonl)
        render_s, size = time.process_time() - start, len(rendered.encode())
        rss.append(peak_rss_mb())
    print(
        json.dumps(
            {
                "chars": len(text),
                "claims": count,
                "seconds": seconds,
                "wall": wall,
                "render_s": render_s,
                "rss_base_mb": rss[0],
                "rss_extract_mb": rss[1],
                "rss_render_mb": rss[2],
                "jsonl_mb": size / 1e6,
            }
        )
    )


def same_in_blocks(chars: int) -> bool:
    """Whether extracting the huge document a block of lines at a time gives the whole run's records."""
    from gongextract import extract

    text = huge_text(chars)
    whole = [c.to_dict() for c in extract(text)]
    parts = []
    for offset, block in blocks(text):
        for c in extract(block):
            parts.append({**c.to_dict(), "start": c.start + offset, "end": c.end + offset})
    return parts == whole


def report_huge(chars: int) -> list[dict[str, Any]]:
    print(f"\nhuge document (table rows, e.g. {huge_text(1).strip()!r}), fresh process each;")
    print("peak RSS at start, after extract(), after rendering JSONL (CPU seconds; 'blocks': 64k-character")
    print(
        f"blocks of lines, each block's records written out and dropped; same records: {same_in_blocks(chars // 10)})"
    )
    print(
        f"  {'run':<7}{'chars':>10}{'claims':>9}{'extract s':>11}{'µs/claim':>9}{'chars/s':>11}"
        f"{'RSS base':>10}{'+extract':>10}{'+jsonl':>8}{'jsonl MB':>10}"
    )
    rows = []
    for mode in ("whole", "blocks"):
        for size in (chars // 10, chars // 3, chars):
            cmd = [sys.executable, __file__, "--huge-child", str(size)] + (["--blocks"] if mode == "blocks" else [])
            r = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            rows.append({"mode": mode, **r})
            print(
                f"  {mode:<7}{r['chars']:>10,}{r['claims']:>9,}{r['seconds']:>11.2f}"
                f"{r['seconds'] / r['claims'] * 1e6:>9.1f}{r['chars'] / r['seconds']:>11,.0f}"
                f"{r['rss_base_mb']:>8.0f}MB{r['rss_extract_mb']:>8.0f}MB{r['rss_render_mb']:>6.0f}MB"
                f"{r['jsonl_mb']:>10.1f}"
            )
        print(
            f"  {mode}: time x{rows[-1]['seconds'] / rows[-3]['seconds']:.1f} for "
            f"x{rows[-1]['chars'] / rows[-3]['chars']:.0f} size"
        )
    return rows


def profile(texts: list[str]) -> None:
    from gongextract import extract, load_rules

    rules = load_rules()
    extract(texts[0], rules=rules)
    prof = cProfile.Profile()
    prof.runcall(lambda: [extract(t, rules=rules) for t in texts])
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # type: ignore[attr-defined]
    print(f"\ncProfile of extract() over both corpora: {total:.3f} s own time in all (profiler overhead included)")
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)  # type: ignore[attr-defined]
    print(f"  {'tottime':>8}{'share':>7}{'calls':>9}  function")
    for (path, line, func), (_cc, calls, tt, _ct, _callers) in rows[:25]:
        print(f"  {tt:8.3f}{tt / total:7.1%}{calls:9,}  {module_of(path)}:{line}:{func}")
    by_module: dict[str, float] = defaultdict(float)
    for (path, _line, func), (_cc, _calls, tt, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        by_module[module_of(path) if path != "~" else builtin_owner(func)] += tt
    print("  own time by module:")
    for name, tt in sorted(by_module.items(), key=lambda kv: kv[1], reverse=True)[:15]:
        print(f"  {tt:8.3f}{tt / total:7.1%}  {name}")


def module_of(path: str) -> str:
    m = re.search(r"(gongextract|jieba|regex|opencc|json|csv|re|enum|dataclasses|decimal|bisect)[/\\]([\w/\\]+)?", path)
    if "site-packages" in path or "/src/" in path:
        tail = re.split(r"site-packages[/\\]|/src/", path)[-1]
        return tail.removesuffix(".py").replace("/", ".")
    return m.group(0).removesuffix(".py") if m else Path(path).stem


def builtin_owner(func: str) -> str:
    """Builtins are grouped by what they belong to: regex engines, str methods, the rest."""
    for key in ("_regex.Pattern", "re.Pattern", "_sre", "opencc", "str", "list", "dict", "decimal.Decimal"):
        if key in func:
            return f"<built-in {key}>"
    return "<built-in other>"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=7, help="timed runs per figure, the fastest kept (default 7)")
    ap.add_argument("--copies", type=int, default=3, help="each corpus is read this many times a run (default 3)")
    ap.add_argument("--huge-chars", type=int, default=3_300_000, help="size of the huge document")
    ap.add_argument("--no-huge", action="store_true", help="skip the huge document")
    ap.add_argument("--tools", action="store_true", help="compare jieba/rjieba and the places matchers")
    ap.add_argument("--profile", action="store_true", help="cProfile extract() over both corpora")
    ap.add_argument("--huge-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--cold-child", help=argparse.SUPPRESS)
    ap.add_argument("--blocks", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.huge_child:
        huge_child(args.huge_child, args.blocks)
        return
    if args.cold_child:
        cold_child(args.cold_child)
        return
    import gongextract

    print(f"Python {sys.version.split()[0]}, gongextract from {Path(gongextract.__file__).parent}")
    corpora = {name: articles(folder) for name, folder in CORPORA.items() if folder.is_dir()}
    result: dict[str, Any] = {}
    for name, texts in corpora.items():
        result[name] = report_stages(name, texts * args.copies, args.repeats, args.copies)
    if not args.no_huge:
        result["huge"] = report_huge(args.huge_chars)
    if args.tools:
        from tools_compare import compare_tools  # bench/tools_compare.py, beside this file

        result["tools"] = compare_tools([t for texts in corpora.values() for t in texts], args.repeats)
    if args.profile:
        profile([t for texts in corpora.values() for t in texts] * args.copies)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
