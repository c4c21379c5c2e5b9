"""Batch runs: folders of mixed files, encodings, JSONL streams, workers, progress and exit codes."""

from __future__ import annotations

import json
import os
import re
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


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """reports/ with text files, a JSONL file, a file of another type, and a nested folder."""
    root = tmp_path / "reports"
    (root / "2024" / "q1").mkdir(parents=True)
    (root / "a.txt").write_text("投入资金7.1亿元。", encoding="utf-8")
    (root / "2024" / "b.txt").write_text("设立工作站160个。", encoding="utf-8")
    (root / "2024" / "q1" / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "惠及职工群众1650余万人。"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "c2", "text": "调解劳动争议2.2万多宗。"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (root / "notes.md").write_text("新建职工之家200家。", encoding="utf-8")
    return root


def test_folder_tree_with_text_and_jsonl(tree: Path) -> None:
    result = runner.invoke(app, [str(tree), "-q", "--jobs", "1"])
    assert result.exit_code == 0
    got = [(Path(str(r["doc"])).name, r["text"]) for r in _records(result.stdout)]
    assert got == [("b.txt", "160个"), ("c1", "1650余万人"), ("c2", "2.2万多宗"), ("a.txt", "7.1亿元")]


def test_glob_picks_other_files(tree: Path) -> None:
    result = runner.invoke(app, [str(tree), "-q", "--glob", "*.md"])
    assert [r["text"] for r in _records(result.stdout)] == ["200家"]


def test_folder_without_matching_files(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("1,2\n", encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path), "-q"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"gongextract: error: {tmp_path}: no files matching *.txt, *.jsonl, *.html, *.htm"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gb18030.txt", ARTICLE.encode("gb18030")),
        ("gbk.txt", ARTICLE.encode("gbk")),
        ("utf16.txt", ARTICLE.encode("utf-16")),
        ("utf8-bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
    ],
    ids=["gb18030", "gbk", "utf-16", "utf-8 with BOM"],
)
def test_encodings_are_detected(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), "-q"])
    assert result.exit_code == 0
    records = _records(result.stdout)
    assert [r["text"] for r in records] == ["1.5万余家", "900多万人"]
    text = data.decode({"utf16.txt": "utf-16", "utf8-bom.txt": "utf-8-sig"}.get(name, "gb18030"))
    assert all(text[int(r["start"]) : int(r["end"])] == r["text"] for r in records)  # type: ignore[call-overload]


def test_encoding_override(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("全省建成職工書屋1.5萬餘家，覆蓋職工900多萬人。".encode("big5"))  # Traditional, as Big5 holds it
    result = runner.invoke(app, [str(path), "-q", "--encoding", "big5"])
    assert [r["text"] for r in _records(result.stdout)] == ["1.5萬餘家", "900多萬人"]


def test_binary_file_among_good_ones(tmp_path: Path) -> None:
    good, binary, other = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    other.write_text("投入资金7.1亿元。", encoding="utf-8")
    result = runner.invoke(app, [str(good), str(binary), str(other), "-q"])
    assert result.exit_code == 1
    assert [r["text"] for r in _records(result.stdout)] == ["1.5万余家", "900多万人", "7.1亿元"]
    assert result.stderr.strip() == f"gongextract: error: {binary}: binary file (NUL bytes), not text"


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(ARTICLE.encode("utf-8")[:10] + b"\xff\xfe\xfd\x81\x30" + ARTICLE.encode("utf-8"))
    result = runner.invoke(app, [str(path), "-q"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"gongextract: error: {path}: binary data, or text in no encoding found")


def test_jsonl_stream_on_stdin_with_a_malformed_line() -> None:
    lines = [json.dumps({"id": f"d{i}", "text": f"建成驿站{i + 1}0家。"}, ensure_ascii=False) for i in range(5)]
    lines.insert(2, '{"id": "broken", "text": ')
    result = runner.invoke(app, ["-", "-q"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert [r["doc"] for r in _records(result.stdout)] == ["d0", "d1", "d2", "d3", "d4"]
    assert result.stderr.startswith("gongextract: error: -:3: malformed JSON line")


def test_text_and_id_fields(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"body": "投入资金7.1亿元。", "uid": 42}) + "\n" + json.dumps({"body": "新建200家。"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, [str(path), "-q", "--text-field", "body", "--id-field", "uid"])
    assert [(r["doc"], r["text"]) for r in _records(result.stdout)] == [("42", "7.1亿元"), ("2", "200家")]


def test_output_order_with_two_workers(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(120):
            text = "全省建成职工书屋1.5万余家。" * (1 + (i * 7) % 13)  # uneven sizes, so workers finish out of order
            fh.write(json.dumps({"id": f"doc{i:03d}", "text": text}, ensure_ascii=False) + "\n")
    one = runner.invoke(app, [str(path), "-q", "--jobs", "1"])
    two = runner.invoke(app, [str(path), "-q", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    docs = [r["doc"] for r in _records(two.stdout)]
    assert docs == sorted(docs) and len(set(docs)) == 120


def test_no_progress_bar_when_quiet_or_not_a_terminal(tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(ARTICLE, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "gongextract", *map(str, paths)], capture_output=True, text=True)
    assert plain.stderr.splitlines() == [plain.stderr.strip()]  # only the summary line, no bar
    assert plain.stderr.startswith("gongextract: 3 documents (0 with no claims), 6 claims, 0 errors,")
    quiet = subprocess.run([sys.executable, "-m", "gongextract", "-q", *map(str, paths)], capture_output=True, text=True)
    assert quiet.stderr == ""


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pty = pytest.importorskip("pty")
    paths = []
    for i in range(3):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(ARTICLE, encoding="utf-8")
    leader, follower = pty.openpty()
    proc = subprocess.run([sys.executable, "-m", "gongextract", *map(str, paths)], stdout=subprocess.DEVNULL,
                          stderr=follower, env={**os.environ, "TERM": "xterm", "COLUMNS": "120"}, timeout=60)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert b"documents" in seen and b"\x1b[" in seen  # the bar drew with terminal control codes
    assert re.search(rb"198/198 bytes\S* +\S*100%", seen)  # files: bytes read of the total, a percentage


_THREADS = """
import json, sys, threading
from gongextract import extract
texts = json.loads(sys.stdin.read())
start, out = threading.Barrier(len(texts)), [None] * len(texts)
def run(i):
    start.wait()  # every thread's first call at once: rules, jieba and its tokenizer are loaded then
    out[i] = [c.to_dict() for c in extract(texts[i], doc=str(i))]
threads = [threading.Thread(target=run, args=(i,)) for i in range(len(texts))]
[t.start() for t in threads]
[t.join() for t in threads]
print(json.dumps(out, ensure_ascii=False))
"""


def test_extract_from_several_threads_at_first_use() -> None:
    """A Dask worker runs its tasks in several threads: their first calls may come together."""
    from gongextract import extract

    texts = ["全省建成职工书屋1.5万余家。", "投入资金7.1亿元，惠及职工1650余万人。", "建成驿站160个。", "调解劳动争议2.2万多宗。"] * 2
    result = subprocess.run([sys.executable, "-c", _THREADS], input=json.dumps(texts), capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [[c.to_dict() for c in extract(t, doc=str(i))] for i, t in enumerate(texts)]
