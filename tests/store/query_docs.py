"""Hand-made documents with actors, events, quotes and figures, for the query tests (no model).

Three articles and a syndicated copy of the first:

* ``a1`` Daily Planet, 2024-05-06 (also run by Wire Copy under its own url): c1 CHNGOV->RUSGOV
  036 future 2024-05-06; c2 CHNGOV->RUSGOV 042 2024-05-07; c3 RUSGOV->CHNGOV 043 2024-05-07;
  c4 UKRMIL->RUSGOV 190 2024-05-01.
* ``a2`` Evening Star, 2024-05-08: c2 again (a second report); c5 CHNGOV->RUSGOV 112
  2024-05-14; c6 CHNGOV->USAGOV 130 2024-05-20.
* ``a3`` Daily Planet, 2024-06-03: c7 CHNGOV->RUSGOV 061 2024-06-03; c8 RUSGOV->UKRGOV 180
  alleged 2024-06-02; c9 CHNGOV->RUSGOV 036 dated only "2024-06".

Nine real-world events (clusters), ten reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from eventwire.records import (
    Actor,
    Article,
    Document,
    Event,
    Figure,
    Mention,
    Quote,
    content_id,
)
from eventwire.store import Store

#: cameo -> (plover, quad_class, goldstein)
CODES = {"036": ("AGREE", 1, 4.0), "042": ("CONSULT", 1, 1.0), "043": ("CONSULT", 1, 2.8),
         "190": ("ASSAULT", 4, -10.0), "112": ("ACCUSE", 3, -2.0), "130": ("THREATEN", 3, -4.4),
         "061": ("COOPERATE", 2, 6.0), "180": ("ASSAULT", 4, -9.0)}


def _actor(aid: str, name: str, code: str, kind: str, mentions: int) -> Actor:
    return Actor(id=content_id(aid, "actor", name), name=name, code=code, kind=kind,
                 mentions=tuple(Mention(name, i * 10, i * 10 + len(name))
                                for i in range(mentions)))


def _event(aid: str, n: int, source: Actor, target: Actor, cameo: str, date: str,
           mood: str = "actual", sentence: str = "") -> Event:
    plover, quad, goldstein = CODES[cameo]
    text = sentence or f"{source.name} and {target.name}: event {cameo} on {date}."
    return Event(id=content_id(aid, "event", n), cameo=cameo, source=source.id,
                 target=target.id, source_code=source.code, target_code=target.code,
                 sentence=text, sentence_start=0, trigger=Mention("met", 0, 3), plover=plover,
                 goldstein=goldstein, quad_class=quad, date=date, date_source="text",
                 mood=mood,  # type: ignore[arg-type]
                 attributed_to="Tass" if n == 0 else None, confidence=0.5 + n / 100)


def _document(key: str, outlet: str, published: dt.date, **sections: Any) -> Document:
    text = f"{key}: " + " ".join(a.name for a in sections.get("actors", ()))
    aid = content_id("article", key, published.isoformat())
    article = Article(id=aid, source=key, text=text, outlet=outlet, published=published,
                      key=key, url=f"https://news.example/{key}")
    return Document(article=article, meta={"model": "test"}, **sections)


def _a1() -> Document:
    aid = content_id("article", "a1", "2024-05-06")
    li = _actor(aid, "Li Qiang", "CHNGOV", "person", 3)
    putin = _actor(aid, "Vladimir Putin", "RUSGOV", "person", 2)
    ukr = _actor(aid, "Ukrainian forces", "UKRMIL", "group", 1)
    events = (_event(aid, 0, li, putin, "036", "2024-05-06", mood="future"),
              _event(aid, 1, li, putin, "042", "2024-05-07",
                     sentence="Li Qiang held talks with Vladimir Putin in Moscow."),
              _event(aid, 2, putin, li, "043", "2024-05-07"),
              _event(aid, 3, ukr, putin, "190", "2024-05-01"))
    quote = Quote(id=content_id(aid, "quote"), text="We will deepen cooperation with Russia",
                  start=0, end=5, speaker="Li Qiang", speaker_id=li.id, speaker_code="CHNGOV",
                  kind="direct", cue="say")
    figure = Figure(id=content_id(aid, "figure"), text="$240 billion", start=0, end=5,
                    value=240e9, unit="USD", subject="trade between China and Russia",
                    period="2023")
    return _document("a1", "Daily Planet", dt.date(2024, 5, 6), actors=(li, putin, ukr),
                     events=events, quotes=(quote,), figures=(figure,))


def _a2() -> Document:
    aid = content_id("article", "a2", "2024-05-08")
    li = _actor(aid, "Li Qiang", "CHNGOV", "person", 2)
    putin = _actor(aid, "Vladimir Putin", "RUSGOV", "person", 1)
    usa = _actor(aid, "Washington", "USAGOV", "capital", 1)
    events = (_event(aid, 1, li, putin, "042", "2024-05-07",
                     sentence="Li Qiang held talks with Vladimir Putin in Moscow on Tuesday."),
              _event(aid, 2, li, putin, "112", "2024-05-14"),
              _event(aid, 3, li, usa, "130", "2024-05-20"))
    quote = Quote(id=content_id(aid, "quote"), text="Our partnership is not aimed at anyone",
                  start=0, end=5, speaker="Vladimir Putin", speaker_id=putin.id,
                  speaker_code="RUSGOV", kind="direct", cue="say")
    return _document("a2", "Evening Star", dt.date(2024, 5, 8), actors=(li, putin, usa),
                     events=events, quotes=(quote,))


def _a3() -> Document:
    aid = content_id("article", "a3", "2024-06-03")
    li = _actor(aid, "Li Qiang", "CHNGOV", "person", 1)
    putin = _actor(aid, "Vladimir Putin", "RUSGOV", "person", 1)
    kyiv = _actor(aid, "Kyiv", "UKRGOV", "capital", 2)
    events = (_event(aid, 1, li, putin, "061", "2024-06-03"),
              _event(aid, 2, putin, kyiv, "180", "2024-06-02", mood="alleged"),
              _event(aid, 3, li, putin, "036", "2024-06"))
    figures = (Figure(id=content_id(aid, "f1"), text="a quarter", start=0, end=5, value=25.0,
                      unit="percent", qualifier="more than", subject="bilateral trade"),
               Figure(id=content_id(aid, "f2"), text="10,000 troops", start=6, end=9,
                      value=10000.0, unit="troops", subject="troops", source="Kyiv"))
    return _document("a3", "Daily Planet", dt.date(2024, 6, 3), actors=(li, putin, kyiv),
                     events=events, figures=figures)


def query_docs() -> list[Document]:
    """The three articles, then the first again as run by Wire Copy."""
    a1 = _a1()
    copy = dataclasses.replace(a1, article=dataclasses.replace(
        a1.article, key="copy-a1", source="copy-a1", outlet="Wire Copy"))
    return [a1, _a2(), _a3(), copy]


def fill(store: Store) -> None:
    """Store the query documents, one batch each, in order."""
    for doc in query_docs():
        store.store_batch([doc])
