"""Run gongextract on a Dask cluster: a bag of documents to claim records (a bag, or a DataFrame with the
Parquet schema), and what the CLI's ``--dask`` runs.

This module is ``gongextract.dask``; with absolute imports its ``import dask`` is the library itself.

>>> import dask.bag as db
>>> documents = db.from_sequence([{"id": "a", "text": "建成驿站1.6万家。"}, ("b", "投入7.1亿元。")], npartitions=2)
>>> [(r["doc"], r["text"], r["value"]) for r in extract_bag(documents).compute(scheduler="sync")]
[('a', '1.6万家', 16000), ('b', '7.1亿元', 710000000)]
"""

from __future__ import annotations

import collections
import contextlib
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import dask.bag as db

from .batch import CHUNK_DOCS, Item, Render, chunks, claims_as_list, extract_chunk, records_of, result_of
from .output import PartFile, Parts, arrow_schema, arrow_table, write_parts
from .pages import MissingExtra
from .rules import load_rules
from .sources import DEFAULT_OPTIONS, Document, InputError, Options, Summary, input_files, summarised
from .splits import SPLIT_BYTES, Split, plan, read_split

T = TypeVar("T")


_LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _partition(documents: Iterable[object], rules_dir: str | None) -> list[dict[str, Any]]:
    return list(records_of(documents, rules_dir))


def extract_bag(documents: db.Bag, rules_dir: str | Path | None = None) -> db.Bag:
    """A bag of claim records (dicts in SPEC field order) from a bag of documents, each
    ``{"id": …, "text": …}`` or ``(doc, text)``. A document that cannot be read or extracted is
    logged (logger ``gongextract``, naming it) and skipped; the rest go on.
    :func:`claims_frame` gives them as a DataFrame with the Parquet schema.
    """
    return documents.map_partitions(_partition, None if rules_dir is None else str(rules_dir))


def _frame(documents: Iterable[object], rules_dir: str | None) -> Any:
    import pandas as pd

    return arrow_table(list(records_of(documents, rules_dir))).to_pandas(types_mapper=pd.ArrowDtype)


