"""Actors named by a common noun, not a name: groups with a country ("Russian officials",
"Ukrainian forces", "officials from Peru"), demonyms the model did not tag ("Western
criticism"), and "a spokesperson for X"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.extract.actor_lexicon import ActorLexicon
from eventwire.extract.candidates import (
    DROP,
    SPONSORING,
    Candidate,
    ethnic,
    modifies_role_noun,
    state_code,
)
from eventwire.parse import tokens_with, word_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def missed_country_words(doc: Doc, lexicon: ActorLexicon, taken: set[int]
                          ) -> Iterator[Candidate]:
    """Demonyms the model did not tag ("Western criticism"): the country or region acts."""
    countries = lexicon.countries
    for token in tokens_with(doc, "POS", ("ADJ", "PROPN")):
        if token.i in taken or token.ent_type_ or not token.text[:1].isupper():
            continue
        code = countries.demonym(token.text) or lexicon.short_name(token)
        if code is None or modifies_role_noun(token, lexicon) or ethnic(token):
            continue
        kind = "region" if countries.is_region(code) else "country"
        yield Candidate(token.i, token.i + 1, countries.name(code) or token.text, kind,
                        country=code, code=state_code(code, kind))


def acted_on_cities(doc: Doc, lexicon: ActorLexicon, taken: set[int]) -> Iterator[Candidate]:
    """A city the model did not tag, as the object of an act ("jets bombed Aleppo"): it
    stands for its country, as cities do in CAMEO."""
    for token in tokens_with(doc, "POS", ("PROPN",)):
        if token.i in taken or token.ent_type_ or \
                token.dep_ not in {"dobj", "nsubjpass"} or not token.text[:1].isupper():
            continue
        code = lexicon.city_country(token.text)
        if code is not None and not lexicon.countries.demonym(token.text):
            yield Candidate(token.i, token.i + 1, token.text, "city", country=code, code=code)


#: Nouns for those who speak for an organisation ("a spokesperson for the ministry").
_SPEAKING_FOR = word_forms({"spokesperson", "spokesman", "spokeswoman", "representative",
                            "official", "envoy", "ambassador", "delegation", "source"})


def speaking_for(doc: Doc, candidates: list[Candidate], lexicon: ActorLexicon,
                  taken: set[int]) -> list[Candidate]:
    """"A spokesperson for China's Foreign Ministry" speaks as the ministry."""
    by_token = {i: c for c in candidates for i in range(c.start, c.end)}
    out = []
    for token in tokens_with(doc, "LEMMA", _SPEAKING_FOR):
        if token.i in taken or token.pos_ != "NOUN" or token.lemma_.lower() not in \
                _SPEAKING_FOR:
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {
                "for", "of", "at", "from"}):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            owner = by_token.get(pobj.i) if pobj is not None else None
            if owner is not None and owner.kind not in {"person", "group"}:
                start = token.left_edge.i if doc[token.left_edge.i].lower_ in DROP else token.i
                start += doc[start].lower_ in DROP
                out.append(replace(owner, start=min(start, token.i), end=token.i + 1))
                taken.update(range(min(start, token.i), token.i + 1))
                break
    return out


def group_candidates(doc: Doc, lexicon: ActorLexicon, taken: set[int]) -> Iterator[Candidate]:
    """Common-noun actors with a country: "Russian officials", "Ukrainian forces",
    "China's customs", "officials from Iran", "Western leaders"."""
    for token in tokens_with(doc, "POS", ("NOUN", "ADJ", "PROPN")):
        # the tagger calls a lower-case "ministry" a proper noun now and then
        nounish = token.pos_ == "NOUN" or (token.pos_ == "ADJ" and token.dep_ == "compound") \
            or (token.pos_ == "PROPN" and token.text.islower())
        if token.i in taken or not nounish:
            continue
        if token.dep_ == "appos" and token.head.i in taken:
            continue  # "Li, China's No. 2 official": a description of a named actor
        role, _ = lexicon.role_of([token.lemma_.lower()])
        if role is None:
            continue
        country, tokens = _group_country(token, lexicon)
        if country is None:
            # "rebel positions": kept only if the article has a home country (see below)
            if token.dep_ in {"compound", "nsubj", "nsubjpass", "dobj", "pobj"} and \
                    _bare_role_noun(token, lexicon):
                yield Candidate(token.i, token.i + 1, token.text, "group", role=role)
            continue
        start = min(t.i for t in tokens)
        while doc[start].lower_ in DROP and start < token.i:
            start += 1
        if taken.intersection(range(start, token.i + 1)):
            # "Ivory Coast rebels": the country is its own actor; the group is the noun
            start = max(i for i in range(start, token.i + 1) if i in taken) + 1 \
                if token.i not in taken else token.i + 1
            while start < token.i and (doc[start].lower_ in DROP or doc[start].is_punct):
                start += 1
            if start > token.i:
                continue
        modifiers = [t.lemma_.lower() for t in doc[start : token.i + 1]]
        found_role, term = lexicon.role_of(modifiers)
        title = term if term in lexicon.titles else None
        if lexicon.countries.is_region(country):  # "Western leaders" speak for the West
            name = lexicon.countries.name(country) or country
            yield Candidate(start, token.i + 1, name, "region", country=country, code=country)
            continue
        named = _proper_name(doc[start : token.i + 1], lexicon)
        yield Candidate(start, token.i + 1, named or doc[start : token.i + 1].text,
                        "organisation" if named else "group",
                        country=country, role=found_role or role, title=title)


def _proper_name(span: Span, lexicon: ActorLexicon) -> str | None:
    """The name inside a described organisation: "the Interfax news agency" -> "Interfax"
    (the role noun says what it is; a country word is no name)."""
    names = [t for t in span if t.pos_ == "PROPN" and t.dep_ == "compound"
             and t.text[:1].isupper() and not lexicon.token_country(t)]
    if not names or names[-1].i + 1 >= span.end or span.doc[names[-1].i + 1].pos_ == "PROPN":
        return None
    return span.doc[names[0].i : names[-1].i + 1].text


#: Role nouns that name a kind of actor on their own ("rebels", "police", "troops").
_BARE_ROLES = frozenset({"REB", "MIL", "COP", "OPP", "INS", "SEP", "LEG", "JUD", "RAD", "LAB"})


#: Institutions that "the" makes the story's own: "students rallied against the government".
_DEFINITE_INSTITUTIONS = frozenset({"government", "regime", "cabinet", "parliament",
                                    "army", "military", "police", "authority", "junta"})


def _bare_role_noun(token: Token, lexicon: ActorLexicon) -> bool:
    role, _ = lexicon.role_of([token.lemma_.lower()])
    if token.lemma_.lower() in _DEFINITE_INSTITUTIONS and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True
    if token.tag_ == "NN" and token.dep_ != "compound" and token.lower_ != "police" and \
            not any(c.dep_ in {"det", "poss"} for c in token.children):
        # "brought to justice", "in opposition": a mass noun, no one acting ("police" is a
        # plural the tagger calls singular)
        return False
    return role in _BARE_ROLES and token.lemma_.lower() not in {"force", "guard", "court"}


def _group_country(token: Token, lexicon: ActorLexicon) -> tuple[str | None, list[Token]]:
    found, tokens = _own_group_country(token, lexicon)
    if found is None and token.dep_ == "conj" and token.head.pos_ == "NOUN":
        # "Russian officials and an honour guard": a coordinated group shares the country
        head_country, _ = _own_group_country(token.head, lexicon)
        if head_country is not None:
            return head_country, [*(c for c in token.lefts if c.dep_ == "compound"), token]
    if found is None and token.dep_ == "compound":
        # "China's customs data": the possessor belongs to the whole phrase
        for child in token.head.lefts:
            if child.dep_ == "poss" and (code := lexicon.token_country(child)):
                return code, [child, token]
    return found, tokens


def _own_group_country(token: Token, lexicon: ActorLexicon
                       ) -> tuple[str | None, list[Token]]:
    for child in token.lefts:
        if child.dep_ in {"amod", "compound", "poss", "nmod"} and not ethnic(child):
            code = lexicon.token_country(child)
            if code:
                return code, [child, token]
            # "Vietnamese-led forces", "US-backed militias": the country leads or backs them
            inner = next((c for c in child.children if c.dep_ in {"npadvmod", "compound", "amod"}
                          and lexicon.token_country(c)), None)
            if inner is not None and child.lower_ in SPONSORING:
                return lexicon.token_country(inner), [inner, token]
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "in"}:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                # "officials from Peru", "doctors from two American aid groups"
                for word in (obj, *(c for c in obj.children if c.dep_ in {"amod", "compound"})):
                    code = lexicon.token_country(word)
                    if code:
                        return code, [token, obj]
    return None, [token]
