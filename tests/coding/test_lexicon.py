"""The lexicon: well-formed, covers every CAMEO root, and every pattern's own example
sentence codes to the pattern's code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.coding.cameo import intent_code, load_cameo
from eventwire.coding.lexicon import Pattern, load_lexicon
from eventwire.config import Settings
from eventwire.errors import Failure
from eventwire.pipeline import process
from eventwire.read import RawArticle

PATTERNS = load_lexicon().patterns


def test_lexicon_covers_all_twenty_roots_and_many_codes():
    codes = load_lexicon().codes()
    assert {code[:2] for code in codes} == {f"{n:02d}" for n in range(1, 21)}
    assert len(codes) >= 150
    assert len(PATTERNS) >= 400


def test_every_pattern_is_complete_and_codes_exist():
    table = load_cameo()
    for pattern in PATTERNS:
        assert pattern.code in table, pattern.origin
        assert pattern.example and pattern.source, f"{pattern.origin} lacks example or source"


def test_no_duplicate_patterns():
    keys = [(p.code, p.pos, p.lemma, p.particle, p.objects, p.preps) for p in PATTERNS]
    assert len(keys) == len(set(keys))


def _raw(pattern: Pattern) -> RawArticle:
    return RawArticle(source=pattern.origin, text=pattern.example, input_format="text")


@pytest.fixture(scope="module")
def coded(nlp) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Every example through the whole pipeline once: origin -> the codes found."""
    out: dict[str, list[str]] = {}
    results: Iterator[object] = process((_raw(p) for p in PATTERNS), Settings(batch_size=256))
    for pattern, result in zip(PATTERNS, results, strict=True):
        assert not isinstance(result, Failure), result
        out[pattern.origin] = [e.cameo for e in result.events]  # type: ignore[attr-defined]
    return out


@pytest.mark.model
@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.origin for p in PATTERNS])
def test_pattern_example_codes_to_its_code(pattern: Pattern, coded: dict[str, list[str]]):
    found = coded[pattern.origin]
    wanted = {pattern.code, intent_code(pattern.code)}
    assert wanted & set(found), f"{pattern.example!r} gave {found}, wanted {pattern.code}"
