"""Bundled data files, each loaded once per process and shared read-only."""

from __future__ import annotations

import csv
import functools
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple


class Outlet(NamedTuple):
    name: str
    country: str | None


def data_text(name: str) -> str:
    """The text of a data file shipped in ``eventwire/data``."""
    return resources.files("eventwire").joinpath("data", name).read_text("utf-8")


def parse_tsv(text: str) -> list[dict[str, str]]:
    """Rows of a tab-separated text with a header line; blank lines and lines starting with
    ``#`` are comments. The one TSV reader of eventwire (bundled and user files alike)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled TSV file."""
    return parse_tsv(data_text(name))


@functools.lru_cache(maxsize=1)
def load_outlet_domains() -> MappingProxyType[str, str]:
    """Every web domain of a known outlet to its canonical name (``edition.cnn.com`` -> CNN)."""
    return MappingProxyType({domain.casefold(): row["name"] for row in read_tsv("outlets.tsv")
                             for domain in filter(None, (row.get("domains") or "").split("|"))})


def outlet_name(value: str | None, url: str | None = None) -> str | None:
    """The outlet's canonical name for what a page, a crawl or a byline calls it: an alias
    ("Cable News Network"), a domain ("edition.cnn.com", "www.bbc.co.uk"); without a name,
    the url's domain; an unknown name is kept as given."""
    from urllib.parse import urlsplit

    if value and value.strip():
        return _known_outlet(value) or value.strip()
    host = urlsplit(url).hostname if url else None
    return _known_outlet(host) if host else None


def _known_outlet(name: str) -> str | None:
    known = load_outlets().get(name.strip().casefold())
    if known is not None:
        return known.name
    host = name.strip().casefold().removeprefix("www.")
    if "." in host and " " not in host:
        domains = load_outlet_domains()
        parts = host.split(".")
        for i in range(len(parts) - 1):  # edition.cnn.com, then cnn.com
            if (found := domains.get(".".join(parts[i:]))) is not None:
                return found
    return None


@functools.lru_cache(maxsize=1)
def load_outlets() -> MappingProxyType[str, Outlet]:
    """Every outlet name and alias, case-folded, to its canonical name and country."""
    table: dict[str, Outlet] = {}
    for row in read_tsv("outlets.tsv"):
        outlet = Outlet(row["name"], row.get("country") or None)
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            table[alias.casefold()] = outlet
    return MappingProxyType(table)
