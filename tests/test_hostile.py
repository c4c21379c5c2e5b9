"""Hostile input and safe output: every input ends as records or one clear error line, never a
traceback; an interrupted or failed run never leaves a truncated file under the output's name."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract import extract, iter_claims
from gongextract.cli import app

runner = CliRunner()
CLAIM = "投入资金1.5万元，"


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gongextract", *args], capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "content"), [("empty.txt", ""), ("blank.txt", " \n\t\u3000\n\n")], ids=["empty", "whitespace"])
def test_empty_and_blank_files(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = _cli(str(path))
    assert out.returncode == 0 and out.stdout == ""
    assert out.stderr.startswith("gongextract: 1 documents (1 with no claims), 0 claims, 0 errors")


def test_fifty_megabytes_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    block = "x" * 99_990 + CLAIM
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(block.encode("utf-8"))):
            fh.write(block)
    out = _cli("-q", str(path))
    assert out.returncode == 0, out.stderr
    records = _records(out.stdout)
    assert len(records) > 400 and all(r["text"] == "1.5万元" for r in records)
    assert all(len(str(r["sentence"])) <= 600 + len(str(r["text"])) for r in records)  # never the whole line


@pytest.mark.parametrize("text", ["1" * 10_000, "编号" + "9" * 10_000 + "元", "一" * 10_000 + "家", "1," * 5_000 + "人"],
                         ids=["digits", "digits with a unit", "numerals", "separators"])
def test_long_digit_runs_are_no_claims(text: str) -> None:
    assert [c.text for c in extract(text) if len(c.text) > 40] == []


def test_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes("共建成驿站200家".encode() + b"\x00\x00" + "投入1亿元".encode())
    out = _cli(str(path))
    assert out.returncode == 1
    assert out.stderr.splitlines()[0] == f"gongextract: error: {path}: binary file (NUL bytes), not text"
    assert [c.text for c in extract("共建成驿站200家\x00\x00投入1亿元")] == ["200家", "1亿元"]


def test_invalid_utf8_in_the_middle(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_bytes("建成职工书屋1.5万余家，".encode() + b"\xff\xfe\xff" + "覆盖职工900多万人。".encode())
    out = _cli(str(path))
    assert "Traceback" not in out.stderr
    assert out.returncode == 1  # read, but not whole: the run says so
    assert out.stderr.splitlines()[0] == (
        f"gongextract: warning: {path}: decoded as utf-8 with 3 replacement characters (U+FFFD): bytes that were not text"
    )
    assert [r["text"] for r in _records(out.stdout)] == ["1.5万余家", "900多万人"]


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    out = _cli("-q", str(link))
    assert out.returncode == 1
    assert out.stderr.strip() == f"gongextract: error: {link}: broken symbolic link"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    good.write_text(CLAIM, encoding="utf-8")
    locked.write_text(CLAIM, encoding="utf-8")
    real_open = open

    def guarded(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(locked):  # chmod cannot stop root, so the refusal is simulated
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", guarded)
    result = runner.invoke(app, [str(locked), str(good), "-q"])
    assert result.exit_code == 1
    assert [r["text"] for r in _records(result.stdout)] == ["1.5万元"]
    assert result.stderr.strip() == f"gongextract: error: {locked}: Permission denied"


def test_twenty_megabyte_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    text = ("y" * 199_990 + CLAIM) * 100
    path.write_text(json.dumps({"id": "huge", "text": text}) + "\n" + json.dumps({"id": "small", "text": CLAIM}) + "\n", encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    out = _cli("-q", str(path))
    assert out.returncode == 0, out.stderr
    docs = [r["doc"] for r in _records(out.stdout)]
    assert docs.count("huge") == 100 and docs[-1] == "small"


def test_path_with_spaces_and_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "工会 报告 2024"
    folder.mkdir()
    path = folder / "广东 总工会.txt"
    path.write_text(CLAIM, encoding="utf-8")
    out = _cli("-q", str(folder))
    assert out.returncode == 0
    assert [r["doc"] for r in _records(out.stdout)] == [str(path)]


def test_no_traceback_for_a_directory_given_as_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "looks.jsonl"
    folder.mkdir()
    out = _cli("--input-format", "jsonl", str(folder))
    assert "Traceback" not in out.stderr and out.returncode == 1


def test_interrupted_run_leaves_no_output_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [tmp_path / f"{i}.txt" for i in range(3)]
    for p in paths:
        p.write_text(CLAIM, encoding="utf-8")
    calls = {"n": 0}
    real = iter_claims

    def interrupt_second(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("gongextract.batch.iter_claims", interrupt_second)
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, [*map(str, paths), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 130
    assert "(interrupted)" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
    assert list(tmp_path.glob(".claims.jsonl.*")) == []


def test_ctrl_c_on_a_real_run(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": i, "text": "全省建成职工书屋1.5万余家，覆盖职工900多万人。" * 30}, ensure_ascii=False) + "\n")
    out = tmp_path / "claims.csv"
    proc = subprocess.Popen([sys.executable, "-m", "gongextract", str(corpus), "-f", "csv", "-o", str(out), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "(interrupted)" in stderr
    assert not out.exists() and list(tmp_path.glob(".claims.csv.*")) == []


def test_completed_run_replaces_the_file_atomically(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(CLAIM, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    assert _cli("-q", str(src), "-o", str(out)).returncode == 0
    assert [r["text"] for r in _records(out.read_text(encoding="utf-8"))] == ["1.5万元"]


def test_csv_fields_with_commas_quotes_and_newlines_round_trip(tmp_path: Path) -> None:
    weird = tmp_path / 'a, "b".txt'
    weird.write_text("他说：“投入资金1.5万元，\n惠及职工”", encoding="utf-8")
    result = runner.invoke(app, [str(weird), "-q", "-f", "csv", "--excel"])
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"), newline="")))
    expected = [c.to_dict() for c in extract(weird.read_text(encoding="utf-8"), str(weird))]
    assert [(r["doc"], r["text"], r["sentence"]) for r in rows] == [(e["doc"], e["text"], e["sentence"]) for e in expected]


def test_output_into_a_missing_folder_is_an_error_line(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(CLAIM, encoding="utf-8")
    out = _cli("-q", str(src), "-o", str(tmp_path / "no" / "such" / "dir" / "x.jsonl"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith("gongextract: error: ")


@pytest.mark.skipif(os.name != "posix", reason="SIGPIPE behaviour is POSIX")
def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(CLAIM * 5000, encoding="utf-8")
    proc = subprocess.run(f'"{sys.executable}" -m gongextract -q "{src}" | head -n 1', shell=True, capture_output=True, text=True)
    assert len(proc.stdout.splitlines()) == 1 and "Traceback" not in proc.stderr and "error" not in proc.stderr
