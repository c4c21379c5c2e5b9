"""Turn what the user names (files, folders, ``-``) into documents, or into errors that name the input.

Text files are decoded by :func:`~gongextract.decoding.decode` (byte-order mark, UTF-8, then the
Chinese encodings detected); web pages (``.html``, ``--input-format html``, a JSONL ``html`` field) are
reduced to their main text by :mod:`~gongextract.pages`. JSONL holds one article per line.

>>> import io
>>> [d.doc for d in read_jsonl(io.BytesIO(b'{"id": "a1", "text": "x"}\\n{"url": "u", "text": "y"}\\n'), "s.jsonl")]
['a1', 'u']
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import decode
from .pages import charset_hint, looks_like_html, page_text

DEFAULT_GLOBS = ("*.txt", "*.jsonl", "*.html", "*.htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Document:
    """One article: its name for the ``doc`` field and its text (the page's main text for HTML).

    ``encoding`` is the codec that decoded it, ``warning`` why the decode looks wrong (else None),
    ``size`` the bytes it was read from (for progress).
    """

    doc: str
    text: str
    encoding: str | None = field(default=None, repr=False)  # how it was read: shown in --report, not in repr
    warning: str | None = field(default=None, repr=False)
    size: int = field(default=0, repr=False)


@dataclass(frozen=True)
class InputError:
    """An input that gave no document; ``where`` is the path, with ``:line`` for a JSONL line."""

    where: str
    reason: str
    size: int = field(default=0, repr=False)


@dataclass(frozen=True)
class Summary:
    """What is reported of a document read and extracted elsewhere (by a cluster worker): all but its text."""

    doc: str
    chars: int
    encoding: str | None = None
    warning: str | None = None
    size: int = 0

    @classmethod
    def of(cls, document: Document) -> Summary:
        return cls(document.doc, len(document.text), document.encoding, document.warning, document.size)


def summarised(item: Document | Summary | InputError) -> Summary | InputError:
    """What is reported of an input: a document's summary, or the summary or error as it is."""
    return Summary.of(item) if isinstance(item, Document) else item


@dataclass(frozen=True)
class Options:
    """How to read inputs (the CLI's reading options)."""

    globs: tuple[str, ...] = DEFAULT_GLOBS
    input_format: str | None = None  # "text", "jsonl", "html", or None to decide by extension / content
    text_field: str = "text"
    html_field: str = "html"  # read as a web page when a JSONL line has no text field
    id_field: str = "id"
    encoding: str | None = None


DEFAULT_OPTIONS = Options()


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding:
        return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        found = decode(raw)  # a line in GB18030 or Big5: detected like a file
        if found.warning:
            raise ValueError(found.warning) from None
        return found.text, found.encoding


def read_jsonl(
    stream: Iterable[bytes], name: str, options: Options = Options(), first_line: int = 1
) -> Iterator[Document | InputError]:
    """One document per JSON line; a bad line is an error naming ``name:line`` and the rest go on.
    ``first_line`` numbers the stream's first line (a part of a file)."""
    for n, raw in enumerate(stream, first_line):
        if not raw.strip():
            continue
        where, size = f"{name}:{n}", len(raw)
        try:
            line, encoding = _decode_line(raw, options.encoding)
            record = json.loads(line)
        except (ValueError, LookupError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            yield InputError(where, f"malformed JSON line: {exc}", size)
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSON line must be an object", size)
            continue
        text, html = record.get(options.text_field), record.get(options.html_field)
        if not isinstance(text, str) and not isinstance(html, str):
            fields = f"{options.text_field!r} or {options.html_field!r}"
            yield InputError(where, f"no text field {fields} (or it is not a string)", size)
            continue
        doc = next((record[k] for k in (options.id_field, "url") if record.get(k) not in (None, "")), n)
        if not isinstance(text, str):
            try:
                text = page_text(str(html))
            except ValueError as exc:
                yield InputError(where, str(exc), size)
                continue
        yield Document(str(doc), text, encoding, None, size)


def _input_format(path: str, head: bytes, options: Options) -> str:
    """text, jsonl or html: as forced, else by extension, else (stdin) by the first line."""
    if options.input_format:
        return options.input_format
    if path == "-":
        if head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{"):
            return "jsonl"
        return "html" if looks_like_html(head) else "text"
    lower = path.lower()
    return "jsonl" if lower.endswith(JSONL_SUFFIXES) else "html" if lower.endswith(HTML_SUFFIXES) else "text"


def read_bytes(name: str, data: bytes, html: bool, encoding: str | None = None) -> Document:
    """One text file or web page from its bytes; ValueError with a short reason when it gives no text."""
    found = decode(data, encoding, charset_hint(data) if html else None)
    text = page_text(found.text) if html else found.text
    return Document(name, text, found.encoding, found.warning, len(data))


def _read_stdin(options: Options) -> Iterator[Document | InputError]:
    stream = sys.stdin.buffer
    first = stream.readline()
    kind = _input_format("-", first, options)
    if kind == "jsonl":
        yield from read_jsonl(itertools.chain([first], stream), "-", options)
        return
    data = first + stream.read()
    try:
        yield read_bytes("-", data, kind == "html", options.encoding)
    except ValueError as exc:
        yield InputError("-", str(exc), len(data))


def is_jsonl(path: str, options: Options = Options()) -> bool:
    """Whether the file ``path`` is read as JSONL (by ``--input-format``, else by its extension)."""
    return _input_format(path, b"", options) == "jsonl"


def read_file(path: str, options: Options = Options(), folder: str = "") -> Iterator[Document | InputError]:
    """The documents of one file (one, or a JSONL file's), named by ``path``; the file is opened at
    ``path`` in ``folder`` (the working directory by default: a cluster worker's may differ)."""
    kind = _input_format(path, b"", options)
    try:
        if kind == "jsonl":
            with open(os.path.join(folder, path), "rb") as fh:
                yield from read_jsonl(fh, path, options)
            return
        with open(os.path.join(folder, path), "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))
        return
    try:
        document = read_bytes(path, data, kind == "html", options.encoding)
    except ValueError as exc:
        yield InputError(path, str(exc), len(data))
        return
    del data  # the bytes are not needed while the document is processed
    yield document


def _walk(folder: str, globs: tuple[str, ...]) -> list[str]:
    found: set[Path] = set()
    for pattern in globs:
        found.update(p for p in Path(folder).rglob(pattern) if p.is_file())
    return [os.fspath(p) for p in sorted(found)]


def total_size(inputs: Iterable[str], options: Options = Options()) -> int | None:
    """The bytes :func:`read_inputs` will read, or None when a stream (``-``) makes it unknown."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        files = _walk(name, options.globs) if os.path.isdir(name) else [name]
        total += sum(os.path.getsize(f) for f in files if os.path.isfile(f))
    return total


def input_files(inputs: Iterable[str], options: Options = Options()) -> Iterator[str | InputError]:
    """The files the inputs name, in the order given (``-`` for stdin; folders walked sorted), or an
    error for an input that names none."""
    for name in inputs:
        if name == "-" or os.path.isfile(name):
            yield name
        elif os.path.isdir(name):
            files = _walk(name, options.globs)
            if not files:
                yield InputError(name, f"no files matching {', '.join(options.globs)}")
            yield from files
        elif not os.path.exists(name):
            reason = "broken symbolic link" if os.path.islink(name) else "no such file or directory"
            yield InputError(name, reason)
        else:
            yield name  # not a regular file (a named pipe, say): reading it tells


def read_inputs(inputs: Iterable[str], options: Options = Options()) -> Iterator[Document | InputError]:
    """Documents (or errors) from every input, in the order given; folders are walked sorted."""
    for path in input_files(inputs, options):
        if isinstance(path, InputError):
            yield path
        elif path == "-":
            yield from _read_stdin(options)
        else:
            yield from read_file(path, options)
