"""The ``gongextract`` command: read inputs, extract, write records. All the work is in the library."""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .batch import Seen, stream_many
from .output import Format, Parts, Sink, open_sink, render, write_parts
from .pages import MissingExtra
from .rules import RuleError, load_rules
from .sources import DEFAULT_GLOBS, Document, InputError, Options, Summary, read_inputs, summarised, total_size

app = typer.Typer(add_completion=False, pretty_exceptions_show_locals=False, rich_markup_mode=None)
stderr = Console(stderr=True, highlight=False)


class InputFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    html = "html"


def _error(where: str, reason: str, level: str = "error") -> None:
    sys.stderr.write(f"gongextract: {level}: {where}: {reason}\n")
    sys.stderr.flush()


class _Tally:
    """Counts for the progress bar, the closing summary and the ``--report`` lines."""

    def __init__(self, show_progress: bool, total: int | None, report: Path | None) -> None:
        self.docs = self.empty = self.claims = self.errors = self.warnings = self.chars = self.bytes = 0
        self.started = time.perf_counter()
        self._show, self._total = show_progress, total
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._report = open(report, "w", encoding="utf-8") if report else None  # closed by close()

    def add(self, item: Document | Summary | InputError, result: InputError | int) -> None:
        """Count one input: its number of claims, or the error it gave."""
        read = summarised(item)
        if isinstance(read, Summary) and read.warning:
            _error(read.doc, read.warning, "warning")
            self.warnings += 1
        if isinstance(result, InputError):
            _error(result.where, result.reason)
            self.errors += 1
        else:
            self.docs += 1
            self.empty += result == 0
            self.claims += result
            self.chars += read.chars if isinstance(read, Summary) else 0
        if self._report is not None:
            name, encoding, chars, warning = (
                (read.doc, read.encoding, read.chars, read.warning)
                if isinstance(read, Summary)
                else (read.where, None, None, None)
            )
            error = result.reason if isinstance(result, InputError) else None
            claims = None if isinstance(result, InputError) else result
            line = {"doc": name, "encoding": encoding, "characters": chars, "claims": claims, "error": error}
            self._report.write(json.dumps({**line, "warning": warning}, ensure_ascii=False) + "\n")
        self.bytes += read.size
        self._draw()

    def _draw(self) -> None:
        if self._show and self._progress is None and self.docs + self.errors > 1:
            columns: list[ProgressColumn] = [TextColumn("{task.fields[docs]} documents · {task.fields[claims]} claims")]
            if self._total is None:  # a stream: no end to show
                columns.append(TextColumn("· {task.fields[rate]} chars/s"))
            else:
                columns += [BarColumn(), DownloadColumn(), TaskProgressColumn(), TimeRemainingColumn()]
            self._progress = Progress(*columns, TimeElapsedColumn(), console=stderr, transient=True)
            self._progress.start()
            self._task = self._progress.add_task("extract", total=self._total, docs=0, claims=0, rate="-")
        if self._progress is not None and self._task is not None:
            rate = self.chars / max(time.perf_counter() - self.started, 1e-9)
            self._progress.update(
                self._task, completed=self.bytes, docs=self.docs, claims=self.claims, rate=f"{rate:,.0f}"
            )

    def close(self, quiet: bool, interrupted: bool = False) -> None:
        if self._progress is not None:
            self._progress.stop()
        if self._report is not None:
            self._report.close()
        if not quiet:
            seconds = time.perf_counter() - self.started
            warned = f", {self.warnings} warnings" if self.warnings else ""
            note = " (interrupted)" if interrupted else ""
            sys.stderr.write(
                f"gongextract: {self.docs} documents ({self.empty} with no claims), {self.claims} claims, "
                f"{self.errors} errors{warned}, {seconds:.2f} s{note}\n"
            )


Outcome = Iterable[Any] | InputError | int  # an input's rendered parts, its error, or the records a worker wrote


