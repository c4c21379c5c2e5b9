"""Cut the inputs into splits that a cluster worker reads itself: a JSONL file's lines in byte ranges,
or a run of small files, each about :data:`SPLIT_BYTES`. Only a JSONL file's line ends are looked for
here (its bytes are counted, never decoded); reading and extracting are the worker's.

>>> import os, tempfile
>>> folder = tempfile.mkdtemp()
>>> with open(os.path.join(folder, "a.jsonl"), "w") as fh:
...     _ = fh.write('{"id": "x", "text": "建成1032家"}\\n{"id": "y", "text": "投入7.1亿元"}\\nnot json\\n')
>>> [(s.start, s.end, s.line) for s in plan([os.path.join(folder, "a.jsonl")], size=30)]
[(0, 37, 1), (37, 76, 2), (76, 85, 3)]
>>> [getattr(d, "doc", None) or d.where for s in plan([folder]) for d in read_split(s)][-1].endswith("a.jsonl:3")
True
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .batch import CHUNK_CHARS, Item
from .sources import DEFAULT_OPTIONS, InputError, Options, input_files, is_jsonl, read_file, read_inputs, read_jsonl

SPLIT_BYTES = 3 * CHUNK_CHARS  # an input chunk's characters as UTF-8 JSON: about 3 bytes each


@dataclass(frozen=True)
class Split:
    """Files as the user named them (the ``doc`` field and errors name them so), opened in ``folder``
    (the client's working directory); or one JSONL file's lines ``line`` … in bytes ``start:end``.
    ``-`` is standard input: the client's to read."""

    names: tuple[str, ...]
    folder: str
    start: int = 0
    end: int | None = None  # None: the whole files
    line: int = 1
    lines: int = 0

    @property
    def local(self) -> bool:
        """Whether only the client can read it (standard input)."""
        return self.names == ("-",)

    def where(self) -> list[str]:
        """What an error about the whole split names: each file, or the JSONL lines (``a.jsonl:1-500``)."""
        if self.end is None:
            return list(self.names)
        return [f"{self.names[0]}:{self.line}-{self.line + max(self.lines, 1) - 1}"]


def read_split(split: Split, options: Options = DEFAULT_OPTIONS) -> Iterator[Item]:
    """The documents (or errors naming them) of a split, in order."""
    if split.local:
        yield from read_inputs(["-"], options)
    elif split.end is None:
        for name in split.names:
            yield from read_file(name, options, split.folder)
    else:
        try:
            with open(os.path.join(split.folder, split.names[0]), "rb") as fh:
                fh.seek(split.start)
                data = fh.read(split.end - split.start)
        except OSError as exc:
            yield InputError(split.where()[0], exc.strerror or str(exc))
            return
        yield from read_jsonl(io.BytesIO(data), split.names[0], options, split.line)  # lines as a file gives them


def plan(
    inputs: Iterable[str], options: Options = DEFAULT_OPTIONS, size: int = SPLIT_BYTES
) -> Iterator[Split | InputError]:
    """Splits of about ``size`` bytes over every input, in input order, or an error for an input that
    names no file (as :func:`~gongextract.sources.read_inputs` gives it)."""
    folder, held = os.getcwd(), 0
    group: list[str] = []
    for path in input_files(inputs, options):
        if isinstance(path, str) and path != "-" and not is_jsonl(path, options):
            group.append(path)
            held += _size(path)
            if held >= size:
                yield Split(tuple(group), folder)
                group, held = [], 0
            continue
        if group:
            yield Split(tuple(group), folder)
            group, held = [], 0
        if isinstance(path, InputError):
            yield path
        elif path == "-":
            yield Split(("-",), folder)
        else:
            yield from _jsonl(path, folder, size)
    if group:
        yield Split(tuple(group), folder)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # the worker that reads it says why
        return 0


def _jsonl(path: str, folder: str, size: int) -> Iterator[Split | InputError]:
    """A JSONL file's splits: ``size`` bytes each, then to the end of the line it stops in."""
    start, line = 0, 1
    try:
        with open(path, "rb") as fh:
            while block := fh.read(size):
                block += fh.readline()
                lines = block.count(b"\n") + (not block.endswith(b"\n"))
                yield Split((path,), folder, start, start + len(block), line, lines)
                start, line = start + len(block), line + lines
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))
