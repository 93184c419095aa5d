"""The event lexicon: verb and noun patterns with the CAMEO code each one gives.

Patterns are kept as reviewable YAML files in ``eventwire/data/lexicon/`` (one per CAMEO
root, each pattern with an example sentence of our own); ``data/lexicon/README.md`` gives the
format. This module loads them once per process and indexes them by trigger lemma.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from eventwire.coding.cameo import load_cameo
from eventwire.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry."""

    code: str
    pos: str  # "VERB" or "NOUN"
    lemma: str
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    reciprocal: bool = False
    example: str = ""
    source: str | None = None
    target: str | None = None
    origin: str = ""

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + 2 * bool(self.objects) + bool(self.preps)


@dataclass(frozen=True, slots=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    index: MappingProxyType[tuple[str, str], tuple[Pattern, ...]]

    def lookup(self, pos: str, lemma: str) -> tuple[Pattern, ...]:
        return self.index.get((pos, lemma), ())

    def codes(self) -> set[str]:
        return {p.code for p in self.patterns}


def _as_set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items: Iterable[Any] = [value] if isinstance(value, str) else value
    return frozenset(str(v).lower() for v in items)


def parse_entry(entry: dict[str, Any], origin: str) -> Pattern:
    """A pattern from one YAML entry; a malformed entry is a :class:`ConfigError`."""
    code = str(entry.get("code", ""))
    if code not in load_cameo():
        raise ConfigError(f"{origin}: unknown CAMEO code {code!r}")
    if ("verb" in entry) == ("noun" in entry):
        raise ConfigError(f"{origin}: entry {code} needs exactly one of 'verb' or 'noun'")
    pos = "VERB" if "verb" in entry else "NOUN"
    return Pattern(
        code=code,
        pos=pos,
        lemma=str(entry["verb" if pos == "VERB" else "noun"]).lower(),
        particle=str(entry["particle"]).lower() if entry.get("particle") else None,
        objects=_as_set(entry.get("object")),
        preps=_as_set(entry.get("prep")),
        reciprocal=bool(entry.get("reciprocal", False)),
        example=str(entry.get("example", "")),
        source=entry.get("source"),
        target=entry.get("target"),
        origin=origin,
    )


@functools.lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """Every pattern of every ``*.yaml`` file in ``folder`` (default: the bundled lexicon),
    loaded once per process."""
    root: Traversable = (Path(folder) if folder
                         else resources.files("eventwire").joinpath("data", "lexicon"))
    if not root.is_dir():
        raise ConfigError(f"Lexicon folder {folder!r} does not exist")
    patterns: list[Pattern] = []
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        entries = yaml.safe_load(item.read_text("utf-8")) or []
        patterns += [parse_entry(e, f"{item.name}#{i + 1}") for i, e in enumerate(entries)]
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in patterns:
        index.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return Lexicon(tuple(patterns),
                   MappingProxyType({k: tuple(v) for k, v in index.items()}))
