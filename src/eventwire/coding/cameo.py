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


#: PLOVER has no category for CAMEO 01 (statements) except that expressing accord (019) is
#: agreeing; appeals (02) are its REQUEST.
_PLOVER_BY_ROOT = {"02": "REQUEST", "019": "AGREE"}

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
            _PLOVER_BY_ROOT.get(code[:3]) or _PLOVER_BY_ROOT.get(code[:2])
        table[code] = CodeInfo(code, row["name"], goldstein, int(row["quad_class"]), plover,
                               row["plover_mode"] or None)
    return MappingProxyType(table)


def code_info(code: str) -> CodeInfo:
    """The table row of a code; raises KeyError for a code CAMEO does not have."""
    return load_cameo()[code]


#: An announced conflictual act is a threat (CAMEO 13): "will impose sanctions" is 1312.
THREAT_CODES = {
    "14": "133", "15": "138", "160": "1313", "161": "1313", "162": "1311", "163": "1312",
    "164": "134", "165": "135", "166": "1313", "16": "131", "172": "132", "1721": "1321",
    "1722": "1322", "1723": "1323", "1724": "1324", "17": "137", "18": "1383", "191": "1381",
    "192": "1382", "19": "1384", "204": "1385", "20": "138",
}
#: A refusal to act is a rejection (CAMEO 12): "refused to meet" is 125.
REFUSAL_CODES = {
    "04": "125", "045": "126", "036": "125", "030": "120", "031": "121", "032": "120",
    "033": "122", "034": "123", "035": "124", "037": "127", "038": "126", "039": "126",
    "05": "120", "057": "127", "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "064": "1214", "07": "122", "072": "1222", "073": "1223", "074": "1224", "08": "124",
    "081": "1241", "082": "1242", "083": "123", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246",
}


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for size in (4, 3, 2):
        if code[:size] in table and len(code) >= size:
            return table[code[:size]]
    return None


def intent_code(code: str) -> str:
    """The code for an announced (future or intended) act: 03x for cooperation (the
    codebook's 036 for "will meet"), 13x for conflict ("will impose sanctions" is 1312)."""
    return INTENT_CODES.get(code[:2]) or _by_prefix(THREAT_CODES, code) or code


def refusal_code(code: str) -> str:
    """The 12x code for refusing a cooperative act ("refused to meet" is 125)."""
    return _by_prefix(REFUSAL_CODES, code) or code


def find_codes(query: str = "") -> list[CodeInfo]:
    """CAMEO codes whose code starts with ``query`` or whose name or PLOVER category holds
    it (any case); every code for an empty query. ``eventwire codes`` prints them."""
    wanted = query.strip().casefold()
    return [info for code, info in sorted(load_cameo().items())
            if not wanted or code.startswith(wanted) or wanted in info.name.casefold()
            or wanted == (info.plover or "").casefold()]
