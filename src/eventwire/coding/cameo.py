"""The CAMEO code table: names, Goldstein scores, QuadClass and PLOVER categories."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import MappingProxyType

from eventwire.resources import read_tsv


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float | None
    quad_class: int
    plover: str | None
    plover_mode: str | None


#: PLOVER has no category for CAMEO 01 (statements); appeals (02) are its REQUEST.
_PLOVER_BY_ROOT = {"02": "REQUEST"}

#: A stated intention to act is coded in CAMEO 03 (express intent to cooperate), as the
#: codebook does for "will meet" (036), not as the act itself.
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


@functools.lru_cache(maxsize=1)
def load_cameo() -> MappingProxyType[str, CodeInfo]:
    """Every CAMEO code, with gaps (Goldstein, PLOVER) filled from the parent code."""
    rows = {row["code"]: row for row in read_tsv("cameo-event-codes.tsv")}
    table: dict[str, CodeInfo] = {}
    for code in sorted(rows, key=len):
        row = rows[code]
        parent = table.get(code[:-1]) or table.get(code[:2])
        goldstein = float(row["goldstein"]) if row["goldstein"] else (
            parent.goldstein if parent else None)
        plover = row["plover"] or (parent.plover if parent and len(code) > 3 else None) or \
            _PLOVER_BY_ROOT.get(code[:2])
        table[code] = CodeInfo(code, row["name"], goldstein, int(row["quad_class"]), plover,
                               row["plover_mode"] or None)
    return MappingProxyType(table)


def code_info(code: str) -> CodeInfo:
    """The table row of a code; raises KeyError for a code CAMEO does not have."""
    return load_cameo()[code]


def intent_code(code: str) -> str:
    """The 03x code for an announced (future or intended) cooperative act."""
    return INTENT_CODES.get(code[:2], code)
