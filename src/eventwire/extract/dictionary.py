"""The dated actor dictionary: who a name stands for, and which code it has on a given day.

An entry is a name with variants, a CAMEO actor code and the dates it holds (``from``
inclusive, ``to`` exclusive; either may be open). One name has several entries when its
holder changed roles: Donald Trump is ``USAGOV`` from 2017-01-20 to 2021-01-20 and from
2025-01-20 on, and plain ``USA`` (a person of that country with no government role) on
any other day.

Three layers, the later overriding the earlier for the same name:

1. ``data/actors/dictionary.tsv.gz``, built by ``scripts/build_actors.py`` from the
   Phoenix/PETRARCH2 dictionaries (MIT; roles up to about 2014) and the CIA World Factbook's
   heads of state and government (public domain; 2015-2026). See ``data/NOTICE``.
2. ``data/actors.tsv``, hand-made: international organisations, seats of power, armed
   groups, and officials the other sources lack.
3. The user's files (``--actors FILE``): TSV or YAML in the same columns, or a TABARI/PETRARCH
   ``.actors`` file.

This module is plain Python (no spaCy), so the CLI can explain a lookup without a model.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import gzip
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.resources import cached_on_disk, parse_tsv
from eventwire.timeperiod import parse_day

#: The columns of a dictionary file; ``name`` and ``code`` are required.
COLUMNS = ("name", "variants", "code", "from", "to", "kind", "source")
KINDS = frozenset({"person", "country", "organisation", "igo", "ngo", "seat", "media",
                   "group", "business"})
#: Sources in the order they override each other (a later one wins for the same name). A
#: user file's entries name the file itself as their source, unless its ``source`` column says.
LAYERS = ("phoenix", "factbook", "curated", "user")
_CODE = re.compile(r"^(?:[A-Z]{3})+$|^---(?:[A-Z]{3})*$")
_NORMAL = re.compile(r"[^\w]+")
#: Words before a name that are no part of it ("Mr. Trump", "Dr. Tedros").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "madame",
                        "mister", "lord", "lady"})


@functools.lru_cache(maxsize=32768)
def normal(name: str) -> str:
    """A lookup key for names: case-folded, no punctuation, no leading "the" (cached, as
    :func:`eventwire.geo.name_key`)."""
    key = _NORMAL.sub(" ", name.casefold().replace("’", "'").replace("'s ", " ")).strip()
    key = key.replace("_", " ")
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated code of one name."""

    name: str
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    kind: str = ""
    source: str = ""
    variants: tuple[str, ...] = ()

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def country(self) -> str | None:
        prefix = self.code[:3]
        return None if prefix in {"IGO", "NGO", "MNC", "IMG", "---"} else prefix

    def span(self) -> str:
        if not self.dated:
            return "always"
        return f"{self.start or '...'} to {self.end or '...'}"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name resolves to on a day, and why."""

    name: str
    code: str
    kind: str
    entry: Entry
    why: str


@dataclass(slots=True)
class ActorDictionary:
    """Names and surnames to dated entries; later layers override earlier ones."""

    names: dict[str, list[Entry]] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    layers: list[str] = field(default_factory=list)
    #: surnames by their first two letters: the candidates for a misspelt one
    surnames_by_start: dict[str, list[str]] = field(default_factory=dict)

    def add(self, entries: Iterable[Entry]) -> None:
        """Add a layer: for a name it holds, it replaces what earlier layers said."""
        keys: dict[str, str] = {}  # each spelling normalised once

        def key_of(text: str) -> str:
            if (key := keys.get(text)) is None:
                key = keys[text] = normal(text)
            return key

        by_name: dict[str, list[Entry]] = {}  # rows of one name share their variants
        for entry in entries:
            by_name.setdefault(key_of(entry.name), []).append(entry)
        fresh: dict[str, list[Entry]] = {}
        for name_key, rows in by_name.items():
            spellings = {name_key} | {key_of(v) for row in rows for v in row.variants}
            for key in spellings:
                if key:
                    fresh.setdefault(key, []).extend(rows)
            if rows[0].kind == "person" and (surname := surname_of(rows[0].name)):
                if surname not in self.surnames:
                    self.surnames_by_start.setdefault(surname[:2], []).append(surname)
                self.surnames.setdefault(surname, []).extend(rows)
        for key, found in fresh.items():
            self.names[key] = _unique(found)

    def __len__(self) -> int:
        return len(self.names)

    def variants_of(self, name: str) -> set[str]:
        """Every variant of a name's entries (its spellings)."""
        return {v for e in self.entries(name) for v in e.variants}

    def entries(self, name: str) -> list[Entry]:
        """Every entry of a name (any date)."""
        return self.names.get(normal(name), [])

    def resolve(self, name: str, day: dt.date | None = None) -> Resolution | None:
        """The code of a full name or variant on ``day`` (today's entries when ``None``)."""
        found = self.entries(name)
        if not found:
            return None
        return choose(name, found, day, "name")

    def by_surname(self, surname: str, day: dt.date | None, first: str | None = None,
                   holding: bool = True) -> Resolution | None:
        """The one person of that surname (and first initial) who holds a role on ``day``.

        ``holding=False`` (the text gives a title: "President Bush") also accepts people
        whose roles lie on other days: the one of them, or the best known (the most name
        variants, twice as many as the next) when all do not share one country. A surname
        no one has is tried as a misspelling of a known one ("Mitterand")."""
        key = normal(surname)
        people = self._people(key, first)
        if not people and not holding and len(key) >= 5:
            # a misspelling keeps the first two letters ("Mitterand"): compare with those only
            close = difflib.get_close_matches(key, self.surnames_by_start.get(key[:2], []),
                                              n=1, cutoff=0.85)
            people = self._people(close[0], first) if close else []
        if not people:
            return None
        active = [e for e in people if e.dated and len(e.code) > 3 and
                  (day is None or e.holds(day))]
        pool = active if active or holding else people
        holders: dict[str, list[Entry]] = {}
        for entry in pool:
            holders.setdefault(normal(entry.name), []).append(entry)
        if len(holders) != 1 and not holding:
            chosen = _best_known(holders, self)
            holders = {chosen: holders[chosen]} if chosen else holders
        if len(holders) != 1:
            return None
        full = next(iter(holders.values()))[0].name
        return choose(full, self.entries(full) or pool, day, "surname")

    def _people(self, key: str, first: str | None) -> list[Entry]:
        if first is not None and normal(first) in NAME_PARTICLES:
            first = None  # "de Klerk": the whole is the surname
        return [e for e in self.surnames.get(key, ())
                if first is None or _same_first_name(first, normal(e.name).split()[0])]


