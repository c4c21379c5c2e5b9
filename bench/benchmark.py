"""Measure gongextract: throughput, parallel speed-up, memory, start-up, and the floor it is held to.

usage: python bench/benchmark.py [--size-mb 20] [--jobs 2] [--dask] [--repeat 1] [--sweep] [--keep DIR]

It builds a JSONL corpus of about --size-mb megabytes from the articles it has (../shared/corpus
when present, else samples/), then reports in one run:

- end-to-end characters per second of the installed CLI, single process and with --jobs N,
  and the peak resident memory of each run (its largest process); with --dask, also
  `--dask local --jobs N` (a LocalCluster of N worker processes) writing -o DIR/ parts, with and
  without the cluster's start-up (timed apart, on one sample article); --repeat N takes the fastest
  of N rounds in which the modes take turns;
- in process: the core (normalise + find quantities) and the full extractor, so the share that
  attribution adds is visible, and the part of it spent in jieba (each the fastest of five runs,
  as is the floor: this VM's neighbours make single runs vary by a third);
- start-up: the CLI on one small sample article, median of five runs;
- the floor: OpenCC t2s plus one compiled regex pass over the same text, and the ratio of the
  tool's speed to it.

--sweep also times the extractor on hostile inputs of growing size (digit runs, runs of numerals,
quote marks, one long line): time should grow linearly, never faster.
The last line is a JSON object with every figure, for scripts.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
_REPEATS = 5  # in-process timings: the fastest of this many runs


def _articles() -> list[str]:
    folder = SHARED if SHARED.is_dir() else ROOT / "samples"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def build_corpus(path: Path, size_mb: float) -> tuple[int, int]:
    """Write a JSONL corpus of about ``size_mb`` MB; return (documents, characters)."""
    articles = _articles()
    target = size_mb * 1024 * 1024
    written = docs = chars = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            text = articles[docs % len(articles)]
            line = json.dumps({"id": f"doc{docs}", "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            docs += 1
            chars += len(text)
    return docs, chars


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("gongextract")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "gongextract"]


def run_cli(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB, largest process) and CPU seconds (every process of it: workers
    too) of one CLI run, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([*_cli(), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, max(after.ru_maxrss, before.ru_maxrss) / 1024, cpu


def in_process(texts: list[str]) -> dict[str, float]:
    """Characters per second of the core alone and of the full extractor, in this process."""
    from gongextract import extract, load_rules
    from gongextract.normalize import normalize
    from gongextract.quantities import find_quantities

    rules = load_rules()
    extract(texts[0], rules=rules)  # warm: rules, tokenizer
    chars = sum(map(len, texts))
    core = _best(lambda: [find_quantities(normalize(text).text, rules) for text in texts])
    full = _best(lambda: [extract(text, rules=rules) for text in texts])
    return {
        "core_cps": chars / core,
        "full_cps": chars / full,
        "attribution_adds": (full - core) / core,
        "jieba_adds": _jieba_seconds(texts, rules) / core,
    }


def _jieba_seconds(texts: list[str], rules: Any) -> float:
    """Seconds spent in jieba (segmenting each claim's windows) in a full run, the least of five."""
    from gongextract import attribution, extract

    spent = [0.0]
    namespace = vars(attribution)  # the name attribution calls, replaced by a timed one for these runs
    original = namespace["segment"]

    def timed(text: str, rule_set: Any) -> list[str]:
        start = time.perf_counter()
        words: list[str] = original(text, rule_set)
        spent[-1] += time.perf_counter() - start
        return words

    namespace["segment"] = timed
    try:
        for _ in range(_REPEATS):
            [extract(text, rules=rules) for text in texts]
            spent.append(0.0)
    finally:
        namespace["segment"] = original
    return min(spent[:-1])


def _best(run: Callable[[], object], repeats: int = _REPEATS) -> float:
    """The fastest of ``repeats`` timed runs: other load on the machine only ever slows a run."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def floor(texts: list[str]) -> float:
    """Characters per second of OpenCC t2s plus one regex pass: the speed no extractor beats."""
    import opencc
    import regex

    converter = opencc.OpenCC("t2s")
    pattern = regex.compile(r"\d+(?:\.\d+)?[万亿]?[家个名人元]")
    chars = sum(map(len, texts))
    return chars / _best(lambda: [sum(1 for _ in pattern.finditer(converter.convert(text))) for text in texts])


def end_to_end(corpus: Path, folder: Path, jobs: int, dask: bool, repeat: int) -> list[tuple[float, float, float]]:
    """(seconds, peak MB, CPU seconds) of the CLI with 1 process, with ``jobs``, and (``dask``)
    ``--dask local`` writing parts: the fastest of ``repeat`` rounds, the modes taking turns so that
    each meets the same spells of load from the machine's neighbours."""
    rounds = []
    for n in range(repeat):
        commands = [["-q", "--jobs", "1", str(corpus)], ["-q", "--jobs", str(jobs), str(corpus)]]
        if dask:
            parts = f"{folder / f'parts{n}'}/"  # a fresh folder each round: one holding parts is refused
            commands.append(["-q", "--dask", "local", "--jobs", str(jobs), "-o", parts, str(corpus)])
        rounds.append([run_cli(command) for command in commands])
    # Peak memory from the first round: the children's peak never goes down, so later rounds would
    # show the largest process of any earlier run.
    fastest = [min(column) for column in zip(*rounds, strict=True)]
    return [(s, first[1], cpu) for (s, _, cpu), first in zip(fastest, rounds[0], strict=True)]


def dask_figures(seconds: float, cpu: float, jobs: int, chars: int, one: float) -> dict[str, float]:
    """Throughput of ``--dask local``, and the cluster's start-up: a ``--dask`` run on one sample
    article less a plain one (each the fastest of three)."""
    sample = sorted((ROOT / "samples").glob("*.txt"))[0]
    clustered = min(run_cli(["-q", "--dask", "local", "--jobs", str(jobs), str(sample)])[0] for _ in range(3))
    started = clustered - min(run_cli(["-q", "--jobs", "1", str(sample)])[0] for _ in range(3))
    return {
        "cps_dask": round(chars / seconds),
        "speedup_dask": round(one / seconds, 2),
        "dask_startup_s": round(started, 2),
        "speedup_dask_running": round(one / max(seconds - started, 1e-9), 2),
        "cpu_s_dask": round(cpu, 1),
    }


def startup() -> float:
    sample = sorted((ROOT / "samples").glob("*.txt"))[0]
    times = [run_cli(["-q", "--jobs", "1", str(sample)])[0] for _ in range(5)]
    return statistics.median(times)


HOSTILE: dict[str, Callable[[int], str]] = {
    "digit run": lambda n: "1" * n,
    "numeral run": lambda n: "一" * n,
    "magnitudes": lambda n: "万" * n,
    "numbers and counters": lambda n: "3家" * (n // 2),
    "quote marks": lambda n: "“" * n,
    "one long line": lambda n: ("投入资金1.5万元，" * (n // 9 + 1))[:n],
    "pinyin junk": lambda n: ("產(chǎn)" * (n // 7 + 1))[:n],
    "separators": lambda n: "1,000," * (n // 6),
}


def sweep() -> dict[str, list[float]]:
    """Seconds to extract each hostile input at growing sizes (linear growth expected)."""
    from gongextract import extract

    sizes = [20_000, 40_000, 80_000]
    results = {}
    for name, make in HOSTILE.items():
        row = []
        for n in sizes:
            text = make(n)
            start = time.perf_counter()
            extract(text)
            row.append(round(time.perf_counter() - start, 4))
        results[name] = row
        ratio = row[-1] / max(row[0], 1e-4)
        print(f"  {name:<22} {'  '.join(f'{t:7.3f}s' for t in row)}   x{ratio:4.1f} for x4 size")
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--jobs", type=int, default=2, help="workers for the parallel run (default 2)")
    ap.add_argument("--sweep", action="store_true", help="also time hostile inputs of growing size")
    ap.add_argument("--dask", action="store_true", help="also run --dask local with --jobs workers")
    ap.add_argument("--repeat", type=int, default=1, help="end-to-end runs: the fastest of this many (default 1)")
    ap.add_argument("--keep", type=Path, help="keep the corpus in this folder")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="gongextract-bench-"))
    corpus = folder / "corpus.jsonl"
    docs, chars = build_corpus(corpus, args.size_mb)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print(
        f"corpus: {docs} documents, {chars:,} characters, {corpus.stat().st_size / 1e6:.1f} MB "
        f"(from {'../shared/corpus' if SHARED.is_dir() else 'samples/'})"
    )
    (one, rss_one, cpu_one), (many, rss_many, cpu_many), *clustered = end_to_end(
        corpus, folder, args.jobs, args.dask, args.repeat
    )
    dask = dask_figures(*clustered[0][::2], args.jobs, chars, one) if args.dask else {}
    texts = _articles() * 20
    inner = in_process(texts)
    base = floor(texts)
    start_s = startup()
    result: dict[str, Any] = {
        "documents": docs,
        "characters": chars,
        "mb": round(corpus.stat().st_size / 1e6, 1),
        "cps_1": round(chars / one),
        f"cps_{args.jobs}": round(chars / many),
        "speedup": round(one / many, 2),
        "peak_rss_mb_1": round(rss_one),
        f"peak_rss_mb_{args.jobs}": round(rss_many),
        "cpu_s_1": round(cpu_one, 1),
        f"cpu_s_{args.jobs}": round(cpu_many, 1),
        "core_cps": round(inner["core_cps"]),
        "full_cps": round(inner["full_cps"]),
        "attribution_adds": round(inner["attribution_adds"], 3),
        "jieba_adds": round(inner["jieba_adds"], 3),
        "startup_s": round(start_s, 3),
        "floor_cps": round(base),
        "ratio_to_floor": round(chars / one / base, 3),
        **dask,
    }
    print(
        f"end to end, 1 process:   {result['cps_1']:>12,} chars/s   peak RSS {result['peak_rss_mb_1']} MB   "
        f"CPU {result['cpu_s_1']} s"
    )
    print(
        f"end to end, {args.jobs} processes: {result[f'cps_{args.jobs}']:>12,} chars/s   peak RSS "
        f"{result[f'peak_rss_mb_{args.jobs}']} MB   CPU {result[f'cpu_s_{args.jobs}']} s   "
        f"speed-up x{result['speedup']}"
    )
    if dask:
        print(
            f"end to end, --dask local, {args.jobs} workers, -o DIR/: {dask['cps_dask']:>12,} chars/s   "
            f"CPU {dask['cpu_s_dask']} s   speed-up x{dask['speedup_dask']} (x{dask['speedup_dask_running']} "
            f"without the cluster's {dask['dask_startup_s']:.1f} s start-up)"
        )
    print(
        f"in process: core {result['core_cps']:,} chars/s, full {result['full_cps']:,} chars/s "
        f"(attribution adds {result['attribution_adds']:.0%}, of which jieba {result['jieba_adds']:.0%})"
    )
    print(f"start-up (one sample article, median of 5): {result['startup_s']:.3f} s")
    print(f"floor (OpenCC t2s + one regex pass): {result['floor_cps']:,} chars/s; ", end="")
    print(f"tool/floor = {result['ratio_to_floor']:.3f}")
    if args.sweep:
        print("hostile inputs, seconds at 20k / 40k / 80k characters:")
        result["sweep"] = sweep()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        shutil.move(str(corpus), args.keep / corpus.name)
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
