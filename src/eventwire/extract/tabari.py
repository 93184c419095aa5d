"""Read actor dictionaries in the TABARI/PETRARCH ``.actors`` format.

The format, as the PETRARCH2 documentation describes it::

    # a comment
    VLADIMIR_PUTIN_                 # a name; underscores join words
    +PUTIN_                         # a variant of the name above
    +PRESIDENT_VLADIMIR_PUTIN_
        [RUSELI 700101-990809]      # a code for a date range (YYMMDD or YYYYMMDD)
        [RUSGOV >080508]            # from a date on
        [RUSELI]                    # the code when no range applies
    HAMAS_ [PSEREB]                 # a name and its code on one line

Names without a code that come straight after each other share the code that follows them
(several spellings written as separate lines). A range ``<YYMMDD`` means "until". Two-digit
years below 30 are 20xx, the rest 19xx (the dictionaries end around 2014).

This module is plain Python: the build script (``scripts/build_actors.py``) uses it to turn
the Phoenix dictionaries into package data, and :mod:`eventwire.extract.dictionary` uses it
to import a user's ``.actors`` file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

_CODE = re.compile(r"\[\s*(~?[A-Z0-9~]*)\s*([<>]?\s*[0-9]{6,8}(?:\s*-\s*[0-9]{6,8})?)?\s*\]")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO actor code, valid from ``start`` (inclusive) until ``end`` (exclusive)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(slots=True)
class TabariEntry:
    """One block of a ``.actors`` file: a name, its variants and its (dated) codes."""

    name: str
    variants: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    comment: str = ""
    line: int = 0


class TabariError(ValueError):
    """A line of a ``.actors`` file that cannot be read."""


def phrase(token: str) -> str:
    """``VLADIMIR_V._PUTIN_`` -> ``Vladimir V. Putin`` (case is only cosmetic)."""
    words = [w for w in token.strip().strip("_").split("_") if w]
    return " ".join(w if not w.isupper() else w.capitalize() for w in words)


def tabari_date(text: str) -> dt.date:
    """``080507`` -> 2008-05-07; ``19410120`` -> 1941-01-20."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise TabariError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    return dt.date(year, month, day)


def parse_code(code: str, when: str | None) -> DatedCode:
    """One ``[CODE DATES]`` bracket."""
    if not when:
        return DatedCode(code)
    when = when.replace(" ", "")
    if when.startswith(">"):
        return DatedCode(code, start=tabari_date(when[1:]))
    if when.startswith("<"):
        return DatedCode(code, end=tabari_date(when[1:]))
    first, _, last = when.partition("-")
    start = tabari_date(first)
    end = tabari_date(last) if last else None
    return DatedCode(code, start=start, end=end)


def read_tabari(lines: Iterable[str], strict: bool = False) -> Iterator[TabariEntry]:
    """The entries of a ``.actors`` file, in order.

    A bracket that cannot be read is skipped (``strict=False``, for the large public
    dictionaries that hold a few typos) or raises :class:`TabariError` naming the line.
    """
    block: list[TabariEntry] = []  # names waiting for their codes
    for number, raw in enumerate(lines, start=1):
        text, _, comment = raw.partition("#")
        text = text.rstrip()
        if not text.strip():
            continue
        body = text.strip()
        if body.startswith("+"):
            if block:
                block[-1].variants.append(phrase(_CODE.sub("", body[1:])))
            continue
        codes = []
        for match in _CODE.finditer(body):
            try:
                codes.append(parse_code(match.group(1), match.group(2)))
            except (TabariError, ValueError) as exc:
                if strict:
                    raise TabariError(f"line {number}: {exc}") from None
        rest = _CODE.sub("", body).strip()
        if "[" in rest or "]" in rest:
            if strict:
                raise TabariError(f"line {number}: cannot read {body!r}")
            rest = rest.split("[")[0].strip()
        if rest:  # a new name
            if block and block[-1].codes:
                yield from _shared(block)
                block = []
            block.append(TabariEntry(phrase(rest), comment=comment.strip(), line=number))
        if codes:
            if not block:
                if strict:
                    raise TabariError(f"line {number}: a code with no name before it")
                continue
            block[-1].codes.extend(codes)
    if block:
        yield from _shared(block)


def _shared(block: list[TabariEntry]) -> list[TabariEntry]:
    """Names of a block that had no code of their own take the codes of its last name."""
    for entry in block[:-1]:
        if not entry.codes:
            entry.codes = list(block[-1].codes)
    return block
