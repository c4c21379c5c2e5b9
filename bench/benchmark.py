"""Measure gongextract: throughput, parallel speed-up, memory, start-up, and the floor it is held to.

usage: python bench/benchmark.py [--size-mb 20] [--jobs 2] [--dask] [--repeat 1] [--sweep] [--huge] [--keep DIR]

It builds a JSONL corpus of about --size-mb megabytes from the articles it has (../shared/corpus
when present, else samples/), then reports in one run:

- end-to-end characters per second of the installed CLI, single process and with --jobs N, its
  CPU seconds (all its processes) and µs per claim, and the peak resident memory of each run (the
  VmHWM of its largest process, polled from /proc while it runs); with --dask, also
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

--huge runs the CLI on one huge document, a statistical table pasted as text (--huge-chars, 3.3 M
characters and about 286,000 claims by default), followed by one sample article so that --jobs N
starts its workers: JSONL and CSV to stdout and to -o FILE, and Parquet to -o FILE when pyarrow is
installed, each with one process and with --jobs N. Per run: seconds, CPU seconds, µs per claim
(to set beside the articles' figure), characters per second and peak RSS (largest process).
The last line is a JSON object with every figure, for scripts.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

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


class Run(NamedTuple):
    """One CLI run: wall seconds, peak RSS (MB, its largest process), CPU seconds (every process of
    it, workers too) and the claims its summary line counts."""

    seconds: float
    peak_mb: float
    cpu: float
    claims: int


def run_cli(args: list[str]) -> Run:
    """Run the CLI (stdout discarded) and measure it: see :class:`Run`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([*_cli(), *args], stdout=subprocess.DEVNULL, stderr=err)
        peak = _peak_mb(proc)
        seconds = time.perf_counter() - start
        err.seek(0)
        summary = re.search(rb"(\d+) claims, ", err.read())
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Run(seconds, peak or after.ru_maxrss / 1024, cpu, int(summary[1]) if summary else 0)


def _peak_mb(proc: subprocess.Popen[bytes]) -> float:
    """The largest VmHWM (peak resident memory) of ``proc`` and its worker processes, polled until
    it exits; 0 without /proc. (``ru_maxrss`` would be wrong here: a child's counts the memory its
    parent had when it forked, and the children's figure is the largest of every run so far.)"""
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for pid in _descendants(proc.pid):
            with contextlib.suppress(OSError, ValueError, IndexError):  # gone, or a zombie
                status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
                kb = int(status.split("VmHWM:")[1].split()[0])
                peaks[pid] = max(peaks.get(pid, 0), kb / 1024)
        time.sleep(0.02)
    return max(peaks.values(), default=0.0)


def _descendants(pid: int) -> list[int]:
    found = [pid]
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            children = Path(f"/proc/{pid}/task/{task}/children").read_text(encoding="ascii")
            for child in children.split():
                found += _descendants(int(child))
    return found


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


def end_to_end(corpus: Path, folder: Path, jobs: int, dask: bool, repeat: int) -> list[Run]:
    """The CLI with 1 process, with ``jobs``, and (``dask``) ``--dask local`` writing parts: the
    fastest of ``repeat`` rounds, the modes taking turns so that each meets the same spells of load
    from the machine's neighbours."""
    rounds = []
    for n in range(repeat):
        commands = [["--jobs", "1", str(corpus)], ["--jobs", str(jobs), str(corpus)]]  # summary: claims
        if dask:
            parts = f"{folder / f'parts{n}'}/"  # a fresh folder each round: one holding parts is refused
            commands.append(["--dask", "local", "--jobs", str(jobs), "-o", parts, str(corpus)])
        rounds.append([run_cli(command) for command in commands])
    return [min(column) for column in zip(*rounds, strict=True)]


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


def startup() -> tuple[float, float]:
    """Wall and CPU seconds of the CLI on one small sample article: the median of five runs."""
    sample = sorted((ROOT / "samples").glob("*.txt"))[0]
    runs = [run_cli(["-q", "--jobs", "1", str(sample)]) for _ in range(5)]
    return statistics.median(r.seconds for r in runs), statistics.median(r.cpu for r in runs)


