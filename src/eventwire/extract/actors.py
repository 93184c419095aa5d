"""Actors: people, organisations, countries and groups, with CAMEO-style codes.

A code is a country (ISO 3166 alpha-3), a region (``WST``) or an IGO code, followed by a
role (``GOV``, ``MIL``, ``MED``...). Both parts come from the text first: titles and demonyms
("Russian President Vladimir Putin"), possessives ("China's Foreign Ministry"), appositions
("Li, China's No. 2 official"), descriptions ("Russian state-run news agency Tass") and
metonymy ("Beijing said", "the Kremlin"). A curated file of known actors fills what the text
leaves out. Mentions are then resolved into actors: surnames, titles alone ("the premier"),
and pronouns that are subjects.

The approach follows the actor dictionaries of PETRARCH2 and the CAMEO manual, ch. 3, with
the parse doing the work that PETRARCH's phrase patterns did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.extract.actor_groups import (
    acted_on_cities,
    group_candidates,
    missed_country_words,
    speaking_for,
)
from eventwire.extract.actor_lexicon import ActorLexicon, load_actor_lexicon
from eventwire.extract.candidates import (
    DROP,
    Candidate,
    ethnic,
    modifies_role_noun,
    state_code,
)
from eventwire.extract.coref import resolve_references
from eventwire.extract.dictionary import normal
from eventwire.parse import entities, entity_at, span_text
from eventwire.records import Actor, Mention, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Prepositions whose object is a location, not an actor ("in Moscow", "to Russia").
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "outside", "around",
                      "toward", "towards", "through", "via", "inside", "within", "throughout",
                      "over", "off", "along", "between"})



@dataclass(slots=True)
class ActorIndex:
    """The actors of one article and which tokens mention which actor."""

    actors: tuple[Actor, ...] = ()
    by_token: dict[int, str] = field(default_factory=dict)
    by_id: dict[str, Actor] = field(default_factory=dict)
    #: dependent territories the article names, to their CAMEO code ("GUM" -> "USAGUM")
    territories: dict[str, str] = field(default_factory=dict)

    def actor_at(self, token: Token) -> Actor | None:
        actor_id = self.by_token.get(token.i)
        return self.by_id.get(actor_id) if actor_id else None

    def actor_in(self, span: Span) -> Actor | None:
        """The actor of a span's root, else of any of its tokens."""
        found = self.actor_at(span.root)
        if found is None:
            found = next((a for t in span if (a := self.actor_at(t)) is not None), None)
        return found


def find_actors(doc: Doc, article_id: str, lexicon: ActorLexicon | None = None,
                dateline: str | None = None, day: dt.date | None = None) -> ActorIndex:
    """Every actor of the article, with its mentions, and the token index.

    People and organisations the dictionary knows are coded as they were on ``day`` (the
    publication date). An official with no country in the text or the dictionary ("President
    Yoweri Museveni") gets the article's home country: the one country the article names
    (and the dateline's, if it has one).
    """
    lexicon = (lexicon or load_actor_lexicon()).with_article(
        day, [span_text(e) for e in entities(doc) if e.label_ == "GPE"])
    taken: set[int] = set()
    candidates: list[Candidate] = []
    # longest first: "China's Foreign Ministry" wins over the "China" inside it
    for candidate in sorted(_entity_candidates(doc, lexicon), key=lambda c: c.start - c.end):
        if not taken.intersection(range(candidate.start, candidate.end)):
            candidates.append(candidate)
            taken.update(range(candidate.start, candidate.end))
    for candidate in group_candidates(doc, lexicon, taken):
        candidates.append(candidate)
        taken.update(range(candidate.start, candidate.end))
    for candidate in acted_on_cities(doc, lexicon, taken):
        candidates.append(candidate)
        taken.update(range(candidate.start, candidate.end))
    for candidate in missed_country_words(doc, lexicon, taken):
        candidates.append(candidate)
        taken.update(range(candidate.start, candidate.end))
    candidates += speaking_for(doc, candidates, lexicon, taken)
    candidates = _absorb_descriptions(candidates, lexicon)
    candidates.sort(key=lambda c: c.start)
    candidates = resolve_references(doc, candidates, taken, lexicon)
    _possessor_country(doc, candidates, lexicon)
    _share_organisation_codes(candidates)
    home = _home_country(doc, candidates, lexicon, dateline)
    _default_country(candidates, home)
    _placed_groups(doc, candidates, lexicon)
    if home is None:  # named officials only: an unnamed "police" may be anyone's
        _default_country(candidates, _dominant_country(candidates, lexicon), named=True)
    candidates = [c for c in candidates if c.kind != "group" or c.country_code]
    index = _build_index(doc, article_id, candidates)
    # the territories coded while finding countries ("GUM" -> "USAGUM"), for their places
    index.territories.update({c.country: c.code for c in candidates if c.kind == "country"
                              and c.country and c.code and c.code[3:] == c.country})
    return index


