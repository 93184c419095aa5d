#!/usr/bin/env python3
"""Score every development set, whole and in two stable halves, to check that an engine
change generalises.

    .venv/bin/python scripts/dev_scores.py                 # every set, all its sections
    .venv/bin/python scripts/dev_scores.py events-plover   # one set
    .venv/bin/python scripts/dev_scores.py --json out.json # also write the figures

A case goes to half A or B by the first byte of the SHA-1 of its name, so the split never
changes. A change that helps only the half you read while tuning does not generalise: keep
engine changes that help both halves. The sets live in ``../shared/dev`` beside the
repository and are measured, never bundled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"

#: set -> sections scored (only the annotated ones count)
SETS = {
    "events-plover": ("events",),
    "articles-annotated": ("events", "actors", "quotes", "times", "figures", "places"),
    "quotes-polnear": ("quotes",),
    "times-timebank": ("times",),
}


def half(name: str) -> str:
    return "A" if hashlib.sha1(name.encode("utf-8")).digest()[0] < 128 else "B"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", choices=[[], *SETS], default=[],
                        help="sets to score (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    args = parser.parse_args()

    from eventwire.evaluate import SectionScore, evaluate_folder

    figures: dict[str, dict[str, dict[str, float]]] = {}
    for name in args.sets or list(SETS):
        result = evaluate_folder(DEV / name, SETS[name])
        for section in SETS[name]:
            parts = {"all": SectionScore(), "A": SectionScore(), "B": SectionScore()}
            for article in result.articles:
                score = article.scores.get(section)
                if score is not None:
                    parts["all"].add(score)
                    parts[half(article.name)].add(score)
            row = {k: {"f1": round(s.f1, 3), "p": round(s.precision, 3),
                       "r": round(s.recall, 3), "tp": s.tp, "required": s.required,
                       "fp": len(s.false_positives)} for k, s in parts.items()}
            figures[f"{name}/{section}"] = row
            print(f"{name + '/' + section:28s} F1 {row['all']['f1']:.3f} "
                  f"(P {row['all']['p']:.2f} R {row['all']['r']:.2f}, "
                  f"{row['all']['tp']}/{row['all']['required']}, fp {row['all']['fp']})  "
                  f"A {row['A']['f1']:.3f}  B {row['B']['f1']:.3f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
