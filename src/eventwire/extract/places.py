"""Places: geocoded GPE, LOC and FAC mentions, plus places the small model labels wrongly.

A mention becomes a place when spaCy tags it GPE, LOC or FAC, or when it names a gazetteer
entry and its context says "place" ("in X", "the region of X", "X province") although spaCy
tagged it PERSON, ORG or PRODUCT or not at all. Names are geocoded with
:class:`eventwire.geo.Gazetteer`, preferring the countries and US states the article itself
mentions (a light form of the spatial-minimality heuristic of Leidner, *Toponym Resolution in
Text*, 2007). A city that only ever acts ("Beijing said", "Washington's decision") stands for
its government (metonymy, Markert & Nissim 2002) and is left to the actor stage; countries are
kept either way, since they are also where things happen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwire.geo import Gazetteer, GeoName, is_generic, load_gazetteer, name_key, word_set
from eventwire.parse import doc_text, entities, entity_at, span_text, tokens_with
from eventwire.records import Mention, Place, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the small model gives to some places ("Kyiv" PERSON, "Kursk" PRODUCT, "Belgorod"
#: NORP).
MISLABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", ""})
LOCATIVE_PREPS = word_set(
    "in at near to from into across outside inside around throughout toward towards through "
    "within via onto along beyond off"
)
STRONG_PREPS = word_set("in at near inside outside across throughout within around")
#: Nouns that make "of X" or "X <noun>" a place: "the region of Kursk", "the Kherson region",
#: "residents of Kharkiv".
PLACE_NOUNS = word_set(
    "region city town village province state capital district county area outskirts suburb "
    "suburbs port oblast island territory country governorate municipality neighbourhood "
    "neighborhood enclave airport base border resident mayor governor street centre center"
)
#: Words after a name that are part of how places are written but not of the gazetteer name.
GENERIC_TAILS = word_set(
    "region oblast province strip city governorate district county state airport "
    "international airbase port"
)
#: Verbs whose subject is the place itself, not its government.
PLACE_VERBS = word_set("brace suffer see experience remain lie sit border flood shake burn "
                       "swelter endure recover reopen become")
WATER = word_set("sea ocean gulf bay river lake strait straits channel")
#: Below this population a town in a country the article does not mention needs more proof.
SMALL_TOWN = 100_000
TITLES = word_set("mr mr. mrs mrs. ms ms. dr dr. president minister premier senator")


@dataclass(frozen=True, slots=True)
class _Hit:
    """One place mention and what it resolved to."""

    span: Span
    geo: GeoName | None
    label: str


def find_places(doc: Doc, article_id: str, dateline: str | None = None) -> list[Place]:
    """Every distinct place the article mentions, the dateline place first."""
    gazetteer = load_gazetteer()
    skip_before = _dateline_end(doc_text(doc), dateline)
    spans = [s for s in _place_spans(doc, gazetteer) if s.start_char >= skip_before]
    countries, admins = _context(spans, gazetteer, dateline)
    groups: dict[object, list[_Hit]] = {}
    for span in spans:
        hit = _resolve(span, gazetteer, countries, admins)
        groups.setdefault(_group_key(hit), []).append(hit)
    places: list[Place] = []
    for written in _dateline_places(dateline):
        if (found := _dateline_place(written, gazetteer, countries, admins)) is not None:
            name, geo = found
            body = groups.pop(geo, []) if geo is not None else []
            places.append(_to_place(body, geo, "dateline", name))
    places += [_to_place(g, g[0].geo, "mention") for g in groups.values() if _keep(g)]
    return _unique_ids(places, article_id)


def _keep(group: list[_Hit]) -> bool:
    """Countries and regions always; a city unless it only acts ("Beijing said": metonymy);
    a name the gazetteer lacks if it is a LOC or stands where a place does ("in X")."""
    geo = group[0].geo
    if geo is not None and geo.feature in ("country", "region"):
        return True
    if all(_acts(h.span) for h in group):
        return False
    if geo is None or geo.country is None:
        return group[0].label == "LOC" or any(_locative(h.span, strong=True) for h in group)
    return True


def _place_spans(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """Entity spans that name places, trimmed of "the" and "'s"."""
    persons = _person_words(doc)
    found: list[Span] = []
    for ent in entities(doc):
        span = _trim(ent)
        written = span_text(span)
        if written.islower() or not any(ch.isalpha() for ch in written):
            continue  # "the gulf": a proper name is capitalised
        if ent.label_ in PLACE_LABELS:
            if not _not_a_place(span, gazetteer, persons):
                found.append(span)
        elif ent.label_ in MISLABELS and _mislabelled_place(span, gazetteer, persons):
            found.append(_labelled(doc, span.start, span.end, "GPE"))
    covered = {i for ent in entities(doc) for i in range(ent.start, ent.end)}
    for span in _proper_noun_runs(doc, covered):
        if _mislabelled_place(span, gazetteer, persons):
            found.append(_labelled(doc, span.start, span.end, "GPE"))
    return sorted(found, key=lambda s: s.start)


def _not_a_place(span: Span, gazetteer: Gazetteer, persons: set[str]) -> bool:
    """A GPE/LOC that is a person's name ("Li" of "Li Qiang"), a demonym or "the West"."""
    countries = gazetteer.countries
    if span.label_ == "GPE" and (_personal(span, persons) or _voted_person(span)):
        return True
    written = span_text(span)
    code = countries.country(written)
    if code is not None:
        record = countries.get(code)
        return record is not None and not record.is_place
    # "Southwest" or "Straits" alone names no place; "Russian" is a demonym
    return (is_generic(written) or written.casefold() in WATER
            or countries.demonym(written) is not None)


