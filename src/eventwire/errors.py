"""Exceptions that eventwire raises on purpose, and failures recorded as data.

    EventwireError
     +-- ConfigError     a setting, option or url is not valid
     +-- ModelNotFound   no usable spaCy pipeline is installed
     +-- InputError      one input cannot be read (empty, binary, too large, not JSON...)
     +-- StoreError      the database cannot be opened or written
     +-- OverBudget      one article took longer than its time budget

In a batch, an ``InputError`` becomes a :class:`Failure` record and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


class EventwireError(Exception):
    """Base class for every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """A setting, option or url is not valid."""


class ModelNotFound(EventwireError):
    """No usable spaCy pipeline is installed."""


class InputError(EventwireError):
    """One input cannot be read; the message names the input and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # pickled with both arguments (a Dask worker ships its errors back to the client)
        return type(self), (self.source, self.reason)


class StoreError(EventwireError):
    """The store cannot be opened, migrated or written."""


class OverBudget(EventwireError):
    """One article's extraction ran past ``Settings.time_budget``; it fails alone."""


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be processed, kept as data so a batch can report it."""

    source: str
    reason: str
    stage: str = "read"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
