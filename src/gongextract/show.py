"""``gongextract show FILE``: the article's sentences with each claim highlighted, and a table of its
records, so a reader can check the extraction by eye. ``gongextract text FILE``: the exact text the
records' offsets index (a web page's main text, a file's decoded text), to check them with any tool."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .claims import Claim, extract
from .pages import MissingExtra
from .rules import RuleError, load_rules
from .sources import HTML_SUFFIXES, JSONL_SUFFIXES, Document, InputError, Options, read_bytes, read_jsonl

app = typer.Typer(add_completion=False, pretty_exceptions_show_locals=False, rich_markup_mode=None)
text_app = typer.Typer(add_completion=False, pretty_exceptions_show_locals=False, rich_markup_mode=None)


def _read(file: Path, encoding: str | None, html: bool | None) -> Document:
    """The document ``file`` gives, as the main command reads it; a warning goes to stderr."""
    page = file.suffix.lower() in HTML_SUFFIXES if html is None else html
    document = read_bytes(str(file), file.read_bytes(), page, encoding)
    if document.warning:
        sys.stderr.write(f"gongextract: warning: {file}: {document.warning}\n")
    return document


def _fail(file: Path, exc: Exception) -> typer.Exit:
    """One error line naming the file; the exit code to raise (2 for rule files and missing extras)."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    sys.stderr.write(f"gongextract: error: {file}: {reason}\n")  # one line, never wrapped
    return typer.Exit(2 if isinstance(exc, (RuleError, MissingExtra)) else 1)


def _highlighted(text: str, claims: list[Claim]) -> Text:
    """Each line of the original text that holds a claim, with the claims' spans in colour."""
    out = Text()
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    shown: set[int] = set()
    for _n, claim in enumerate(claims, 1):
        line = max(i for i, s in enumerate(line_starts) if s <= claim.start)
        if line in shown:
            continue
        shown.add(line)
        start = line_starts[line]
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        row = Text(text[start:end].strip("\r"))
        for c in claims:
            if start <= c.start and c.end <= end:
                row.stylize("bold black on yellow", c.start - start, c.end - start)
        out.append(row)
        out.append("\n\n")
    return out


_WRAPPING = {"text": 6, "object": 8, "program": 6, "action": 4}
_PIPED_WIDTH = 160  # a file or a pager gets the whole table, not an 80-column squeeze
_TABLE_WIDTH = 130  # narrower terminals get one short paragraph per record instead of the table


def _records(claims: list[Claim]) -> Text:
    """The records one after another, for a terminal too narrow for the table."""
    out = Text()
    for n, c in enumerate(claims, 1):
        value = f"{c.value:,}" + ("" if c.value_max is None else f"–{c.value_max:,}")
        out.append(f"{n}. ", style="bold")
        out.append(c.text.replace("\n", "⏎"), style="bold black on yellow")
        out.append(f" = {value} {c.unit or ''} ({c.kind}, {c.qualifier})\n")
        fields = [("object", c.object), ("program", c.program), ("action", c.action), ("province", c.province)]
        fields += [("year", None if c.year is None else str(c.year)), ("status", c.status)]
        out.append("   " + "  ".join(f"{name}: {value or '-'}" for name, value in fields) + "\n")
    return out


def _table(claims: list[Claim]) -> Table:
    table = Table(show_lines=False, header_style="bold", pad_edge=False)
    for column in (
        "#",
        "text",
        "value",
        "max",
        "qual.",
        "unit",
        "kind",
        "object",
        "program",
        "action",
        "prov.",
        "year",
        "status",
    ):
        wraps = _WRAPPING.get(column)  # these fold onto more lines, never below their minimum width
        table.add_column(column, overflow="fold", no_wrap=wraps is None, min_width=wraps or len(column))
    for n, c in enumerate(claims, 1):
        table.add_row(
            str(n),
            c.text.replace("\n", "⏎"),
            f"{c.value:,}",
            "" if c.value_max is None else f"{c.value_max:,}",
            c.qualifier,
            c.unit or "",
            c.kind,
            c.object or "",
            c.program or "",
            c.action or "",
            c.province or "",
            "" if c.year is None else str(c.year),
            c.status,
        )
    return table


_FILE = Annotated[Path, typer.Argument(help="A text file (encoding detected) or a web page (.html).")]
_ENCODING = Annotated[str | None, typer.Option(help="Input encoding (default: detect).")]
_HTML = Annotated[bool | None, typer.Option("--html/--no-html", help="Read as a web page (default: by extension).")]


@app.command()
def show(
    file: _FILE,
    rules: Annotated[Path | None, typer.Option(help="Folder of rule files to add to the shipped ones.")] = None,
    encoding: _ENCODING = None,
    html: _HTML = None,
) -> None:
    """Show an article's claims highlighted in its text, and their records as a table."""
    console = Console() if sys.stdout.isatty() else Console(width=_PIPED_WIDTH)
    try:
        text = _read(file, encoding, html).text
        claims = extract(text, str(file), load_rules(rules))
    except (OSError, ValueError, MissingExtra) as exc:  # RuleError is a ValueError
        raise _fail(file, exc) from None
    console.print(_highlighted(text, claims))
    console.print(_table(claims) if console.width >= _TABLE_WIDTH else _records(claims))
    console.print(f"{len(claims)} claims in {file}", markup=False, highlight=False)


@text_app.command()
def text(
    file: _FILE,
    encoding: _ENCODING = None,
    html: _HTML = None,
    html_field: Annotated[str, typer.Option(help="JSONL field holding a web page, when no text field.")] = "html",
) -> None:
    """Print the text the records' offsets index, exactly (UTF-8, nothing added): text[start:end] == record.text.

    For a JSONL file, one line per document: {"doc": …, "text": …}.
    """
    failed = False
    try:
        if file.suffix.lower() in JSONL_SUFFIXES:
            with open(file, "rb") as fh:
                for item in read_jsonl(fh, str(file), Options(encoding=encoding, html_field=html_field)):
                    if isinstance(item, InputError):
                        sys.stderr.write(f"gongextract: error: {item.where}: {item.reason}\n")
                        failed = True
                    else:
                        print(json.dumps({"doc": item.doc, "text": item.text}, ensure_ascii=False))
        else:
            sys.stdout.buffer.write(_read(file, encoding, html).text.encode("utf-8", errors="surrogatepass"))
    except (OSError, ValueError, MissingExtra) as exc:
        raise _fail(file, exc) from None
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)
