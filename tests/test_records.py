"""Records: stable ids and the JSON of shared/gold/FORMAT.md."""

from __future__ import annotations

import datetime as dt

from eventwire.records import (
    Actor,
    Article,
    Document,
    Event,
    Mention,
    Place,
    content_id,
)


def test_content_id_is_stable_and_order_sensitive():
    assert content_id("a", 1, None) == content_id("a", 1, None)
    assert content_id("a", "b") != content_id("b", "a")
    assert content_id("ab", "c") != content_id("a", "bc")
    assert len(content_id("x")) == 16


def sample_document() -> Document:
    text = "Chinese Premier Li Qiang met Russian officials in Moscow."
    article = Article(id="a1", source="t.txt", text=text, authors=("A. Writer",), outlet="Wire",
                      published=dt.date(2024, 8, 20), dateline="Hong Kong", key="t.txt")
    actor = Actor(id="x1", name="Li Qiang", code="CHNGOV", kind="person",
                  mentions=(Mention("Chinese Premier Li Qiang", 0, 24),))
    place = Place(id="p1", name="Moscow", country="RUS", lat=55.75, lon=37.62,
                  mentions=(Mention("Moscow", 50, 56),))
    event = Event(id="e1", cameo="042", source="x1", target=None, source_code="CHNGOV",
                  target_code="RUSGOV", sentence=text, sentence_start=0,
                  trigger=Mention("met", 25, 28), date="2024-08-20")
    return Document(article=article, actors=(actor,), places=(place,), events=(event,),
                    meta={"model": "m"})


def test_document_serialises_to_the_gold_format_fields():
    data = sample_document().to_dict()
    assert set(data) >= {"article", "actors", "events", "quotes", "times", "figures",
                         "attributions", "places"}
    assert data["article"]["published"] == "2024-08-20"
    assert data["article"]["authors"] == ["A. Writer"]
    assert data["actors"][0]["mentions"] == [{"text": "Chinese Premier Li Qiang", "start": 0,
                                              "end": 24}]
    event = data["events"][0]
    for name in ("source", "target", "source_code", "target_code", "cameo", "plover", "date",
                 "mood", "place", "attributed_to", "sentence"):
        assert name in event


def test_document_round_trips_through_dict():
    doc = sample_document()
    assert Document.from_dict(doc.to_dict()) == doc
