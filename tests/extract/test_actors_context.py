"""Officials and organisations whose country only the rest of the article gives: through the
actor they are described by, the country the story is about, "the North" of a Korea story,
and an organisation named twice. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract.actors import find_actors

pytestmark = pytest.mark.model


def actors(nlp, text: str, day: str = "2016-05-10"):  # type: ignore[no-untyped-def]
    return find_actors(nlp(text), "t", day=dt.date.fromisoformat(day)).actors


def code_of(nlp, text: str, name: str) -> str | None:  # type: ignore[no-untyped-def]
    (found,) = [a for a in actors(nlp, text) if name in a.name]
    return found.code


def test_an_adviser_described_through_a_coded_person_takes_his_country(nlp):
    text = ("President Obama spoke to reporters on Friday. The briefing was given by Jane "
            "Roe, the president's security adviser. France and Spain sent condolences.")
    assert code_of(nlp, text, "Jane Roe") == "USAGOV"


def test_a_spokesman_without_a_country_is_of_the_country_the_story_is_about(nlp):
    text = ("China said on Monday it would expand its trade zones. Chinese officials said "
            "China would open more ports, and China's cabinet approved the plan. Analysts "
            "in Britain were cautious. Asked about the plan, foreign ministry spokesman "
            "Wang Dong said China welcomed investors.")
    assert code_of(nlp, text, "Wang Dong") == "CHNGOV"


def test_no_country_is_given_when_no_country_leads_the_story(nlp):
    text = ("Chinese and Japanese officials met in Geneva. China and Japan agreed on a "
            "text. Foreign ministry spokesman Wang Dong said the talks went well.")
    assert code_of(nlp, text, "Wang Dong") is None


def test_people_listed_in_one_apposition_share_its_description(nlp):
    text = ("Two Politburo members, Wang Dong and Zhao Lin, attended. Chinese officials said "
            "China would hold more meetings, and China's media agreed. China did not say.")
    assert code_of(nlp, text, "Wang Dong") == "CHNGOV"
    assert code_of(nlp, text, "Zhao Lin") == "CHNGOV"


def test_the_north_is_the_country_the_article_named(nlp):
    text = ("North Korea tested a missile, South Korea said. The North's state news agency "
            "said the test succeeded. The North said it would hold more drills.")
    found = {a.name: a for a in actors(nlp, text, "2017-08-30")}
    north = found["North Korea"]
    assert any(m.text == "North" for m in north.mentions)
    assert any(a.code == "PRKMED" for a in found.values())


def test_the_north_atlantic_is_no_country(nlp):
    text = "North Korea fired a missile. Ships in the North Atlantic were not at risk."
    found = {a.name: [m.text for m in a.mentions] for a in actors(nlp, text, "2017-08-30")}
    assert found["North Korea"] == ["North Korea"]


def test_an_organisation_named_with_and_without_its_description_is_one_actor(nlp):
    text = ("North Korea tested a missile, South Korea said. The North's KCNA news agency "
            "said the test succeeded. KCNA also said more tests would follow.")
    (kcna,) = [a for a in actors(nlp, text, "2017-08-30") if a.name == "KCNA"]
    assert kcna.code == "PRKMED"
    assert len([m for m in kcna.mentions if "KCNA" in m.text]) == 2


@pytest.mark.parametrize(("text", "code"), [
    ("Greek students rallied against the government on Friday.", "GRCGOV"),
    ("Bolivian farmers blocked roads to protest against the regime.", "BOLGOV"),
])
def test_the_government_of_a_one_country_story_is_that_country_s(nlp, text, code):
    found = {a.name: a.code for a in actors(nlp, text)}
    assert code in found.values(), found


@pytest.mark.parametrize(("text", "group", "code"), [
    ("Protesters set fire to the Iranian consulate in Najaf.", "Protesters", "IRQOPP"),
    ("Russian jets bombed rebel positions in Aleppo.", "rebel", "SYRREB"),
])
def test_an_unnamed_group_is_of_the_place_its_sentence_happens_in(nlp, text, group, code):
    found = {a.name: a.code for a in actors(nlp, text)}
    assert found.get(group) == code, found


def test_armed_forces_are_not_placed_where_they_are_sent(nlp):
    found = {a.name: a.code for a in actors(nlp, "China sent warships to waters near Taiwan.")}
    assert found.get("warships") in {None, "CHNMIL"}, found


def test_a_region_named_in_passing_does_not_make_a_story_two_country(nlp):
    text = ("A bank in the French city of Lyon was robbed on Monday. Witnesses said the "
            "robbers had come from North Africa. Police said they fled by car.")
    found = {a.name: a.code for a in actors(nlp, text)}
    assert found.get("Police") == "FRACOP", found


def test_a_mass_noun_after_a_preposition_is_no_group(nlp):
    text = "Officials in Peru vowed that the killers would be brought to justice."
    assert "justice" not in {a.name for a in actors(nlp, text)}
