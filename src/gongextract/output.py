"""Write claims as JSONL or CSV, one record at a time, in SPEC column order.

>>> import io
>>> from gongextract import extract
>>> out = io.StringIO()
>>> writer = Writer(out, Format.csv)
>>> writer.write(extract("投入7.1亿元", doc="a.txt"))
>>> out.getvalue().splitlines()[1].split(",")[:9]
['a.txt', '2', '7', '7.1亿元', '710000000', '', 'exact', '元', 'money']
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TextIO

from .claims import FIELDS, Claim

_JSON = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call


class Format(str, Enum):
    """Output formats."""

    jsonl = "jsonl"
    csv = "csv"


def render(claims: Iterable[Claim], fmt: Format) -> tuple[str, int]:
    """The records as text (JSONL lines or CSV rows without the header) and how many there are.

    Worker processes render their documents' records themselves, so the main process only writes.
    """
    records = [claim.to_dict() for claim in claims]
    if fmt is Format.jsonl:
        return "".join(_JSON(r) + "\n" for r in records), len(records)
    buffer = io.StringIO()
    rows = csv.writer(buffer, lineterminator="\r\n")
    rows.writerows(["" if r[f] is None else r[f] for f in FIELDS] for r in records)
    return buffer.getvalue(), len(records)


class Writer:
    """Streams records to ``stream``; CSV gets its header (and, for Excel, a BOM) first."""

    def __init__(self, stream: TextIO, fmt: Format = Format.jsonl, excel: bool = False) -> None:
        self.stream = stream
        self.fmt = fmt
        if fmt is Format.csv:
            if excel:
                stream.write("\ufeff")  # Excel reads a UTF-8 CSV as UTF-8 only with a BOM
            csv.writer(stream, lineterminator="\r\n").writerow(FIELDS)

    def write(self, claims: Iterable[Claim]) -> None:
        self.write_rendered(render(claims, self.fmt)[0])

    def write_rendered(self, text: str) -> None:
        """Write records already rendered by :func:`render` (in a worker process)."""
        self.stream.write(text)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a temporary file beside ``path`` renamed onto it only when the block succeeds.

    An interrupted or failed run never leaves a truncated file under the final name.
    """
    if path is None:
        yield sys.stdout
        return
    directory = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
