#!/usr/bin/env python3
"""Build eventwire's dated actor dictionary from the public sources in ``shared/reference``.

    .venv/bin/python scripts/build_actors.py [PATH/TO/shared/reference]

writes ``src/eventwire/data/actors/dictionary.tsv.gz`` (columns of
``eventwire.extract.dictionary.COLUMNS``, one row per name and dated code) from:

* ``phoenix/Phoenix.{Countries,International,MilNonState}.actors.txt``: the Phoenix/PETRARCH2
  actor dictionaries (MIT): countries, people with dated roles up to about 2014,
  organisations and armed groups;
* ``factbook/executive.jsonl``: heads of state and government of every country 2015-2026
  from the CIA World Factbook's weekly history (public domain).

Conversions, each for a reason the README gives:

* old CAMEO country codes become ISO 3166 alpha-3 (``ANG`` -> ``AGO``, ``TMP`` -> ``TLS``,
  ``SCG`` -> ``SRB``...); entries of test or unknown countries (``KNT``) are dropped;
* Phoenix's ``ELI`` (elites: former officials) becomes the bare country, as eventwire codes a
  former official;
* a country's spellings keep only those that look like its name (misspellings, long forms);
  Phoenix lists cities and provinces there too, which eventwire treats as places;
* the newer source wins for its years: a person the Factbook lists has no Phoenix role after
  the Factbook's first snapshot of that country; Factbook terms start on the "(since ...)"
  day and end on the day the successor's term began.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import gzip
import io
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.extract.dictionary import COLUMNS, normal  # noqa: E402
from eventwire.extract.tabari import TabariEntry, read_tabari  # noqa: E402
from eventwire.geo import Countries, load_countries, word_set  # noqa: E402

OUT = ROOT / "src" / "eventwire" / "data" / "actors" / "dictionary.tsv.gz"

#: CAMEO's older or non-ISO country codes -> ISO 3166 alpha-3 (successor states for
#: dissolved ones, as ICEWS and PLOVER code them).
OLD_CODES = {"ANG": "AGO", "TMP": "TLS", "SCG": "SRB", "YUG": "SRB", "FRY": "SRB",
             "SRP": "BIH", "KSV": "XKX", "USR": "RUS", "SUN": "RUS", "DDR": "DEU",
             "CSK": "CZE", "ROM": "ROU", "ZAR": "COD", "BRM": "MMR"}
#: Prefixes that are no country but valid in CAMEO: organisations and groups.
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "NGM"}

MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october",
                                        "november", "december"), start=1)}
_SINCE = re.compile(r"\(\s*since\s+(?:(\d{1,2})\s+)?([A-Za-z]+)?\s*(\d{4})", re.I)
#: Words of a Factbook title (never part of a name).
TITLE_WORDS = word_set("""
president vice prime minister premier deputy first second third chancellor king queen emir
amir sultan crown prince princess supreme leader governor general governor-general acting
interim transitional executive chairman chairwoman chairperson chief head state council
sovereign pope administrator lieutenant commissioner field marshal colonel major brigadier
lt. gen. col. maj. captain regent grand duke duchess co-prince of the and federal national
senior secretary secretary-general mayor speaker premier-designate president-elect caretaker
military junta cabinet government represented by de facto presidential administration chair
top official commander commander-in-chief revolutionary guide leader's minister-president
dr. hon. emperor pm ruler heir apparent high representative ministers premiers presidents
vice-premiers vice-presidents deputies councillors councilors counselors members prefect mr
mr. mrs mrs. ms ms. sir dame senior-minister
""")
PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "das", "do", "dos", "du", "van",
             "von", "der", "den", "del", "della", "di", "la", "le", "y", "e", "abu", "ben"}
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{1,3}|IX|X|XI{1,3}|XIV|XV|XVI)$")
_CAPS = re.compile(r"^[A-Z][A-Z'’\-]+[A-Z]$|^[A-Z]{2,}$")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reference", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "reference")
    args = parser.parse_args()
    ref: Path = args.reference
    countries = load_countries()
    factbook, coverage = factbook_rows(ref / "factbook" / "executive.jsonl", countries)
    listed = {normal(r["name"]) for r in factbook} | {
        normal(v) for r in factbook for v in r["variants"].split("|") if v}
    rows: list[dict[str, str]] = []
    stats: dict[str, int] = defaultdict(int)
    for name, source_kind in (("Countries", "country"), ("International", "international"),
                              ("MilNonState", "armed")):
        path = ref / "phoenix" / f"Phoenix.{name}.actors.txt"
        with path.open(encoding="utf-8", errors="replace") as lines:
            for row in phoenix_rows(read_tabari(lines), source_kind, countries, listed,
                                    coverage, stats):
                rows.append(row)
    rows += factbook
    OUT.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    buffer.write("# eventwire actor dictionary, built by scripts/build_actors.py from the\n"
                 "# Phoenix/PETRARCH2 dictionaries (MIT) and the CIA World Factbook (public\n"
                 "# domain). See eventwire/data/NOTICE. Dates: from inclusive, to exclusive.\n")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    OUT.write_bytes(gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0))
    names = {normal(r["name"]) for r in rows} | {
        normal(v) for r in rows for v in r["variants"].split("|") if v}
    people = {normal(r["name"]) for r in rows if r["kind"] == "person"}
    print(f"{OUT.relative_to(ROOT)}: {len(rows):,} rows, {len(names):,} names and variants, "
          f"{len(people):,} people, {OUT.stat().st_size / 1e6:.2f} MB")
    print(f"  factbook rows {len(factbook):,}; " + ", ".join(
        f"{k} {v:,}" for k, v in sorted(stats.items())))
    return 0


# ---------------------------------------------------------------- Phoenix


def phoenix_rows(entries: Iterable[TabariEntry], source_kind: str, countries: Countries,
                 listed: set[str], coverage: dict[str, dt.date], stats: dict[str, int]
                 ) -> Iterator[dict[str, str]]:
    for entry in entries:
        kind = _phoenix_kind(entry, source_kind, countries)
        variants = entry.variants
        if kind == "country":
            variants = [v for v in variants if _looks_like(v, entry.name, countries,
                                                           entry.codes[-1].code[:3])]
            stats["country spellings dropped (cities, provinces)"] += (
                len(entry.variants) - len(variants))
        is_listed = kind == "person" and (normal(entry.name) in listed or any(
            normal(v) in listed for v in variants))
        first = True
        for dated in entry.codes:
            code = _iso(dated.code.lstrip("~"))
            if code is None:
                stats["codes dropped (unknown country or malformed)"] += 1
                continue
            start, end = dated.start, dated.end
            if is_listed and code[:3] in coverage:  # the Factbook speaks for these years
                cut = coverage[code[:3]]
                if start is not None and start >= cut:
                    stats["roles left to the Factbook"] += 1
                    continue
                if start is not None and (end is None or end > cut):
                    end = cut
            if not code:
                continue
            if kind == "organisation" and code[:3] in _REGIONS and \
                    (named := _named_country(entry.name, countries)):
                code = named + code[3:]  # "Palestinian Islamic Jihad [MEAREB]": PSEREB
                stats["organisations placed in the country they are named after"] += 1
            yield {"name": entry.name, "variants": "|".join(variants) if first else "",
                   "code": code, "from": str(start or ""), "to": str(end or ""),
                   "kind": kind, "source": "phoenix"}
            first = False


def _named_country(name: str, countries: Countries) -> str | None:
    """The country an organisation is named after: a demonym as its first word ("Eritrean
    Liberation Front") or "of/in" a country ("Movement for Justice in Chad"), not a
    region's word ("Latin American ...") or a people's coast ("of the French Somali Coast")."""
    words = name.replace("-", " ").replace("_", " ").split()
    words = [w for w in words if w.lower() not in {"the", "all"}] if words[:1] and \
        words[0].lower() in {"the", "all"} else words
    found = countries.demonym(words[0]) or countries.code(words[0]) if words else None
    if found is None:
        for before, word in itertools.pairwise(words):
            if before.lower() in {"of", "in"} and (found := countries.code(word)):
                break
    return found if found and not countries.is_region(found) else None


def _phoenix_kind(entry: TabariEntry, source_kind: str, countries: Countries) -> str:
    code = entry.codes[0].code if entry.codes else ""
    if "CountryInfo" in entry.comment:
        return "person"
    if source_kind == "country" and (countries.country(entry.name) or any(
            len(c.code) == 3 for c in entry.codes)):
        return "country"  # "GEORGIA_ [RUSGEO <910409] [GEO >911221]": a state's history
    if any(c.start or c.end for c in entry.codes):
        return "person"
    if source_kind == "armed":
        return "organisation"
    if source_kind == "international":
        return {"IGO": "igo", "NGO": "ngo", "MNC": "business"}.get(code[:3], "organisation")
    return "organisation"


def _iso(code: str) -> str | None:
    """A Phoenix code with an ISO country and eventwire's role conventions, or None."""
    import pycountry

    prefix = OLD_CODES.get(code[:3], code[:3])
    valid = prefix in NON_STATE or prefix in _REGIONS or prefix == "XKX" or \
        pycountry.countries.get(alpha_3=prefix) is not None
    if not valid:
        return None
    rest = code[3:]
    parts = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    parts = [OLD_CODES.get(p, p) for p in parts if p != "ELI"]
    if any(not re.fullmatch(r"[A-Z]{3}", p) for p in parts):
        return None  # a typo in the source ("DEN211")
    return prefix + "".join(parts)


_REGIONS = {"AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR",
            "LAM", "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF",
            "WST", "ARB", "WEU"}


def _looks_like(variant: str, name: str, countries: Countries, code: str) -> bool:
    """Whether a spelling is the country's name (misspelt or long), not a city in it."""
    record = countries.get(OLD_CODES.get(code, code))
    forms = {normal(name)}
    if record is not None:
        forms |= {normal(record.name), normal(record.demonym or "")}
    key = normal(variant)
    words = key.split()
    for form in filter(None, forms):
        if difflib.SequenceMatcher(None, key, form).ratio() >= 0.8:
            return True
        for word in words:
            for part in form.split():
                if len(part) > 3 and difflib.SequenceMatcher(None, word, part).ratio() >= 0.85:
                    return True
    return False


# ---------------------------------------------------------------- Factbook


def factbook_rows(path: Path, countries: Countries) -> tuple[list[dict[str, str]],
                                                            dict[str, dt.date]]:
    """Terms of office from the Factbook's history, and each country's first snapshot."""
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            by_file[record["file"].split("/")[-1]].append(record)
    rows: list[dict[str, str]] = []
    coverage: dict[str, dt.date] = {}
    for records in by_file.values():
        records.sort(key=lambda r: r["first_seen"])
        code = _country_code(records, countries)
        if code is None:
            continue
        first = dt.date.fromisoformat(records[0]["first_seen"])
        coverage[code] = min(first, coverage.get(code, first))
        rows += _terms(records, code)
    return _home_only(rows, countries), coverage


def _home_only(rows: list[dict[str, str]], countries: Countries) -> list[dict[str, str]]:
    """A head of state listed by several files (the US president for its territories, a
    monarch for the realms) belongs to the most populous of them: their own country."""
    get = countries.get
    home: dict[str, tuple[int, str]] = {}
    for row in rows:
        record = get(row["code"][:3])
        size = (record.population if record else 0, row["code"][:3])
        key = normal(row["name"])
        home[key] = max(home.get(key, size), size)
    return [r for r in rows if r["code"][:3] == home[normal(r["name"])][1]]


def _country_code(records: list[dict[str, str]], countries: Countries) -> str | None:
    lookup = countries.country
    for record in reversed(records):
        name = record.get("country")
        if name and (found := lookup(name) or lookup(re.sub(r"\s*\(.*\)", "", name))):
            return str(found)
    return None


def _terms(records: list[dict[str, str]], code: str) -> list[dict[str, str]]:
    """One row per person and continuous run of snapshots that list them."""
    snapshots = [(r, dict(_people(r))) for r in records]
    open_runs: dict[str, tuple[str, dt.date]] = {}
    rows = []
    for i, (record, people) in enumerate(snapshots):
        seen = dt.date.fromisoformat(record["first_seen"])
        for key, (name, since) in people.items():
            if key not in open_runs:
                start = since if since is not None and since <= seen else seen
                open_runs[key] = (name, start)
        for key in list(open_runs):
            if key in people:
                continue
            name, start = open_runs.pop(key)
            newcomers = [s for k, (_, s) in people.items()
                         if s is not None and k not in snapshots[i - 1][1] and s > start]
            end = min(newcomers) if newcomers else seen
            rows.append(_row(name, code, start, end))
    for name, start in open_runs.values():
        rows.append(_row(name, code, start, None))
    return rows


def _row(name: str, code: str, start: dt.date, end: dt.date | None) -> dict[str, str]:
    variants = _name_variants(name)
    return {"name": variants[0], "variants": "|".join(variants[1:]), "code": code + "GOV",
            "from": str(start), "to": str(end or ""), "kind": "person", "source": "factbook"}


def _people(record: dict[str, str]) -> Iterator[tuple[str, tuple[str, dt.date | None]]]:
    texts = [record.get("chief_of_state") or "", record.get("head_of_government") or ""]
    for text in texts:
        text = re.sub(r"<[^>]+>|&nbsp;", " ", text)
        for part in re.split(r";|\bnote\b", text):
            part = part.strip()
            if not part or part.startswith("-") or "co-prince" in part.lower():
                continue
            if "represented by" in part.lower() and part.lower().index("represented by") > 0:
                part = part[part.lower().index("represented by"):]
            for segment in re.split(r",\s*|\s+and\s+(?=[A-Z])", part):  # "Vice Premiers A, B"
                found = _person(segment)
                if found is not None:
                    name, since = found
                    variants = _name_variants(name)
                    key = normal(variants[1] if len(variants) > 1 else variants[0])
                    yield key, (name, since)


def _person(part: str) -> tuple[str, dt.date | None] | None:
    """``President Vladimir Vladimirovich PUTIN (since 7 May 2012)`` -> the name and day."""
    head = part.split("(")[0].strip().rstrip(",")
    words = head.split()
    caps = next((i for i, w in enumerate(words) if _is_surname(words, i)), None)
    if caps is None:
        return None
    start = caps
    while start > 0 and words[start - 1].lower() not in TITLE_WORDS and \
            (words[start - 1][:1].isupper() or words[start - 1] in {"bin", "al", "de", "van"}):
        start -= 1
    name = " ".join(words[start:]).strip(" ,")
    if len(name.split()) < 2 or any(w.lower() in TITLE_WORDS for w in name.split()) or not all(
            w[:1].isupper() or w.lower() in PARTICLES or w.startswith("al-")
            for w in name.split()):
        return None  # a sentence, not a name ("X became prime minister on ...")
    since = None
    if (m := _SINCE.search(part)) is not None:
        day, month, year = m.group(1), (m.group(2) or "").lower(), int(m.group(3))
        since = dt.date(year, MONTHS.get(month, 1), int(day) if day and month in MONTHS else 1)
    return name, since


def _name_variants(name: str) -> list[str]:
    """``Vladimir Vladimirovich PUTIN`` -> "Vladimir Vladimirovich Putin", "Vladimir
    Putin"; ``XI Jinping`` -> "Xi Jinping"; ``Donald J. TRUMP`` -> "Donald Trump"."""
    words = name.replace(",", " ").split()
    caps = [i for i in range(len(words)) if _is_surname(words, i)]
    nice = [_title(w) if i in caps else w for i, w in enumerate(words)]
    out = [" ".join(nice)]
    if caps and caps[0] > 0:  # given names first: "Vladimir PUTIN", "Joseph R. BIDEN Jr."
        first = nice[0]
        surname = " ".join(nice[caps[0]:caps[-1] + 1])
        out.append(f"{first} {surname}")
        given = [w for w in nice[:caps[0]] if not re.fullmatch(r"[A-Z]\.", w)]
        out.append(" ".join([*given, surname]))
        if len(given) > 1:  # "Muhammad Shehbaz SHARIF" is also "Shehbaz Sharif"
            out.append(f"{given[-1]} {surname}")
    return list(dict.fromkeys(v for v in out if v))


def _is_surname(words: list[str], i: int) -> bool:
    """An upper-case word of a Factbook name; "III" after a name is a regnal number, but
    "XI" before one is a surname."""
    word = words[i].strip(",.")
    if not _CAPS.match(word):
        return False
    return not (_ROMAN.match(word) and i > 0 and _CAPS.match(words[i - 1].strip(",.")))


def _title(word: str) -> str:
    """``JEAN-CHARLES`` -> ``Jean-Charles``; ``O'NEILL`` -> ``O'Neill``."""
    return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word)


if __name__ == "__main__":
    sys.exit(main())
