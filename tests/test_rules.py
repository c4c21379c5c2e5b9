"""Rule files: the shipped ones load and are valid; a broken one names its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from gongextract import RuleError, extract, load_rules
from gongextract.rules import RuleSet


def test_shipped_rules_load() -> None:
    rules = load_rules()
    assert rules.units["人次"].kind == "person_times"
    assert rules.qualifiers["余"].qualifier == "over"
    assert len(rules.exclusions) > 20


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("units.tsv", "surface\tunit\tkind\tposition\tnot_before\tscale\n瓶\t瓶\tbottles\tafter\t-\t1\n", "units.tsv:2: unknown kind 'bottles'"),
        ("units.tsv", "surface\tunit\tkind\tposition\tnot_before\tscale\n瓶\t瓶\tcount\n", "units.tsv:2: expected 6 TAB-separated columns"),
        ("qualifiers.tsv", "# c\nsurface\tqualifier\tposition\tspan\tnot_next\n约莫\tnearly\tbefore\tin\t-\n", "qualifiers.tsv:3: unknown qualifier 'nearly'"),
        ("units.tsv", "surface\tunit\tkind\tposition\tnot_before\tscale\n成\t%\tpercent\tafter\t-\tten\n", "units.tsv:2: not a number"),
        ("qualifiers.tsv", "surface\tqualifier\tposition\tspan\tnot_next\n最高…\tat_most\tbefore\tin\t-\n", "qualifiers.tsv:2: … ends a word"),
        ("qualifiers.tsv", "surface\tqualifier\tposition\tspan\tnot_next\n最…高\tat_most\tbefore\tout\t-\n", "qualifiers.tsv:2: … ends a word"),
        ("exclusions.tsv", "type\tpattern\treason\nregex\t(unclosed\tbad\n", "exclusions.tsv:2: bad regex"),
        ("numerals.tsv", "char\trole\tvalue\n廿\tdigit\ttwenty\n", "numerals.tsv:2: not a number"),
        ("default_objects.tsv", "kind\tobject\twhen\nmoney\t资金\tsometimes\n", "default_objects.tsv:2: 'when' must be"),
        ("context.tsv", "type\tpattern\tnote\nhunch\t将\tx\n", "context.tsv:2: unknown cue type 'hunch'"),
        ("clock_units.tsv", "unit\tnoun\n小时\n", "clock_units.tsv:2: expected 2 TAB-separated columns"),
        ("list_ends.tsv", "surface\tnot_next\n等 等\t-\n", "list_ends.tsv:2: one word"),
        ("per_units.txt", "# c\n周 月\n", "per_units.txt:2: one word per line"),
    ],
)
def test_bad_rule_file_names_file_and_line(tmp_path: Path, name: str, content: str, message: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(RuleError, match=message.replace("(", r"\(")):
        load_rules(tmp_path)


def test_user_rules_add_a_counter(tmp_path: Path) -> None:
    (tmp_path / "units.tsv").write_text("surface\tunit\tkind\tposition\tnot_before\tscale\n罐\t罐\tcount\tafter\t-\t1\n", encoding="utf-8")
    claims = extract("发放防暑饮料300罐。", rules=load_rules(tmp_path))
    assert [(c.text, c.unit, c.kind) for c in claims] == [("300罐", "罐", "count")]
    assert extract("发放防暑饮料300罐。") == []


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (lambda r: "小时" in r.per_units, True),  # 30元/小时: a rate's period
        (lambda r: "标准" in r.rate_nouns, True),  # 按每人500元标准: the rate a sum is paid at
        (lambda r: r.clock_units.get("分钟"), "时间"),  # 每周工作47.6小时 → 每周工作时间
        (lambda r: "工时" in r.duration_nouns, True),
        (lambda r: r.list_ends.get("等"), frozenset("奖级次")),  # 藏族、回族等 closes a list; 二等奖 no
        (lambda r: [bool(p.search(c)) for p in r.cues["copula"] for c in ("均为", "是", "为主")], [True, True, False]),
    ],
    ids=["per_units", "rate_nouns", "clock_units", "duration_nouns", "list_ends", "copula"],
)
def test_shipped_rules_hold_the_attribution_words(entry: Callable[[RuleSet], object], expected: object) -> None:
    assert entry(load_rules()) == expected


@pytest.mark.parametrize(
    ("name", "content", "text", "shipped", "extended"),
    [
        ("per_units.txt", "周\n", "补贴由300元/周提高到350元/周。", ["补贴", "/周"], ["补贴", "补贴"]),
        ("rate_nouns.txt", "定额\n", "按每人500元定额发放补助。", ["按每人补助"], ["补助"]),
        ("clock_units.tsv", "unit\tnoun\n天\t时间\n", "职工每周工作5天。", ["职工每周工作"], ["职工每周工作时间"]),
        ("list_ends.tsv", "surface\tnot_next\n之类\t-\n", "慰问210名环卫、快递之类一线职工。", ["环卫"], ["环卫、快递之类一线职工"]),
    ],
)
def test_user_rules_extend_attribution_words(
    tmp_path: Path, name: str, content: str, text: str, shipped: list[str], extended: list[str]
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert [c.object for c in extract(text)] == shipped
    assert [c.object for c in extract(text, rules=load_rules(tmp_path))] == extended


def test_rules_dir_must_exist(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not a directory"):
        load_rules(tmp_path / "missing")


@pytest.mark.parametrize("name", ["units.tsv", "qualifiers.tsv", "numerals.tsv", "exclusions.tsv", "clock_units.tsv", "list_ends.tsv"])
def test_shipped_file_names_each_entry_once(name: str) -> None:
    # a later row silently replaces an earlier one with the same first column: within one file that is a slip
    lines = (Path(__file__).resolve().parents[1] / "rules" / name).read_text(encoding="utf-8").splitlines()
    keys = [line.split("\t")[1 if name == "exclusions.tsv" else 0] for line in lines if line and not line.startswith("#")]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
