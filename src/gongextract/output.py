"""Write claims as JSONL, CSV or Parquet, in SPEC column order: to stdout, a file, or a folder of parts.

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
import errno
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from .batch import ChunkCounter, Seen
from .claims import FIELDS, Claim
from .sources import InputError

if TYPE_CHECKING:
    import pyarrow as pa

_JSON = json.JSONEncoder(ensure_ascii=False).encode  # one encoder: json.dumps builds one per call
_ROW_GROUP = 100_000  # Parquet rows buffered before a row group is written: memory stays flat …
_AS_RECORDS = 10_000  # … of which at most this many as records (dicts), the rest as Arrow columns (5x smaller)
_FLOATS = ("value", "value_max")
_INTEGERS = {"start": "int64", "end": "int64", "year": "int32"}  # every other field is a string


class Format(str, Enum):
    """Output formats."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def arrow_schema() -> pa.Schema:
    """The Parquet (and Spark) schema: FIELDS in order; int64 offsets, float64 values, int32 year."""
    import pyarrow as pa

    def arrow_type(name: str) -> pa.DataType:
        if name in _FLOATS:
            return pa.float64()
        return getattr(pa, _INTEGERS[name])() if name in _INTEGERS else pa.string()

    return pa.schema([pa.field(name, arrow_type(name)) for name in FIELDS])


def arrow_table(records: list[dict[str, Any]]) -> pa.Table:
    """Records (dicts in FIELDS order) as an Arrow table of :func:`arrow_schema`."""
    import pyarrow as pa

    columns: dict[str, list[Any]] = {name: [r[name] for r in records] for name in FIELDS}
    for name in _FLOATS:  # an int too large for int64 (a long digit run) still fits a float64
        columns[name] = [None if v is None else float(v) for v in columns[name]]
    return pa.Table.from_pydict(columns, schema=arrow_schema())


def render(claims: Iterable[Claim], fmt: Format) -> tuple[Any, int]:
    """The records rendered for ``fmt`` (JSONL lines, CSV rows without the header, or dicts for
    Parquet) and how many there are. Workers render their documents' records, so the main process
    only writes."""
    records = [claim.to_dict() for claim in claims]
    if fmt is Format.parquet:
        return records, len(records)
    if fmt is Format.jsonl:
        return "".join(_JSON(r) + "\n" for r in records), len(records)
    buffer = io.StringIO()
    rows = csv.writer(buffer, lineterminator="\r\n")
    rows.writerows(["" if r[f] is None else r[f] for f in FIELDS] for r in records)
    return buffer.getvalue(), len(records)


class Sink(Protocol):
    """Where the CLI puts each input's rendered records, part by part, then says the input is done
    (an input that failed gets no part)."""

    def put(self, item: Seen, rendered: Any) -> None: ...

    def end(self, item: Seen) -> None: ...


def write_parts(sink: Sink, item: Seen, parts: Iterable[Any]) -> InputError | int:
    """Write one input's rendered parts as they come; its number of records, or the error it ended with."""
    count = 0
    for part in parts:
        if isinstance(part, InputError):
            sink.end(item)
            return part
        sink.put(item, part[0])
        count += part[1]
    sink.end(item)
    return count


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

    def put(self, item: Seen, rendered: str) -> None:
        self.write_rendered(rendered)

    def end(self, item: Seen) -> None:
        self.stream.flush()  # each document's records are out as soon as it is done


class _ParquetWriter:
    """Rows to one Parquet file, a row group per ``_ROW_GROUP`` rows."""

    def __init__(self, path: str) -> None:
        import pyarrow.parquet as pq

        self.file = pq.ParquetWriter(path, arrow_schema())
        self.rows: list[dict[str, Any]] = []
        self.tables: list[pa.Table] = []  # rows already in columns, not yet written
        self.held = 0  # … and how many

    def put(self, item: Seen, rendered: list[dict[str, Any]]) -> None:
        self.rows.extend(rendered)
        if self.held + len(self.rows) >= _ROW_GROUP:
            self.flush()
        elif len(self.rows) >= _AS_RECORDS:
            self.tables.append(arrow_table(self.rows))
            self.held, self.rows = self.held + len(self.rows), []

    def end(self, item: Seen) -> None:
        pass

    def flush(self) -> None:
        import pyarrow as pa

        self.file.write_table(pa.concat_tables([*self.tables, arrow_table(self.rows)]))
        self.rows, self.tables, self.held = [], [], 0

    def close(self) -> None:
        self.flush()  # an empty file still gets the schema, so readers see its columns
        self.file.close()


