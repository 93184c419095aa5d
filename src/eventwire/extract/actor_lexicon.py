"""What the actor stage knows before it reads an article: role words, known actors, countries.

Loaded once per process (the loaders are cached) and shared read-only between articles.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from eventwire.geo import Countries, load_countries
from eventwire.resources import load_outlets, read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Known:
    """An actor from the curated file: canonical name, CAMEO code and kind."""

    name: str
    code: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """Role words (lemma or two-word term -> role), title words, known actors, countries."""

    roles: MappingProxyType[str, str]
    titles: frozenset[str]
    known: MappingProxyType[str, Known]
    countries: Countries

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
        """A known actor by name or alias, or a news outlet (coded <country>MED)."""
        key = normal(name)
        if key in self.known:
            return self.known[key]
        outlet = load_outlets().get(key) or load_outlets().get(name.strip().casefold())
        if outlet and outlet.country:
            return Known(outlet.name, f"{outlet.country}MED", "media")
        return None

    def token_country(self, token: Token) -> str | None:
        """The country or region a token names: "Russian", "Russia", "China's", "Western"."""
        text = token.text
        if token.lower_ in {"'s", "’s"}:
            return None
        if len(text) <= 3 and text.isupper() and self.lookup(text) is not None:
            return None  # "EC truce monitors": the European Community, not Ecuador's "EC"
        if token.ent_type_ in {"NORP", "GPE"} and token.ent_iob_ in {"B", "I"}:
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
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


_NORMAL = re.compile(r"[^\w]+")


def normal(name: str) -> str:
    """A lookup key for names: case-folded, no punctuation, no leading "the"."""
    key = _NORMAL.sub(" ", name.casefold().replace("’", "'").replace("'s ", " ")).strip()
    return key[4:] if key.startswith("the ") else key


@functools.lru_cache(maxsize=1)
def load_actor_lexicon() -> ActorLexicon:
    """Build the lexicon from the bundled data files (once per process)."""
    roles: dict[str, str] = {}
    titles: set[str] = set()
    for row in read_tsv("roles.tsv"):
        roles[row["term"]] = row["role"]
        if row.get("title") == "title":
            titles.add(row["term"])
    known: dict[str, Known] = {}
    for row in read_tsv("actors.tsv"):
        entry = Known(row["name"], row["code"], row["kind"])
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            known.setdefault(normal(alias), entry)
    return ActorLexicon(MappingProxyType(roles), frozenset(titles), MappingProxyType(known),
                        load_countries())
