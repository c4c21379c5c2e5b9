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
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import TextIO

from .claims import FIELDS, Claim


class Format(str, Enum):
    """Output formats."""

    jsonl = "jsonl"
    csv = "csv"


class Writer:
    """Streams records to ``stream``; CSV gets its header before the first write."""

    def __init__(self, stream: TextIO, fmt: Format = Format.jsonl, excel: bool = False) -> None:
        self.stream = stream
        self.fmt = fmt
        self._csv = None
        if fmt is Format.csv:
            if excel:
                stream.write("\ufeff")  # Excel reads a UTF-8 CSV as UTF-8 only with a BOM
            self._csv = csv.writer(stream, lineterminator="\r\n")
            self._csv.writerow(FIELDS)

    def write(self, claims: Iterable[Claim]) -> None:
        for claim in claims:
            record = claim.to_dict()
            if self._csv is not None:
                self._csv.writerow("" if record[f] is None else record[f] for f in FIELDS)
            else:
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")


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
