"""Regular expressions scanned only near a word that every match must hold.

Python's ``re`` tries a case-insensitive pattern that starts with alternatives ("the", "a",
"last", "twenty", "a couple of" ...) at every position of the text: the time-expression
grammar spent most of its time failing that way on words that could never start a match.
An :class:`AnchoredPattern` first finds its *anchor*, a cheap case-sensitive pattern over
the lower-cased text ("day", "week", "year" for durations), and runs the full pattern only
in a window around each hit. A pattern with no upper-case letter of its own is, moreover,
searched case-sensitively in the lower-cased text (about four times faster than
IGNORECASE), and each hit is matched again on the text itself.

The matches are the ones ``pattern.finditer`` gives, in the same order, provided each
match holds an anchor hit that begins at most ``before`` characters after the match starts
and ends at most ``after`` characters before it ends (a run of spaces or digits that the
window's edge falls in is taken whole: the grammars let those grow without bound).
``tests/extract/test_anchored.py`` checks that on random strings made of the grammar's own
words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: Escapes ("\s", "\b") and group names: pattern syntax, not letters to match.
_SYNTAX = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def anchored(pattern: str, anchor: str | None = None, before: int = 0, after: int = 0,
             *, cased: bool = False) -> AnchoredPattern:
    """``pattern``, ignoring case, scanned near ``anchor`` (lower-case words, or with
    ``cased`` words as the text writes them). It is searched in the lower-cased text unless
    it has an upper-case letter or an inline case flag of its own ("(?-i:Q)", a month's
    name), which only the text itself can match."""
    stripped = _SYNTAX.sub("", pattern)
    foldable = "(?-i" not in stripped and not any(ch.isupper() for ch in stripped)
    return AnchoredPattern(re.compile(pattern, re.IGNORECASE),
                           re.compile(anchor) if anchor else None, before, after,
                           re.compile(pattern) if foldable else None, cased)


@dataclass(frozen=True)
class AnchoredPattern:
    """``pattern``, searched only near the hits of ``anchor`` (lower-case words, matched
    case-sensitively against the lower-cased text)."""

    pattern: re.Pattern[str]
    anchor: re.Pattern[str] | None = None
    before: int = 0
    after: int = 0
    #: ``pattern`` without IGNORECASE, for the lower-cased text (see :func:`anchored`)
    folded: re.Pattern[str] | None = None
    #: whether ``anchor`` is matched against the text itself, not its lower case: for words
    #: the pattern takes only as capitalised names ("March", "Monday")
    cased: bool = False

    def finditer(self, text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in ``text``; ``lowered`` is ``text.lower()``, passed
        in when several patterns scan the same text."""
        if lowered is None and self.anchor is not None:
            lowered = text.lower()
        if self.anchor is None or lowered is None or len(lowered) != len(text):
            # a letter whose lower case is longer ("İ") would shift every offset
            yield from self.pattern.finditer(text)
            return
        pos = 0
        if self.folded is not None:
            search = functools.partial(self.folded.search, lowered)
        else:
            search = functools.partial(self.pattern.search, text)
        for hit in self.anchor.finditer(text if self.cased else lowered):
            if hit.start() < pos:
                continue
            low = _widen_back(text, max(pos, hit.start() - self.before), pos)
            high = _widen_on(text, hit.end() + self.after)
            while (found := search(low, high)) is not None and found.start() <= hit.start():
                # the window's end cuts the text: the match must hold on the whole of it
                whole = self.pattern.match(text, found.start())
                if whole is not None and whole.end() > whole.start():
                    yield whole
                    pos = whole.end()
                    break
                low = found.start() + 1


def _widen_back(text: str, low: int, floor: int) -> int:
    """Move a window's start back over spaces and digits (``\\s+``, ``\\d+`` have no bound)."""
    while low > floor and (text[low - 1].isspace() or text[low - 1].isdigit()):
        low -= 1
    return low


def _widen_on(text: str, high: int) -> int:
    """Move a window's end on over spaces and digits, and never past the text."""
    while high < len(text) and (text[high].isspace() or text[high].isdigit()):
        high += 1
    return min(high, len(text))
