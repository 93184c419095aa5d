"""Event coding on short sentences of our own: voice, event nouns, compound actors, mood,
dates and places."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.records import Event

pytestmark = pytest.mark.model


def events(text: str, published: str = "2024-03-13") -> list[Event]:
    return list(eventwire.extract(text, published=published).events)


def one(text: str, published: str = "2024-03-13") -> Event:
    found = events(text, published)
    assert len(found) == 1, [(e.cameo, e.source_code, e.target_code) for e in found]
    return found[0]


def codes(event: Event) -> tuple[str | None, str | None, str]:
    return event.source_code, event.target_code, event.cameo[:2]


@pytest.mark.parametrize("text", [
    "Kenyan troops attacked Somali militants near the border on Monday.",
    "Somali militants were attacked by Kenyan troops near the border on Monday.",
])
def test_active_and_passive_voice_give_the_same_roles(text):
    event = one(text)
    assert event.source_code == "KENMIL"
    assert event.target_code is not None and event.target_code.startswith("SOM")
    assert event.cameo[:2] in {"18", "19"}
    assert event.date == "2024-03-11" and event.date_source == "text"


@pytest.mark.parametrize(("text", "source", "target", "root"), [
    ("The Turkish invasion of Syria began in 2019.", "TURGOV", "SYRGOV", "19"),
    ("Russia's invasion of Georgia drew wide condemnation.", "RUSGOV", "GEOGOV", "19"),
    ("Peruvian President Luis Vega made a three-day visit to Chile.", "PERGOV", "CHLGOV", "04"),
    ("An incursion by Indian forces into Pakistan was reported.", "INDMIL", "PAKGOV", "19"),
])
def test_event_nouns_find_their_actors(text, source, target, root):
    found = [codes(e) for e in events(text)]
    assert (source, target, root) in found


def test_compound_actors_give_one_event_each():
    found = events("Canadian officials and Mexican officials condemned the Venezuelan "
                   "government on Tuesday.")
    sources = sorted(e.source_code or "" for e in found if e.cameo.startswith("11"))
    assert sources == ["CANGOV", "MEXGOV"]


@pytest.mark.parametrize("text", [
    "The Kenyan president will meet Ugandan President John Okello on Friday.",
    "The Kenyan president is set to meet Ugandan President John Okello on Friday.",
    "The Kenyan president plans to meet Ugandan President John Okello on Friday.",
    "The Kenyan president is expected to meet Ugandan President John Okello on Friday.",
])
def test_announced_meetings_are_intentions_036(text):
    event = one(text)
    assert event.mood == "future" and event.cameo == "036"
    assert event.date == "2024-03-15"


@pytest.mark.parametrize("text", [
    "The Kenyan president did not meet Ugandan President John Okello.",
    "The Kenyan president refused to meet Ugandan President John Okello.",
    "The Kenyan president never met Ugandan President John Okello.",
])
def test_negated_events_say_so(text):
    assert one(text).mood == "negated"


@pytest.mark.parametrize("text", [
    "Ukraine accused Russian troops of shelling the city of Kharkiv.",
    "Ukraine alleged that Russian troops shelled the city of Kharkiv.",
])
def test_events_inside_an_allegation_are_alleged(text):
    shelling = [e for e in events(text) if e.source_code == "RUSMIL"]
    assert shelling and all(e.mood == "alleged" for e in shelling)


@pytest.mark.parametrize("text", [
    "If talks fail, Indian troops could attack Pakistani positions.",
    "Indian troops would attack Pakistani positions, officials warned.",
])
def test_conditional_events_are_hypothetical(text):
    attacks = [e for e in events(text) if e.source_code == "INDMIL"]
    assert attacks and all(e.mood == "hypothetical" for e in attacks)


def test_every_event_carries_its_evidence():
    text = "Chilean police arrested three protesters in Santiago on Saturday."
    event = one(text)
    assert event.sentence == text
    assert text[event.trigger.start : event.trigger.end] == "arrested"
    assert event.place == "Santiago" and event.place_country == "CHL"
    assert 0 < event.confidence <= 1
    assert event.goldstein is not None and event.quad_class == 4 and event.plover


def test_report_date_is_used_when_the_text_gives_no_date():
    text = "Egyptian troops have shelled rebel positions, the Egyptian army said Tuesday."
    event = next(e for e in events(text) if e.source_code == "EGYMIL")
    assert event.date_source in {"report", "text"}
    assert event.date == "2024-03-12"


def test_publication_date_is_the_last_resort():
    event = one("Chilean police arrested three protesters.")
    assert (event.date, event.date_source) == ("2024-03-13", "publication")


def test_background_mentions_are_not_events():
    found = events("Trade has grown since the invasion.")
    assert not [e for e in found if e.cameo.startswith("19")]


def test_talk_about_relations_is_not_an_event():
    assert events("Relations between Chile and Peru have shown new strength.") == []


def test_plover_types_follow_the_manual_where_the_mapping_gives_another_type_s_mode():
    """The bundled table is built from the reference by scripts/build_cameo_codes.py: destroying
    property (1712) carries the mode "seize", which the PLOVER manual lists under COERCE only."""
    from eventwire.coding.cameo import code_info

    assert code_info("1712").plover == "COERCE"
    assert code_info("171").plover == "COERCE"
    assert code_info("175").plover == "ASSAULT"  # its mode slot holds a context: kept as mapped
    assert code_info("1722").plover == "COERCE"  # 'ban' is nowhere a valid mode: kept as mapped
    # codes newer than the mapping take their root's type
    assert [code_info(c).plover for c in ("155", "176", "1834", "1951", "1952")] == [
        "MOBILIZE", "COERCE", "ASSAULT", "ASSAULT", "ASSAULT"]
    found = eventwire.extract("Israeli troops demolished a Palestinian school in Hebron.",
                              published="2024-03-13").events
    assert [(e.cameo, e.plover) for e in found] == [("1712", "COERCE")]
