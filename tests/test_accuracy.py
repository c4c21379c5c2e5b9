"""Accuracy on the development set (../shared/corpus scored against ../shared/gold) and on the peer probes.

The floors are the issues' acceptance floors; the articles the project is judged on are harder.
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
    "detect_f1": 0.93, "strict_f1": 0.90, "qualifier_acc": 0.95,
    # attribution (issue 3)
    "object_acc": 0.85, "province_acc": 0.95, "status_acc": 0.92, "year_acc": 0.90, "program_acc": 0.75,
    "full_record_acc": 0.75,
}
PROBE_FLOOR, PROBE_MAX_EXTRA = 0.97, 5


def _write(records: list[dict[str, object]], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def _last_json(stdout: str) -> dict[str, float]:
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def dev_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    pred = tmp_path_factory.mktemp("dev") / "pred.jsonl"
    records = []
    for path in sorted((shared / "corpus").glob("*.txt")):
        records += [c.to_dict() for c in extract(path.read_text(encoding="utf-8"), str(path))]
    _write(records, pred)
    scorer = shared / "tools" / "score.py"
    out = subprocess.run([sys.executable, scorer, pred, shared / "gold", "--json"], capture_output=True, text=True, check=True)
    return _last_json(out.stdout)


@pytest.mark.parametrize(("metric", "floor"), DEV_FLOORS.items())
def test_dev_set_floor(dev_scores: dict[str, float], metric: str, floor: float) -> None:
    assert dev_scores[metric] >= floor, dev_scores


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
