"""Rule files: the shipped ones load and are valid; a broken one names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongextract import RuleError, extract, load_rules


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


def test_rules_dir_must_exist(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="not a directory"):
        load_rules(tmp_path / "missing")


@pytest.mark.parametrize("name", ["units.tsv", "qualifiers.tsv", "numerals.tsv", "exclusions.tsv"])
def test_shipped_file_names_each_entry_once(name: str) -> None:
    # a later row silently replaces an earlier one with the same first column: within one file that is a slip
    lines = (Path(__file__).resolve().parents[1] / "rules" / name).read_text(encoding="utf-8").splitlines()
    keys = [line.split("\t")[1 if name == "exclusions.tsv" else 0] for line in lines if line and not line.startswith("#")]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []
