"""The Dask adapter: a bag of documents to claim records, and a cluster run that survives a killed worker."""

from __future__ import annotations

import json
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
from gongextract.sources import Document, InputError, read_inputs

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


@pytest.fixture
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A JSONL file of 300 articles with a malformed line, and two text files, named as a user would."""
    monkeypatch.chdir(tmp_path)
    lines = [f'{{"id": "n{i:03d}", "text": "全省建成职工书屋{i + 1}家，投入资金{i}.5亿元。"}}' for i in range(300)]
    lines[150] = '{"id": "broken", "text": "建成驿站'
    Path("news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    Path("a.txt").write_text("全省建成职工书屋1.5万余家。", encoding="utf-8")
    Path("b.txt").write_bytes("投入資金7.1億元。".encode("big5"))
    return ["news.jsonl", "a.txt", "b.txt", "missing.txt"]


def test_workers_read_their_splits_and_write_their_parts(news: list[str], tmp_path: Path) -> None:
    """Through a scheduler's address (the workers are asked whether they see these files): the same
    documents, errors and records as reading and writing here."""
    distributed = pytest.importorskip("distributed")
    from functools import partial

    from gongextract.dask import extract_inputs
    from gongextract.output import Format, Parts, render
    from gongextract.sources import Summary

    jsonl = partial(render, fmt=Format.jsonl)
    expected = [(Summary.of(i) if isinstance(i, Document) else i, r) for i, r in extract_many(read_inputs(news), render=jsonl)]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        here = list(extract_inputs(news, cluster.scheduler_address, render=jsonl, workers_read=False))
        parts = Parts(tmp_path / "out", Format.jsonl)
        there = list(extract_inputs(news, cluster.scheduler_address, render=jsonl, parts=parts))
    assert here == expected
    assert [item for item, _ in there] == [item for item, _ in expected]
    assert [r if isinstance(r, InputError) else r[1] for _, r in expected] == [r for _, r in there]  # counts written
    assert "".join(p.read_text(encoding="utf-8") for p in sorted(parts.folder.iterdir())) == "".join(
        r[0] for _, r in expected if not isinstance(r, InputError)
    )  # only whole parts, in order: no temporary file and no probe left
    errors = [(item.where, item.reason.split(":")[0]) for item, _ in there if isinstance(item, InputError)]
    assert errors == [("news.jsonl:151", "malformed JSON line"), ("missing.txt", "no such file or directory")]


def test_a_split_that_keeps_killing_its_worker_is_named_by_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    import cloudpickle
    import dask

    from gongextract.dask import extract_inputs

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import this test module
    monkeypatch.chdir(tmp_path)
    lines = [f'{{"id": "{"boom" if i == 250 else i}", "text": "建成驿站{i}个。"}}\n' for i in range(400)]
    Path("boom.jsonl").write_text("".join(lines), encoding="utf-8")
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
    ):
        got = list(extract_inputs(["boom.jsonl"], cluster.scheduler_address, render=_die_on_boom, split_bytes=2000))
    lost = [item for item, _ in got if isinstance(item, InputError)]  # the split, and any queued behind it
    spans = [tuple(map(int, item.where.removeprefix("boom.jsonl:").split("-"))) for item in lost]
    assert {item.reason.split(":")[0] for item in lost} == {"lost on the cluster"}
    assert any(first <= 251 <= last for first, last in spans) and all(1 < last - first < 100 for first, last in spans)
    assert len(got) - len(lost) + sum(last - first + 1 for first, last in spans) == 400  # every line accounted for


def test_a_worker_killed_while_writing_parts_loses_nothing(tmp_path: Path) -> None:
    """What ``--dask`` runs: one of two workers is killed while splits are in flight; their parts are
    written again, whole, and every record is there once."""
    distributed = pytest.importorskip("distributed")
    from functools import partial

    from gongextract.dask import extract_inputs
    from gongextract.output import Format, Parts, render

    text = "全省建成职工书屋1.5万余家，覆盖职工900多万人，投入资金7.1亿元。" * 20
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i:03d}", "text": text[: 200 + i * 3]}, ensure_ascii=False) + "\n"
                            for i in range(200)), encoding="utf-8")
    jsonl = partial(render, fmt=Format.jsonl)
    expected = "".join(r[0] for _, r in extract_many(read_inputs([str(path)]), render=jsonl))
    parts = Parts(tmp_path / "out", Format.jsonl)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        before = client.run(os.getpid)
        results = extract_inputs([str(path)], cluster.scheduler_address, render=jsonl, parts=parts, split_bytes=20_000)
        got = [next(results)]  # the first split is done, the next ones are on both workers
        os.kill(next(iter(before.values())), signal.SIGKILL)
        got.extend(results)
        client.wait_for_workers(2, timeout=60)
    assert len(got) == 200 and all(isinstance(count, int) and count > 0 for _, count in got)
    assert "".join(p.read_text(encoding="utf-8") for p in sorted(parts.folder.glob("part-*.jsonl"))) == expected
