"""Bundled data files, each loaded once per process and shared read-only."""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from eventwire.errors import ConfigError


class Outlet(NamedTuple):
    name: str
    country: str | None


T = TypeVar("T")
#: Where built tables are kept between runs (``off`` keeps none); default: the user's cache
#: folder (``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire``).
CACHE_ENV = "EVENTWIRE_CACHE"


def cached_on_disk(name: str, build: Callable[[], T], *packages: str) -> T:
    """``build()``, kept as a pickle in the user's cache folder so that the next process
    loads it instead of building it again (the gazetteer: 1.5 s to build, 0.3 s to load).

    The file's name holds a fingerprint of everything the result depends on: eventwire's
    version, Python's, the versions of ``packages``, and the size and time of every file of
    eventwire's code and data, so an upgrade or an edit builds it afresh. A cache that cannot
    be read or written is passed over: the result is then built, as without a cache."""
    folder = _cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{_fingerprint(packages)}.pickle"
    try:
        with path.open("rb") as handle, _no_gc():
            loaded: T = pickle.load(handle)
        return loaded
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
            TypeError, ValueError):
        pass
    result = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False,
                                         suffix=".tmp") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
        for old in folder.glob(f"{name}-*.pickle"):  # earlier builds
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return result


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: loading a pickle makes hundreds of thousands of
    objects, and each collection it triggers walks them all (a third faster without)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cache_folder() -> Path | None:
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.lower() in {"", "off", "0", "no"} else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def _fingerprint(packages: tuple[str, ...]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [sys.version]
    for package in ("eventwire", *packages):
        try:
            parts.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            parts.append(f"{package}=?")
    root = Path(__file__).resolve().parent
    for file in sorted(root.rglob("*")):
        if file.suffix in {".py", ".tsv", ".gz", ".yaml", ".json"} and file.is_file():
            stat = file.stat()
            parts.append(f"{file.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


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


#: Extra outlet tables (TSV, the columns of ``data/outlets.tsv``), separated by the path
#: separator; their rows are added to the bundled ones, and a name, alias or domain they give
#: again wins.
OUTLETS_ENV = "EVENTWIRE_OUTLETS"


def outlet_rows() -> tuple[dict[str, str], ...]:
    """The bundled outlet table's rows, then those of the files in ``$EVENTWIRE_OUTLETS``."""
    return _outlet_rows(os.environ.get(OUTLETS_ENV, ""))


@functools.lru_cache(maxsize=4)
def _outlet_rows(files: str) -> tuple[dict[str, str], ...]:
    rows = read_tsv("outlets.tsv")
    for name in filter(None, files.split(os.pathsep)):
        try:
            extra = parse_tsv(Path(name).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{name}: cannot read outlet table ({exc})") from None
        for number, row in enumerate(extra, start=1):
            if not (row.get("name") or "").strip():
                raise ConfigError(f"{name}: row {number} has no 'name' (columns: name, "
                                  "aliases, country, domains, tab-separated)")
        rows += extra
    return tuple(rows)


def load_outlet_domains() -> MappingProxyType[str, str]:
    """Every web domain of a known outlet to its canonical name (``edition.cnn.com`` -> CNN)."""
    return _outlet_domains(os.environ.get(OUTLETS_ENV, ""))


@functools.lru_cache(maxsize=4)
def _outlet_domains(files: str) -> MappingProxyType[str, str]:
    rows = _outlet_rows(files)
    return MappingProxyType({domain.strip().casefold(): row["name"].strip() for row in rows
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


def load_outlets() -> MappingProxyType[str, Outlet]:
    """Every outlet name and alias, case-folded, to its canonical name and country."""
    return _outlets(os.environ.get(OUTLETS_ENV, ""))


@functools.lru_cache(maxsize=4)
def _outlets(files: str) -> MappingProxyType[str, Outlet]:
    table: dict[str, Outlet] = {}
    for row in _outlet_rows(files):
        outlet = Outlet(row["name"].strip(), (row.get("country") or "").strip() or None)
        for alias in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
            table[alias.strip().casefold()] = outlet
    return MappingProxyType(table)
