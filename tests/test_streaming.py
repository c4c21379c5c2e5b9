"""A document's records are rendered and written a chunk at a time (batch.CHUNK_RECORDS), in one
process and in workers: the bytes are those of the whole document rendered at once, in input order."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from gongextract import Claim, extract, iter_claims
from gongextract.batch import CHUNK_RECORDS, parts_of, stream_many
from gongextract.cli import app
from gongextract.output import Format, Writer
from gongextract.sources import Document, InputError

runner = CliRunner()
# A statistical table pasted as text: three claims a row, 1,101 claims (a chunk and a bit).
TABLE = "".join(f"某区{n}号 书屋{100 + n}家 站{10 + n % 97}个 职工{1 + n % 40}.{n % 10}万人\n" for n in range(367))
SMALL = "全省建成职工书屋1.5万余家，覆盖职工900多万人。"


def test_the_table_holds_more_records_than_one_chunk() -> None:
    assert len(extract(TABLE)) == 1_101 > CHUNK_RECORDS


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A JSONL file: the table, a small article, a malformed line, the table again; and the bytes
    each format gets when every document is rendered whole (as before chunks)."""
    path = tmp_path_factory.mktemp("stream") / "in.jsonl"
    docs = [("t1", TABLE), ("s", SMALL), None, ("t2", TABLE)]
    lines = [json.dumps({"id": d[0], "text": d[1]}, ensure_ascii=False) if d else "{oops" for d in docs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    claims = [extract(text, doc=name) for name, text in filter(None, docs)]
    expected = {}
    for fmt in (Format.jsonl, Format.csv):
        out = io.StringIO(newline="")
        writer = Writer(out, fmt)
        for found in claims:
            writer.write(found)
        expected[fmt.value] = out.getvalue()
    return path, expected


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_chunks_give_the_bytes_of_whole_documents(
    inputs: tuple[Path, dict[str, str]], fmt: str, jobs: str, tmp_path: Path
) -> None:
    path, expected = inputs
    shown = runner.invoke(app, [str(path), "-q", "-f", fmt, "--jobs", jobs])
    target = tmp_path / f"out.{fmt}"
    written = runner.invoke(app, [str(path), "-q", "-f", fmt, "--jobs", jobs, "-o", str(target)])
    assert shown.exit_code == written.exit_code == 1  # the malformed line
    assert shown.stderr.splitlines() == [
        f"gongextract: error: {path}:3: malformed JSON line: "
        "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
    ]
    assert shown.stdout_bytes == expected[fmt].encode("utf-8")
    assert target.read_bytes() == expected[fmt].encode("utf-8")


@pytest.mark.parametrize(
    ("text", "chunk", "sizes"),
    [
        ("建成驿站10家、20家、30家", 2, [2, 1]),
        ("建成驿站10家、20家、30家、40家", 2, [2, 2]),  # a whole number of chunks: no empty part after them
        ("建成驿站10家", 2, [1]),
        ("没有数字", 2, [0]),  # a document without claims still gives its one (empty) part
    ],
)
def test_parts_of_a_document(text: str, chunk: int, sizes: list[int]) -> None:
    parts = list(parts_of(Document("d", text), None, list, chunk))
    assert [len(part) for part in parts] == sizes
    assert [c.text for part in parts for c in part] == [c.text for c in extract(text)]


def _failing_after(count: int) -> Any:
    def claims(text: str, doc: str | None = None, rules: Any = None) -> Iterator[Claim]:
        for n, claim in enumerate(iter_claims(text, doc, rules)):
            if n == count:
                raise RuntimeError("boom")
            yield claim

    return claims


def test_an_error_inside_a_document_ends_its_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gongextract.batch.iter_claims", _failing_after(5))
    parts = list(parts_of(Document("d", "建成驿站10家、20家、30家、40家、50家、60家、70家"), None, list, 2))
    assert [len(p) for p in parts[:-1]] == [2, 2]  # given out before the error: a writer has them
    assert parts[-1] == InputError("d", "internal error while extracting: RuntimeError: boom")


def test_an_error_within_the_first_chunk_gives_no_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gongextract.batch.iter_claims", _failing_after(1))
    parts = list(parts_of(Document("d", "建成驿站10家、20家、30家"), None, list, 9))
    assert parts == [InputError("d", "internal error while extracting: RuntimeError: boom")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_stream_many_keeps_input_order_part_by_part(jobs: int) -> None:
    texts = [TABLE[: 40 * (n + 1)] for n in range(6)] + [TABLE]
    items: list[Document | InputError] = [Document(f"d{n}", t) for n, t in enumerate(texts)]
    items.insert(3, InputError("bad", "binary file"))
    got = [
        (item, [p if isinstance(p, InputError) else len(p) for p in parts])
        for item, parts in stream_many(items, jobs, render=list, chunk=100)
    ]
    assert [item for item, _ in got] == items
    assert got[3][1] == [items[3]]  # the error, as its one part
    assert got[-1][1] == [100] * 11 + [1]
    assert [sum(sizes) for item, sizes in got if isinstance(item, Document)] == [len(extract(t)) for t in texts]