def _labelled(doc: Doc, start: int, end: int, label: int | str) -> Span:
    """A span with an entity label (spaCy is imported when a document is, not before)."""
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _trim(span: Span) -> Span:
    """The span without a leading article or a trailing "'s" or punctuation."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a"}:
        start += 1
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return _labelled(span.doc, start, end, span.label)


def _person_words(doc: Doc) -> set[str]:
    """Words of the article's multi-word person names: "Li" of "Li Qiang", "Jordan" of
    "Jim Jordan"."""
    return {t.lower_ for ent in entities(doc) if ent.label_ == "PERSON" and len(ent) > 1
            for t in ent if t.pos_ == "PROPN"}


def _personal(span: Span, persons: set[str]) -> bool:
    """Whether a span is a person's name: part of one, or after "President", "Mr."..."""
    before = span.doc[span.start - 1].lower_ if span.start else ""
    return span_text(span).casefold() in persons or before in TITLES


def _voted_person(span: Span) -> bool:
    """Whether the model tags this name PERSON more often than GPE elsewhere in the article
    ("Bush" twice PERSON, here GPE), a vote that overrides one odd label."""
    labels, starts = _entity_labels(span.doc)
    written = span_text(span)
    votes = Counter(labels.get(written, {}))
    own = starts.get(span.start)
    if own is not None and own[0] == written:  # the other mentions only
        votes[own[1]] -= 1
    return votes["PERSON"] > votes["GPE"]


def _entity_labels(doc: Doc) -> tuple[dict[str, Counter[str]], dict[int, tuple[str, str]]]:
    """Labels of each entity text, and each entity's text and label by its start, counted
    once per document (per span it made long articles quadratic)."""
    cached = doc.user_data.get("eventwire.entity_labels")
    if cached is None:
        labels: dict[str, Counter[str]] = {}
        starts: dict[int, tuple[str, str]] = {}
        for ent in entities(doc):
            written = span_text(ent)
            labels.setdefault(written, Counter())[ent.label_] += 1
            starts[ent.start] = (written, ent.label_)
        cached = doc.user_data["eventwire.entity_labels"] = (labels, starts)
    return cached


def _prominent(name: str, gazetteer: Gazetteer) -> bool:
    """A country or a national capital: names that the news nearly always uses as places."""
    best = gazetteer.best(name)
    return bool(best and name_key(best.name) == name_key(name)
                and (best.feature == "country" or gazetteer.countries.capital_of(name)))


def _mislabelled_place(span: Span, gazetteer: Gazetteer, persons: set[str]) -> bool:
    """Whether a span tagged PERSON, ORG... (or untagged) is really a gazetteer place."""
    written = span_text(span)
    if _personal(span, persons) or gazetteer.countries.demonym(written):
        return False
    key = name_key(written)
    if not any(name_key(c.name) == key and c.feature != "region"
               for c in gazetteer.lookup(written)):
        return False  # only a place's own name, not one of its many foreign spellings
    # "Kyiv" tagged PERSON is still the capital; "Bush", tagged PERSON elsewhere, is a person
    return _prominent(written, gazetteer) or (_locative(span) and not _voted_person(span))


