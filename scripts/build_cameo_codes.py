"""Regenerate src/eventwire/data/cameo-event-codes.tsv from the CAMEO reference table.

Usage: python scripts/build_cameo_codes.py [../shared/reference]

The argument is the folder that holds the reference ``cameo-event-codes.tsv`` (default: the
``shared/reference`` folder beside the repository). The bundled table keeps the reference's
rows, order, Goldstein, QuadClass and PLOVER values as they are. Its ``name`` column is GDELT's
label (the reference's ``name_gdelt``), not the CAMEO codebook's name: the codebook is
CC BY-NC-SA and must not ship. Obvious typos and encoding damage in GDELT's labels are repaired
(``REPAIRS``); codes that GDELT lacks, or whose GDELT label names a different action than the
CAMEO 1.1b3 code that eventwire emits, get a name written for eventwire (``OWN_NAMES``).
Cells that change against the current bundled file are listed on stderr.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "eventwire" / "data" / "cameo-event-codes.tsv"
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
COLUMNS = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode")

HEADER = """\
# CAMEO 1.1b3 event codes with GDELT names, Goldstein scores and QuadClass, and PLOVER categories
# from the PLOVER project's CAMEO2PLOVER-2021 mapping (openeventdata/PLOVER; CC BY-SA 4.0).
# Names are GDELT's event-code labels (CAMEO.eventcodes.txt; GDELT data are free and open, cite
# Leetaru & Schrodt 2013), typos repaired; 12 codes that GDELT lacks or labels with another action
# have names written for eventwire. The CAMEO codebook's names (CC BY-NC-SA) are not used.
# Goldstein is GDELT's CAMEO.goldsteinscale.txt, empty for 7 codes GDELT lacks; eventwire then
# uses the parent code's value. PLOVER is empty for roots 01/02 (dropped in PLOVER); 1712 is
# COERCE, not the mapping's ASSAULT, as its mode (seize) is a COERCE mode in the PLOVER manual;
# the five codes the mapping does not list (155, 176, 1834, 1951, 1952) take their root's type.
# Built by scripts/build_cameo_codes.py; sources and licences: NOTICE in this folder.
"""

#: GDELT labels with typos or encoding damage, repaired.
REPAIRS: dict[str, str] = {
    "031": "Express intent to engage in material cooperation, not specified below",  # 2 blanks
    "033": "Express intent to provide material aid, not specified below",  # "matyerial"
    "044": "Meet at a third location",  # mangled quotes around "third"
    "0355": "Express intent to allow international involvement (not mediation)",  # "intent allow"
    "1454": "Engage in violent protest for change in institutions, regime",  # 2 blanks
    "183": "Conduct suicide, car, or other non-military bombing, not specified below",  # "spec"
    "2041": "Use chemical, biological, or radiological weapons",  # "radiologicalweapons"
}

#: Names written for eventwire: codes without a GDELT label, and codes whose GDELT label keeps
#: the older CAMEO 0.5B1 action (GDELT's 101 is "Demand information, investigation", its 105-108
#: are mediation, withdrawal, ceasefire and meeting), while eventwire codes CAMEO 1.1b3 meanings.
#: 106 and 108 take the GDELT label that names their 1.1b3 action (GDELT puts it at 108/105).
OWN_NAMES: dict[str, str] = {
    "101": "Demand material cooperation, not specified below",
    "105": "Demand concessions, not specified below",
    "106": "Demand meeting, negotiation",
    "107": "Demand settlement of dispute",
    "108": "Demand mediation",
    "1213": "Refuse cooperation on judicial matters",
    "1214": "Refuse cooperation on intelligence",
    "155": "Build up cyber-warfare capacity",
    "176": "Carry out a cyberattack",
    "1834": "Detonate a bomb placed at a site",
    "1951": "Strike with guided aerial munitions",
    "1952": "Strike with armed drones",
}


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of a TSV file whose ``#`` lines are comments."""
    text = path.read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    return list(reader.fieldnames or []), list(reader)


