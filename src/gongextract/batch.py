"""Extract over a stream of documents, in worker processes when asked, keeping input order.

>>> from gongextract.sources import Document, InputError
>>> items = [Document("a", "建成1032家"), InputError("b", "binary file")]
>>> [(item.doc if isinstance(item, Document) else item.where, type(out).__name__)
...  for item, out in extract_many(items, jobs=1)]
[('a', 'list'), ('b', 'InputError')]
"""

from __future__ import annotations

import collections
import itertools
import logging
import queue
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .claims import Claim, iter_claims
from .rules import RuleSet, load_rules
from .sources import Document, InputError, Summary

Item = Document | InputError
Seen = Item | Summary  # an input as a writer sees it (a document read on a cluster worker: its summary)
Render = Callable[[Iterable[Claim]], Any]

CHUNK_RECORDS = 1_000  # records rendered and written at a time: one huge document never sits whole in memory
_AHEAD_DOCS = 64  # documents per worker read ahead of the one being written …
_AHEAD_CHARS = 8_000_000  # … and at most this many characters per worker, so huge documents do not pile up
_AHEAD_PARTS = 64  # parts (and ends of documents) a worker may hold for the main process before it waits
CHUNK_DOCS = 500  # an input chunk (one part file, one cluster task): this many documents …
CHUNK_CHARS = 250_000  # … or fewer once they hold this many (a cluster task carries its text: keep it small,
# and the last tasks of a run are done by one worker while the other waits: the smaller, the shorter)


def claims_as_list(claims: Iterable[Claim]) -> list[Claim]:
    """The default rendering: the claims themselves."""
    return list(claims)


def claims_as_records(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """The records as dicts in SPEC field order (what the Dask and Spark adapters emit)."""
    return [claim.to_dict() for claim in claims]


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


def parts_of(item: Item, rules: RuleSet | None, render: Render, chunk: int = CHUNK_RECORDS) -> Iterator[Any]:
    """One document's records rendered ``chunk`` at a time as they are found (always one part, empty
    for a document without claims), or the error it carries or raises. The run goes on after an error;
    only a document of more than ``chunk`` records can have had parts given out before it.

    >>> [len(part) for part in parts_of(Document("a", "建成1032家，投入7.1亿元"), None, list, chunk=1)]
    [1, 1]
    """
    if isinstance(item, InputError):
        yield item
        return
    claims = iter_claims(item.text, item.doc, rules)
    try:
        for n in itertools.count():
            part = list(itertools.islice(claims, chunk))
            if part or n == 0:
                yield render(part)
            if len(part) < chunk:
                return
    except Exception as exc:  # a bug must cost one document, not the whole batch
        yield InputError(item.doc, f"internal error while extracting: {type(exc).__name__}: {exc}")


def result_of(item: Item, rules: RuleSet | None, render: Render) -> Any:
    """One document's records rendered whole, or the error it carries or raises (the run goes on)."""
    return next(parts_of(item, rules, render, chunk=sys.maxsize))


class ChunkCounter:
    """Says where an input chunk ends: after ``docs`` items, or once they hold ``chars`` characters.

    :func:`chunks` and the part-file writer share it, so each chunk of a run becomes one part file.
    """

    def __init__(self, docs: int = CHUNK_DOCS, chars: int = CHUNK_CHARS) -> None:
        self.limits = (docs, chars)
        self.docs = self.chars = 0

    def add(self, item: Seen) -> bool:
        """Count ``item``; True when it closes the chunk (the counts then start again)."""
        self.docs += 1
        self.chars += _chars(item)
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
    """``(item, render(claims) or InputError)`` for every item, in input order: :func:`stream_many`
    with each document's records rendered whole."""
    for item, parts in stream_many(items, jobs, rules_dir, render, chunk=sys.maxsize):
        (result,) = parts  # one part: the whole document
        yield item, result


def stream_many(
    items: Iterable[Item],
    jobs: int = 1,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
    chunk: int = CHUNK_RECORDS,
) -> Iterator[tuple[Item, Iterator[Any]]]:
    """``(item, parts)`` for every item, in input order, where ``parts`` gives what :func:`parts_of`
    does: the item's records rendered ``chunk`` at a time as they come, or its error. Read an item's
    parts before asking for the next item.

    With ``jobs > 1`` and at least two items, documents go in turn to ``jobs`` worker processes, each
    of which loads the rules once, renders its documents' records itself (``render`` must be
    picklable: a module-level function or a partial of one) and sends them part by part, so memory
    stays flat whatever a document holds.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    stream = iter(items)
    head = list(itertools.islice(stream, 2))
    if jobs <= 1 or len(head) < 2:
        rules = load_rules(rules_arg)
        for item in itertools.chain(head, stream):
            yield item, parts_of(item, rules, render, chunk)
        return
    yield from _in_workers(itertools.chain(head, stream), jobs, (rules_arg, render, chunk))


Job = tuple[str | None, Render, int]  # what every worker runs: rules folder, render, chunk


def _serve(tasks: Any, parts: Any, job: Job) -> None:
    """A worker process: the parts of each item it is sent, each item's followed by None, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle: it stops us
    rules_dir, render, chunk = job
    rules = load_rules(rules_dir)
    for item in iter(tasks.get, None):
        for part in parts_of(item, rules, render, chunk):
            parts.put(part)
        parts.put(None)


def _parts_from(parts: Any, worker: Any) -> Iterator[Any]:
    """One item's parts as its worker sends them, up to the None that ends them."""
    while True:
        try:
            part = parts.get(timeout=1.0)
        except queue.Empty:
            if worker.exitcode is not None:  # killed (out of memory, say): say so rather than wait forever
                raise RuntimeError(f"a worker process died (exit code {worker.exitcode})") from None
            continue
        if part is None:
            return
        yield part


def _in_workers(source: Iterator[Item], jobs: int, job: Job) -> Iterator[tuple[Item, Iterator[Any]]]:
    """:func:`stream_many` in ``jobs`` worker processes: item n goes to worker n % jobs, so each
    item's parts are read, in input order, from the queue of the worker that has it."""
    import multiprocessing  # only a run with workers pays for it

    context = multiprocessing.get_context("fork")
    tasks = [context.Queue() for _ in range(jobs)]
    parts = [context.Queue(_AHEAD_PARTS) for _ in range(jobs)]  # a worker far ahead of the output waits
    workers = [context.Process(target=_serve, args=(tasks[w], parts[w], job), daemon=True) for w in range(jobs)]
    for worker in workers:
        worker.start()
    sent: collections.deque[tuple[Item, int]] = collections.deque()  # (item, its worker), not yet given out
    chars, finished = 0, False
    try:
        for n, item in enumerate(itertools.chain(source, [None])):
            if item is not None:
                tasks[n % jobs].put(item)
                sent.append((item, n % jobs))
                chars += _chars(item)
            while sent and (item is None or len(sent) >= _AHEAD_DOCS * jobs or chars >= _AHEAD_CHARS * jobs):
                first, w = sent.popleft()
                chars -= _chars(first)
                given = _parts_from(parts[w], workers[w])
                yield first, given
                collections.deque(given, maxlen=0)  # any part the reader left: the worker's next item follows
        finished = True
    finally:
        for w, worker in enumerate(workers):
            tasks[w].put(None)
            tasks[w].cancel_join_thread()  # never wait on a worker that is gone
            if not finished:  # interrupted, or the reader went away: no need to finish
                worker.terminate()
        for worker in workers:
            worker.join()


def _chars(item: Seen) -> int:
    return len(item.text) if isinstance(item, Document) else item.chars if isinstance(item, Summary) else 0
