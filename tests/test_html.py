"""Web pages: the main text without furniture, the same claims as the text copied by hand, and offsets
that index exactly what ``gongextract text`` prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract import extract
from gongextract.cli import app
from gongextract.pages import charset_hint, looks_like_html

PAGES = Path(__file__).parent / "pages"
runner = CliRunner()

# page → (its title, the claims' texts on it, figures of its furniture that must not be claims)
CASES = {
    "gd_news.html": (
        "广东工会：全省建成职工书屋1.5万余家",
        ["1.5万余家", "7.1亿元", "1.5万余家", "900多万人", "4200个", "超过1000万人次", "不少于2000家"],
        ["300家", "2.3万户", "5000人", "600个", "12876", "326", "12345678"],
    ),
    "tw_big5.html": (
        "勞動部：去年勞資爭議調解2.3萬餘件",
        ["2.3萬餘件", "2.3萬餘件", "約新臺幣12億元", "超過180萬人", "不少於300場次", "百分之六十五"],
        ["1.2萬", "356", "8,842", "230萬人", "60萬家"],
    ),
    "gbk_meta.html": (
        "云南：职工服务站点覆盖全省",
        ["3200万元", "860个", "120余万人次", "5000个以上"],
        ["05001234", "技术支持"],  # the dateline (点击数：4521) stays: trafilatura keeps it, and it holds no claim
    ),
}


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _text_of(page: Path) -> str:
    """What ``gongextract text PAGE`` prints, read back exactly."""
    out = subprocess.run([sys.executable, "-m", "gongextract", "text", str(page)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


@pytest.mark.parametrize("name", list(CASES))
def test_page_claims_and_offsets(name: str) -> None:
    title, claims, furniture = CASES[name]
    page = PAGES / name
    result = runner.invoke(app, [str(page), "-q"])
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["text"] for r in records] == claims
    assert {r["doc"] for r in records} == {str(page)}
    text = _text_of(page)
    assert text.split("\n")[0] == title  # the title is the first line
    assert all(text[int(r["start"]) : int(r["end"])] == r["text"] for r in records)  # type: ignore[call-overload]
    assert not any(figure in text for figure in furniture)  # navigation, share bar, related links, footer


@pytest.mark.parametrize("name", list(CASES))
def test_page_gives_the_claims_of_its_hand_copied_text(name: str) -> None:
    def reading(text: str) -> list[tuple[object, ...]]:
        return [(c.text, c.value, c.value_max, c.unit, c.kind, c.qualifier) for c in extract(text)]

    by_hand = (PAGES / name).with_suffix(".txt").read_text(encoding="utf-8")
    assert reading(_text_of(PAGES / name)) == reading(by_hand)


def test_jsonl_lines_with_an_html_field() -> None:
    page = (PAGES / "gd_news.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "p1", "html": page}, ensure_ascii=False),
        json.dumps({"id": "p2", "page": page}, ensure_ascii=False),
        json.dumps({"id": "t1", "text": "投入资金7.1亿元。"}, ensure_ascii=False),
    ]
    result = runner.invoke(app, ["-", "-q"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1  # p2 has neither field by default
    assert [r["doc"] for r in _records(result.stdout)].count("p1") == 7
    assert "-:2: no text field 'text' or 'html'" in result.stderr
    renamed = runner.invoke(app, ["-", "-q", "--html-field", "page"], input=lines[1] + "\n")
    assert [r["text"] for r in _records(renamed.stdout)][:2] == ["1.5万余家", "7.1亿元"]


def test_html_forced_and_sniffed_on_stdin(tmp_path: Path) -> None:
    saved = tmp_path / "page.txt"  # saved with the wrong extension
    saved.write_bytes((PAGES / "tw_big5.html").read_bytes())
    forced = runner.invoke(app, [str(saved), "-q", "--input-format", "html"])
    assert [r["text"] for r in _records(forced.stdout)] == CASES["tw_big5.html"][1]
    piped = runner.invoke(app, ["-", "-q"], input=(PAGES / "gd_news.html").read_bytes())
    assert [r["text"] for r in _records(piped.stdout)] == CASES["gd_news.html"][1]


def test_a_page_without_article_text_is_an_error_line(tmp_path: Path) -> None:
    page = tmp_path / "nav.html"
    page.write_text("<html><body><ul><li><a href='/'>首页</a></li></ul></body></html>", encoding="utf-8")
    result = runner.invoke(app, [str(page), "-q"])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"gongextract: error: {page}: no article text found in the page"


def test_missing_trafilatura_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    result = runner.invoke(app, [str(PAGES / "gd_news.html"), str(PAGES / "tw_big5.html"), "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "gongextract: error: html: reading HTML needs trafilatura: pip install 'gongextract[html]' (or extract the text first)"
    ]


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        ("<meta charset=big5>", "big5"),
        ('<meta charset="gb2312" />', "gb2312"),
        ("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=GBK'>", "GBK"),
        ("<title>x</title>", None),
    ],
)
def test_charset_hint(head: str, charset: str | None) -> None:
    assert charset_hint(f"<html><head>{head}".encode()) == charset


@pytest.mark.parametrize(
    ("head", "is_page"),
    [
        ("<!DOCTYPE html>\n<html>", True),
        ("\ufeff  <html lang='zh'>", True),  # after a UTF-8 byte-order mark
        ("<!-- saved from url=(0042) -->\n<HTML>", True),
        ("<p>全省建成职工书屋</p>", False),
        ("全省建成<b>职工书屋</b>", False),
    ],
)
def test_stdin_is_sniffed_as_html(head: str, is_page: bool) -> None:
    assert looks_like_html(head.encode()) is is_page


def test_text_of_a_jsonl_file_gives_each_documents_text(tmp_path: Path) -> None:
    page = (PAGES / "gbk_meta.html").read_bytes().decode("gbk")
    path = tmp_path / "pages.jsonl"
    lines = [{"id": "p1", "html": page}, {"id": "t1", "text": "投入资金7.1亿元。"}]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gongextract", "text", str(path)], capture_output=True, check=True)
    texts = {d["doc"]: d["text"] for d in map(json.loads, out.stdout.decode("utf-8").splitlines())}
    assert list(texts) == ["p1", "t1"]
    records = _records(runner.invoke(app, [str(path), "-q"]).stdout)
    assert [r["text"] for r in records] == [*CASES["gbk_meta.html"][1], "7.1亿元"]
    assert all(texts[str(r["doc"])][int(r["start"]) : int(r["end"])] == r["text"] for r in records)  # type: ignore[call-overload]


def test_show_reads_a_page() -> None:
    out = subprocess.run([sys.executable, "-m", "gongextract", "show", str(PAGES / "tw_big5.html")], capture_output=True, text=True)
    assert out.returncode == 0
    assert "協助勞工取回工資約新臺幣12億元" in out.stdout and "瀏覽次數" not in out.stdout
    assert out.stdout.rstrip().endswith(f"6 claims in {PAGES / 'tw_big5.html'}")
