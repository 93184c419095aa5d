"""Actors coded by the dated dictionary: who held which office on the article's day, what the
text says outranking it, furniture and places that are no actors. Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.extract.actors import find_actors

pytestmark = pytest.mark.model


def codes(nlp, text: str, day: str | None) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    when = dt.date.fromisoformat(day) if day else None
    return {a.name: a.code for a in find_actors(nlp(text), "t", day=when).actors}


def code_of(nlp, text: str, day: str | None, name: str) -> str | None:  # type: ignore[no-untyped-def]
    found = codes(nlp, text, day)
    (key,) = [k for k in found if name in k]
    return found[key]


@pytest.mark.parametrize(("text", "day", "name", "code"), [
    ("Donald Trump signed the order on Tuesday.", "2017-05-02", "Trump", "USAGOV"),
    ("Donald Trump spoke at a rally in Ohio.", "2022-09-17", "Trump", "USA"),
    ("Barack Obama met union leaders at the White House.", "2012-03-08", "Obama", "USAGOV"),
    ("Mikhail Mishustin opened the new bridge.", "2024-06-01", "Mishustin", "RUSGOV"),
])
def test_a_person_is_coded_by_the_role_held_that_day(nlp, text, day, name, code):
    assert code_of(nlp, text, day, name) == code


def test_a_surname_alone_is_coded_after_the_full_name(nlp):
    text = ("Vladimir Putin arrived in Minsk on Friday. Putin later held talks with "
            "business leaders.")
    index = find_actors(nlp(text), "t", day=dt.date(2019, 3, 1))
    (putin,) = [a for a in index.actors if a.name.endswith("Putin")]
    assert putin.code == "RUSGOV"
    assert [m.text for m in putin.mentions][-1] == "Putin"


def test_a_surname_alone_resolves_when_one_officeholder_has_it(nlp):
    assert code_of(nlp, "Mishustin said the budget would grow.", "2023-02-01",
                   "Mishustin") == "RUSGOV"


def test_a_past_title_in_the_text_outranks_the_dictionary(nlp):
    assert code_of(nlp, "Former president Barack Obama endorsed the candidate.",
                   "2012-06-01", "Obama") == "USA"


def test_an_organisation_in_the_title_outranks_nationality(nlp):
    text = "U.N. envoy Kofi Annan met rebel commanders in the north."
    assert code_of(nlp, text, "1999-05-01", "Annan").startswith("IGO")


def test_a_city_in_a_title_gives_the_country(nlp):
    text = "Hamburg Mayor Petra Lindqvist opened the harbour festival."
    assert code_of(nlp, text, "2018-07-01", "Lindqvist") == "DEUGOV"


def test_ethnic_groups_take_the_country_the_text_places_them_in(nlp):
    assert code_of(nlp, "Ethnic Serbs in Croatia blocked the roads.", None, "Serbs") == "HRV"
    assert code_of(nlp, "Iraqi Kurds attacked the police station.", None, "Kurds") == "IRQ"


def test_speaker_labels_and_photo_credits_are_no_actors(nlp):
    text = ("MARIA LOPEZ, HOST:\n\nThe council met on Monday.\n\n"
            "Jonas Weber/AFP/Getty Images\n\nThe mayor said the plan would go ahead.")
    found = codes(nlp, text, "2020-01-01")
    assert "Jonas Weber" not in found
    assert not any(name.isupper() for name in found)


def test_uncoded_actors_stay_marked(nlp):
    from eventwire.api import extract

    text = " date 2019-05-01 By Staff\n\nTomasz Brzeczek praised the plan, local residents said.\n"
    document = extract(text)
    uncoded = [a for a in document.actors if a.code is None]
    assert uncoded and all(not a.coded for a in uncoded)
    assert all(a.coded for a in document.actors if a.code)
