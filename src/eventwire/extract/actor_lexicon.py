"""What the actor stage knows before it reads an article: role words, known actors, countries.

Loaded once per process (the loaders are cached) and shared read-only between articles.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING

from eventwire.extract.dictionary import HONORIFICS, ActorDictionary, load_dictionary, normal
from eventwire.geo import Countries, load_countries, load_gazetteer
from eventwire.parse import entity_at
from eventwire.resources import load_outlets, read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Cities this large are known well enough to give a title or a name its country.
CITY_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Known:
    """An actor from the dictionary: canonical name, CAMEO code on the day, kind, and why."""

    name: str
    code: str
    kind: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Role words (lemma or two-word term -> role), title words, the dated actor dictionary,
    countries, and the day an article is read for (``day``: its publication date)."""

    roles: MappingProxyType[str, str]
    titles: frozenset[str]
    dictionary: ActorDictionary
    countries: Countries
    day: dt.date | None = None
    #: "North" -> PRK in an article that names North Korea: "the North" is then that country
    short_names: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({}))

    def with_article(self, day: dt.date | None, country_names: list[str]) -> ActorLexicon:
        """This lexicon for one article: its day, and the short names ("the North", "the
        South") that the countries it names allow, each only if one country has it."""
        short: dict[str, str | None] = {}
        for name in country_names:
            first, _, rest = name.partition(" ")
            code = self.countries.code(name)
            if first in {"North", "South"} and rest and code:
                short[first] = code if short.get(first, code) == code else None
        found = {k: v for k, v in short.items() if v is not None}
        return replace(self, day=day, short_names=MappingProxyType(found))

    def short_name(self, token: Token) -> str | None:
        """The country "the North" or "the South" stands for in this article, if any."""
        doc = token.doc
        if token.text not in self.short_names or token.i == 0 or \
                doc[token.i - 1].lower_ != "the":
            return None
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            return None  # "the North Atlantic", "the South China Sea"
        return self.short_names[token.text]

    def role_of(self, words: list[str]) -> tuple[str | None, str | None]:
        """Role and matched term for a run of lower-case lemmas; two-word terms win,
        and the last matching word wins ("news agency" -> MED, "defense ministry" -> MIL)."""
        role, term = None, None
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                candidate = " ".join(words[i : i + size])
                if len(words[i : i + size]) == size and candidate in self.roles:
                    role, term = self.roles[candidate], candidate
                    i += size - 1
                    break
            i += 1
        return role, term

    def lookup(self, name: str) -> Known | None:
        """A known actor by name or variant, coded for :attr:`day`, or a news outlet (coded
        <country>MED). Countries are left to :attr:`countries` (see :meth:`country_spelling`)."""
        found = self.dictionary.resolve(name, self.day)
        if found is not None and found.kind != "country":
            return Known(found.entry.name, found.code, found.kind or "organisation", found.why)
        key = normal(name)
        outlet = load_outlets().get(key) or load_outlets().get(name.strip().casefold())
        if outlet and outlet.country:
            return Known(outlet.name, f"{outlet.country}MED", "media")
        return None

    def person(self, name: str, titled: bool = False) -> Known | None:
        """A person the dictionary knows by a shorter or variant form of the name: "Mr. Obama",
        "Dmitriy Medvedev" (same surname and initial), or a surname alone when one person of
        that name holds a role on :attr:`day` (any person of the name when ``titled``: the
        text's title says who)."""
        words = [w for w in name.split() if normal(w) not in HONORIFICS]
        if not words:
            return None
        if len(words) != len(name.split()) and (known := self.lookup(" ".join(words))):
            return known
        first = words[0] if len(words) > 1 else None
        found = self.dictionary.by_surname(words[-1], self.day, first, holding=not titled)
        if found is None:
            return None
        return Known(found.entry.name, found.code, "person", found.why)

    def city_country(self, name: str) -> str | None:
        """The country of a well-known city ("Cologne" -> DEU), for a title or an
        organisation's name that a city qualifies ("Cologne Mayor", "Shanghai Daily")."""
        if not name[:1].isupper() or self.countries.code(name):
            return None
        place = load_gazetteer().best(name)  # by any of its names: "Cologne" is Köln
        if place is None or place.feature != "city" or place.population < CITY_POPULATION:
            return None
        return place.country

    def country_spelling(self, name: str) -> str | None:
        """A country named by a spelling the country tables lack ("Afganistan")."""
        found = self.dictionary.resolve(name, self.day)
        if found is not None and found.kind == "country" and len(normal(name)) > 4:
            return found.code[:3]
        return None

    def territory(self, country: str) -> str | None:
        """The CAMEO code of a dependent territory, under its sovereign, as the Phoenix
        dictionary writes it: Guam is ``USAGUM``, Greenland ``DNKGRL``, Gibraltar ``GBRGIB``
        (ISO 3166 gives each its own code); None for a sovereign state."""
        name = self.countries.name(country)
        found = self.dictionary.resolve(name, self.day) if name else None
        if found is None or found.kind != "country" or len(found.code) != 6:
            return None
        return found.code if found.code[3:] == country and found.code[:3] != country else None

    def token_country(self, token: Token) -> str | None:
        """The country or region a token names: "Russian", "Russia", "China's", "Western"."""
        text = token.text
        if token.lower_ in {"'s", "’s"}:
            return None
        if (short := self.short_name(token)) is not None:
            return short
        if len(text) == 2 and text.isupper() and text not in self.countries.abbreviations:
            return None  # "TV", "PM": not Tuvalu or St Pierre; "US" and "UK" are listed
        if len(text) <= 3 and text.isupper() and self.lookup(text) is not None:
            return None  # "EC truce monitors": the European Community, not Ecuador's "EC"
        if token.ent_type_ in {"NORP", "GPE"} and token.ent_iob_ in {"B", "I"}:
            ent = entity_at(token)
            if ent is not None and len(ent) > 1:  # "Sierra Leonean", "South Korean"
                whole = self.countries.code(ent.text.removeprefix("the ").strip())
                if whole:
                    return whole
        if token.ent_type_ in {"NORP", "GPE", "LOC"} or token.text[:1].isupper():
            found = self.countries.code(text) or (
                self.countries.code(token.lemma_) if token.lemma_ != text else None)
            if found is None and token.text[:1].isupper():  # "Ivory Coast's", "South Korean"
                doc = token.doc
                pairs = []
                if token.i + 1 < len(doc):
                    pairs.append(f"{text} {doc[token.i + 1].text}")
                if token.i > 0:
                    pairs.append(f"{doc[token.i - 1].text} {text}")
                found = next((c for p in pairs if (c := self.countries.code(p))), None)
            if found is None and token.ent_type_ == "GPE":  # "demonstrators in Baghdad"
                found = self.countries.capital_of(text)
            return found
        return None


@functools.lru_cache(maxsize=8)
def load_actor_lexicon(user_files: tuple[str, ...] = ()) -> ActorLexicon:
    """Build the lexicon from the bundled data files and the user's actor dictionaries
    (once per process and set of files)."""
    roles: dict[str, str] = {}
    titles: set[str] = set()
    for row in read_tsv("roles.tsv"):
        roles[row["term"]] = row["role"]
        if row.get("title") == "title":
            titles.add(row["term"])
    return ActorLexicon(MappingProxyType(roles), frozenset(titles),
                        load_dictionary(user_files), load_countries())