def _home_country(doc: Doc, candidates: list[Candidate], lexicon: ActorLexicon,
                  dateline: str | None) -> str | None:
    countries = lexicon.countries
    named = {c.country_code for c in candidates if c.country_code is not None
             and c.kind in {"country", "capital", "group", "person", "organisation", "people"}
             and not countries.is_region(c.country_code)}
    for ent in entities(doc):  # places count too: "demonstrators in Baghdad" is not a US story
        written = span_text(ent)
        found = countries.country(written) or countries.capital_of(written) \
            if ent.label_ == "GPE" else None
        if found is None and ent.label_ in {"GPE", "LOC", "NORP"} and \
                not countries.demonym(written):  # the model calls cities many things
            found = lexicon.city_country(written)
        if found and not countries.is_region(found):  # "North Africa" is no second country
            named.add(found)
    if dateline:  # a dateline abroad makes the story two-country: no default then
        place = dateline.split(",")[0].strip()
        found = countries.country(place) or countries.capital_of(place)
        named |= {found} if found else set()
    return named.pop() if len(named) == 1 else None


#: Mentions of one country an article needs, and the factor by which it must outnumber the
#: next, before an official with no country is taken to be of that country.
DOMINANT_MENTIONS, DOMINANT_RATIO = 4, 2


def _dominant_country(candidates: list[Candidate], lexicon: ActorLexicon) -> str | None:
    """The country a story is about when it names others in passing: a Beijing story that
    mentions Britain once. An official it names without a country ("foreign ministry
    spokesman X") is most likely of that country. None when no country clearly leads."""
    counts: dict[str, int] = {}
    for c in candidates:
        code = c.country_code
        if code is None or c.kind in {"media", "region"} or lexicon.countries.is_region(code):
            continue
        counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < DOMINANT_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0] < DOMINANT_RATIO * ranked[1]:
        return None
    return max(counts, key=lambda code: counts[code])


def _placed_groups(doc: Doc, candidates: list[Candidate], lexicon: ActorLexicon) -> None:
    """Unnamed groups are of the place where their sentence happens, when it names one
    country's places only: "protesters torched the consulate in Najaf" are Iraqis, "rebel
    positions in Aleppo" Syrian rebels (not of the country whose jets bombed them). Not
    armed forces, which are often abroad ("warships sent to waters near Taiwan")."""
    for c in candidates:
        if c.kind != "group" or c.country_code is not None or c.role in {None, "MIL"}:
            continue
        sentence = doc[c.start].sent
        places = {code for t in sentence if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE
                  and t.head.lower_ not in {"to", "into", "from", "toward", "towards"}
                  and t.pos_ == "PROPN" and not lexicon.countries.demonym(t.text)
                  and (code := _place_country(t, lexicon)) is not None}
        if len(places) == 1:
            c.country, c.inferred = places.pop(), True


def _place_country(token: Token, lexicon: ActorLexicon) -> str | None:
    """The country of a place name (a country, its capital, or a known city)."""
    ent = entity_at(token)
    name = ent.text if ent is not None else token.text
    countries = lexicon.countries
    found = countries.country(name) or countries.capital_of(name) or lexicon.city_country(name)
    return found if found and not countries.is_region(found) else None


