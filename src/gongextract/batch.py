"""Extract over a stream of documents, in worker processes when asked, keeping input order.

>>> from gongextract.sources import Document, InputError
>>> items = [Document("a", "建成1032家"), InputError("b", "binary file")]
>>> [(item.doc if isinstance(item, Document) else item.where, type(out).__name__)
...  for item, out in extract_many(items, jobs=1)]
[('a', 'list'), ('b', 'InputError')]
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .claims import Claim, iter_claims
from .rules import RuleSet, load_rules
from .sources import Document, InputError

Item = Document | InputError
Render = Callable[[Iterable[Claim]], Any]

_BATCH_PER_JOB = 32  # documents read ahead per worker
_BATCH_CHARS = 8_000_000  # … and at most this many characters, so huge documents do not pile up
_CHUNK = 4  # documents per task: fewer, larger messages between processes
CHUNK_DOCS = 500  # an input chunk (one part file, one cluster task): this many documents …
CHUNK_CHARS = 1_000_000  # … or fewer once they hold this many (a cluster task carries its text: keep it small)
_rules: RuleSet | None = None
_render: Render | None = None


def claims_as_list(claims: Iterable[Claim]) -> list[Claim]:
    """The default rendering: the claims themselves."""
    return list(claims)


def claims_as_records(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """The records as dicts in SPEC field order (what the Dask and Spark adapters emit)."""
    return [claim.to_dict() for claim in claims]


def _init(rules_dir: str | None, render: Render) -> None:
    global _rules, _render
    _rules, _render = load_rules(rules_dir), render


def as_item(obj: object) -> Item:
    """A document from ``{"id": …, "text": …}`` (or ``url`` for the id), ``(doc, text)`` or a Document;
    anything else is an InputError naming what it can.

    >>> as_item({"id": 7, "text": "建成1032家"}), as_item(("b", None))
    (Document(doc='7', text='建成1032家'), InputError(where='b', reason='the text is not a string'))
    """
    if isinstance(obj, Document | InputError):
        return obj
    if isinstance(obj, dict):
        doc, text = next((obj[k] for k in ("id", "url") if obj.get(k) not in (None, "")), None), obj.get("text")
    elif isinstance(obj, tuple | list) and len(obj) == 2:
        doc, text = obj
    else:
        return InputError(repr(obj)[:60], "not a document: expected {'id': …, 'text': …} or (doc, text)")
    if doc is None:
        return InputError(repr(obj)[:60], "a document without an id")
    return Document(str(doc), text) if isinstance(text, str) else InputError(str(doc), "the text is not a string")


def result_of(item: Item, rules: RuleSet | None, render: Render) -> Any:
    """One document's records, rendered, or the error it carries or raises (the run goes on)."""
    if isinstance(item, InputError):
        return item
    try:
        return render(iter_claims(item.text, item.doc, rules))  # rendered as they come
    except Exception as exc:  # a bug must cost one document, not the whole batch
        return InputError(item.doc, f"internal error while extracting: {type(exc).__name__}: {exc}")


def _work(item: Item) -> Any:
    assert _render is not None
    return result_of(item, _rules, _render)


class ChunkCounter:
    """Says where an input chunk ends: after ``docs`` items, or once they hold ``chars`` characters.

    :func:`chunks` and the part-file writer share it, so each chunk of a run becomes one part file.
    """

    def __init__(self, docs: int = CHUNK_DOCS, chars: int = CHUNK_CHARS) -> None:
        self.limits = (docs, chars)
        self.docs = self.chars = 0

    def add(self, item: Item) -> bool:
        """Count ``item``; True when it closes the chunk (the counts then start again)."""
        self.docs += 1
        self.chars += len(item.text) if isinstance(item, Document) else 0
        if self.docs >= self.limits[0] or self.chars >= self.limits[1]:
            self.docs = self.chars = 0
            return True
        return False


def _take(source: Iterator[Item], counter: ChunkCounter) -> list[Item]:
    batch: list[Item] = []
    for item in source:
        batch.append(item)
        if counter.add(item):
            break
    return batch


def chunks(items: Iterable[Item], docs: int = CHUNK_DOCS, chars: int = CHUNK_CHARS) -> Iterator[list[Item]]:
    """The items in consecutive lists, each closed by :class:`ChunkCounter` (the last may be shorter).

    >>> [len(c) for c in chunks([Document("a", "x" * 5), Document("b", "y"), Document("c", "z")], docs=9, chars=6)]
    [2, 1]
    """
    source, counter = iter(items), ChunkCounter(docs, chars)
    while batch := _take(source, counter):
        yield batch


def records_of(documents: Iterable[object], rules_dir: str | None = None) -> Iterator[dict[str, Any]]:
    """Claim records of documents given as :func:`as_item` takes them; a document that cannot be read
    or extracted is logged (logger ``gongextract``, naming it) and skipped, and the rest go on.

    >>> [r["text"] for r in records_of([("a", "建成1032家"), {"id": "b"}, ("c", "投入7.1亿元")])]
    ['1032家', '7.1亿元']
    """
    rules = load_rules(rules_dir)  # cached: loaded once per worker process
    for document in documents:
        result = result_of(as_item(document), rules, claims_as_records)
        if isinstance(result, InputError):
            logging.getLogger("gongextract").warning("%s: %s", result.where, result.reason)
        else:
            yield from result


def extract_chunk(chunk: list[Item], rules_dir: str | None = None, render: Render = claims_as_list) -> list[Any]:
    """Each item's result, as :func:`extract_many` gives it: the task a cluster worker runs on one chunk.

    The rules are loaded once per process (``load_rules`` is cached), not once per chunk.
    """
    rules = load_rules(rules_dir)
    return [result_of(item, rules, render) for item in chunk]


def extract_many(
    items: Iterable[Item],
    jobs: int = 1,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
) -> Iterator[tuple[Item, Any]]:
    """``(item, render(claims) or InputError)`` for every item, in input order.

    With ``jobs > 1`` and at least two items, documents go to ``jobs`` worker processes, each of
    which loads the rules once and renders its documents' records itself (``render`` must be
    picklable: a module-level function or a partial of one); results come back in input order.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    stream = iter(items)
    head = list(itertools.islice(stream, 2))
    if jobs <= 1 or len(head) < 2:
        _init(rules_arg, render)
        for item in itertools.chain(head, stream):
            yield item, _work(item)
        return
    import multiprocessing  # only a run with workers pays for it

    source = itertools.chain(head, stream)
    counter = ChunkCounter(jobs * _BATCH_PER_JOB, _BATCH_CHARS)
    with multiprocessing.get_context("fork").Pool(jobs, _init, (rules_arg, render)) as pool:
        batch = _take(source, counter)
        pending = pool.map_async(_work, batch, chunksize=_CHUNK)
        while batch:
            following = _take(source, counter)  # read ahead one batch only: memory stays flat
            upcoming = pool.map_async(_work, following, chunksize=_CHUNK) if following else None
            yield from zip(batch, pending.get(), strict=True)
            batch, pending = following, upcoming  # type: ignore[assignment]
