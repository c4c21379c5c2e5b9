"""Accuracy on the development sets and on the peer probes.

Three sets of articles, each scored by ../shared/tools/score.py against its gold: the five real articles
(../shared/corpus), the twenty written in other regions' and genres' styles (../shared/wider), and twelve
more written for this project's tests by a separate author (tests/articles; scored only after the
document model was written, so they show how the rules carry to articles they were not written for). The floors are what the project reaches
now; the attribution issue asks more of the wider set (detection 0.98, strict 0.96, object 0.88,
programme 0.85, province 0.97, status 0.95, full record 0.85), and unseen articles are harder still.
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
OWN_FLOORS = {  # the 12 held-out articles in tests/articles
    "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.88, "program_acc": 0.88, "province_acc": 0.96,
    "status_acc": 0.95, "year_acc": 0.97, "full_record_acc": 0.82,
}
HELDOUT2_FLOORS = {  # 12 more articles (tests/heldout2), first scored blind at full record 0.770
    "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.84, "program_acc": 0.75, "province_acc": 0.97,
    "status_acc": 0.95, "year_acc": 0.95, "full_record_acc": 0.82,
}
HELDOUT3_FLOORS = {  # 12 more (tests/heldout3), first scored blind at full record 0.736
    "detect_f1": 0.98, "strict_f1": 0.98, "object_acc": 0.82, "program_acc": 0.80, "province_acc": 0.93,
    "status_acc": 0.95, "year_acc": 0.95, "full_record_acc": 0.77,
}
ARTICLES = Path(__file__).resolve().parent / "articles"
HELDOUT2 = Path(__file__).resolve().parent / "heldout2"
HELDOUT3 = Path(__file__).resolve().parent / "heldout3"
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
def own_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _score(shared, ARTICLES / "corpus", ARTICLES / "gold", tmp_path_factory.mktemp("own") / "pred.jsonl")


@pytest.fixture(scope="module")
def heldout2_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _score(shared, HELDOUT2 / "corpus", HELDOUT2 / "gold", tmp_path_factory.mktemp("heldout2") / "pred.jsonl")


@pytest.fixture(scope="module")
def heldout3_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    return _score(shared, HELDOUT3 / "corpus", HELDOUT3 / "gold", tmp_path_factory.mktemp("heldout3") / "pred.jsonl")


@pytest.mark.parametrize(("metric", "floor"), DEV_FLOORS.items())
def test_dev_set_floor(dev_scores: dict[str, float], metric: str, floor: float) -> None:
    assert dev_scores[metric] >= floor, dev_scores


@pytest.mark.parametrize(("metric", "floor"), WIDER_FLOORS.items())
def test_wider_set_floor(wider_scores: dict[str, float], metric: str, floor: float) -> None:
    assert wider_scores[metric] >= floor, wider_scores


@pytest.mark.parametrize(("metric", "floor"), OWN_FLOORS.items())
def test_own_articles_floor(own_scores: dict[str, float], metric: str, floor: float) -> None:
    assert own_scores[metric] >= floor, own_scores


@pytest.mark.parametrize(("metric", "floor"), HELDOUT2_FLOORS.items())
def test_heldout2_floor(heldout2_scores: dict[str, float], metric: str, floor: float) -> None:
    assert heldout2_scores[metric] >= floor, heldout2_scores


@pytest.mark.parametrize(("metric", "floor"), HELDOUT3_FLOORS.items())
def test_heldout3_floor(heldout3_scores: dict[str, float], metric: str, floor: float) -> None:
    assert heldout3_scores[metric] >= floor, heldout3_scores


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
