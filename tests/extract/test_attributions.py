"""Attributions: who reports a claim, the cue phrase, and the span it covers.

Every text here is invented; names are made up.
"""

from __future__ import annotations

import pytest

from eventwire.extract.attributions import find_attributions
from eventwire.records import Attribution, content_id

pytestmark = pytest.mark.model


def attributions(nlp, text: str) -> list[Attribution]:  # type: ignore[no-untyped-def]
    return find_attributions(nlp(text), "a1")


def only(nlp, text: str) -> Attribution:  # type: ignore[no-untyped-def]
    found = attributions(nlp, text)
    assert len(found) == 1, found
    return found[0]


def covered(text: str, item: Attribution) -> str:
    assert item.covers_start is not None and item.covers_end is not None
    return text[item.covers_start : item.covers_end]


@pytest.mark.parametrize(
    ("text", "source", "cue", "phrase", "claim"),
    [
        ("Russian news agency Interfax reported Thursday that the talks had stalled.",
         "Interfax", "report", "Interfax reported Thursday", "the talks had stalled"),
        ("Officials said the border would reopen next week.",
         "Officials", "say", "Officials said", "the border would reopen next week"),
        ("The border will reopen next week, officials said.",
         "officials", "say", "officials said", "The border will reopen next week"),
        ("Health Minister Rita Moreno told reporters that vaccines were on the way.",
         "Rita Moreno", "tell", "Rita Moreno told", "vaccines were on the way"),
        ("The Ruritanian Foreign Ministry said on Monday that the envoy had been recalled.",
         "Ruritanian Foreign Ministry", "say", "said on Monday", "the envoy had been recalled"),
    ],
)
def test_reporting_verb_attribution(  # type: ignore[no-untyped-def]
    nlp, text: str, source: str, cue: str, phrase: str, claim: str
) -> None:
    item = only(nlp, text)
    assert item.source == source
    assert item.cue == cue
    assert phrase in item.text
    assert claim in covered(text, item)
    assert text[item.start : item.end] == item.text
    assert item.id == content_id("a1", "attribution", item.start, item.end)


@pytest.mark.parametrize(
    ("text", "source", "claim"),
    [
        ("Exports rose by 4% in May, according to official customs data.",
         "official customs data", "Exports rose by 4% in May"),
        ("According to the state news agency, the minister resigned on Friday.",
         "state news agency", "the minister resigned on Friday"),
    ],
)
def test_according_to(nlp, text: str, source: str, claim: str) -> None:  # type: ignore[no-untyped-def]
    item = only(nlp, text)
    assert item.cue == "according to"
    assert source in item.source
    assert item.text.lower().startswith("according to")
    assert claim in covered(text, item)


def test_stance_verb_with_a_clause_is_an_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Economists believe that inflation has peaked."
    item = only(nlp, text)
    assert (item.source, item.cue) == ("Economists", "believe")
    assert "inflation has peaked" in covered(text, item)


def test_spokesperson_attribution_names_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    item = only(nlp, "A spokesman for the Defence Ministry said the drills were routine.")
    assert "Defence Ministry" in item.source


def test_pronoun_source_resolves_to_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Paula Reyes toured the site. She said the dam would hold."
    (item,) = [a for a in attributions(nlp, text) if a.cue == "say"]
    assert item.source == "Paula Reyes"


def test_participle_shares_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Mayor Ivo Brandt opened the bridge, saying it would cut commutes by half."
    item = only(nlp, text)
    assert item.source == "Ivo Brandt"
    assert "it would cut commutes" in covered(text, item)


@pytest.mark.parametrize(
    "text",
    [
        "She added two eggs to the bowl.",
        "The company reported strong earnings for the quarter.",
        "The minister is expected to resign.",
        "The so-called reform changed nothing.",
    ],
)
def test_no_attribution_without_reported_content(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert attributions(nlp, text) == []