def _proper_noun_runs(doc: Doc, covered: set[int]) -> list[Span]:
    """Runs of capitalised proper nouns outside every entity (the model missed them)."""
    runs: list[Span] = []
    start = end = -1
    for token in tokens_with(doc, "POS", ("PROPN",)):
        if not token.is_title or token.i in covered:
            continue
        if token.i != end:  # not next to the run so far
            if start >= 0:
                runs.append(doc[start:end])
            start = token.i
        end = token.i + 1
    if start >= 0:
        runs.append(doc[start:end])
    return runs


def _locative(span: Span, strong: bool = False) -> bool:
    """Whether the context marks a location: "in X", "region of X", "X province".

    ``strong`` leaves out "to X" and "from X", which also go with people ("pray to God").
    """
    doc, root = span.doc, span.root
    head = root.head
    preps = STRONG_PREPS if strong else LOCATIVE_PREPS
    if root.dep_ == "pobj" and head.lower_ in preps:
        return True
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return True
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lemma_.lower() in PLACE_NOUNS:
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in STRONG_PREPS


def _acts(span: Span) -> bool:
    """Whether a mention is an agent: subject of a verb or possessor of a non-place."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:  # "Western leaders and Kyiv have alleged"
        root = root.head
    if root.dep_ == "nsubj":  # "Beijing said", but not "Dallas braced for floods"
        return root.head.pos_ != "AUX" and root.head.lemma_.lower() not in PLACE_VERBS
    if root.dep_ == "poss":
        owned = root.head
        return owned.ent_type_ not in PLACE_LABELS and owned.lemma_.lower() not in PLACE_NOUNS
    return False


def _context(spans: list[Span], gazetteer: Gazetteer, dateline: str | None
             ) -> tuple[set[str], set[tuple[str, str]]]:
    """Countries and US states named without ambiguity, and the countries of demonyms."""
    countries: set[str] = set()
    admins: set[tuple[str, str]] = set()
    names = [span_text(s) for s in spans] + [p.strip() for p in re.split(r"[,/]", dateline or "")]
    for name in names:  # only names that need no context give context
        candidates = gazetteer.lookup(name)
        found = {c.country for c in candidates if c.country}
        if len(found) == 1 and any(_sure(c) for c in candidates):
            countries |= found
            best = gazetteer.best(name)
            if best and best.country and best.admin1:
                admins.add((best.country, best.admin1))
    if spans:
        for token in spans[0].doc:
            if token.ent_type_ == "NORP" and (code := gazetteer.countries.demonym(token.text)):
                countries.add(code)
    return countries, admins


def _sure(geo: GeoName) -> bool:
    """A country, a US state or a large city: a candidate that needs no context."""
    return geo.feature == "country" or bool(geo.admin1 and (
        geo.feature == "admin1" or geo.population >= SMALL_TOWN))


def _resolve(span: Span, gazetteer: Gazetteer, countries: set[str],
             admins: set[tuple[str, str]]) -> _Hit:
    """Geocode one mention; a facility takes its country from the place that holds it."""
    if span.label_ == "FAC":
        return _Hit(span, _facility_country(span, gazetteer, countries, admins), "FAC")
    written = span_text(span)
    words = written.split()
    if WATER.intersection(w.casefold() for w in words) and not gazetteer.countries.country(
            written):
        return _Hit(span, None, span.label_)  # "Red Sea" is not Sudan's Red Sea state
    geo = gazetteer.best(written, countries, admins)
    if geo is None and written[-1].isupper() and "." in written:
        geo = gazetteer.best(written + ".", countries, admins)  # "U.S" at a sentence end
    while geo is None and len(words) > 1 and words[-1].casefold() in GENERIC_TAILS:
        words = words[:-1]  # "Gaza Strip", "Donetsk Oblast"
        geo = gazetteer.best(" ".join(words), countries, admins)
    if geo is not None and geo.feature == "city" and geo.country not in countries:
        small, alias = geo.population < SMALL_TOWN, name_key(geo.name) != name_key(written)
        if ((small or alias) and not _locative(span, strong=small)) or (
                small and geo.name != written):
            geo = None  # a town far from the story needs "in X" and its exact name: not "God"
    return _Hit(span, geo, span.label_)


def _facility_country(span: Span, gazetteer: Gazetteer, countries: set[str],
                      admins: set[tuple[str, str]]) -> GeoName:
    """A facility, in the country of the place that holds it: "Moscow's Vnukovo Airport"."""
    for token in span.root.children:
        if token.dep_ not in ("poss", "compound", "prep") or span.start <= token.i < span.end:
            continue
        target = token if token.dep_ != "prep" else next(
            (c for c in token.children if c.dep_ == "pobj"), None)
        if target is None or (token.dep_ == "prep" and token.lower_ not in LOCATIVE_PREPS):
            continue
        ent = entity_at(target)
        if ent is not None and ent.label_ in ("GPE", "LOC"):
            holder = gazetteer.best(_trim(ent).text, countries, admins)
            if holder and holder.country:
                return GeoName(span.text, holder.country, "facility")
    words = span.text.split()
    while len(words) > 1 and words[-1].casefold() in GENERIC_TAILS:
        words = words[:-1]  # "Vnukovo Airport": the airport of the town of that name
        geo = gazetteer.best(" ".join(words), countries, admins)
        if geo and geo.country and name_key(geo.name) == name_key(" ".join(words)):
            return GeoName(span.text, geo.country, "facility")
    return GeoName(span.text, None, "facility")


def _dateline_end(text: str, dateline: str | None) -> int:
    """Where the dateline ends when the text opens with it ("Hong Kong (CNN) — ...")."""
    if not dateline:
        return 0
    at = text[: len(dateline) + 8].casefold().find(dateline.casefold())
    return at + len(dateline) if at >= 0 and not text[:at].strip() else 0


def _dateline_places(dateline: str | None) -> list[str]:
    """A dateline's places: "TOKYO/BEIJING" is two, "KYIV, Ukraine" one."""
    if not dateline:
        return []
    first, comma, rest = dateline.partition(",")
    return [f"{p.strip()}{comma}{rest}" for p in first.split("/") if p.strip()]