def claims_frame(documents: db.Bag, rules_dir: str | Path | None = None) -> Any:
    """The claims of :func:`extract_bag` as a Dask DataFrame with the Parquet schema (Arrow-backed
    columns, nulls kept), one partition per partition of ``documents``: ``.to_parquet("claims/")``."""
    import dask.dataframe as dd
    import pandas as pd
    from dask.delayed import delayed

    meta = arrow_schema().empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    rules_arg = None if rules_dir is None else str(rules_dir)
    parts = [delayed(_frame)(part, rules_arg) for part in documents.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


@contextlib.contextmanager
def _connect(address: str, jobs: int) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``jobs`` single-threaded
    worker processes for ``local``."""
    import dask
    from distributed import Client, LocalCluster  # the scheduler client, only for a cluster run

    with contextlib.ExitStack() as stack:
        if address == "local":
            # The workers' sampling profiler feeds a dashboard this cluster does not open, and costs
            # about 5 % of their CPU; the event loops' health checks (every 20 ms), system and memory
            # monitors (every 0.5 and 0.1 s) take the GIL from the task thread: 1 s on a 25 s run.
            # (Workers stay spawned: forked ones started in 0.2 s instead of 1.5 s, but inherit the
            # parent's sockets and threads, and a test run hung on them.)
            stack.enter_context(dask.config.set(_LOCAL_CONFIG))
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
            yield stack.enter_context(Client(stack.enter_context(cluster)))
        else:
            yield stack.enter_context(Client(address))


def _in_flight(submitted: Iterable[T], client: Any) -> Iterator[T]:
    """The submitted tasks, in order, with two per worker thread running ahead: every worker busy,
    memory bounded."""
    window = 2 * max(1, sum(client.nthreads().values()))
    pending: collections.deque[T] = collections.deque()
    for task in submitted:
        pending.append(task)
        if len(pending) >= window:
            yield pending.popleft()
    yield from pending


def extract_on_cluster(
    items: Iterable[Item],
    address: str,
    jobs: int = 2,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
    chunk_docs: int = CHUNK_DOCS,
) -> Iterator[tuple[Item, Any]]:
    """``(item, render(claims) or InputError)`` for every item in input order, like
    :func:`gongextract.batch.extract_many`, computed on a Dask cluster.

    ``address`` is a scheduler's (``tcp://host:8786``) or ``local`` for a LocalCluster of ``jobs``
    single-threaded worker processes. Each chunk of items is one task that carries its documents, so
    when a worker dies the scheduler runs its tasks again elsewhere and nothing is lost. The rules
    folder, if any, must be readable by the workers at the same path.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    with _connect(address, jobs) as client:
        tasks = ((c, client.submit(extract_chunk, c, rules_arg, render, pure=False)) for c in chunks(items, chunk_docs))
        for chunk, future in _in_flight(tasks, client):
            yield from _collect(chunk, future)


def _collect(chunk: list[Item], future: Any) -> Iterator[tuple[Item, Any]]:
    """A chunk's results; a task that failed for good (its workers kept dying) fails each of its
    documents by name, and the run goes on."""
    try:
        return zip(chunk, future.result(), strict=True)
    except Exception as exc:
        reason = _lost(exc)
    return ((item, item if isinstance(item, InputError) else InputError(item.doc, reason)) for item in chunk)


def _lost(exc: Exception) -> str:
    return f"lost on the cluster: {type(exc).__name__}: {exc}"


Reported = Summary | InputError


def extract_inputs(
    inputs: Iterable[str],
    address: str,
    options: Options = DEFAULT_OPTIONS,
    jobs: int = 2,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
    parts: Parts | None = None,
    workers_read: bool | None = None,
    split_bytes: int = SPLIT_BYTES,
) -> Iterator[tuple[Reported, Any]]:
    """What ``--dask`` runs: ``(document's summary or error, result)`` for every document of the
    inputs (files, folders, ``-``) in input order, extracted on a Dask cluster (see
    :func:`extract_on_cluster` for ``address`` and ``jobs``).

    The inputs are cut into splits of about ``split_bytes`` (:mod:`gongextract.splits`) that the
    workers read themselves, and with ``parts`` each task writes its own part file, so only file names
    and counts pass through this process; the result is then the number of records written, else
    ``render(claims)``. Workers read and write so when they see this machine's files (``workers_read``:
    always for ``local``; by default a remote cluster's are asked once); otherwise, and for standard
    input, this process reads the documents and writes the parts, as :func:`extract_on_cluster` does.
    """
    rules_arg = None if rules_dir is None else str(rules_dir)
    with _connect(address, jobs) as client:
        if workers_read is None:
            workers_read = address == "local" or _workers_see(client, inputs, options, parts)

        def submitted() -> Iterator[tuple[Split | list[Item] | InputError, Any]]:
            for unit in plan(inputs, options, split_bytes):
                if isinstance(unit, InputError):
                    yield unit, None
                    continue
                for work in [unit] if workers_read and not unit.local else chunks(read_split(unit, options)):
                    part = parts.reserve() if parts is not None and workers_read else None
                    yield work, client.submit(_extract_work, work, options, rules_arg, render, part, pure=False)

        for work, future in _in_flight(submitted(), client):
            yield from _results(work, future)


def _extract_work(
    work: Split | list[Item], options: Options, rules_dir: str | None, render: Render, part: PartFile | None
) -> list[tuple[Reported, Any]]:
    """A cluster task: read a split (or take the documents sent), extract, and write the part file
    (the result is then each document's count of records) or return the rendered records."""
    rules = load_rules(rules_dir)
    sink = None if part is None else part.open()
    done: list[tuple[Reported, Any]] = []
    try:
        for item in read_split(work, options) if isinstance(work, Split) else work:
            result = result_of(item, rules, render)
            done.append((summarised(item), result if sink is None else write_parts(sink, item, [result])))
        if sink is not None:
            sink.commit()
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    return done


def _results(work: Split | list[Item] | InputError, future: Any) -> Iterator[tuple[Reported, Any]]:
    """A task's results; a task that failed for good names the inputs it held, and the run goes on."""
    if isinstance(work, InputError):
        return iter([(work, work)])
    try:
        return iter(future.result())
    except MissingExtra:
        raise
    except Exception as exc:
        reason = _lost(exc)
    if isinstance(work, Split):
        return ((error, error) for error in (InputError(where, reason) for where in work.where()))
    return ((summarised(item), InputError(item.doc, reason) if isinstance(item, Document) else item) for item in work)


def _workers_see(client: Any, inputs: Iterable[str], options: Options, parts: Parts | None) -> bool:
    """Whether the workers see this machine's files: the first input file, of the same size, and a
    file put into the parts folder."""
    first = next((path for path in input_files(inputs, options) if isinstance(path, str) and path != "-"), None)
    probe = None if parts is None else parts.folder / f".gongextract-probe-{uuid.uuid4().hex}"
    files = [] if first is None else [(os.path.abspath(first), os.path.getsize(first))]
    if probe is not None:
        probe.touch()
        files.append((str(probe.resolve()), 0))
    try:
        return all(client.run(_sizes_match, files).values())
    finally:
        if probe is not None:
            probe.unlink(missing_ok=True)


def _sizes_match(files: list[tuple[str, int]]) -> bool:
    try:
        return all(os.path.getsize(path) == size for path, size in files)
    except OSError:
        return False