def _possessor_country(doc: Doc, candidates: list[Candidate], lexicon: ActorLexicon) -> None:
    """An official described through another actor takes that actor's country: "the
    president's adviser, Jane Roe", "Putin's spokesman John Doe", "the ministry's envoy"."""
    by_token = {i: c for c in candidates for i in range(c.start, c.end)}
    for c in candidates:
        if c.country_code is not None or c.kind not in {"person", "group", "organisation"} \
                or not (c.role or c.title):
            continue
        owner = next((o for t in _description(doc[c.start : c.end]) if t.dep_ == "poss"
                      and (o := by_token.get(t.i)) is not None and o is not c
                      and o.kind != "media" and o.country_code is not None), None)
        if owner is None:
            continue
        country = owner.country_code
        for same in candidates:  # every mention of the person
            if same is c or (c.kind == "person" and same.kind == "person" and
                             same.name == c.name and same.country_code is None):
                same.country, same.inferred = country, True


def _share_organisation_codes(candidates: list[Candidate]) -> None:
    """One organisation named twice, once with its country ("China's Politburo") and once
    without ("the Politburo"), is one actor: every mention takes the coded one's details."""
    coded: dict[str, Candidate] = {}
    for c in candidates:
        if c.kind in {"organisation", "media"} and c.final_code():
            coded.setdefault(normal(c.name), c)
    for c in candidates:
        found = coded.get(normal(c.name)) if c.kind in {"organisation", "media"} else None
        if found is not None and c.final_code() in {None, found.final_code()}:
            c.name, c.kind, c.code = found.name, found.kind, found.code
            c.country, c.role, c.title = found.country, found.role, found.title


def _description(span: Span) -> list[Token]:
    """The words that describe a name: its own noun phrase, its apposition, or the noun it
    is in apposition to."""
    root = span.root
    words = list(root.subtree)
    for child in root.children:
        if child.dep_ == "appos" and child.i > span.end - 1:
            words += list(child.subtree)
    if root.dep_ == "appos" and root.head.i < span.start:
        words += [t for t in root.head.subtree if t.i <= root.head.i]
    return words


def _default_country(candidates: list[Candidate], home: str | None, named: bool = False
                     ) -> None:
    """Officials and institutions the text names without a country take the home country
    (only those with a name when ``named``)."""
    if home is None:
        return
    kinds = {"person", "organisation"} if named else {"person", "organisation", "group"}
    for c in candidates:
        if c.country_code is None and c.kind in kinds and (
                c.role or c.title):
            c.country, c.inferred = home, True


# ---------------------------------------------------------------- entities

def _entity_candidates(doc: Doc, lexicon: ActorLexicon) -> Iterator[Candidate]:
    for ent in entities(doc):
        if ent.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
            ent = _one_paragraph(ent)
            if _furniture(ent):
                continue
            found = _entity(ent, lexicon)
            if found is not None and not _place_not_actor(found, ent, lexicon):
                yield found


def _one_paragraph(ent: Span) -> Span:
    """A name never runs across a line break: a section header before a paragraph
    ("FOCUS" then "Japan ...") is not part of the name after it."""
    for i in range(ent.end - 1, ent.start, -1):
        if "\n" in ent.doc[i - 1].text_with_ws or ent.doc[i - 1].is_space:
            return ent.doc[i : ent.end]
    return ent