def _dateline_place(dateline: str, gazetteer: Gazetteer, countries: set[str],
                    admins: set[tuple[str, str]]) -> tuple[str, GeoName | None] | None:
    """The dateline's place: "KYIV, Ukraine" is Kyiv in Ukraine, "PARIS, Texas" the US town."""
    parts = [p.strip() for p in re.sub(r"\(.*?\)", "", dateline).split(",") if p.strip()]
    if not parts:
        return None
    name = _display(parts[0])
    near, near_admins = set(countries), set(admins)
    for part in parts[1:]:
        for geo in gazetteer.lookup(part)[:1]:
            if geo.country:
                near.add(geo.country)
            if geo.feature == "admin1" and geo.country and geo.admin1:
                near_admins.add((geo.country, geo.admin1))
    return name, gazetteer.best(name, near, near_admins)


def _display(text: str) -> str:
    """A name as written, but "KYIV" in an upper-case dateline becomes "Kyiv"."""
    return text.title() if text.isupper() and len(text) > 3 else text


def _group_key(hit: _Hit) -> object:
    """Mentions of one geocoded place group together; others by their written name."""
    return hit.geo if hit.geo is not None else ("?", name_key(hit.span.text))


def _to_place(hits: list[_Hit], geo: GeoName | None, role: str, name: str = "") -> Place:
    """One record for a group of mentions (the id comes later, from the final name)."""
    mentions = tuple(Mention(h.span.text, h.span.start_char, h.span.end_char) for h in hits)
    if geo is not None and geo.feature in ("country", "region"):
        name = geo.name  # "the U.S." and "America" are one place, "United States"
    elif hits:
        name = Counter(_display(h.span.text) for h in hits).most_common(1)[0][0]
    if geo is None:
        return Place("", name, None, role=role, mentions=mentions)
    return Place("", name, geo.country, geo.lat, geo.lon, role, geo.feature, mentions)


def _unique_ids(places: list[Place], article_id: str) -> list[Place]:
    """Ids from the name; two places of one name (Paris, France and Texas) add the country."""
    seen: set[str] = set()
    out = []
    for place in places:
        pid = content_id(article_id, "place", place.name)
        if pid in seen:
            pid = content_id(article_id, "place", place.name, place.country)
        seen.add(pid)
        out.append(replace(place, id=pid))
    return out
