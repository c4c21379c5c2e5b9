"""Encodings found, not assumed; every input accounted for (summary, ``--report``, warning and error lines)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongextract import extract
from gongextract.cli import app
from gongextract.decoding import decode

runner = CliRunner()
PAGES = Path(__file__).parent / "pages"

# Written for the tests in the style of a Taiwan news story (figures illustrative); Big5 holds every character.
TAIWAN = (
    "勞動部：去年協助勞工申請職災補償\n\n2024年3月5日 中央社\n\n"
    "勞動部今天表示，去年共受理勞資爭議調解2.3萬餘件，協助勞工取回工資約新臺幣12億元，全國職業工會會員超過180萬人。\n"
)
TAIWAN_CLAIMS = [("2.3萬餘件", 23000), ("約新臺幣12億元", 1200000000), ("超過180萬人", 1800000)]
# … and a Hong Kong one with Cantonese characters only Big5-HKSCS holds (嘅, 咗, 啲).
HONG_KONG = (
    "勞工處今日公布，去年共處理勞資糾紛及索償個案12,350宗，為僱員追回款項約港幣3.6億元。"
    "工會代表話，呢啲個案嘅僱員大部分已經攞返欠薪，受惠僱員約22萬人，亦有工友搵咗工會求助。\n"
)
HONG_KONG_CLAIMS = [("12,350宗", 12350), ("約港幣3.6億元", 360000000), ("約22萬人", 220000)]

SAVED_AS = {  # how an article's bytes come: encoding, byte-order mark
    "utf-8": ("utf-8", b""),
    "utf-8 with BOM": ("utf-8", codecs.BOM_UTF8),
    "utf-16 le with BOM": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16 be with BOM": ("utf-16-be", codecs.BOM_UTF16_BE),
    "utf-16 le": ("utf-16-le", b""),
    "utf-16 be": ("utf-16-be", b""),
    "gb18030": ("gb18030", b""),
    "gbk": ("gbk", b""),
    "big5": ("big5", b""),
    "big5-hkscs": ("big5hkscs", b""),
}


def _records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("article", "claims", "saved_as"),
    [(TAIWAN, TAIWAN_CLAIMS, s) for s in SAVED_AS]
    + [(HONG_KONG, HONG_KONG_CLAIMS, s) for s in SAVED_AS if s != "big5"],  # Big5 cannot hold 嘅
    ids=[f"taiwan-{s}" for s in SAVED_AS] + [f"hong kong-{s}" for s in SAVED_AS if s != "big5"],
)
def test_every_encoding_gives_the_same_records(tmp_path: Path, article: str, claims: list[tuple[str, int]], saved_as: str) -> None:
    codec, bom = SAVED_AS[saved_as]
    path = tmp_path / "article.txt"
    path.write_bytes(bom + article.encode(codec))
    result = runner.invoke(app, [str(path), "-q"])  # no --encoding
    assert result.exit_code == 0 and result.stderr == ""
    records = _records(result.stdout)
    assert [(r["text"], r["value"]) for r in records] == claims
    assert records == [c.to_dict() for c in extract(article, str(path))]  # offsets into the decoded text


def test_the_big5_file_of_the_issue_gives_its_claims_without_a_flag(tmp_path: Path) -> None:
    path = tmp_path / "tw_big5.txt"
    path.write_bytes(TAIWAN.encode("big5"))
    result = runner.invoke(app, [str(path)])
    assert [(r["text"], r["value"]) for r in _records(result.stdout)] == TAIWAN_CLAIMS
    assert "1 documents (0 with no claims), 3 claims, 0 errors" in result.stderr


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Café résumé: naïve déjà vu, numéro 12 à la façade.\n".encode("latin-1"), "not Chinese text: it reads best as"),
        (bytes(range(1, 256)) * 8, "binary data, or text in no encoding found"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (NUL bytes), not text"),
    ],
    ids=["latin-1", "binary", "binary with NULs"],
)
def test_text_that_is_not_chinese_is_an_error_line(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "other.txt"
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"gongextract: error: {path}: {reason}")


@pytest.mark.parametrize(
    ("data", "options", "warning"),
    [
        (TAIWAN.encode("big5"), ["--encoding", "gb18030"], "decoded as gb18030, but 51 of 73 characters are not ones Chinese text uses"),
        ("职工\ufffd\ufffd书屋1.5万余家".encode(), [], "decoded as utf-8 with 2 replacement characters (U+FFFD)"),
        (TAIWAN.encode("big5")[:-2], [], "decoded as big5hkscs with 1 replacement characters (U+FFFD)"),
    ],
    ids=["big5 forced as gb18030", "utf-8 holding U+FFFD", "big5 cut mid-character"],
)
def test_a_decode_that_looks_wrong_is_said(tmp_path: Path, data: bytes, options: list[str], warning: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = runner.invoke(app, [str(path), *options])
    assert result.exit_code == 1  # records were written, but the run says not all is well
    assert result.stderr.splitlines()[0].startswith(f"gongextract: warning: {path}: {warning}")
    assert ", 1 warnings," in result.stderr


@pytest.mark.parametrize(
    ("text", "codec", "hint"),
    [
        ("立法會", "big5", "big5"),
        ("立法会", "gbk", "gb2312"),
        ("資料", "big5", "x-big5"),
        ("香港職工會聯盟", "big5", None),
    ],
)
def test_a_declared_charset_decides_what_detection_cannot(text: str, codec: str, hint: str | None) -> None:
    assert decode(text.encode(codec), hint=hint).text == text


def test_big5_jsonl_lines_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "tw.jsonl"
    path.write_bytes(json.dumps({"id": "tw1", "text": TAIWAN}, ensure_ascii=False).encode("big5") + b"\n")
    result = runner.invoke(app, [str(path), "-q"])
    assert [(r["doc"], r["text"]) for r in _records(result.stdout)] == [("tw1", t) for t, _ in TAIWAN_CLAIMS]


# One folder of every kind of input; each must end as claims, a checked claim-free text, or an error line.
CORPUS = {
    "a_simplified.txt": ("全省建成职工书屋1.5万余家，覆盖职工900多万人。".encode(), 2, None),
    "b_taiwan_big5.txt": (TAIWAN.encode("big5"), 3, None),
    "c_no_figures.txt": ("省总工会召开专题会议，研究部署下一阶段工作。".encode("gbk"), 0, None),
    "d_empty.txt": (b"", 0, None),
    "e_latin1.txt": ("Réunion syndicale à Genève, déjà prévue.".encode("latin-1"), None, "not Chinese text"),
    "f_page.html": ((PAGES / "tw_big5.html").read_bytes(), 6, None),
    "g_nav_only.html": ("<html><body><ul><li><a href='/'>首页</a></li></ul></body></html>".encode(), None, "no article text found"),
}


def test_every_input_is_accounted_for_in_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "scrape"
    folder.mkdir()
    for name, (data, _, _) in CORPUS.items():
        (folder / name).write_bytes(data)
    report = tmp_path / "report.jsonl"
    result = runner.invoke(app, [str(folder), "--report", str(report)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [Path(line["doc"]).name for line in lines] == list(CORPUS)
    for line in lines:
        data, claims, error = CORPUS[Path(line["doc"]).name]
        assert line["claims"] == claims
        assert (line["error"] or "").startswith(error or "") and (line["error"] is None) == (error is None)
        if claims == 0:  # nothing found: the text must hold no figure a reader would want
            assert not any(c.isdigit() for c in decode(data).text)
    assert [line["encoding"] for line in lines] == ["utf-8", "big5hkscs", "gb18030", "utf-8", None, "big5hkscs", None]
    assert lines[1]["characters"] == len(TAIWAN)
    assert set(lines[0]) == {"doc", "encoding", "characters", "claims", "error", "warning"}
    assert "gongextract: 5 documents (2 with no claims), 11 claims, 2 errors," in result.stderr


def test_a_wrong_declared_charset_is_overruled() -> None:
    page = "<html><head><meta charset=gb2312></head><body><p>" + TAIWAN + "</p></body></html>"
    found = decode(page.encode("big5"), hint="gb2312")  # GB18030 reads these bytes, as mojibake
    assert (found.text, found.encoding, found.warning) == (page, "big5hkscs", None)
