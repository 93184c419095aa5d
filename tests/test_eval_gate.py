"""Accuracy may not fall more than a few points below the recorded floors (see eval_gate.py)."""

from __future__ import annotations

import pytest

from tests.eval_gate import SETS, TARGETS, TOLERANCE, available, load_floors, measure

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    if not available():
        pytest.skip("the development sets (../shared/dev, ../shared/gold) are not beside the repo")
    return measure()


@pytest.mark.parametrize("name", sorted(n for n in SETS if not n.endswith("-precision")))
def test_score_stays_above_its_floor(name: str, scores: dict[str, float]) -> None:
    floor = load_floors()[name]
    assert scores[name] >= floor - TOLERANCE, f"{name}: F1 {scores[name]:.3f} < floor {floor}"


@pytest.mark.parametrize(
    ("name", "target"),
    [pytest.param(name, target, id=f"{name}>={target}", marks=() if met else
                  pytest.mark.xfail(reason="issue target not reached yet", strict=True))
     for name, target, met in TARGETS])
def test_measured_score_meets_the_issue_target(name: str, target: float,
                                               scores: dict[str, float]) -> None:
    assert scores[name] >= target, f"{name}: F1 {scores[name]:.3f} < target {target}"