def huge(folder: Path, chars: int, jobs: int) -> list[dict[str, Any]]:
    """The CLI on one huge document (and a sample article after it): each format and output, with
    one process and with ``jobs`` (see the module docstring)."""
    from stages import huge_text  # bench/ is on the path: the same table stages.py measures in process

    text = huge_text(chars)
    corpus = folder / "huge.jsonl"
    sample = sorted((ROOT / "samples").glob("*.txt"))[0].read_text(encoding="utf-8")
    with corpus.open("w", encoding="utf-8") as out:
        for n, body in enumerate([text, sample]):
            out.write(json.dumps({"id": f"huge{n}", "text": body}, ensure_ascii=False) + "\n")
    size = len(text) + len(sample)
    del text
    formats = ["jsonl", "csv"] + (["parquet"] if importlib.util.find_spec("pyarrow") else [])
    print(f"huge document: {size:,} characters (a table pasted as text and one sample article), through the CLI:")
    rows = []
    for fmt in formats:
        for to in ("stdout", "file") if fmt != "parquet" else ("file",):
            for n in (1, jobs):
                target = ["-o", str(folder / f"huge-out.{fmt}")] if to == "file" else []
                run = run_cli(["--jobs", str(n), "-f", fmt, *target, str(corpus)])
                row = {
                    "format": fmt,
                    "to": to,
                    "jobs": n,
                    "seconds": round(run.seconds, 1),
                    "cpu_s": round(run.cpu, 1),
                    "claims": run.claims,
                    "us_per_claim": round(run.cpu / max(run.claims, 1) * 1e6, 1),
                    "cps": round(size / run.seconds),
                    "peak_rss_mb": round(run.peak_mb),
                }
                rows.append(row)
                print(
                    f"  {fmt:<8}{to:<7}--jobs {n}: {row['seconds']:6.1f} s (CPU {row['cpu_s']:.1f} s)  "
                    f"{row['claims']:,} claims  {row['us_per_claim']:.0f} µs/claim (CPU)  {row['cps']:,} chars/s  "
                    f"peak RSS {row['peak_rss_mb']} MB"
                )
    return rows


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
    ap.add_argument("--huge", action="store_true", help="also run the CLI on one huge document (see above)")
    ap.add_argument("--huge-chars", type=int, default=3_300_000, help="its size in characters (default 3.3 M)")
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
    single, parallel, *clustered = end_to_end(corpus, folder, args.jobs, args.dask, args.repeat)
    one, many = single.seconds, parallel.seconds
    dask = dask_figures(clustered[0].seconds, clustered[0].cpu, args.jobs, chars, one) if args.dask else {}
    texts = _articles() * 20
    inner = in_process(texts)
    base = floor(texts)
    start_s, start_cpu = startup()
    result: dict[str, Any] = {
        "documents": docs,
        "characters": chars,
        "mb": round(corpus.stat().st_size / 1e6, 1),
        "cps_1": round(chars / one),
        f"cps_{args.jobs}": round(chars / many),
        "speedup": round(one / many, 2),
        "peak_rss_mb_1": round(single.peak_mb),
        f"peak_rss_mb_{args.jobs}": round(parallel.peak_mb),
        "cpu_s_1": round(single.cpu, 1),
        f"cpu_s_{args.jobs}": round(parallel.cpu, 1),
        "claims": single.claims,
        "us_per_claim_1": round(single.cpu / max(single.claims, 1) * 1e6, 1),
        "core_cps": round(inner["core_cps"]),
        "full_cps": round(inner["full_cps"]),
        "attribution_adds": round(inner["attribution_adds"], 3),
        "jieba_adds": round(inner["jieba_adds"], 3),
        "startup_s": round(start_s, 3),
        "startup_cpu_s": round(start_cpu, 3),
        "floor_cps": round(base),
        "ratio_to_floor": round(chars / one / base, 3),
        **dask,
    }
    print(
        f"end to end, 1 process:   {result['cps_1']:>12,} chars/s   peak RSS {result['peak_rss_mb_1']} MB   "
        f"CPU {result['cpu_s_1']} s   {result['claims']:,} claims, {result['us_per_claim_1']} µs/claim (CPU)"
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
    print(
        f"start-up (one sample article, median of 5): {result['startup_s']:.3f} s (CPU {result['startup_cpu_s']:.3f} s)"
    )
    print(f"floor (OpenCC t2s + one regex pass): {result['floor_cps']:,} chars/s; ", end="")
    print(f"tool/floor = {result['ratio_to_floor']:.3f}")
    if args.sweep:
        print("hostile inputs, seconds at 20k / 40k / 80k characters:")
        result["sweep"] = sweep()
    if args.huge:
        result["huge_chars"] = args.huge_chars
        result["huge"] = huge(folder, args.huge_chars, args.jobs)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        shutil.move(str(corpus), args.keep / corpus.name)
    shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
