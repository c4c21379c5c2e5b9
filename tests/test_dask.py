"""The Dask adapter: a bag of documents to claim records, and a cluster run that survives a killed worker."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from gongextract.batch import claims_as_records, extract_many
from gongextract.claims import Claim
from gongextract.output import arrow_schema
from gongextract.sources import Document, InputError

db = pytest.importorskip("dask.bag")

DOCUMENTS = [
    {"id": "a", "text": "全省建成职工书屋1.5万余家。"},
    ("b", "投入资金7.1亿元，惠及职工群众1650余万人。"),
    {"id": "no-text", "body": "建成驿站160个。"},
    {"url": "http://x/1", "text": "调解劳动争议2.2万多宗。"},
    ("bad-text", 42),
    "just a string",
]


def test_bag_of_documents_to_records(caplog: pytest.LogCaptureFixture) -> None:
    from gongextract.dask import extract_bag

    bag = db.from_sequence(DOCUMENTS, npartitions=3)
    with caplog.at_level(logging.WARNING, logger="gongextract"):
        records = extract_bag(bag).compute(scheduler="sync")
    assert [(r["doc"], r["text"], r["value"]) for r in records] == [
        ("a", "1.5万余家", 15000), ("b", "7.1亿元", 710000000), ("b", "1650余万人", 16500000), ("http://x/1", "2.2万多宗", 22000)
    ]
    assert sorted(r.getMessage() for r in caplog.records) == [
        "'just a string': not a document: expected {'id': …, 'text': …} or (doc, text)",
        "bad-text: the text is not a string",
        "no-text: the text is not a string",
    ]


def test_claims_frame_writes_the_parquet_schema(tmp_path: Path, as_rows: Callable[..., list[tuple[object, ...]]]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from gongextract.dask import claims_frame, extract_bag

    bag = db.from_sequence(DOCUMENTS, npartitions=3)
    claims_frame(bag).to_parquet(tmp_path / "claims", write_index=False, compute_kwargs={"scheduler": "sync"})
    table = pq.read_table(tmp_path / "claims")
    assert table.schema.remove_metadata() == arrow_schema()
    assert as_rows(table.to_pylist()) == as_rows(extract_bag(bag).compute(scheduler="sync"))
    assert table.num_rows == 4


def test_a_killed_worker_loses_nothing() -> None:
    """One of two workers is killed (SIGKILL) while chunks are in flight; its tasks run again."""
    distributed = pytest.importorskip("distributed")
    from gongextract.dask import extract_on_cluster

    text = "全省建成职工书屋1.5万余家，覆盖职工900多万人，投入资金7.1亿元。" * 20  # a chunk takes about 50 ms
    documents = [Document(f"d{i:03d}", text[: 200 + i * 3]) for i in range(200)]
    expected = [(item, records) for item, records in extract_many(documents, render=claims_as_records)]
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        before = client.run(os.getpid)
        results = extract_on_cluster(documents, cluster.scheduler_address, render=claims_as_records, chunk_docs=10)
        got = [next(results)]  # the first chunk is done, the next ones are on both workers
        os.kill(next(iter(before.values())), signal.SIGKILL)
        got.extend(results)
        client.wait_for_workers(2, timeout=60)
        after = client.run(os.getpid)
    assert got == expected
    assert len(after) == 2 and set(after.values()) != set(before.values())  # the nanny started a new worker


def _die_on_boom(claims: Iterable[Claim]) -> list[dict[str, object]]:
    """A render that kills its worker process on the document named boom."""
    records = claims_as_records(claims)
    if records and records[0]["doc"] == "boom":
        os._exit(1)
    return records


def test_a_task_that_keeps_killing_its_worker_fails_its_documents_by_name() -> None:
    distributed = pytest.importorskip("distributed")
    import cloudpickle
    import dask

    from gongextract.dask import extract_on_cluster

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    documents = [Document("boom" if i == 15 else f"d{i:02d}", f"建成驿站{i + 1}0家。") for i in range(30)]
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),  # the first death is final
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
    ):
        got = list(extract_on_cluster(documents, cluster.scheduler_address, render=_die_on_boom, chunk_docs=10))
    assert [item for item, _ in got] == documents
    lost = [(result.where, result.reason.split(":")[:2]) for _, result in got if isinstance(result, InputError)]
    assert lost == [(doc.doc, ["lost on the cluster", " KilledWorker"]) for doc in documents[10:20]]
    assert [len(result) for _, result in got if not isinstance(result, InputError)] == [1] * 20
