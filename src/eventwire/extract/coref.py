"""Resolving mentions within one article into actors.

Three small rules, in the spirit of the deterministic sieves of Lee et al. (2013), "Deterministic
coreference resolution based on entity-centric, precision-ranked rules":

1. names: a one-word name ("Li", "Putin") is the person whose full name has it as its first
   or last word; all mentions of a person share the country, role and title the text gave;
2. titles: "the premier", "the Russian prime minister" is the person with that title (and
   country) named earlier;
3. pronouns: "he"/"she" as a subject or object is the nearest person before it (named, or
   described by a title: "the ministry spokesman ... he"); "it"/"its"
   as a subject or possessor is the nearest country or organisation that was a subject.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from eventwire.extract.actor_lexicon import ActorLexicon
from eventwire.parse import sentence_starts, tokens_with

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from eventwire.extract.candidates import Candidate

_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_PRONOUNS = _PERSONAL | _NEUTER | _PLURAL
_SUBJECT = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj", "agent"})
_WINDOW = 3  # sentences a pronoun may look back


def resolve_references(doc: Doc, candidates: list[Candidate], taken: set[int],
                       lexicon: ActorLexicon) -> list[Candidate]:
    """Link short names, titles and pronouns to the actors they refer to."""
    people = [c for c in candidates if c.kind == "person" and len(c.name.split()) > 1]
    found = list(candidates)
    for candidate in found:
        if len(candidate.name.split()) != 1 or candidate.kind not in {"person", "organisation"}:
            continue
        if candidate.kind == "organisation" and candidate.final_code():
            continue
        full = _full_name(candidate.name, people)
        if full is not None:  # also "Costa" mislabelled as an organisation
            candidate.name, candidate.kind = full.name, "person"
    found += _bare_surnames(doc, people, taken)
    found.sort(key=lambda c: c.start)
    _share_person_details(found)
    found = [_title_reference(doc, c, found) for c in found]
    found += _title_only(doc, found, taken, lexicon)
    found += _pronouns(doc, sorted(found, key=lambda c: c.start), taken)
    return sorted(found, key=lambda c: c.start)


def _full_name(word: str, people: list[Candidate]) -> Candidate | None:
    matches = {p.name for p in people if word in (p.name.split()[0], p.name.split()[-1])}
    if len(matches) != 1:
        return None
    return next(p for p in people if p.name in matches)


def _bare_surnames(doc: Doc, people: list[Candidate], taken: set[int]) -> list[Candidate]:
    """Proper nouns the model did not tag (or tagged as a place) that are a known surname."""
    out = []
    for token in tokens_with(doc, "POS", ("PROPN",)):
        if token.i in taken or not token.text[:1].isupper():
            continue
        full = _full_name(token.text, people)
        if full is not None and token.ent_type_ not in {"PERSON", "ORG"}:
            out.append(replace(full, start=token.i, end=token.i + 1))
            taken.add(token.i)
    return out


def _share_person_details(found: list[Candidate]) -> None:
    """Every mention of a person gets the country, role, title and code any mention gave."""
    by_name: dict[str, list[Candidate]] = {}
    for c in found:
        if c.kind == "person":
            by_name.setdefault(c.name, []).append(c)
    for members in by_name.values():
        best = max(members, key=lambda c: (c.country is not None, c.code is not None,
                                           c.role is not None, c.title is not None))
        for c in members:
            c.country, c.role = best.country, best.role
            c.code, c.title = best.code, c.title or best.title


def _singular_definite(head: Token) -> bool:
    """"the premier", not "officials" or "a senior official"."""
    return head.tag_ in {"NN", "NNP"} and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)


def _title_reference(doc: Doc, candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A group such as "the Russian prime minister" is the person with that title."""
    if candidate.kind != "group" or candidate.title is None:
        return candidate
    if not _singular_definite(doc[candidate.end - 1]):
        return candidate
    for person in found:
        if (person.kind == "person" and person.title == candidate.title
                and person.country_code == candidate.country_code):
            return replace(person, start=candidate.start, end=candidate.end)
    return candidate


