"""Places: geocoding, merging mentions, datelines, mislabelled places and what is not a place.

Every text here is invented.
"""

from __future__ import annotations

import pytest

from eventwire.extract.places import find_places
from eventwire.records import Place, content_id

pytestmark = pytest.mark.model


def places(nlp, text: str, dateline: str | None = None) -> dict[str, Place]:  # type: ignore[no-untyped-def]
    return {p.name: p for p in find_places(nlp(text), "a1", dateline)}


def countries_of(nlp, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    return {name: p.country for name, p in places(nlp, text).items()}


@pytest.mark.parametrize(("text", "expected"), [
    ("Protesters gathered in Lyon on Sunday, and officials in Germany watched.",
     {"Lyon": "FRA", "Germany": "DEU"}),
    ("Police in Rotterdam arrested two men.", {"Rotterdam": "NLD"}),
    ("The company opened an office in Bangalore, its third in India.",
     {"Bangalore": "IND", "India": "IND"}),
])
def test_places_geocodes_cities_and_countries(nlp, text: str, expected: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert countries_of(nlp, text) == expected


def test_places_gives_cities_coordinates_and_a_feature(nlp) -> None:  # type: ignore[no-untyped-def]
    lyon = places(nlp, "Protesters gathered in Lyon on Sunday.")["Lyon"]
    assert (lyon.feature, lyon.role) == ("city", "mention")
    assert lyon.lat == pytest.approx(45.75, abs=0.1)
    assert lyon.lon == pytest.approx(4.85, abs=0.1)


def test_places_reports_one_place_with_every_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Talks in Nairobi ended late. Delegates left Nairobi on Friday."
    (nairobi,) = find_places(nlp(text), "a1")
    assert nairobi.id == content_id("a1", "place", "Nairobi")
    assert [(m.start, m.end) for m in nairobi.mentions] == [
        (9, 16), (text.rindex("Nairobi"), text.rindex("Nairobi") + 7)]
    assert all(text[m.start:m.end] == m.text for m in nairobi.mentions)


def test_places_merges_the_names_of_one_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The United States sent aid. Officials in the U.S. said more would follow."
    (usa,) = find_places(nlp(text), "a1")
    assert (usa.name, usa.country, usa.feature) == ("United States", "USA", "country")
    assert [m.text for m in usa.mentions] == ["United States", "U.S."]


@pytest.mark.parametrize(("text", "dateline", "name", "country"), [
    ("LAGOS (Reuters) — Fuel prices rose in Lagos on Monday.", "LAGOS", "Lagos", "NGA"),
    ("KYIV, Ukraine (AP) — Air raid sirens sounded overnight.", "KYIV, Ukraine", "Kyiv", "UKR"),
    ("Hong Kong (CNN) — The city's leader spoke on Monday.", "Hong Kong", "Hong Kong", "HKG"),
])
def test_places_puts_the_dateline_place_first(nlp, text: str, dateline: str, name: str,  # type: ignore[no-untyped-def]
                                              country: str) -> None:
    first = find_places(nlp(text), "a1", dateline)[0]
    assert (first.name, first.country, first.role) == (name, country, "dateline")
    assert all(m.start > len(dateline) for m in first.mentions)  # not the dateline itself


def test_a_dateline_of_two_places_gives_both(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_places(nlp("TOKYO/BEIJING (Reuters) - Talks resumed on Monday."), "a1",
                        "Tokyo/Beijing")
    assert [(p.name, p.country, p.role) for p in found[:2]] == [
        ("Tokyo", "JPN", "dateline"), ("Beijing", "CHN", "dateline")]


def test_places_dateline_names_the_state_of_a_small_town(nlp) -> None:  # type: ignore[no-untyped-def]
    first = find_places(nlp("PARIS, Texas — The county fair opened."), "a1", "PARIS, Texas")[0]
    assert (first.name, first.country) == ("Paris", "USA")


@pytest.mark.parametrize("text", [
    "Russian and Ukrainian officials met as pressure from the West grew.",
    "Chinese and Indian troops clashed near the border.",
    "Western governments and European diplomats criticised the vote.",
])
def test_places_leaves_out_demonyms_and_the_west(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert places(nlp, text) == {}


@pytest.mark.parametrize(("text", "facility", "country"), [
    ("The minister arrived at Moscow's Sheremetyevo Airport on Monday.",
     "Sheremetyevo Airport", "RUS"),
    ("The delegation landed at Istanbul's Ataturk Airport before dawn.",
     "Ataturk Airport", "TUR"),
])
def test_places_gives_a_facility_the_country_of_its_city(nlp, text: str, facility: str,  # type: ignore[no-untyped-def]
                                                         country: str) -> None:
    found = places(nlp, text)
    assert (found[facility].country, found[facility].feature) == (country, "facility")


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Fighting continued in the region of Kherson overnight.", "Kherson", "UKR"),
    ("Drones struck the city of Sumy at dawn.", "Sumy", "UKR"),
    ("Drones struck the Belgorod region at dawn.", "Belgorod", "RUS"),
    ("Residents of Kharkiv sheltered underground.", "Kharkiv", "UKR"),
    ("The mayor of Odesa said the port was hit.", "Odesa", "UKR"),
])
def test_places_corrects_places_the_model_labels_otherwise(nlp, text: str, name: str,  # type: ignore[no-untyped-def]
                                                           country: str) -> None:
    assert countries_of(nlp, text).get(name) == country


def test_places_finds_a_region_only_in_the_country_named(nlp) -> None:  # type: ignore[no-untyped-def]
    assert countries_of(nlp, "Floods hit the Punjab province of Pakistan.") == {
        "Punjab": "PAK", "Pakistan": "PAK"}


def test_places_leaves_a_capital_that_only_speaks_to_the_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "Beijing" not in places(nlp, "Beijing said on Monday it would retaliate.")
    assert "Beijing" in places(nlp, "Officials in Beijing said on Monday they would retaliate.")


def test_places_keeps_a_city_that_suffers_as_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "Dallas" in places(nlp, "The storm moved east, and Dallas braced for floods.")


@pytest.mark.parametrize("text", [
    "Li Wei met reporters on Tuesday. Li said the plan would go ahead.",
    "Senator Jim Jordan spoke to reporters. Jordan said he opposed the bill.",
    "Reporters asked Bush about the plan. Bush said he would act. Aides carried a letter to "
    "Bush on Friday.",
])
def test_places_leaves_out_the_names_of_people(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {"Li", "Jordan", "Bush"} & set(places(nlp, text))


def test_places_uses_the_states_the_story_names(nlp) -> None:  # type: ignore[no-untyped-def]
    texas = places(nlp, "The storm hit Paris, Texas, on Tuesday.")["Paris"]
    assert texas.country == "USA"
    france = places(nlp, "She flew to Paris for talks with French officials.")["Paris"]
    assert france.country == "FRA"


def test_places_keeps_seas_and_regions_without_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = places(nlp, "Ships crossed the Red Sea. Leaders met in Europe to discuss the "
                        "Middle East.")
    assert {n: (p.country, p.feature) for n, p in found.items()} == {
        "Red Sea": (None, None), "Europe": (None, "region"), "Middle East": (None, "region")}


@pytest.mark.parametrize("text", [
    "Ships waited in the Straits before dawn.",
    "Officials met in Central and spoke about the North.",
])
def test_places_leaves_out_bare_generic_words(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not {"Straits", "Central", "North"} & set(places(nlp, text))


def test_places_reads_an_abbreviation_cut_short_by_the_sentence_end(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The talks were held in the U.S. Officials said they went well."
    assert countries_of(nlp, text) == {"United States": "USA"}


def test_places_on_a_text_without_places_is_empty(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_places(nlp("The committee voted on Tuesday."), "a1") == []
