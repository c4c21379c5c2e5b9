"""Parquet output and folders of part files: the schema, what readers get back, and atomic parts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract.batch import CHUNK_DOCS
from gongextract.claims import FIELDS
from gongextract.cli import app
from gongextract.output import Format, arrow_schema, arrow_table, open_sink, render
from gongextract.sources import Document

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

runner = CliRunner()
ARTICLE = "广东省总工会：2024年全省建成职工书屋1.5万余家，投入资金7.1亿元，惠及职工群众1650余万人，满意率99.5%。\n力争到2029年建成3000—5000个驿站。"


def _jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_schema_follows_the_spec() -> None:
    schema = arrow_schema()
    assert schema.names == list(FIELDS)
    types = {field.name: str(field.type) for field in schema}
    assert {name: types[name] for name in ("start", "end", "value", "value_max", "year")} == {
        "start": "int64", "end": "int64", "value": "double", "value_max": "double", "year": "int32"
    }
    assert {name for name, kind in types.items() if kind == "string"} == set(FIELDS) - {"start", "end", "value", "value_max", "year"}
    assert all(field.nullable for field in schema)


def test_values_too_large_for_int64_still_fit() -> None:
    record = dict.fromkeys(FIELDS)
    record.update(doc="a", start=0, end=31, text="1" * 30 + "元", value=int("1" * 30), qualifier="exact", kind="money", status="achieved")
    table = arrow_table([record])
    assert table.column("value").to_pylist() == [float("1" * 30)]
    assert table.column("year").to_pylist() == [None]


def _read_pandas(path: Path) -> list[dict[str, object]]:
    import pandas as pd

    return pd.read_parquet(path).to_dict("records")  # type: ignore[no-any-return]


def _read_duckdb(path: Path) -> list[dict[str, object]]:
    import duckdb

    relation = duckdb.sql(f"SELECT * FROM read_parquet('{path}')")
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


@pytest.mark.parametrize("read", [_read_pandas, _read_duckdb], ids=["pandas", "duckdb"])
def test_readers_get_the_jsonl_rows_back(article: Path, tmp_path: Path, read: Callable[[Path], list[dict[str, object]]],
                                         as_rows: Callable[..., list[tuple[object, ...]]]) -> None:
    out = tmp_path / "claims.parquet"
    assert runner.invoke(app, [str(article), "-q", "-f", "parquet", "-o", str(out)]).exit_code == 0
    jsonl = _jsonl(runner.invoke(app, [str(article), "-q"]).stdout)
    assert len(jsonl) == 5
    back = read(out)
    assert list(back[0]) == list(FIELDS)
    assert as_rows(back) == as_rows(jsonl)
    assert [r["year"] for r in jsonl] == [2024, 2024, 2024, 2024, 2029]


def test_empty_parquet_still_has_the_schema(tmp_path: Path) -> None:
    path, out = tmp_path / "none.txt", tmp_path / "none.parquet"
    path.write_text("没有数字。", encoding="utf-8")
    assert runner.invoke(app, [str(path), "-q", "-f", "parquet", "-o", str(out)]).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.schema == arrow_schema()


def test_parquet_needs_an_output(article: Path) -> None:
    result = runner.invoke(app, [str(article), "-f", "parquet"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "gongextract: error: output: Parquet output needs -o FILE or -o DIR/"


@pytest.fixture()
def many(tmp_path: Path) -> Path:
    """A JSONL file of 2.5 chunks of small documents, so a folder gets three parts."""
    path = tmp_path / "many.jsonl"
    lines = [json.dumps({"id": f"d{i:04d}", "text": f"建成驿站{i + 1}0家。"}, ensure_ascii=False) for i in range(CHUNK_DOCS * 5 // 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_folder_gets_one_part_per_chunk(many: Path, tmp_path: Path, fmt: str,
                                          as_rows: Callable[..., list[tuple[object, ...]]]) -> None:
    folder = tmp_path / "out"
    result = runner.invoke(app, [str(many), "-q", "-f", fmt, "-o", f"{folder}/", "--jobs", "2"])
    assert result.exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"part-{n:05d}.{fmt}" for n in range(3)]  # and no temporary file left behind
    if fmt == "jsonl":
        records = [r for name in names for r in _jsonl((folder / name).read_text(encoding="utf-8"))]
    else:
        records = pq.read_table(folder).to_pylist()  # a folder of parts reads as one table
        assert pq.read_table(folder / names[0]).num_rows == CHUNK_DOCS
    assert as_rows(records) == as_rows(_jsonl(runner.invoke(app, [str(many), "-q"]).stdout))


@pytest.mark.parametrize("fmt", [Format.jsonl, Format.parquet])
def test_an_interrupted_run_leaves_whole_parts_only(tmp_path: Path, fmt: Format) -> None:
    docs = [Document(f"d{i}", f"建成驿站{i + 1}0家。") for i in range(CHUNK_DOCS + 7)]
    with pytest.raises(KeyboardInterrupt), open_sink(f"{tmp_path}/", fmt) as sink:
        for doc in docs:
            sink.put(doc, _rendered(doc, fmt))
            sink.end(doc)
        raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] == [f"part-00000.{fmt.value}"]


def _rendered(doc: Document, fmt: Format) -> object:
    from gongextract import extract

    return render(extract(doc.text, doc.doc), fmt)[0]


def test_a_folder_with_parts_of_another_run_is_refused(many: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "part-00000.jsonl").write_text("", encoding="utf-8")
    result = runner.invoke(app, [str(many), "-q", "-o", str(folder)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"gongextract: error: {folder}: holds part-*.jsonl files of another run (remove them, or choose another folder)"


def test_base_run_imports_no_extra(article: Path) -> None:
    """Start-up is unchanged: a plain run imports neither pyarrow, dask nor pyspark."""
    code = (
        "import sys; from typer.testing import CliRunner; from gongextract.cli import app; "
        f"CliRunner().invoke(app, [{str(article)!r}, '-q']); "
        "print(sorted(m for m in ('pyarrow', 'dask', 'distributed', 'pyspark', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("options", "missing", "extra"),
    [(["-f", "parquet", "-o", "claims.parquet"], "pyarrow", "parquet"), (["--dask", "local"], "distributed", "dask")],
    ids=["parquet without pyarrow", "dask without distributed"],
)
def test_a_missing_extra_is_named(article: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                  options: list[str], missing: str, extra: str) -> None:
    monkeypatch.chdir(tmp_path)
    for name in [m for m in sys.modules if m == missing or m.startswith(f"{missing}.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)  # what an import finds when the package is absent
    result = runner.invoke(app, [str(article), "-q", *options])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"gongextract: error: {missing}: not installed: pip install 'gongextract[{extra}]'"
    assert list(tmp_path.iterdir()) == [article]  # no output file, not even a temporary one
