"""Geography resources: country names, demonyms, codes, capitals, regions and the gazetteer.

No spaCy model is needed; the indexes are built once per test session (``lru_cache``).
"""

from __future__ import annotations

from importlib import resources

import pytest

from eventwire.geo import (
    Countries,
    Gazetteer,
    disambiguate,
    is_generic,
    load_countries,
    load_gazetteer,
    name_key,
)


@pytest.fixture(scope="module")
def countries() -> Countries:
    return load_countries()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(("text", "code"), [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("South Korea", "KOR"),
    ("the United States", "USA"), ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"),
    ("United Kingdom", "GBR"), ("Iran", "IRN"), ("Hong Kong", "HKG"), ("Côte d'Ivoire", "CIV"),
    ("Ivory Coast", "CIV"), ("Bosnia", "BIH"), ("Kosovo", "XKX"),
])
def test_countries_resolves_names_and_short_names(countries: Countries, text: str,
                                                   code: str) -> None:
    assert countries.country(text) == code
    assert countries.code(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("UA", "UKR"), ("RUS", "RUS"), ("US", "USA"), ("UK", "GBR"), ("DE", "DEU"), ("HKG", "HKG"),
])
def test_countries_resolves_upper_case_codes(countries: Countries, text: str, code: str) -> None:
    assert countries.code(text) == code


def test_countries_ignores_codes_written_in_lower_case(countries: Countries) -> None:
    assert countries.country("de") is None  # a word, not Germany


@pytest.mark.parametrize(("text", "code"), [
    ("Russian", "RUS"), ("Ukrainian", "UKR"), ("Belarusian", "BLR"), ("Chinese", "CHN"),
    ("American", "USA"), ("British", "GBR"), ("Russians", "RUS"), ("Britons", "GBR"),
    ("Saudi", "SAU"), ("Dutch", "NLD"),
])
def test_countries_resolves_demonyms_and_plurals(countries: Countries, text: str,
                                                 code: str) -> None:
    assert countries.demonym(text) == code
    assert countries.code(text) == code


def test_countries_keeps_demonyms_apart_from_names(countries: Countries) -> None:
    assert countries.country("Russian") is None
    assert countries.demonym("Russia") is None


@pytest.mark.parametrize(("text", "code"), [
    ("the West", "WST"), ("Western", "WST"), ("Europe", "EUR"), ("European", "EUR"),
    ("Africa", "AFR"), ("African", "AFR"), ("Middle East", "MEA"), ("the Middle East", "MEA"),
    ("Asia", "ASA"), ("Southeast Asia", "SEA"), ("Latin American", "LAM"),
])
def test_countries_resolves_cameo_regions(countries: Countries, text: str, code: str) -> None:
    assert countries.code(text) == code
    assert countries.is_region(code)


def test_countries_marks_the_west_as_a_bloc_not_a_place(countries: Countries) -> None:
    west, europe = countries.get("WST"), countries.get("EUR")
    assert west is not None and not west.is_place
    assert europe is not None and europe.is_place


def test_countries_gives_preferred_names_back(countries: Countries) -> None:
    assert countries.name("RUS") == "Russia"
    assert countries.name("usa") == "United States"
    assert countries.name("MKD") == "North Macedonia"
    assert countries.name("XXX") is None


def test_countries_gives_capitals_with_coordinates(countries: Countries) -> None:
    capital = countries.capital("UKR")
    assert capital is not None and capital.name == "Kyiv"
    assert capital.lat == pytest.approx(50.45, abs=0.1)
    assert capital.lon == pytest.approx(30.52, abs=0.1)
    assert countries.capital("WST") is None


@pytest.mark.parametrize(("city", "code"), [
    ("Kyiv", "UKR"), ("Beijing", "CHN"), ("Washington", "USA"), ("Moscow", "RUS"),
])
def test_countries_knows_whose_capital_a_city_is(countries: Countries, city: str,
                                                 code: str) -> None:
    assert countries.capital_of(city) == code


def test_countries_unknown_name_gives_none(countries: Countries) -> None:
    assert countries.code("Atlantis") is None
    assert countries.capital_of("Springfield") is None


