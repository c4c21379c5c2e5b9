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
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import dask.bag as db

from .batch import CHUNK_DOCS, Item, Render, chunks, claims_as_list, extract_chunk, records_of
from .output import arrow_schema, arrow_table
from .sources import InputError


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


def extract_on_cluster(
    items: Iterable[Item],
    address: str,
    jobs: int = 2,
    rules_dir: str | Path | None = None,
    render: Render = claims_as_list,
    chunk_docs: int = CHUNK_DOCS,
) -> Iterator[tuple[Item, Any]]:
    """``(item, render(claims) or InputError)`` for every item in input order, like
    :func:`gongextract.batch.extract_many`, computed on a Dask cluster: what ``--dask`` runs.

    ``address`` is a scheduler's (``tcp://host:8786``) or ``local`` for a LocalCluster of ``jobs``
    single-threaded worker processes. Each input chunk is one task that carries its documents, so
    when a worker dies the scheduler runs its tasks again elsewhere and nothing is lost. The rules
    folder, if any, must be readable by the workers at the same path.
    """
    import dask
    from distributed import Client, LocalCluster  # the scheduler client, only for a cluster run

    rules_arg = None if rules_dir is None else str(rules_dir)
    with contextlib.ExitStack() as stack:
        if address == "local":
            # The workers' sampling profiler feeds a dashboard this cluster does not open, and costs
            # about 5 % of their CPU; the event loops' health checks (every 20 ms), system and memory
            # monitors (every 0.5 and 0.1 s) take the GIL from the task thread: 1 s on a 25 s run.
            # (Workers stay spawned: forked ones started in 0.2 s instead of 1.5 s, but inherit the
            # parent's sockets and threads, and a test run hung on them.)
            stack.enter_context(dask.config.set(_LOCAL_CONFIG))
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, dashboard_address=None)
            client = stack.enter_context(Client(stack.enter_context(cluster)))
        else:
            client = stack.enter_context(Client(address))
        window = 2 * max(1, sum(client.nthreads().values()))  # chunks in flight: every worker busy, memory bounded
        pending: collections.deque[tuple[list[Item], Any]] = collections.deque()
        for chunk in chunks(items, chunk_docs):
            pending.append((chunk, client.submit(extract_chunk, chunk, rules_arg, render, pure=False)))
            if len(pending) >= window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(chunk: list[Item], future: Any) -> Iterator[tuple[Item, Any]]:
    """A chunk's results; a task that failed for good (its workers kept dying) fails each of its
    documents by name, and the run goes on."""
    try:
        return zip(chunk, future.result(), strict=True)
    except Exception as exc:
        reason = f"lost on the cluster: {type(exc).__name__}: {exc}"
        return ((item, item if isinstance(item, InputError) else InputError(item.doc, reason)) for item in chunk)
