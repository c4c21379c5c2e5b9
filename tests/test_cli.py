"""The command line, driven as a user drives it: records on stdout, one error line per bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract.cli import app

runner = CliRunner()
ARTICLE = "全省建成职工书屋1.5万余家，覆盖职工900多万人。"


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_file_to_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [str(path), "-q"])
    assert result.exit_code == 0
    records = _records(result.stdout)
    assert [(r["doc"], r["text"], r["value"]) for r in records] == [(str(path), "1.5万余家", 15000), (str(path), "900多万人", 9000000)]
    assert list(records[0]) == ["doc", "start", "end", "text", "value", "value_max", "qualifier", "unit", "kind",
                                "object", "program", "action", "province", "year", "status", "sentence"]


def test_csv_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("他说,“投入7.1亿元”,\n惠及职工群众1650余万人", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, [str(path), "-f", "csv", "-o", str(out), "-q"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["text"] for r in rows] == ["7.1亿元", "1650余万人"]
    assert rows[0]["sentence"] == "他说,“投入7.1亿元”,"
    assert rows[0]["value_max"] == ""


def test_excel_csv_has_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert runner.invoke(app, [str(path), "-f", "csv", "--excel", "-o", str(out), "-q"]).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdoc,start")


def test_stdin_text_and_jsonl() -> None:
    result = runner.invoke(app, ["-", "-q"], input=ARTICLE)
    assert [r["doc"] for r in _records(result.stdout)] == ["-", "-"]
    lines = '{"id": "a", "text": "投入7.1亿元"}\n{oops\n{"url": "http://x/1", "text": "设立工作站160个"}\n{"id": "c"}\n'
    result = runner.invoke(app, ["-", "-q"], input=lines)
    assert result.exit_code == 1
    assert [(r["doc"], r["text"]) for r in _records(result.stdout)] == [("a", "7.1亿元"), ("http://x/1", "160个")]
    assert "-:2: malformed JSON line" in result.stderr
    assert "-:4: no text field 'text'" in result.stderr


def test_missing_file_is_reported_and_others_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path / "missing.txt"), str(good), "-q"])
    assert result.exit_code == 1
    assert len(_records(result.stdout)) == 2
    assert result.stderr.strip() == f"gongextract: error: {tmp_path / 'missing.txt'}: no such file or directory"


def test_summary_on_stderr_unless_quiet(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    loud = runner.invoke(app, [str(path)])
    assert "1 documents (0 with no claims), 2 claims, 0 errors" in loud.stderr
    assert runner.invoke(app, [str(path), "-q"]).stderr == ""


def test_bad_rules_folder_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "units.tsv").write_text("surface\tunit\tkind\tposition\tnot_before\tscale\nx\tx\tnope\tafter\t-\t1\n", encoding="utf-8")
    result = runner.invoke(app, ["-", "--rules", str(tmp_path)], input=ARTICLE)
    assert result.exit_code == 2
    assert "units.tsv:2: unknown kind 'nope'" in result.stderr


@pytest.mark.parametrize("entry", [["gongextract"], [sys.executable, "-m", "gongextract"]])
def test_installed_entry_points(entry: list[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    command = entry if entry[0] != "gongextract" else [str(Path(sys.executable).parent / "gongextract")]
    out = subprocess.run([*command, str(path), "-q"], capture_output=True, text=True, check=True)
    assert len(_records(out.stdout)) == 2


def test_show_highlights_and_tabulates(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("江苏省总工会:\n" + ARTICLE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gongextract", "show", str(path)], capture_output=True, text=True, check=True)
    assert ARTICLE in out.stdout
    assert "职工书屋" in out.stdout and "15,000" in out.stdout
    assert out.stdout.rstrip().endswith(f"2 claims in {path}")


@pytest.mark.parametrize("width", [60, 80, 200])
def test_show_keeps_every_field_at_any_width(width: int) -> None:
    """An 80-column table squeezed object, programme and action to nothing; narrow terminals get
    one paragraph per record instead."""
    import io

    from rich.console import Console

    from gongextract import extract
    from gongextract.show import _TABLE_WIDTH, _records, _table

    claims = extract("浙江省总工会:全省建成职工书屋8200余家,覆盖职工约620万人。")
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(_table(claims) if width >= _TABLE_WIDTH else _records(claims))
    shown = console.file.getvalue().replace("\n", "").replace("│", "").replace(" ", "")  # type: ignore[attr-defined]
    for value in ("8200余家", "职工书屋", "建成", "覆盖", "浙江", "achieved"):
        assert value in shown


def test_show_names_a_missing_file(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "gongextract", "show", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert out.returncode == 1
    assert out.stderr.strip() == f"gongextract: error: {tmp_path / 'nope.txt'}: No such file or directory"