def test_name_key_drops_accents_case_and_leading_article() -> None:
    assert name_key("The  Côte d’Ivoire") == "cote d'ivoire"
    assert name_key("KYIV") == name_key("Kyiv")


def test_is_generic_flags_direction_words_only() -> None:
    assert is_generic("Southwest") and is_generic("North East")
    assert not is_generic("North Carolina")


def test_gazetteer_finds_cities_with_coordinates_and_country(gazetteer: Gazetteer) -> None:
    kursk = gazetteer.best("Kursk")
    assert kursk is not None and kursk.country == "RUS" and kursk.feature == "city"
    assert kursk.lat == pytest.approx(51.73, abs=0.1)
    assert kursk.lon == pytest.approx(36.19, abs=0.1)


def test_gazetteer_finds_cities_by_other_spellings(gazetteer: Gazetteer) -> None:
    kiev = gazetteer.best("Kiev")
    assert kiev is not None and kiev.name == "Kyiv" and kiev.country == "UKR"


def test_gazetteer_finds_countries_states_and_regions(gazetteer: Gazetteer) -> None:
    found = {name: gazetteer.best(name) for name in ("Belarus", "Texas", "Europe")}
    assert {n: (g.feature, g.country) for n, g in found.items() if g} == {
        "Belarus": ("country", "BLR"), "Texas": ("admin1", "USA"), "Europe": ("region", None)}


def test_gazetteer_leaves_political_blocs_out(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("the West") == ()


def test_gazetteer_prefers_the_larger_place_without_context(gazetteer: Gazetteer) -> None:
    picks = {n: gazetteer.best(n) for n in ("Paris", "Moscow", "Donetsk", "Geneva")}
    assert {n: g.country for n, g in picks.items() if g} == {
        "Paris": "FRA", "Moscow": "RUS", "Donetsk": "UKR", "Geneva": "CHE"}


def test_gazetteer_prefers_places_in_countries_the_story_mentions(
        gazetteer: Gazetteer) -> None:
    birmingham = gazetteer.best("Birmingham", countries={"USA"})
    assert birmingham is not None and birmingham.country == "USA"
    paris = gazetteer.best("Paris", countries={"USA"})  # a big gap in size outweighs context
    assert paris is not None and paris.country == "FRA"


def test_gazetteer_prefers_places_in_a_us_state_the_story_mentions(
        gazetteer: Gazetteer) -> None:
    paris = gazetteer.best("Paris", admins={("USA", "TX")})
    assert paris is not None and (paris.country, paris.admin1) == ("USA", "TX")


def test_gazetteer_prefers_the_country_of_a_shared_name(gazetteer: Gazetteer) -> None:
    georgia = gazetteer.best("Georgia")
    assert georgia is not None and georgia.country == "GEO"
    state = gazetteer.best("Georgia", admins={("USA", "GA")})
    assert state is not None and state.country == "USA" and state.feature == "admin1"


def test_gazetteer_subdivision_known_by_name_only_needs_its_country(
        gazetteer: Gazetteer) -> None:
    assert gazetteer.best("Bayern") is None
    bavaria = gazetteer.best("Bayern", countries={"DEU"})
    assert bavaria is not None and bavaria.country == "DEU"


def test_gazetteer_reads_abbreviations_but_not_every_iso_code(gazetteer: Gazetteer) -> None:
    us = gazetteer.best("US")
    assert us is not None and us.country == "USA"
    assert all(c.country != "VAT" for c in gazetteer.lookup("VA"))  # Veterans Affairs


def test_gazetteer_skips_generic_words(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Central") == ()


def test_disambiguate_with_no_candidates_gives_none() -> None:
    assert disambiguate("Nowhere", ()) is None


def test_loaders_build_once_per_process() -> None:
    assert load_countries() is load_countries()
    assert load_gazetteer() is load_gazetteer()


def test_data_files_state_their_provenance() -> None:
    data = resources.files("eventwire.data")
    for name in ("cameo-regions.tsv", "country-extras.tsv"):
        assert data.joinpath(name).read_text(encoding="utf-8").startswith("# ")


def test_region_table_holds_the_25_cameo_regions(countries: Countries) -> None:
    regions = [c for c in countries.records.values() if c.is_region]
    assert len(regions) == 25
    assert all(len(r.code) == 3 and r.code.isupper() for r in regions)
