"""``gongextract show FILE``: the article's sentences with each claim highlighted, and a table of its
records, so a reader can check the extraction by eye."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .claims import Claim, extract
from .rules import RuleError, load_rules
from .sources import decode

app = typer.Typer(add_completion=False, pretty_exceptions_show_locals=False, rich_markup_mode=None)


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


@app.command()
def show(
    file: Annotated[Path, typer.Argument(help="A text file (UTF-8, UTF-16 or GB18030).")],
    rules: Annotated[Path | None, typer.Option(help="Folder of rule files to add to the shipped ones.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Input encoding (default: detect).")] = None,
) -> None:
    """Show an article's claims highlighted in its text, and their records as a table."""
    console = Console() if sys.stdout.isatty() else Console(width=_PIPED_WIDTH)
    try:
        text = decode(file.read_bytes(), encoding)
        claims = extract(text, str(file), load_rules(rules))
    except (OSError, ValueError) as exc:  # RuleError is a ValueError
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        sys.stderr.write(f"gongextract: error: {file}: {reason}\n")  # one line, never wrapped
        raise typer.Exit(2 if isinstance(exc, RuleError) else 1) from None
    console.print(_highlighted(text, claims))
    console.print(_table(claims) if console.width >= _TABLE_WIDTH else _records(claims))
    console.print(f"{len(claims)} claims in {file}", markup=False, highlight=False)
