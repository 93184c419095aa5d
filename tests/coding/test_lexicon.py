"""The lexicon: well-formed, covers every CAMEO root, and every pattern's own example
sentence codes to the pattern's code, with the source and target the pattern names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.coding.cameo import intent_code, load_cameo
from eventwire.coding.lexicon import Pattern, load_lexicon
from eventwire.config import Settings
from eventwire.errors import Failure
from eventwire.pipeline import process
from eventwire.read import RawArticle
from eventwire.records import Event, Mention

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
def coded(nlp) -> dict[str, list[Event]]:  # type: ignore[no-untyped-def]
    """Every example through the whole pipeline once: origin -> the events found."""
    out: dict[str, list[Event]] = {}
    results: Iterator[object] = process((_raw(p) for p in PATTERNS), Settings(batch_size=256))
    for pattern, result in zip(PATTERNS, results, strict=True):
        assert not isinstance(result, Failure), result
        out[pattern.origin] = list(result.events)  # type: ignore[attr-defined]
    return out


def _names(span: Mention | None, words: str) -> bool:
    """Whether a span's text and the pattern's words contain one another (any case)."""
    if span is None:
        return False
    text, words = span.text.lower(), words.lower()
    return text in words or words in text


def _own_country(event: Event) -> bool:
    """The target the engine implies for a domestic act with no one else named ("lifted the
    curfew": against its own country, see ``participants.domestic``): no actor, the source's
    country code, and the source's own word as span. It names no one, so it counts as no
    target."""
    source, target = event.source_span, event.target_span
    return (event.target is None and source is not None and target is not None
            and event.target_code == (event.source_code or "")[:3]
            and source.start <= target.start and target.end <= source.end)


def _codes_pattern(event: Event, pattern: Pattern) -> bool:
    """The event has the pattern's code (or its intent code) and the participants the
    pattern names: the source's words, and the target's words or no target at all."""
    if event.cameo not in {pattern.code, intent_code(pattern.code)}:
        return False
    if not pattern.source or not _names(event.source_span, pattern.source):
        return False
    if pattern.target:
        return _names(event.target_span, pattern.target)
    return event.target_span is None or _own_country(event)


def _found(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.cameo, e.source_span.text if e.source_span else None,
             e.target_span.text if e.target_span else None) for e in events]


@pytest.mark.model
@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.origin for p in PATTERNS])
def test_pattern_example_codes_to_its_code(pattern: Pattern, coded: dict[str, list[Event]]
                                           ) -> None:
    events = coded[pattern.origin]
    wanted = (pattern.code, pattern.source, pattern.target)
    assert any(_codes_pattern(e, pattern) for e in events), (
        f"{pattern.example!r} gave (code, source, target) {_found(events)}, wanted {wanted}")
