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
from eventwire.resources import cached_on_disk


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
    intransitive: bool = False
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


#: The keys an entry may have (README.md in the lexicon folder), and whether each is a
#: list ("object", "prep": one string or a list of strings), a flag or a string.
_LISTS = frozenset({"object", "prep"})
_FLAGS = frozenset({"reciprocal", "intransitive"})
_STRINGS = frozenset({"code", "verb", "noun", "particle", "example", "source", "target"})
_REQUIRED = ("code", "example", "source")


def parse_entry(entry: dict[str, Any], origin: str, root: str | None = None) -> Pattern:
    """A pattern from one YAML entry, checked against the documented format: an unknown or
    misspelt key, a wrong type, a missing example or a code of another root (``root``, the
    file's) is a :class:`ConfigError` naming the entry, never a silently looser pattern."""
    if not isinstance(entry, dict):
        raise ConfigError(f"{origin}: an entry must be a mapping of keys, not {entry!r}")
    if unknown := sorted(set(entry) - _LISTS - _FLAGS - _STRINGS):
        raise ConfigError(f"{origin}: unknown key(s) {', '.join(map(repr, unknown))}; an "
                          f"entry has {', '.join(sorted(_STRINGS | _LISTS | _FLAGS))}")
    for key in _REQUIRED:
        if not entry.get(key):
            raise ConfigError(f"{origin}: entry lacks {key!r}")
    for key, value in entry.items():
        if value is None:
            continue
        if key in _STRINGS and not isinstance(value, str):
            raise ConfigError(f"{origin}: {key!r} must be a quoted string, not {value!r}")
        if key in _FLAGS and not isinstance(value, bool):
            raise ConfigError(f"{origin}: {key!r} must be true or false, not {value!r}")
        if key in _LISTS and not (isinstance(value, str) or (
                isinstance(value, list) and value and all(isinstance(v, str) for v in value))):
            raise ConfigError(f"{origin}: {key!r} must be a string or a list of strings, "
                              f"not {value!r}")
    code = str(entry.get("code", ""))
    if code not in load_cameo():
        raise ConfigError(f"{origin}: unknown CAMEO code {code!r}")
    if root is not None and code[:2] != root:
        raise ConfigError(f"{origin}: code {code!r} is not of this file's root {root}")
    if ("verb" in entry) == ("noun" in entry):
        raise ConfigError(f"{origin}: entry {code} needs exactly one of 'verb' or 'noun'")
    if entry.get("intransitive") and ("noun" in entry or entry.get("object")):
        raise ConfigError(f"{origin}: 'intransitive' is for a verb entry without 'object'")
    pos = "VERB" if "verb" in entry else "NOUN"
    return Pattern(
        code=code,
        pos=pos,
        lemma=str(entry["verb" if pos == "VERB" else "noun"]).lower(),
        particle=str(entry["particle"]).lower() if entry.get("particle") else None,
        objects=_as_set(entry.get("object")),
        preps=_as_set(entry.get("prep")),
        reciprocal=bool(entry.get("reciprocal", False)),
        intransitive=bool(entry.get("intransitive", False)),
        example=str(entry.get("example", "")),
        source=entry.get("source"),
        target=entry.get("target"),
        origin=origin,
    )


def _read_patterns(folder: str | None) -> list[Pattern]:
    root: Traversable = (Path(folder) if folder
                         else resources.files("eventwire").joinpath("data", "lexicon"))
    if not root.is_dir():
        raise ConfigError(f"Lexicon folder {folder!r} does not exist")
    patterns: list[Pattern] = []
    for item in sorted(root.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".yaml"):
            continue
        try:
            entries = yaml.load(item.read_text("utf-8"), Loader=_SAFE_LOADER) or []
        except yaml.YAMLError as exc:
            raise ConfigError(f"{item.name}: not valid YAML ({exc})".replace("\n", " ")
                              ) from None
        if not isinstance(entries, list):
            raise ConfigError(f"{item.name}: the file must be a list of entries")
        file_root = item.name[:2] if item.name[:2].isdigit() else None
        patterns += [parse_entry(e, f"{item.name}#{i + 1}", file_root)
                     for i, e in enumerate(entries)]
    return patterns


#: libyaml's safe loader where PyYAML was built with it (ten times faster), else PyYAML's own.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """Every pattern of every ``*.yaml`` file in ``folder`` (default: the bundled lexicon),
    loaded once per process."""
    if folder is None:  # the bundled lexicon: parsed once, then loaded from the disk cache
        patterns = cached_on_disk("lexicon", lambda: _read_patterns(None), "PyYAML")
    else:
        patterns = _read_patterns(folder)
    index: dict[tuple[str, str], list[Pattern]] = {}
    for pattern in patterns:
        index.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return Lexicon(tuple(patterns),
                   MappingProxyType({k: tuple(v) for k, v in index.items()}))