def _furniture(ent: Span) -> bool:
    """Page furniture, not actors: a transcript's speaker label ("HOST:"), a photo credit
    ("Name/AGENCY", "©Name")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    before = doc[ent.start - 1] if ent.start > 0 else None
    written = span_text(ent)
    if written.isupper() and after is not None and after.text == ":":
        return True
    if written.startswith("©") or (before is not None and before.text in {"©", "(c)"}):
        return True
    slash = {"/", "|"}
    last = doc[ent.end - 1]
    joined_after = after is not None and after.text[:1] in slash and not last.whitespace_
    joined_before = before is not None and before.text[-1:] in slash and not before.whitespace_
    return joined_after or joined_before


def _place_not_actor(found: Candidate, ent: Span, lexicon: ActorLexicon) -> bool:
    """An uncoded building or hall ("the Brady Briefing Room"), or a city the model took for
    an organisation, is a place: the places stage reports it."""
    if found.kind != "organisation" or found.role or (found.code and found.code[3:]):
        return False
    if ent.label_ == "FAC":
        return True
    # a city that is the subject or object of a verb stays, coded by its country, as
    # PETRARCH codes it ("forces besieged Mariupol"); elsewhere it is a place
    participant = ent.root.dep_ in {"nsubj", "nsubjpass", "dobj", "conj", "appos"} or (
        ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of")  # "the siege of Mariupol"
    return not participant and lexicon.city_country(span_text(ent)) is not None


def _entity(ent: Span, lexicon: ActorLexicon) -> Candidate | None:
    text = _strip_possessive(ent, lexicon)
    if not text:
        return None
    written = span_text(text)
    known = lexicon.lookup(written)
    if known is None and ent.label_ == "PERSON":
        known = lexicon.person(written, titled=_titled(ent, lexicon))
    elif known is None and len(text) == 1 and ent.label_ == "ORG" and \
            not lexicon.countries.code(written) and not lexicon.city_country(written):
        known = lexicon.person(written)  # a surname taken for a body: "Mishustin said"
    countries = lexicon.countries
    if len(text) == 1 and (short := lexicon.short_name(text[0])) is not None:
        return Candidate(text.start, text.end, countries.name(short) or written, "country",
                         country=short, code=state_code(short, "country"))
    if known is not None:
        kind = "seat" if known.kind == "seat" else known.kind
        return _described(Candidate(text.start, text.end, known.name if kind != "person"
                                    else written, kind, code=known.code), ent, lexicon,
                          keep_code=True)
    country = countries.country(written) or countries.country(_undirected(written))
    if country is None and ent.label_ == "GPE" and not countries.demonym(written):
        country = lexicon.country_spelling(written)  # "Afganistan"
    if country is not None and ent.label_ != "PERSON":
        kind = "region" if countries.is_region(country) else "country"
        return Candidate(text.start, text.end, countries.name(country) or written, kind,
                         country=country,
                         code=lexicon.territory(country) or state_code(country, kind))
    capital = countries.capital_of(written)
    if capital is not None:
        return _capital(text, capital)
    if ent.label_ in {"GPE", "NORP", "LOC"} and text.root.dep_ in {"dobj", "nsubjpass"} and \
            not countries.demonym(written) and \
            (city := lexicon.city_country(written)) is not None:
        # "jets bombed Aleppo", "Mosul was shelled": a city acted on stands for its country
        return Candidate(text.start, text.end, written, "city", country=city, code=city)
    if ent.label_ == "NORP" and len(text) > 1 and text[-1].tag_ in {"NNS", "NNPS"} and \
            (placed := countries.demonym(text[0].text)) and not countries.is_region(placed):
        return Candidate(text.start, text.end, written, "people", country=placed,
                         code=placed)  # "Turkish Kurds": a people, placed by the demonym
    if ent.label_ in {"NORP", "PERSON", "ORG"} and countries.demonym(written):
        if ethnic(text[0]):  # "ethnic Albanians" are a people, not Albania's state
            return _placed_people(text, lexicon)
        demonym = countries.demonym(written)
        if demonym is None or modifies_role_noun(text.root, lexicon):
            return None
        head = text.root.head
        if text.root.dep_ in {"amod", "compound"} and head.ent_type_ == "NORP" and \
                head.i == text.end and head.tag_ in {"NNS", "NNPS"} and \
                not countries.demonym(head.text):  # "Iraqi Kurds": a people, placed
            return Candidate(text.start, head.i + 1, f"{written} {head.text}", "people",
                             country=demonym, code=demonym)
        kind = "region" if countries.is_region(demonym) else "country"
        if kind == "country" and text.root.tag_ in {"NNS", "NNPS"}:
            # "Young Algerians blocked roads": the people, not the state
            return Candidate(text.start, text.end, written, "people", country=demonym,
                             code=demonym)
        return Candidate(text.start, text.end, countries.name(demonym) or written, kind,
                         country=demonym, code=state_code(demonym, kind))
    if ent.label_ == "PERSON" or _described_as_person(text, lexicon):
        return _described(Candidate(text.start, text.end, written, "person"), ent, lexicon)
    if ent.label_ == "ORG":
        words = [t.lemma_.lower() for t in text]
        role, _ = lexicon.role_of(words)
        name = _without_description(text, lexicon).text
        candidate = Candidate(text.start, text.end, name, "organisation", role=role)
        candidate = _described(candidate, ent, lexicon)
        if candidate.country is None and candidate.code is None:
            candidate.country = _country_in_name(text, lexicon)  # "Baghdad University"
        return candidate
    return None


def _without_description(span: Span, lexicon: ActorLexicon) -> Span:
    """The name in a name followed by what it is: "Xinhua news agency" -> "Xinhua", "the
    Acme party" stays whole unless the rest is a role ("Tass news agency")."""
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].text.islower():
        end -= 1
    rest = [t.lemma_.lower() for t in span.doc[end : span.end]]
    names = span.doc[span.start : end]
    if end == span.end or not all(t.pos_ == "PROPN" for t in names):
        return span
    return names if lexicon.role_of(rest)[0] is not None else span


