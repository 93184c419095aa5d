"""Typed records for everything eventwire extracts.

Records are frozen, slotted dataclasses: they need no dependency, pickle for Dask workers and
turn into the JSON of ``shared/gold/FORMAT.md`` with :meth:`Document.to_dict`. Every record
that points into the article holds ``start``/``end`` character offsets into the *cleaned*
``Article.text`` (``end`` exclusive), so records stay meaningful without spaCy.

Ids are content hashes (:func:`content_id`): the same article gives the same ids on every
machine and every run, so re-ingesting upserts instead of duplicating.

Time values are TIMEX3-style ISO 8601 strings (``2024-08-21``, ``2024-W33``, ``2024-07``,
``P4D``, ``2024-01/2024-07``), not ``date`` objects, because weeks, durations and intervals
have no ``date`` form; :func:`eventwire.timeperiod.period` turns one into a day range.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

Mood = Literal["actual", "future", "intended", "alleged", "negated", "hypothetical"]
DateSource = Literal["text", "report", "publication", "none"]


def content_id(*parts: object) -> str:
    """Same inputs, same id, on every machine and every run."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Character offsets into ``Article.text``; ``end`` is exclusive."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article and its metadata.

    ``source`` names the file, ``file:line`` or url it was read from; ``text`` is the cleaned
    body that every offset refers to; ``removed`` lists the boilerplate that cleaning took out.
    """

    id: str
    source: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: dt.date | None = None
    dateline: str | None = None
    url: str | None = None
    input_format: str = "text"
    removed: tuple[str, ...] = ()
    #: What identifies the article across versions: its url or id, else where it was read from.
    key: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organisation, country or group, with every mention of it in the article.

    ``code`` is CAMEO-style: an ISO 3166 alpha-3 country, region or IGO code followed by
    role codes (``CHNGOV``, ``RUSMED``, ``UKRMIL``, ``WST``).
    """

    id: str
    name: str
    code: str | None
    kind: str
    mentions: tuple[Mention, ...] = ()
    country: str | None = None
    role: str | None = None
    title: str | None = None
    #: True when the country is the article's home country, not something the text said
    inferred: bool = False
    #: False for an actor the text names but nothing codes (its ``code`` is empty): kept in
    #: the document, skipped by dyadic exports and by scores of coded actors
    coded: bool = True


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place; ``role`` is ``dateline`` for the dateline, else ``mention``."""

    id: str
    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    role: str = "mention"
    feature: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression and its TIMEX3-style value, resolved against the publication date."""

    id: str
    text: str
    start: int
    end: int
    value: str | None
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; ``kind`` is ``direct`` (whole sentence quoted) or ``partial``."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_id: str | None = None
    speaker_code: str | None = None
    kind: Literal["direct", "partial"] = "direct"
    cue: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """A claim reported from a source: ``text`` is the cue ("Tass reported Wednesday"),
    ``covers_start``/``covers_end`` the span of the claim it covers."""

    id: str
    source: str
    text: str
    start: int
    end: int
    code: str | None = None
    source_id: str | None = None
    cue: str | None = None
    covers_start: int | None = None
    covers_end: int | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with a unit: money (``USD``, ``EUR``...), ``percent`` or a counted noun."""

    id: str
    text: str
    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None = None
    subject: str | None = None
    period: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when, where, and who says so, with its evidence."""

    id: str
    cameo: str
    source: str | None
    target: str | None
    source_code: str | None
    target_code: str | None
    sentence: str
    sentence_start: int
    trigger: Mention
    plover: str | None = None
    plover_mode: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    date_source: DateSource = "publication"
    mood: Mood = "actual"
    place: str | None = None
    place_country: str | None = None
    attributed_to: str | None = None
    source_span: Mention | None = None
    target_span: Mention | None = None
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Document:
    """An article and everything extracted from it."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    figures: tuple[Figure, ...] = ()
    places: tuple[Place, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``shared/gold/FORMAT.md``."""
        out: dict[str, Any] = {name: _jsonable(getattr(self, name)) for name in SECTIONS}
        out["meta"] = dict(self.meta)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from :meth:`to_dict` output (as read back from a store)."""
        art = dict(data["article"])
        art["authors"] = tuple(art.get("authors") or ())
        art["removed"] = tuple(art.get("removed") or ())
        if art.get("published"):
            art["published"] = dt.date.fromisoformat(art["published"])
        kwargs: dict[str, Any] = {"article": _build(Article, art), "meta": data.get("meta", {})}
        for name, record in SECTION_TYPES.items():
            kwargs[name] = tuple(_build(record, item) for item in data.get(name) or ())
        return cls(**kwargs)


SECTIONS = ("article", "actors", "events", "quotes", "attributions", "times", "figures", "places")
SECTION_TYPES: dict[str, type] = {
    "actors": Actor,
    "events": Event,
    "quotes": Quote,
    "attributions": Attribution,
    "times": TimeExpression,
    "figures": Figure,
    "places": Place,
}
_NESTED = {"mentions": Mention, "trigger": Mention, "source_span": Mention, "target_span": Mention}


def _build(record: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(record)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        if key == "mentions":
            value = tuple(Mention(**m) for m in value or ())
        elif key in _NESTED and value is not None:
            value = Mention(**value)
        elif isinstance(value, list):
            value = tuple(value)
        values[key] = value
    return record(**values)


@functools.cache
def _field_names(kind: Any) -> tuple[str, ...] | None:
    """The field names of a record type (None for other types), looked up once per type."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def _jsonable(value: Any) -> Any:
    names = _field_names(value.__class__)
    if names is not None:
        return {name: _jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