def _same_first_name(given: str, known: str) -> bool:
    """Whether a first name in the text may be the dictionary's: an initial ("J. Miller")
    agrees with any name it starts; a written-out name must start like the known one
    ("Jane Miller" is not "Jerzy Miller"; "Alex" may be "Alexander")."""
    given = normal(given).rstrip(".")
    if len(given) <= 1:
        return known[:1] == given[:1]
    return known[:3] == given[:3]


#: Words that start a surname rather than being a first name ("de Klerk", "van Rompuy").
NAME_PARTICLES = frozenset({"de", "van", "von", "al", "el", "bin", "da", "di", "le", "la",
                            "du", "del", "der", "ben", "abu"})


def _best_known(holders: dict[str, list[Entry]], dictionary: ActorDictionary) -> str | None:
    """Of several people with one surname, the best known: PETRARCH's dictionaries list
    many spellings for a head of state and few for a minor official. Two well-known ones of
    one country ("President Bush") still give that country."""
    fame = sorted(((len(dictionary.variants_of(name)), len(holders[name]), name)
                   for name in holders), reverse=True)
    if len({e.country for entries in holders.values() for e in entries}) == 1:
        return fame[0][-1]  # "President Mitterrand": either of two French namesakes is FRA
    if not fame or fame[0][0] == 0:
        return None
    famous = [name for count, _, name in fame if count * 2 >= fame[0][0]]
    countries = {e.country for name in famous for e in holders[name]}
    return fame[0][-1] if len(famous) == 1 or len(countries) == 1 else None


