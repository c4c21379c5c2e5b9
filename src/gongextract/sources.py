"""Turn what the user names (files, folders, ``-``) into documents, or into errors that name the input.

Text files are decoded by BOM (UTF-8, UTF-16), else as UTF-8, else as GB18030 (the superset of GBK
that Chinese scrapes are often saved in). JSONL holds one article per line.

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
from dataclasses import dataclass
from pathlib import Path

DEFAULT_GLOBS = ("*.txt", "*.jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Document:
    """One article: its name for the ``doc`` field and its text."""

    doc: str
    text: str


@dataclass(frozen=True)
class InputError:
    """An input that gave no document; ``where`` is the path, with ``:line`` for a JSONL line."""

    where: str
    reason: str


@dataclass(frozen=True)
class Options:
    """How to read inputs (the CLI's reading options)."""

    globs: tuple[str, ...] = DEFAULT_GLOBS
    input_format: str | None = None  # "text", "jsonl", or None to decide by extension / content
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None


def decode(data: bytes, encoding: str | None = None) -> str:
    """Decode a whole text file; raise ValueError with a short reason when it cannot be."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ValueError(f"cannot decode as {encoding}: {exc}") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ValueError(f"invalid {codec} after its byte-order mark: {exc}") from None
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8, UTF-16 or GB18030 text (byte {exc.start})") from None


def _decode_line(raw: bytes, encoding: str | None) -> str:
    if encoding:
        return raw.decode(encoding)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def read_jsonl(stream: Iterable[bytes], name: str, options: Options = Options()) -> Iterator[Document | InputError]:
    """One document per JSON line; a bad line is an error naming ``name:line`` and the rest go on."""
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name}:{n}"
        try:
            record = json.loads(_decode_line(raw, options.encoding))
        except (UnicodeDecodeError, LookupError, json.JSONDecodeError) as exc:
            yield InputError(where, f"malformed JSON line: {exc}")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "a JSON line must be an object")
            continue
        text = record.get(options.text_field)
        if not isinstance(text, str):
            yield InputError(where, f"no text field {options.text_field!r} (or it is not a string)")
            continue
        doc = next((record[k] for k in (options.id_field, "url") if record.get(k) not in (None, "")), n)
        yield Document(str(doc), text)


def _is_jsonl(path: str, head: bytes, options: Options) -> bool:
    if options.input_format:
        return options.input_format == "jsonl"
    if path == "-":
        return head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"{")
    return path.lower().endswith(JSONL_SUFFIXES)


def _read_stdin(options: Options) -> Iterator[Document | InputError]:
    stream = sys.stdin.buffer
    first = stream.readline()
    if _is_jsonl("-", first, options):
        yield from read_jsonl(itertools.chain([first], stream), "-", options)
        return
    try:
        yield Document("-", decode(first + stream.read(), options.encoding))
    except ValueError as exc:
        yield InputError("-", str(exc))


def _read_file(path: str, options: Options) -> Iterator[Document | InputError]:
    try:
        if _is_jsonl(path, b"", options):
            with open(path, "rb") as fh:
                yield from read_jsonl(fh, path, options)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))
        return
    try:
        text = decode(data, options.encoding)
    except ValueError as exc:
        yield InputError(path, str(exc))
        return
    del data  # the bytes are not needed while the document is processed
    yield Document(path, text)


def _walk(folder: str, globs: tuple[str, ...]) -> list[str]:
    found: set[Path] = set()
    for pattern in globs:
        found.update(p for p in Path(folder).rglob(pattern) if p.is_file())
    return [os.fspath(p) for p in sorted(found)]


def read_inputs(inputs: Iterable[str], options: Options = Options()) -> Iterator[Document | InputError]:
    """Documents (or errors) from every input, in the order given; folders are walked sorted."""
    for name in inputs:
        if name == "-":
            yield from _read_stdin(options)
        elif os.path.isdir(name):
            files = _walk(name, options.globs)
            if not files:
                yield InputError(name, f"no files matching {', '.join(options.globs)}")
            for path in files:
                yield from _read_file(path, options)
        elif not os.path.exists(name):
            reason = "broken symbolic link" if os.path.islink(name) else "no such file or directory"
            yield InputError(name, reason)
        else:
            yield from _read_file(name, options)
