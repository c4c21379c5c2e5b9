"""Quantity accuracy on the wider development set (../shared/wider: Taiwan, Hong Kong and Macao texts,
plans, yearbooks, forum and spam chrome), scored against its gold.

The floors are issue 10's acceptance floors for finding and reading quantities; attribution is
measured by tests/test_accuracy.py on the five-article set.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongextract import extract

WIDER_FLOORS = {"detect_f1": 0.98, "strict_f1": 0.96, "qualifier_acc": 0.97, "kind_acc": 0.98}


@pytest.fixture(scope="module")
def wider_scores(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    wider = shared / "wider"
    if not (wider / "gold").is_dir():
        pytest.skip(f"wider development set not found at {wider}")
    records = []
    for path in sorted((wider / "corpus").glob("*.txt")):
        records += [c.to_dict() for c in extract(path.read_text(encoding="utf-8"), str(path))]
    pred = tmp_path_factory.mktemp("wider") / "pred.jsonl"
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    scorer = shared / "tools" / "score.py"
    out = subprocess.run([sys.executable, scorer, pred, wider / "gold", "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("metric", "floor"), WIDER_FLOORS.items())
def test_wider_set_floor(wider_scores: dict[str, float], metric: str, floor: float) -> None:
    assert wider_scores[metric] >= floor, wider_scores
