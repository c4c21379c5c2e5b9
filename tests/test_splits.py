"""Splits a cluster worker reads itself: together they give exactly the documents, and the errors
naming them, that reading the inputs here gives, in the same order."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongextract.sources import Document, InputError, read_inputs
from gongextract.splits import Split, plan, read_split


def _read(inputs: list[str], size: int) -> list[object]:
    return [item for unit in plan(inputs, size=size) for item in ([unit] if isinstance(unit, InputError) else read_split(unit))]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Inputs named relative to the working directory, as users name them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("全省建成职工书屋1.5万余家。", encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_bytes("投入資金7.1億元。".encode("big5"))
    (tmp_path / "news" / "c.jsonl").write_text(
        '{"id": "c1", "text": "建成驿站160个"}\n\n{"id": "c2", "text": "惠及职工1650余万人"}\nnot json\n'
        '{"id": "c4", "text": "调解劳动争议2.2万多宗"}',  # no newline at the end
        encoding="utf-8",
    )
    (tmp_path / "empty").mkdir()
    return tmp_path


CASES = {  # inputs, split size in bytes -> the splits (names, start, end, first line, lines)
    "small files grouped until the size is reached": (
        ["news/a.txt", "news/b.txt"], 40, [(("news/a.txt", "news/b.txt"), 0, None, 1, 0)]
    ),
    "a file as large as the size closes its group": (
        ["news/a.txt", "news/b.txt"], 10, [(("news/a.txt",), 0, None, 1, 0), (("news/b.txt",), 0, None, 1, 0)]
    ),
    "a JSONL file cut at line ends, its lines counted": (
        ["news/c.jsonl"], 60, [(("news/c.jsonl",), 0, 94, 1, 3), (("news/c.jsonl",), 94, 157, 4, 2)]
    ),
    "a folder: its files sorted, JSONL apart": (
        ["news"], 1000,
        [(("news/a.txt", "news/b.txt"), 0, None, 1, 0), (("news/c.jsonl",), 0, 157, 1, 5)],
    ),
    "standard input is one split, for the client": (["-"], 1000, [(("-",), 0, None, 1, 0)]),
}


@pytest.mark.parametrize("case", CASES)
def test_plan(folder: Path, case: str) -> None:
    inputs, size, expected = CASES[case]
    got = [(s.names, s.start, s.end, s.line, s.lines) for s in plan(inputs, size=size) if isinstance(s, Split)]
    assert got == expected
    assert all(s.folder == str(folder) for s in plan(inputs, size=size) if isinstance(s, Split))


def test_inputs_naming_no_file_are_errors_in_their_place(folder: Path) -> None:
    units = list(plan(["news/a.txt", "missing.txt", "empty", "news/c.jsonl"], size=1000))
    assert [u.where if isinstance(u, InputError) else u.names for u in units] == [
        ("news/a.txt",), "missing.txt", "empty", ("news/c.jsonl",)
    ]


@pytest.mark.parametrize("size", [1, 20, 40, 75, 1000])
def test_splits_read_what_the_inputs_give(folder: Path, size: int) -> None:
    inputs = ["news", "missing.txt", "news/c.jsonl", "empty"]
    got = _read(inputs, size)
    assert got == list(read_inputs(inputs))
    assert "news/c.jsonl:4" in [item.where for item in got if isinstance(item, InputError)]  # the bad line, by number


def test_a_worker_reads_from_the_clients_working_directory(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (split,) = plan(["news/a.txt"])
    monkeypatch.chdir(folder / "empty")  # a worker elsewhere
    assert [d.doc for d in read_split(split) if isinstance(d, Document)] == ["news/a.txt"]


def test_a_lost_split_is_named_by_its_files_or_lines(folder: Path) -> None:
    assert [s.where() for s in plan(["news"], size=60) if isinstance(s, Split)] == [
        ["news/a.txt", "news/b.txt"], ["news/c.jsonl:1-3"], ["news/c.jsonl:4-5"]
    ]


lines = st.lists(
    st.one_of(
        st.builds(lambda n, t: json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False), st.integers(0, 99), st.text(max_size=30)),
        st.sampled_from(["", "not json", "[1]", '{"id": "x"}']),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=lines, size=st.integers(1, 300), newline_at_end=st.booleans())
def test_any_jsonl_file_read_in_splits_is_read_whole(tmp_path: Path, lines: list[str], size: int, newline_at_end: bool) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + ("\n" if newline_at_end else ""), encoding="utf-8")
    name = os.fspath(path)
    splits = [s for s in plan([name], size=size) if isinstance(s, Split)]
    assert [(a.end, a.line + a.lines) for a in splits[:-1]] == [(b.start, b.line) for b in splits[1:]]  # no gap, no overlap
    assert _read([name], size) == list(read_inputs([name]))