def surname_of(name: str) -> str | None:
    """The last word of a person's name, without "Jr." ("Joseph R. Biden Jr." -> "biden")."""
    words = [w for w in normal(name).split() if w not in {"jr", "sr", "ii", "iii", "iv"}]
    return words[-1] if len(words) >= 2 else None


def choose(name: str, found: Sequence[Entry], day: dt.date | None, how: str) -> Resolution:
    """The entry that holds on ``day``: a dated one over an undated default, the one that
    began last among several. With no day, the latest entry. A person whose dated roles all
    lie on other days is a person of that country with no role (``USA`` for a former
    president), unless an undated default says otherwise."""
    if day is None:
        best = max(found, key=lambda e: (e.start or dt.date.min, e.dated))
        return Resolution(name, best.code, best.kind, best, f"{how} match, latest entry "
                          f"({best.source}, {best.span()})")
    holding = [e for e in found if e.dated and e.holds(day)]
    if holding:
        best = max(holding, key=lambda e: (e.start or dt.date.min))
        return Resolution(name, best.code, best.kind, best,
                          f"{how} match, {best.source} entry for {best.span()}")
    default = [e for e in found if not e.dated]
    if default:
        best = default[-1]
        return Resolution(name, best.code, best.kind, best,
                          f"{how} match, {best.source} entry with no dates")
    nearest = min(found, key=lambda e: _distance(e, day))
    country = nearest.country or nearest.code
    return Resolution(name, country, nearest.kind, nearest,
                      f"{how} match; no role on {day} ({nearest.source} has "
                      f"{nearest.code} for {nearest.span()}), so the country alone")


def _distance(entry: Entry, day: dt.date) -> int:
    if entry.end is not None and entry.end <= day:
        return (day - entry.end).days
    if entry.start is not None and day < entry.start:
        return (entry.start - day).days
    return 0


def _unique(entries: list[Entry]) -> list[Entry]:
    seen: dict[tuple[str, dt.date | None, dt.date | None], Entry] = {}
    for entry in entries:
        seen.setdefault((entry.code, entry.start, entry.end), entry)
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class Explanation:
    """A lookup as ``eventwire actors --lookup`` shows it: the answer on one day, and every
    dated entry of the name, so a user sees the other days' answers too."""

    query: str
    day: dt.date
    resolution: Resolution
    #: True when ``query`` is no name or variant, only the surname of one known person
    by_surname: bool
    #: every entry of the name (or of the person the surname stands for), oldest first
    history: tuple[Entry, ...]


def explain(dictionary: ActorDictionary, name: str, day: dt.date) -> Explanation | None:
    """What ``name`` resolves to on ``day`` and why; ``None`` when the dictionary has no such
    name. A one-word name that is no entry's name or variant falls back to the one person of
    that surname, whether or not they hold a role on ``day`` (the question is who the name is,
    not whether the text's title confirms it)."""
    found, surname = dictionary.resolve(name, day), False
    if found is None and len(name.split()) == 1:
        found, surname = dictionary.by_surname(name, day, holding=False), True
    if found is None:
        return None
    entries = dictionary.entries(found.entry.name if surname else name) or [found.entry]
    history = sorted(entries, key=lambda e: (e.start or dt.date.min, e.end or dt.date.max))
    return Explanation(name, day, found, surname, tuple(history))


# ---------------------------------------------------------------- reading files


def read_entries(rows: Iterable[Mapping[str, str | None]], source: str, where: str
                 ) -> Iterator[Entry]:
    """Entries from rows with the :data:`COLUMNS`; ``where`` names the file in errors."""
    known = set(COLUMNS)
    good_codes: set[str] = set()  # a code is checked once, however many rows carry it
    days: dict[str, dt.date | None] = {"": None}
    for number, row in enumerate(rows, start=2):
        if not known.issuperset(row):
            unknown = sorted(map(str, set(row) - known))
            raise ConfigError(f"{where}: unknown column(s) {', '.join(unknown)}; "
                              f"known: {', '.join(COLUMNS)}")
        name = (row.get("name") or "").strip()
        code = (row.get("code") or "").strip().upper()
        if not name:
            raise ConfigError(f"{where}:{number}: the name is empty")
        if code not in good_codes:
            if not _CODE.match(code):
                raise ConfigError(f"{where}:{number}: code {code!r} of {name!r} is not a "
                                  "CAMEO actor code (three-letter parts, such as USAGOV)")
            good_codes.add(code)
        kind = (row.get("kind") or "").strip()
        if kind and kind not in KINDS:
            raise ConfigError(f"{where}:{number}: kind {kind!r} of {name!r} is not one of "
                              f"{', '.join(sorted(KINDS))}")
        start, end = row.get("from") or "", row.get("to") or ""
        for value in (start, end):
            if value not in days:
                days[value] = _date(value, where, number)
        variants = row.get("variants")
        yield Entry(name, code, days[start], days[end], kind,
                    (row.get("source") or "").strip() or source,
                    tuple(v.strip() for v in variants.split("|") if v.strip())
                    if variants else ())