def _placed_people(span: Span, lexicon: ActorLexicon) -> Candidate | None:
    """An ethnic group has no state of its own, but the text may place it: "ethnic Serbs in
    Croatia" are people of Croatia, "Iraqi Kurds" of Iraq. Unplaced, it is no actor."""
    root = span.root
    head = root.head if root.dep_ in {"amod", "compound"} else root
    place = None
    for token in (*head.children, *root.children):
        if token.dep_ == "prep" and token.lower_ in {"in", "of", "from"}:
            for obj in token.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC"}:
                    place = lexicon.countries.country(obj.text) or lexicon.city_country(obj.text)
        elif token.dep_ in {"amod", "compound"} and token.i < span.start:
            place = place or lexicon.countries.demonym(token.text)
    if place is None or lexicon.countries.is_region(place):
        return None
    return Candidate(span.start, span.end, span.text, "people", country=place, code=place)


def _titled(ent: Span, lexicon: ActorLexicon) -> bool:
    """Whether a title stands right before a name ("President Reagan", "Gen. Avril")."""
    start = ent.start
    if ent.doc[start].lower_ in lexicon.titles or ent.doc[start].lemma_.lower() in lexicon.titles:
        return True
    return start > 0 and ent.doc[start - 1].lemma_.lower() in lexicon.titles


def _country_in_name(span: Span, lexicon: ActorLexicon) -> str | None:
    """The country of a place named inside an organisation's name."""
    countries = lexicon.countries
    for token in span:
        if token.text[:1].isupper():
            found = countries.country(token.text) or countries.capital_of(token.text) or \
                countries.demonym(token.text) or lexicon.city_country(token.text)
            if found and not countries.is_region(found):
                return found
    return None


def _described_as_person(span: Span, lexicon: ActorLexicon) -> bool:
    """A name the model mislabels ("Okafor" as a place) that an apposition calls a minister,
    senator, spokesperson..."""
    return any(child.dep_ == "appos" and child.lemma_.lower() in lexicon.titles
               for child in span.root.children)


_DIRECTIONS = ("north ", "south ", "east ", "west ", "northern ", "southern ", "eastern ",
               "western ", "central ", "northeastern ", "northwestern ", "southeastern ",
               "southwestern ")


def _undirected(name: str) -> str:
    """"South Lebanon", "eastern Ukraine" -> the country itself (never "South Korea":
    a full country name is looked up first)."""
    lower = name.lower()
    for word in _DIRECTIONS:
        if lower.startswith(word):
            return name[len(word) :]
    return name


