"""Actors: codes from titles, demonyms, possessives, appositions, descriptions, metonymy;
mentions resolved through surnames, titles and pronouns. Sentences are our own."""

from __future__ import annotations

import pytest

from eventwire.extract.actors import find_actors

pytestmark = pytest.mark.model


def actors_of(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    index = find_actors(nlp(text), "test")
    return {a.name: a.code for a in index.actors}


def mentions_of(nlp, text: str, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    index = find_actors(nlp(text), "test")
    (actor,) = [a for a in index.actors if a.name == name]
    return [m.text for m in actor.mentions]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Brazilian President Ana Costa arrived in Lisbon on Monday.", "Ana Costa", "BRAGOV"),
    ("Kenyan Foreign Minister Peter Otieno met his counterpart.", "Peter Otieno", "KENGOV"),
    ("Indian Defence Minister Raj Malhotra inspected the base.", "Raj Malhotra", "INDMIL"),
    ("Mexican journalist Lucia Ramos was detained.", "Lucia Ramos", "MEXMED"),
])
def test_title_and_demonym_give_country_and_role(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


@pytest.mark.parametrize("text", [
    "The Chinese foreign ministry had no comment.",
    "The Chinese foreign ministry issued a statement.",
])
def test_a_lower_case_role_noun_the_tagger_calls_a_name_is_still_a_group(nlp, text):
    # the small model tags "ministry" PROPN in these sentences
    assert actors_of(nlp, text) == {"Chinese foreign ministry": "CHNGOV"}


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Kenya's Interior Ministry said the curfew would end.", "Interior Ministry", "KENGOV"),
    ("Turkey's Defense Ministry denied the report.", "Defense Ministry", "TURMIL"),
])
def test_possessive_country_codes_an_organisation(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Okafor, Nigeria's finance minister, said the budget was balanced.", "Okafor", "NGAGOV"),
    ("Maria Lopez, a Chilean senator, criticised the plan.", "Maria Lopez", "CHLLEG"),
])
def test_apposition_gives_country_and_role(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


def test_description_before_a_name(nlp):
    found = actors_of(nlp, "Egyptian state-run news agency MENA reported the talks.")
    assert found["MENA"] == "EGYMED"


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Beijing said it would respond to the tariffs.", "Beijing", "CHNGOV"),
    ("Nairobi has rejected the accusation.", "Nairobi", "KENGOV"),
    ("The Kremlin said the talks were useful.", "Kremlin", "RUSGOV"),
    ("The White House declined to comment.", "White House", "USAGOV"),
])
def test_capitals_and_seats_of_power_are_governments(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


def test_a_capital_as_a_location_is_not_an_actor(nlp):
    assert "Nairobi" not in actors_of(nlp, "Thousands marched in Nairobi on Sunday.")


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Indian troops crossed the river.", "Indian troops", "INDMIL"),
    ("Pakistani officials met the delegation.", "Pakistani officials", "PAKGOV"),
    ("Iranian lawmakers approved the bill.", "Iranian lawmakers", "IRNLEG"),
    ("Colombian police arrested two men.", "Colombian police", "COLCOP"),
    ("Officials from Peru attended the summit.", "Officials", "PERGOV"),
])
def test_groups_with_a_country(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The United Nations called for a ceasefire.", "United Nations", "IGOUNO"),
    ("NATO said its members would meet.", "North Atlantic Treaty Organization", "IGOWSTNAT"),
    ("Western governments condemned the vote.", "The West", "WST"),
])
def test_international_and_regional_actors(nlp, text, name, code):
    assert actors_of(nlp, text)[name] == code


def test_countries_that_act_are_their_governments(nlp):
    assert actors_of(nlp, "Chile recalled its ambassador.")["Chile"] == "CHLGOV"


def test_surname_and_title_alone_resolve_to_the_person(nlp):
    text = ("Brazilian President Ana Costa arrived in Lisbon on Monday. Costa said trade would "
            "grow. The president also visited a port.")
    mentions = mentions_of(nlp, text, "Ana Costa")
    assert "Costa" in mentions and "The president" in mentions


def test_pronoun_subject_resolves_to_the_last_person(nlp):
    text = "Kenyan Foreign Minister Peter Otieno landed in Accra. He was greeted by officials."
    assert "He" in mentions_of(nlp, text, "Peter Otieno")


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Kenyan Ambassador to the United Nations Jane Roe said the vote was delayed.", "Jane Roe",
     "KENGOV"),
    ("The Greek Minister of Foreign Affairs Nikos Petrou met Turkish officials.", "Nikos Petrou",
     "GRCGOV"),
])
def test_a_title_with_a_prepositional_phrase_before_the_name_describes_it(nlp, text, name,
                                                                          code):
    assert actors_of(nlp, text)[name] == code


def test_a_pronoun_of_the_other_gender_does_not_refer_to_a_person_already_he(nlp):
    text = ("Lyon's police chief Marc Dubois said his officers made no arrests. A student "
            "said the guards had pushed her to the ground.")
    mentions = mentions_of(nlp, text, "Marc Dubois")
    assert "his" in mentions and "her" not in mentions


def test_a_pronoun_of_the_same_gender_still_refers_to_the_person(nlp):
    text = ("Senator Maria Lopez said her bill would pass. Critics said she had no votes.")
    assert "she" in mentions_of(nlp, text, "Maria Lopez")


def test_a_pronoun_can_refer_to_an_official_described_by_a_title(nlp):
    text = "The Chinese foreign ministry spokesman said he had no comment."
    assert mentions_of(nlp, text, "Chinese foreign ministry spokesman") == [
        "Chinese foreign ministry spokesman", "he"]


def test_a_pronoun_does_not_refer_to_a_plural_group(nlp):
    text = "Chinese officials arrived in Hanoi. He was late."
    assert "He" not in mentions_of(nlp, text, "Chinese officials")


def test_spokesperson_speaks_for_the_organisation(nlp):
    text = "A spokesperson for Japan's Foreign Ministry said the meeting was cancelled."
    mentions = mentions_of(nlp, text, "Foreign Ministry")
    assert any("spokesperson" in m for m in mentions)