class _FileSink:
    """One output file written under a temporary name beside ``path``, renamed onto it by :meth:`commit`.

    An interrupted or failed run never leaves a truncated file under the final name.
    """

    def __init__(self, path: Path, fmt: Format, excel: bool = False) -> None:
        self.path = path
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.resolve().parent)
        self.stream: TextIO | None = None
        if fmt is Format.parquet:
            os.close(fd)
            try:
                self.writer: _ParquetWriter | Writer = _ParquetWriter(self.tmp)
            except BaseException:  # pyarrow missing, say: leave no temporary file behind
                self.abort()
                raise
        else:
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
            self.writer = Writer(self.stream, fmt, excel)

    def put(self, item: Seen, rendered: Any) -> None:
        self.writer.put(item, rendered)

    def end(self, item: Seen) -> None:
        self.writer.end(item)

    def commit(self) -> None:
        if self.stream is not None:
            self.stream.close()
        else:
            assert isinstance(self.writer, _ParquetWriter)
            self.writer.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            if self.stream is not None:
                self.stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


@dataclass(frozen=True)
class PartFile:
    """One part file of a folder, to be written whole wherever it is opened (by a cluster worker)."""

    path: Path
    fmt: Format
    excel: bool = False

    def open(self) -> _FileSink:
        return _FileSink(self.path, self.fmt, self.excel)


class Parts:
    """A folder of part files (``part-00000.jsonl`` …), one per input chunk (:class:`ChunkCounter`),
    each written atomically: a folder read after an interrupted run holds whole parts only. A cluster
    run reserves the parts its workers write (:meth:`reserve`)."""

    def __init__(self, folder: Path, fmt: Format, excel: bool = False) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if any(folder.glob(f"part-*.{fmt.value}")):
            reason = f"holds part-*.{fmt.value} files of another run (remove them, or choose another folder)"
            raise FileExistsError(errno.EEXIST, reason, str(folder))
        self.folder, self.fmt, self.excel = folder, fmt, excel
        self.counter = ChunkCounter()
        self.count = 0
        self.current: _FileSink | None = None

    def reserve(self) -> PartFile:
        """The next part, for someone else to write."""
        self.count += 1
        return PartFile(self.folder / f"part-{self.count - 1:05d}.{self.fmt.value}", self.fmt, self.excel)

    def put(self, item: Seen, rendered: Any) -> None:
        self._part().put(item, rendered)

    def end(self, item: Seen) -> None:
        self._part().end(item)
        if self.counter.add(item):
            self.commit()

    def _part(self) -> _FileSink:
        if self.current is None:  # opened by an input's first part, or its end (an input that failed)
            self.current = self.reserve().open()
        return self.current

    def commit(self) -> None:
        """Close the part being written, under its final name."""
        if self.current is not None:
            self.current.commit()
            self.current = None

    def abort(self) -> None:
        if self.current is not None:
            self.current.abort()


def is_folder(output: str) -> bool:
    """Whether ``-o`` names a folder of parts: it ends with a slash or is an existing folder."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


@contextlib.contextmanager
def open_sink(output: str | None, fmt: Format = Format.jsonl, excel: bool = False) -> Iterator[Sink]:
    """stdout, one file, or a folder of part files (see :func:`is_folder`); files are written atomically."""
    if output is None:
        if fmt is Format.parquet:
            raise ValueError("Parquet output needs -o FILE or -o FOLDER/")
        yield Writer(sys.stdout, fmt, excel)
        return
    path = Path(output)
    sink = Parts(path, fmt, excel) if is_folder(output) else _FileSink(path, fmt, excel)
    try:
        yield sink
        sink.commit()
    except BaseException:
        sink.abort()
        raise
