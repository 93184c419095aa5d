"""A mention of an actor before mentions are resolved into actors, and the small rules that
every actor-finding step shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.actor_lexicon import ActorLexicon
from eventwire.extract.dictionary import normal

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Words left out of a group's name ("the two top officials" -> "officials").
DROP = frozenset({"the", "a", "an", "'s", "’s", "its", "their", "his", "her", "some", "many",
                   "several", "two", "three", "top", "senior", "other", "both", "all"})


@dataclass(slots=True)
class Candidate:
    """One mention before resolution: tokens ``start``..``end`` (exclusive) of the Doc."""

    start: int
    end: int
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    title: str | None = None
    code: str | None = None  # a complete code from the curated file, when known
    inferred: bool = False  # country taken from the article's home country

    def key(self) -> str:
        if self.kind in {"country", "region"}:
            return f"{self.kind}:{self.code or self.country}"
        return f"{self.kind}:{normal(self.name)}:{self.final_code() or ''}"

    @property
    def country_code(self) -> str | None:
        """The country part, whether the text gave it or the curated file did."""
        if self.country:
            return self.country
        code = self.code or ""
        return code[:3] if len(code) >= 3 and code[:3] not in {"IGO", "NGO"} else None

    def final_code(self) -> str | None:
        if self.code:
            return self.code
        if self.country:
            return self.country + (self.role or "")
        return None


def ethnic(token: Token) -> bool:
    """"ethnic Albanians", "ethnic Serb civilians": an ethnic group, which has no state code."""
    return (token.i > 0 and token.doc[token.i - 1].lower_ == "ethnic") or any(
        c.lower_ == "ethnic" for c in token.children)


#: Participles that make a country the leader or sponsor of a group ("Saudi-led coalition").
SPONSORING = frozenset({"led", "backed", "supported", "run", "trained", "armed", "funded"})


def modifies_role_noun(token: Token, lexicon: ActorLexicon) -> bool:
    """Whether a country word belongs to a group's name ("Russian officials", "US-backed
    militias") rather than standing for the country."""
    head = token.head
    if token.dep_ == "npadvmod" and head.lower_ in SPONSORING:
        head = head.head
    return token.dep_ in {"amod", "compound", "nmod", "npadvmod"} and \
        head.lemma_.lower() in lexicon.roles


def state_code(code: str, kind: str) -> str:
    """A country that acts is its government (as ICEWS codes "China" as China's government);
    a region or bloc ("the West") has no government role."""
    return code if kind == "region" else f"{code}GOV"
