"""The same records from every engine: one process, ``--jobs 2``, ``--dask local`` on two workers
(writing Parquet parts), and the Spark adapter in local[2], on the development articles plus a
generated corpus of 2,000 small documents with one malformed line among them."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract.cli import app
from gongextract.sources import Document, read_inputs

runner = CliRunner()
Rows = list[tuple[object, ...]]
TEMPLATES = [
    "{place}总工会：{year}年全省建成职工书屋{n}家，惠及职工群众{small}余万人。",
    "累计投入资金{small}.{digit}亿元，帮扶困难职工{n}户。",
    "全省建成工会驿站{n}个、职工服务中心{n2}家。",
    "职工满意率达到9{digit}.{digit}%。",
    "力争到20{future}年培养大国工匠{small}名左右。",
    "近{small}万家“工会爱心驿站”覆盖{place}城乡。",
    "调解劳动争议{n}多宗，涉及金额{n2}万元。",
    "不少于{n}人次劳模和工匠人才参加“技能强省”行动。",
    "每周工作4{digit}.{digit}小時，工間休息{small}0分鐘。",
    "建成{n}—{n2}人规模的实训基地。",
    "第{digit}届职工技能大赛于{digit}月1{digit}日举行，详见12351热线。",
    "近三成企业建立了工资集体协商制度。",
]
PLACES = ["广东省", "云南省", "江西省", "杭州市", "内蒙古自治区", "香港"]
BROKEN_LINE = 1001  # a malformed JSON line in the middle: reported by name, the rest written


def generated(count: int = 2000, seed: int = 11) -> list[dict[str, str]]:
    """Small documents of one to three sentences built from corpus-like phrases."""
    rng = random.Random(seed)

    def sentence() -> str:
        n = rng.randint(2, 9000)
        return rng.choice(TEMPLATES).format(
            place=rng.choice(PLACES), year=rng.randint(2019, 2025), future=rng.randint(26, 35), n=n,
            n2=n + rng.randint(1, 5000), small=rng.randint(1, 99), digit=rng.randint(0, 9),
        )

    return [{"id": f"gen{i:04d}", "text": "".join(sentence() for _ in range(rng.randint(1, 3)))} for i in range(count)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, development_folders: list[str]) -> list[str]:
    path = tmp_path_factory.mktemp("engines") / "generated.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in generated()]
    lines.insert(BROKEN_LINE - 1, '{"id": "broken", "text": "建成驿站')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*development_folders, str(path)]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the plain run writes its ``--report``."""
    return tmp_path_factory.mktemp("report") / "plain.jsonl"


@pytest.fixture(scope="module")
def expected(inputs: list[str], as_rows: Callable[..., Rows], report: Path) -> Rows:
    """The records of the plain run: one process, JSONL on stdout."""
    result = runner.invoke(app, [*inputs, "-q", "--jobs", "1", "--report", str(report)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"gongextract: error: {inputs[-1]}:{BROKEN_LINE}: malformed JSON line")
    rows = as_rows(json.loads(line) for line in result.stdout.splitlines())
    assert len({row[0] for row in rows}) > 1700 and len(rows) > 4000  # most documents have claims
    return rows


def test_two_worker_processes(inputs: list[str], expected: Rows, as_rows: Callable[..., Rows]) -> None:
    result = runner.invoke(app, [*inputs, "-q", "--jobs", "2"])
    assert result.exit_code == 1
    assert f"{inputs[-1]}:{BROKEN_LINE}: malformed JSON line" in result.stderr
    assert as_rows(json.loads(line) for line in result.stdout.splitlines()) == expected


def test_dask_local_cluster_writing_parquet_parts(inputs: list[str], expected: Rows, tmp_path: Path,
                                                 as_rows: Callable[..., Rows]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pytest.importorskip("distributed")
    out = tmp_path / "claims"
    result = runner.invoke(app, [*inputs, "-q", "--dask", "local", "--jobs", "2", "-f", "parquet", "-o", f"{out}/"])
    assert result.exit_code == 1
    assert f"gongextract: error: {inputs[-1]}:{BROKEN_LINE}: malformed JSON line" in result.stderr
    assert len(list(out.glob("part-*.parquet"))) > 1
    assert as_rows(pq.read_table(out).to_pylist()) == expected


def test_dask_local_cluster_to_stdout_with_a_report(inputs: list[str], expected: Rows, report: Path, tmp_path: Path,
                                                    as_rows: Callable[..., Rows]) -> None:
    """The workers read their splits; the records come back here in input order, and every input
    is reported as the plain run reports it."""
    pytest.importorskip("distributed")
    result = runner.invoke(app, [*inputs, "-q", "--dask", "local", "--jobs", "2", "--report", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 1
    assert as_rows(json.loads(line) for line in result.stdout.splitlines()) == expected
    assert (tmp_path / "r.jsonl").read_text(encoding="utf-8") == report.read_text(encoding="utf-8")


def test_dask_local_cluster_reading_stdin(inputs: list[str], expected: Rows, as_rows: Callable[..., Rows]) -> None:
    """Standard input is read here and sent to the workers in chunks."""
    pytest.importorskip("distributed")
    stdin = Path(inputs[-1]).read_text(encoding="utf-8")
    result = runner.invoke(app, ["-", "-q", "--dask", "local", "--jobs", "2"], input=stdin)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"gongextract: error: -:{BROKEN_LINE}: malformed JSON line")
    generated_rows = [row for row in expected if str(row[0]).startswith("gen")]
    assert as_rows(json.loads(line) for line in result.stdout.splitlines()) == generated_rows


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_local(spark: object, inputs: list[str], expected: Rows, as_rows: Callable[..., Rows]) -> None:
    from gongextract.spark import extract_frame

    documents = [(item.doc, item.text) for item in read_inputs(inputs) if isinstance(item, Document)]
    frame = spark.createDataFrame(documents, "id string, text string")  # type: ignore[attr-defined]
    claims = extract_frame(frame)
    assert claims.rdd.getNumPartitions() == 2
    assert as_rows(row.asDict() for row in claims.collect()) == expected