def name_for(row: dict[str, str]) -> str:
    """The bundled name of a reference row."""
    code = row["code"]
    if code in OWN_NAMES:
        return OWN_NAMES[code]
    name = REPAIRS.get(code, row["name_gdelt"])
    if not name:
        raise SystemExit(f"{code}: no GDELT label and no name in OWN_NAMES")
    return name


def plover_for(row: dict[str, str], rows: list[dict[str, str]]) -> str:
    """The row's PLOVER type; for a code the mapping does not list, its root's type.

    Where the mapping line gives a mode that the current manual's table for that type lacks
    (the reference's ``plover_note`` says so), and the same mapping uses that mode, on lines
    the manual agrees with, under exactly one other type, the mode decides: ``1712``
    (destroy property) is mapped to ASSAULT with mode ``seize``, a COERCE mode (``171``
    seize property, ``192`` occupy territory). A mode used nowhere else (``175``'s context
    name in the mode slot), or only on lines the manual also disagrees with (``ban``),
    leaves the type as mapped."""
    if not row["plover"] and "code not listed in CAMEO2PLOVER" in row["plover_note"]:
        # codes newer than the mapping (155, 176, 1834, 1951, 1952) take their root's type
        root = next((r for r in rows if r["code"] == row["code"][:2]), None)
        return root["plover"] if root is not None else ""
    mode = row["plover_mode"]
    if not mode or f"mode '{mode}' is not in the current manual's" not in row["plover_note"]:
        return row["plover"]
    others = {r["plover"] for r in rows
              if r["plover_mode"] == mode and r["plover"] and r["plover"] != row["plover"]
              and "is not in the current manual's" not in r["plover_note"]}
    return others.pop() if len(others) == 1 else row["plover"]


def build(reference: Path) -> list[dict[str, str]]:
    """The bundled rows, in the reference's order."""
    fields, rows = read_table(reference / "cameo-event-codes.tsv")
    missing = {*COLUMNS, "name_gdelt"} - {*fields} - {"name"}
    if missing:
        raise SystemExit(f"reference table lacks columns {sorted(missing)}")
    codes = {row["code"] for row in rows}
    for code in (*REPAIRS, *OWN_NAMES):
        if code not in codes:
            raise SystemExit(f"{code}: not in the reference table")
    out = [{col: (name_for(row) if col == "name" else row[col]) for col in COLUMNS}
           for row in rows]
    for row, source in zip(out, rows, strict=True):
        row["plover"] = plover_for(source, rows)
    for row in out:
        for value in row.values():
            if not value.isascii() or "\t" in value or value.startswith('"'):
                raise SystemExit(f"{row['code']}: value {value!r} would not round-trip")
    return out


def report_changes(new: list[dict[str, str]]) -> None:
    """List on stderr the cells that differ from the current bundled file."""
    if not TARGET.exists():
        return
    fields, old_rows = read_table(TARGET)
    old = {row["code"]: row for row in old_rows}
    if fields != list(COLUMNS):
        print(f"columns change: {fields} -> {list(COLUMNS)}", file=sys.stderr)
    if [row["code"] for row in old_rows] != [row["code"] for row in new]:
        print("the set or order of codes changes", file=sys.stderr)
    counts: dict[str, int] = {}
    for row in new:
        before = old.get(row["code"], {})
        for col in COLUMNS:
            if before.get(col, "") != row[col]:
                counts[col] = counts.get(col, 0) + 1
                if col != "name":
                    print(f"{row['code']} {col}: {before.get(col)!r} -> {row[col]!r}",
                          file=sys.stderr)
    summary = ", ".join(f"{col} {n}" for col, n in counts.items()) or "none"
    print(f"changed cells by column: {summary}", file=sys.stderr)


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0] in {"-h", "--help"}):
        print(__doc__, file=sys.stderr)
        return 2
    reference = Path(argv[0]) if argv else DEFAULT_REFERENCE
    rows = build(reference)
    report_changes(rows)
    body = "".join("\t".join(row[col] for col in COLUMNS) + "\n" for row in rows)
    TARGET.write_text(HEADER + "\t".join(COLUMNS) + "\n" + body, "utf-8", newline="\n")
    print(f"wrote {len(rows)} codes to {TARGET.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