def _capital(span: Span, country: str) -> Candidate | None:
    """A capital city is its government when it acts ("Beijing said"), else a place."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        return None
    if root.dep_ in {"compound", "amod"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return None
    return Candidate(span.start, span.end, span.text, "capital", country=country, role="GOV")


def _described(candidate: Candidate, ent: Span, lexicon: ActorLexicon,
               keep_code: bool = False) -> Candidate:
    """Country, role and title from the words around a name: its left modifiers
    ("Russian President"), an apposition ("Li, China's No. 2 official") or the noun
    it is in apposition to ("news agency Tass")."""
    doc = ent.doc
    name_start = candidate.start
    left = [t for t in ent.root.subtree
            if t.i < name_start and t.i >= _np_start(ent, lexicon)]
    described = []
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i > ent.end - 1 and not _names_next(child):
            described += [t for t in child.subtree if t.i <= child.i]
    anchor = ent.root  # "two ministers, A and B": B shares the apposition of A
    while anchor.dep_ == "conj" and anchor.head.ent_type_ == "PERSON" and anchor.head.i < anchor.i:
        anchor = anchor.head
    if anchor.dep_ == "appos" and anchor.head.i < ent.start:
        head = anchor.head
        described += [t for t in head.subtree if t.i <= head.i and t.i >= head.left_edge.i]
    if anchor.dep_ == "pobj" and anchor.head.lower_ in {"to", "of", "for"} and \
            anchor.head.head.i < ent.start and _is_title(anchor.head.head, lexicon):
        # "Kenyan Ambassador to the United Nations Jane Roe": the parser hangs the name on
        # the title's preposition; the title and its modifiers describe her
        head = anchor.head.head
        described += [t for t in head.subtree if t.i <= head.i]
    country = next((c for t in [*left, *described] if (c := lexicon.token_country(t))), None)
    if country is None:  # "Cologne Mayor Henriette Reker": the city's country
        country = next((c for t in [*left, *described] if (t.ent_type_ == "GPE" or
                        t.pos_ == "PROPN") and (c := lexicon.city_country(t.text))), None)
    if country is None and (candidate.code is None or candidate.kind == "person"):
        # "U.N. mediator Diego Cordovez": the organisation he speaks for, whatever his
        # nationality in the dictionary
        org = next((k for t in left if t.text[:1].isupper() and (k := lexicon.lookup(t.text))
                    and k.code[:3] in {"IGO", "NGO"}), None)
        if org is not None:
            candidate.code = org.code
    role, title = _role_words(left, lexicon)
    if role is None:
        role, title = _role_words(described, lexicon)
    if candidate.kind == "organisation" and candidate.role:
        role = candidate.role if role in {None, "GOV"} else role
    if candidate.kind == "person" and candidate.code:
        _text_outranks(candidate, country, role, [*left, *described])
    keeps_code = keep_code and candidate.code and not candidate.code.startswith("---")
    international = candidate.code and candidate.code[:3] in {"IGO", "NGO"}
    if country and not keeps_code and not international:
        candidate.country, candidate.code = country, None
    candidate.role = candidate.role or role
    if role and candidate.code is None:
        candidate.role = role
    if title and title in lexicon.titles:
        candidate.title = title
    if left and candidate.kind in {"person", "organisation", "media"}:
        start = min(t.i for t in left)
        if doc[start].lower_ in DROP:
            start += 1
        candidate.start = min(candidate.start, start)
    return candidate


#: Words that put a title in the past ("former president", "ex-premier", "the late king").
FORMER = frozenset({"former", "ex", "ex-", "late", "ousted", "deposed", "exiled", "retired",
                    "onetime", "erstwhile"})


def _text_outranks(candidate: Candidate, country: str | None, role: str | None,
                   words: list[Token]) -> None:
    """What the text says of a person outranks the dictionary: a past title ("former
    president Obama") leaves the country alone; another role ("opposition leader X") or
    another country (a namesake) replaces the dictionary's."""
    code = candidate.code or ""
    home = code[:3] if code[:3] not in {"IGO", "NGO"} else None
    if country and home and country != home:
        candidate.code = None  # a namesake: the text's country and role decide
        return
    if any(t.lower_ in FORMER or t.lower_.startswith("ex-") for t in words):
        if home:
            candidate.code, candidate.country, candidate.role = home, home, None
        return
    if role and home and code[3:6] != role:
        candidate.code = home + role


def _is_title(token: Token, lexicon: ActorLexicon) -> bool:
    return token.lower_ in lexicon.titles or token.lemma_.lower() in lexicon.titles


def _role_words(tokens: list[Token], lexicon: ActorLexicon) -> tuple[str | None, str | None]:
    words = [t.lemma_.lower() for t in tokens if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
    return lexicon.role_of(words)


def _names_next(token: Token) -> bool:
    """Whether a description runs straight into a name ("news agency Tass")."""
    nxt = token.i + 1
    return nxt < len(token.doc) and token.doc[nxt].ent_type_ in {"PERSON", "ORG"}


def _np_start(ent: Span, lexicon: ActorLexicon) -> int:
    """Where the noun phrase around a name starts, not crossing another name (a demonym the
    model tagged as a person, "Ugandan President X", is no name)."""
    start = ent.root.left_edge.i
    for i in range(ent.start - 1, start - 1, -1):
        token = ent.doc[i]
        other_name = token.ent_type_ == "PERSON" and not lexicon.countries.demonym(token.text)
        if other_name or (token.is_punct and token.text not in {"-", "–"}):
            return i + 1
    return start


def _strip_possessive(ent: Span, lexicon: ActorLexicon) -> Span | None:
    """The name without "the", a trailing "'s", or a leading possessor that is a place
    ("China's Foreign Ministry"; not "the Democratic People's Republic")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in {"the"}:
        start += 1
    for i in range(start, end - 1):
        if doc[i].lower_ in {"'s", "’s"} and i + 1 < end:
            owner = doc[start:i].text
            if lexicon.countries.code(owner) or lexicon.countries.capital_of(owner) or (
                    i == start + 1 and lexicon.short_name(doc[start])):
                start = i + 1
            break
    while end > start and doc[end - 1].lower_ in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end] if end > start else None


def _absorb_descriptions(candidates: list[Candidate], lexicon: ActorLexicon
                         ) -> list[Candidate]:
    """A group right before a name describes it ("news agency Tass"): one mention."""
    names = {c.start: c for c in candidates if c.kind in {"person", "organisation", "media"}}
    kept = []
    for c in candidates:
        named = names.get(c.end) if c.kind == "group" else None
        if named is None:
            kept.append(c)
            continue
        named.start = c.start
        if named.code is None and named.country is None:
            named.country, named.role = c.country, named.role or c.role
        named.title = named.title or c.title
    return kept


# ---------------------------------------------------------------- records

def _build_index(doc: Doc, article_id: str, candidates: list[Candidate]) -> ActorIndex:
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        groups.setdefault(candidate.key(), []).append(candidate)
    index = ActorIndex()
    actors = []
    for key, members in groups.items():
        best = max(members, key=lambda c: (c.kind != "pronoun", len(c.name.split())))
        code = next((c.final_code() for c in members if c.final_code()), None)
        mentions = tuple(Mention(span_text(span), span.start_char, span.end_char)
                         for span in (doc[c.start : c.end] for c in members))
        actor = Actor(
            id=content_id(article_id, "actor", key),
            name=best.name,
            code=code,
            kind=best.kind,
            mentions=mentions,
            country=code[:3] if code else None,
            role=code[3:6] or None if code else None,
            title=next((c.title for c in members if c.title), None),
            inferred=all(c.inferred for c in members),
        )
        actors.append(actor)
        index.by_id[actor.id] = actor
        for c in members:
            for i in range(c.start, c.end):
                index.by_token[i] = actor.id
    # most specific first: people and institutions, then groups, then countries and regions
    order = {"person": 0, "organisation": 1, "media": 1, "igo": 1, "ngo": 1, "seat": 2,
             "capital": 2, "group": 3, "country": 4, "region": 5}
    index.actors = tuple(sorted(actors, key=lambda a: order.get(a.kind, 3)))
    return index
