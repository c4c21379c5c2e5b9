"""Accuracy on the development sets and on the peer probes.

Each set of articles is scored by ../shared/tools/score.py against its gold: the five real articles
(../shared/corpus), the twenty written in other regions' and genres' styles (../shared/wider), and four
sets of twelve written for this project's tests by separate authors (tests/articles, tests/heldout2-4).
The floors sit a little below what the project reaches now; the wider set's are the attribution issue's
targets. Pages the tool has never seen score lower: see the held-out READMEs for first-time scores.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongextract import extract

DEV_FLOORS = {
    # the extraction core (issue 2)
    "detect_f1": 0.98, "strict_f1": 0.98, "qualifier_acc": 0.97,
    # attribution (issues 3 and 10: the first five stay where they are)
    "object_acc": 0.97, "province_acc": 0.99, "status_acc": 0.99, "year_acc": 0.99, "program_acc": 0.90,
    "full_record_acc": 0.97,
}
WIDER_FLOORS = {  # issue 10's targets (program is held at its higher level)
    "detect_f1": 0.98, "strict_f1": 0.96, "qualifier_acc": 0.97, "kind_acc": 0.98,
    "object_acc": 0.88, "program_acc": 0.92, "province_acc": 0.98,
    "status_acc": 0.95, "year_acc": 0.98, "full_record_acc": 0.85,
}
TESTS = Path(__file__).resolve().parent
# Sets written for this project by separate authors, each in genres and regions the others lack
# (their READMEs say what they cover, how they were used and what each scored the first time).
HELD_OUT = {
    "articles": {
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.88, "program_acc": 0.88, "province_acc": 0.96,
        "status_acc": 0.95, "year_acc": 0.97, "full_record_acc": 0.82,
    },
    "heldout2": {  # first scored blind at full record 0.770
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.84, "program_acc": 0.75, "province_acc": 0.97,
        "status_acc": 0.95, "year_acc": 0.95, "full_record_acc": 0.82,
    },
    "heldout3": {  # first scored blind at full record 0.736
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.82, "program_acc": 0.80, "province_acc": 0.93,
        "status_acc": 0.95, "year_acc": 0.95, "full_record_acc": 0.77,
    },
    "heldout4": {  # scored once blind at 552822d: full record 0.833; opened for rules in the fifth session
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.86, "program_acc": 0.66, "province_acc": 0.97,
        "status_acc": 0.95, "year_acc": 0.93, "full_record_acc": 0.85,
    },
    "heldout5": {  # scored once blind at 7749cf5: full record 0.758; opened for rules in the fifth session
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.82, "program_acc": 0.90, "province_acc": 0.96,
        "status_acc": 0.96, "year_acc": 0.97, "full_record_acc": 0.80,
    },
    "heldout6": {  # scored once blind at cde2e89: full record 0.854; opened for rules in the fifth session
        "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.86, "program_acc": 0.80, "province_acc": 0.97,
        "status_acc": 0.97, "year_acc": 0.96, "full_record_acc": 0.86,
    },
    "heldout7": {  # scored once blind at 2b5171d: full record 0.825
        "detect_f1": 0.97, "strict_f1": 0.96, "object_acc": 0.82, "program_acc": 0.82, "province_acc": 0.97,
        "status_acc": 0.96, "year_acc": 0.97, "full_record_acc": 0.79,
    },
}
PROBE_FLOOR, PROBE_MAX_EXTRA = 0.97, 5


def _write(records: list[dict[str, object]], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def _last_json(stdout: str) -> dict[str, float]:
    return json.loads(stdout.strip().splitlines()[-1])


def _score(shared: Path, corpus: Path, gold: Path, pred: Path) -> dict[str, float]:
    records = []
    for path in sorted(corpus.glob("*.txt")):
        records += [c.to_dict() for c in extract(path.read_text(encoding="utf-8"), str(path))]
    _write(records, pred)
    scorer = shared / "tools" / "score.py"
    out = subprocess.run([sys.executable, scorer, pred, gold, "--json"], capture_output=True, text=True, check=True)
    return _last_json(out.stdout)


@pytest.fixture(scope="module")
def dev_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _score(shared, shared / "corpus", shared / "gold", tmp_path_factory.mktemp("dev") / "pred.jsonl")


@pytest.fixture(scope="module")
def wider_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    wider = shared / "wider"
    return _score(shared, wider / "corpus", wider / "gold", tmp_path_factory.mktemp("wider") / "pred.jsonl")


@pytest.fixture(scope="module")
def held_out_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    folder = tmp_path_factory.mktemp("held_out")
    return {name: _score(shared, TESTS / name / "corpus", TESTS / name / "gold", folder / f"{name}.jsonl") for name in HELD_OUT}


@pytest.mark.parametrize(("metric", "floor"), DEV_FLOORS.items())
def test_dev_set_floor(dev_scores: dict[str, float], metric: str, floor: float) -> None:
    assert dev_scores[metric] >= floor, dev_scores


@pytest.mark.parametrize(("metric", "floor"), WIDER_FLOORS.items())
def test_wider_set_floor(wider_scores: dict[str, float], metric: str, floor: float) -> None:
    assert wider_scores[metric] >= floor, wider_scores


@pytest.mark.parametrize(
    ("name", "metric", "floor"), [(name, metric, floor) for name, floors in HELD_OUT.items() for metric, floor in floors.items()]
)
def test_held_out_floor(held_out_scores: dict[str, dict[str, float]], name: str, metric: str, floor: float) -> None:
    assert held_out_scores[name][metric] >= floor, held_out_scores[name]


def test_peer_probes(shared: Path, tmp_path: Path) -> None:
    source = shared / "probes" / "peer_numbers.txt"
    text = source.read_bytes().decode("utf-8")
    pred = tmp_path / "probes.jsonl"
    _write([c.to_dict() for c in extract(text, "peer_numbers.txt")], pred)
    out = subprocess.run([sys.executable, shared / "probes" / "score_probes.py", pred], capture_output=True, text=True, check=True)
    result = _last_json(out.stdout)
    assert result["accuracy"] >= PROBE_FLOOR and result["extra"] <= PROBE_MAX_EXTRA, result


def test_offsets_hold_on_every_corpus_file(shared: Path) -> None:
    for path in [*sorted((shared / "corpus").glob("*.txt")), shared / "probes" / "peer_numbers.txt"]:
        text = path.read_bytes().decode("utf-8")
        for claim in extract(text):
            assert text[claim.start : claim.end] == claim.text, (path.name, claim)