def _run(
    inputs: list[str], options: Options, dask: str | None, sink: Sink, **how: Any
) -> Iterator[tuple[Seen, Outcome]]:
    """Each input document with its rendered parts (see :func:`~gongextract.batch.stream_many`), or on
    Dask its summary with its records rendered whole, its error, or (parts) how many records were written."""
    if dask is None:
        return stream_many(read_inputs(inputs, options), **how)
    from .dask import extract_inputs  # only a cluster run imports dask

    parts = sink if isinstance(sink, Parts) else None
    results = extract_inputs(inputs, dask, options, parts=parts, **how)
    return ((item, result if isinstance(result, InputError | int) else [result]) for item, result in results)


@app.command()
def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to a file, or parts in DIR/.")] = None,
    glob: Annotated[list[str] | None, typer.Option(help="File pattern inside folders (repeatable).")] = None,
    input_format: Annotated[InputFormat | None, typer.Option(help="Force text, jsonl or html input.")] = None,
    text_field: Annotated[str, typer.Option(help="JSONL field holding the article text.")] = "text",
    html_field: Annotated[str, typer.Option(help="JSONL field holding a web page, when no text field.")] = "html",
    id_field: Annotated[str, typer.Option(help="JSONL field naming the article (else url, else line).")] = "id",
    encoding: Annotated[str | None, typer.Option(help="Input encoding (default: detect).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = os.cpu_count() or 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    rules: Annotated[Path | None, typer.Option(help="Folder of rule files to add to the shipped ones.")] = None,
    excel: Annotated[bool, typer.Option(help="CSV with a UTF-8 BOM, so Excel shows Chinese.")] = False,
    dask: Annotated[str | None, typer.Option(help="Run on a Dask scheduler (address, or local).")] = None,
    report: Annotated[Path | None, typer.Option(help="Write one JSON line per input: claims, error.")] = None,
) -> None:
    """Extract numeric claims from Chinese news text, one record per claim (JSONL, CSV or Parquet)."""
    try:
        load_rules(rules)
    except RuleError as exc:
        _error("rules", str(exc))
        raise typer.Exit(2) from None
    if fmt is Format.parquet and output is None:
        _error("output", "Parquet output needs -o FILE or -o DIR/")
        raise typer.Exit(2)
    options = Options(
        globs=tuple(glob) if glob else DEFAULT_GLOBS,
        input_format=input_format.value if input_format else None,
        text_field=text_field,
        html_field=html_field,
        id_field=id_field,
        encoding=encoding,
    )
    show_progress = not quiet and sys.stderr.isatty()
    try:
        tally = _Tally(show_progress, total_size(inputs, options) if show_progress else None, report)
    except OSError as exc:
        _error(str(report), exc.strerror or str(exc))
        raise typer.Exit(2) from None
    try:
        with open_sink(output, fmt, excel) as sink:
            how = {"jobs": jobs, "rules_dir": rules, "render": functools.partial(render, fmt=fmt)}
            for item, outcome in _run(inputs, options, dask, sink, **how):
                tally.add(item, outcome if isinstance(outcome, InputError | int) else write_parts(sink, item, outcome))
    except MissingExtra as exc:
        _error("html", str(exc))
        tally.close(quiet)
        raise typer.Exit(2) from None
    except ImportError as exc:  # an extra that is not installed
        package = (exc.name or "").split(".")[0]
        _error(package, f"not installed: pip install 'gongextract[{'parquet' if package == 'pyarrow' else 'dask'}]'")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        tally.close(quiet, interrupted=True)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    except OSError as exc:
        _error(str(output or "stdout"), exc.strerror or str(exc))
        tally.close(quiet)
        raise typer.Exit(1) from None
    tally.close(quiet)
    raise typer.Exit(1 if tally.errors or tally.warnings else 0)


def main() -> None:
    """Console entry point: ``gongextract FILES…`` (and ``gongextract show|text FILE``)."""
    if len(sys.argv) > 1 and sys.argv[1] in ("show", "text"):
        from . import show

        command = show.app if sys.argv[1] == "show" else show.text_app
        command(args=sys.argv[2:], prog_name=f"gongextract {sys.argv[1]}")
    else:
        app(prog_name="gongextract")
