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
def load_outlets() -> MappingProxyType[str, Outlet]:
    """Every outlet name and alias, case-folded, to its canonical name and country."""
    table: dict[str, Outlet] = {}
    for row in read_tsv("outlets.tsv"):
        outlet = Outlet(row["name"], row.get("country") or None)
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            table[alias.casefold()] = outlet
    return MappingProxyType(table)
