"""Accuracy may not fall more than a few points below the recorded floors (see eval_gate.py)."""

from __future__ import annotations

import pytest

from tests.eval_gate import SETS, TOLERANCE, available, load_floors, measure

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not available():
        pytest.skip("the development sets (../shared/dev, ../shared/gold) are not beside the repo")
    return measure()


@pytest.mark.parametrize("name", sorted(SETS))
def test_score_stays_above_its_floor(name: str, scores: dict[str, float]) -> None:
    floor = load_floors()[name]
    assert scores[name] >= floor - TOLERANCE, f"{name}: F1 {scores[name]:.3f} < floor {floor}"


def test_floors_meet_the_issue_targets() -> None:
    floors = load_floors()
    assert floors["times-timebank"] >= 0.80
    assert floors["quotes-polnear"] >= 0.70
    assert floors["events-plover"] >= 0.60
    assert floors["example-events"] >= 0.85