def _date(value: object, where: str, number: int) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return parse_day(value)
    except ConfigError:
        raise ConfigError(f"{where}:{number}: date {value!r} is not YYYY-MM-DD") from None


def read_user_file(path: str | Path) -> list[Entry]:
    """A user's dictionary: ``.tsv``, ``.yaml``/``.yml`` or a TABARI ``.actors``/``.txt``
    file. Raises :class:`ConfigError` naming the file and the problem."""
    path = Path(path)
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{where}: no such actor dictionary") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read the actor dictionary ({exc})") from None
    suffix, source = path.suffix.lower(), path.name  # the source says which file won
    if suffix in {".yaml", ".yml"}:
        return list(read_entries(_yaml_rows(text, where), source, where))
    if suffix == ".tsv":
        return list(read_entries(parse_tsv(text), source, where))
    return list(tabari_entries(text.splitlines(), source, where))


def _yaml_rows(text: str, where: str) -> list[dict[str, str | None]]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ConfigError(f"{where}: expected a list of entries (name, variants, code, from, to)")
    rows = []
    for item in data:
        row = {str(k): v for k, v in item.items()}
        variants = row.get("variants")
        if isinstance(variants, list):
            row["variants"] = "|".join(str(v) for v in variants)
        rows.append({k: (v if v is None or isinstance(v, dt.date) else str(v))
                     for k, v in row.items()})
    return rows  # type: ignore[return-value]


def tabari_entries(lines: Iterable[str], source: str, where: str) -> Iterator[Entry]:
    """Entries of a TABARI/PETRARCH ``.actors`` file; codes are taken as written."""
    from eventwire.extract.tabari import TabariError, read_tabari

    try:
        for item in read_tabari(lines, strict=True):
            for dated in item.codes:
                code = dated.code.lstrip("~")
                if not _CODE.match(code):
                    raise ConfigError(f"{where}:{item.line}: code {dated.code!r} of "
                                      f"{item.name!r} is not a CAMEO actor code")
                kind = "person" if item.variants or len(item.codes) > 1 else ""
                yield Entry(item.name, code, dated.start, dated.end, kind, source,
                            tuple(item.variants))
    except TabariError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def bundled_entries(name: str, source: str) -> list[Entry]:
    """Entries of a bundled dictionary file (``.tsv`` or ``.tsv.gz``)."""
    data = resources.files("eventwire").joinpath("data", name).read_bytes()
    text = gzip.decompress(data).decode("utf-8") if name.endswith(".gz") else data.decode()
    return list(read_entries(parse_tsv(text), source, f"eventwire/data/{name}"))


def _bundled_dictionary() -> ActorDictionary:
    dictionary = ActorDictionary()
    dictionary.add(bundled_entries("actors/dictionary.tsv.gz", "phoenix"))
    dictionary.add(bundled_entries("actors.tsv", "curated"))
    dictionary.layers += ["bundled", "curated"]
    return dictionary


@functools.lru_cache(maxsize=8)
def load_dictionary(user_files: tuple[str, ...] = ()) -> ActorDictionary:
    """The bundled dictionary with the user's files on top (once per process and set of
    files; shared read-only)."""
    dictionary = cached_on_disk("actor-dictionary", _bundled_dictionary)  # a fresh copy
    for path in user_files:
        dictionary.add(read_user_file(path))
        dictionary.layers.append(path)
    return dictionary
