"""Quotations: marks, joining, cues, speakers and what is not a quotation.

Every text here is invented; names are made up.
"""

from __future__ import annotations

import pytest

from eventwire.extract.cues import quoted_spans
from eventwire.extract.quotes import find_quotes
from eventwire.records import Quote, content_id

pytestmark = pytest.mark.model


def quotes(nlp, text: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    return find_quotes(nlp(text), "a1")


def only(nlp, text: str) -> Quote:  # type: ignore[no-untyped-def]
    found = quotes(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_quoted_spans_pairs_straight_curly_and_tokenised_marks() -> None:
    text = 'He said "go now," then “wait ‘here’ a bit” and ``stop.\'\''
    assert [text[s.start : s.end] for s in quoted_spans(text)] == [
        "go now,", "wait ‘here’ a bit", "stop."]


def test_quoted_spans_keeps_nested_quotation_inside_outer_one() -> None:
    text = '"She asked me: “Why now?” and I had no answer."'
    (span,) = quoted_spans(text)
    assert text[span.start : span.end].startswith("She asked me")
    assert span.closed


def test_quoted_spans_leaves_unclosed_paragraph_open() -> None:
    (first, second) = quoted_spans("“We will stay.\n“We will win,” she said.")
    assert not first.closed and second.closed


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('"We will rebuild the bridge," Mayor Ana Torres said on Tuesday.', "Ana Torres", "say"),
        ("“The talks were useful,” said Foreign Minister Paul Okafor.", "Paul Okafor", "say"),
        ("``The plan is dead,'' Senator Ruth Mbeki told reporters.", "Ruth Mbeki", "tell"),
        ("Governor Sam Reyes wrote: “Nobody will be left behind.”", "Sam Reyes", "write"),
        ("“Prices will fall,” the Central Bank of Ruritania said in a statement.",
         "Central Bank of Ruritania", "say"),
    ],
)
def test_direct_quote_speaker_and_cue(nlp, text: str, speaker: str, cue: str) -> None:  # type: ignore[no-untyped-def]
    quote = only(nlp, text)
    assert quote.speaker == speaker
    assert quote.cue == cue
    assert quote.kind == "direct"


def test_quote_text_offsets_and_id(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“The river is rising fast,” said Chief Engineer Tom Varga."
    quote = only(nlp, text)
    assert quote.text == "The river is rising fast"
    assert text[quote.start : quote.end] == "The river is rising fast,"
    assert quote.id == content_id("a1", "quote", quote.start, quote.end)


@pytest.mark.parametrize(
    "text",
    [
        "“We will not leave,” Maria Lopez said, “until they listen.”",
        "“We will not leave,” said Maria Lopez. “We will stay until they listen.”",
        "“We will not leave,” Maria Lopez, the union leader, said. “Not until they listen.”",
    ],
)
def test_quote_interrupted_by_its_attribution_is_one_quote(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    quote = only(nlp, text)
    assert quote.text.startswith("We will not leave")
    assert quote.text.endswith("until they listen")
    assert quote.speaker == "Maria Lopez"


def test_second_attribution_starts_a_new_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“Costs are high,” Ivan Petrov said, adding later, “but we can cope.”"
    assert [q.text for q in quotes(nlp, text)] == ["Costs are high", "but we can cope"]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("The Interior Ministry called on “all sides” to show restraint.",
         "all sides", "Interior Ministry"),
        ("Prime Minister Lena Holt praised the deal, saying it would “open a new chapter.”",
         "open a new chapter", "Lena Holt"),
        ("Union leader Joe Banda described the offer as “an insult to every worker.”",
         "an insult to every worker", "Joe Banda"),
        ("The two leaders will discuss “practical cooperation,” according to Reuters.",
         "practical cooperation", "Reuters"),
    ],
)
def test_partial_quote_inside_reported_speech(nlp, text: str, fragment: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    quote = only(nlp, text)
    assert quote.text == fragment
    assert quote.kind == "partial"
    assert quote.speaker is not None and speaker in quote.speaker


def test_spokesperson_speaks_for_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A spokesperson for Norway's Foreign Ministry said the talks would resume, "
            "calling them “constructive and frank.”")
    quote = only(nlp, text)
    assert quote.speaker is not None and "Foreign Ministry" in quote.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Finance Minister Omar Haddad spoke after the vote. “We have done our job,” he said.",
        "Finance Minister Omar Haddad arrived on Monday. “We have done our job,” Haddad said.",
        "Finance Minister Omar Haddad arrived on Monday. “We have done our job,” Mr. Haddad said.",
    ],
)
def test_pronoun_and_surname_resolve_to_full_name(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert only(nlp, text).speaker == "Omar Haddad"


def test_person_quoted_inside_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Clara Voss met voters in Springfield. "
            "“Bill Norton has failed this state,” she said.")
    assert only(nlp, text).speaker == "Clara Voss"


def test_unattributed_quote_in_next_paragraph_keeps_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("“We expected a long winter,” said farmer Greta Olsen.\n\n"
            "“Nothing we saw this year has changed that.”")
    first, second = quotes(nlp, text)
    assert first.speaker == second.speaker == "Greta Olsen"


def test_quote_running_over_a_paragraph_break_is_joined(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Coach Dana White said: “We trained hard all year.\n\n"
            "“Nobody expected us to reach the final.”")
    quote = only(nlp, text)
    assert "trained hard" in quote.text and "reach the final" in quote.text
    assert quote.speaker == "Dana White"


def test_dash_after_quote_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We need better schools for our children.” — Rosa Delgado, teacher"
    assert only(nlp, text).speaker == "Rosa Delgado"


@pytest.mark.parametrize(
    "text",
    [
        "The film “Silent Harbor” opened in cinemas on Friday.",
        "Former boxer James “Iron” Kelly opened a gym in the city centre.",
        "He appeared on “Morning Report” and said the plan was sound.",
        "Critics panned the so-called “miracle” diet.",
    ],
)
def test_titles_nicknames_and_scare_quotes_are_not_quotes(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, text) == []


def test_text_without_marks_has_no_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    assert quotes(nlp, "The council met on Monday and approved the budget.") == []