def _title_only(doc: Doc, found: list[Candidate], taken: set[int],
                lexicon: ActorLexicon) -> list[Candidate]:
    """"The premier", "the president": the latest person named earlier with that title."""
    out = []
    for token in tokens_with(doc, "POS", ("NOUN",)):
        lemma = token.lemma_.lower()
        if token.i in taken or lemma not in lexicon.titles:
            continue
        if not _singular_definite(token):
            continue
        earlier = [c for c in found if c.kind == "person" and c.start < token.i
                   and c.title is not None and c.title.split()[-1] == lemma]
        if earlier:
            start = token.left_edge.i if doc[token.left_edge.i].lower_ == "the" else token.i
            out.append(replace(earlier[-1], start=start, end=token.i + 1))
            taken.update(range(start, token.i + 1))
    return out


#: The gender a personal pronoun gives its antecedent.
_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _pronouns(doc: Doc, found: list[Candidate], taken: set[int]) -> list[Candidate]:
    """Pronouns in text order. Gender agrees, as in the sieve's agreement constraint: the
    first "he" or "she" that refers to a person tells that person's gender, and a later
    pronoun of the other gender skips that person ("Albers said his officers ... One
    victim accused police of keeping her ..." is not Albers)."""
    out = []
    genders: dict[str, str] = {}
    for token in tokens_with(doc, "LOWER", _PRONOUNS):
        lower = token.lower_
        if token.i in taken or token.dep_ not in _SUBJECT:
            continue
        if lower in _PLURAL:
            antecedent = _plural_antecedent(token, found)
        elif lower in _PERSONAL:
            gender = _GENDER[lower]
            antecedent = _antecedent(token, found, personal=True,
                                     skip=partial(_other_gender, genders, gender))
            if antecedent is not None:
                genders.setdefault(antecedent.name, gender)
        else:
            antecedent = _antecedent(token, found, personal=False)
        if antecedent is not None:
            out.append(replace(antecedent, start=token.i, end=token.i + 1))
    return out


def _other_gender(genders: dict[str, str], gender: str, candidate: Candidate) -> bool:
    return genders.get(candidate.name, gender) != gender


def _plural_antecedent(token: Token, found: list[Candidate]) -> Candidate | None:
    """"they" as a subject: the nearest plural group named before, in this or the last
    sentence ("Afghan rebel leaders said they would meet...")."""
    doc = token.doc
    starts = sentence_starts(doc)
    starts = starts[: bisect.bisect_right(starts, token.i)]
    window = starts[-2] if len(starts) >= 2 else 0
    for candidate in reversed([c for c in found if window <= c.start < token.i]):
        if candidate.kind in {"group", "people"} and \
                doc[candidate.end - 1].tag_ in {"NNS", "NNPS"}:
            return candidate
    return None


def _antecedent(token: Token, found: list[Candidate], personal: bool,
                skip: Callable[[Candidate], bool] | None = None) -> Candidate | None:
    starts = sentence_starts(token.doc)
    starts = starts[: bisect.bisect_right(starts, token.i)]  # up to the token's sentence
    window_start = starts[-_WINDOW] if len(starts) >= _WINDOW else 0
    if not personal:
        window_start = starts[-2] if len(starts) >= 2 else 0
    doc = token.doc
    for candidate in reversed([c for c in found if window_start <= c.start < token.i]):
        if skip is not None and skip(candidate):
            continue
        if personal and (candidate.kind == "person" or (
                candidate.kind == "group" and candidate.title is not None
                and doc[candidate.end - 1].tag_ == "NN")):
            return candidate  # "the foreign ministry spokesman said he ..." is one person
        if not personal and candidate.kind in {"country", "organisation", "capital", "seat",
                                               "igo"} and doc[candidate.end - 1].dep_ in {
                                                   "nsubj", "nsubjpass"}:
            return candidate
    return None
