"""Start-up cost of the dated actor dictionary, against loading the spaCy pipeline.

    python bench/actor_dictionary.py [--repeat 3]

Each measurement runs in a fresh interpreter (the loaders cache per process), so it is what
a new ``eventwire`` process pays: the baseline loads the spaCy pipeline; the dictionary
loads ``data/actors/dictionary.tsv.gz`` and the hand-made table; the lexicon adds the role
words and the country tables that actors need anyway. Prints seconds (best of N), the
ratio to the baseline, the size of the package data and a lookup rate.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from importlib import resources

SNIPPETS = {
    "spaCy pipeline (baseline)": "from eventwire.parse import load_nlp; load_nlp(None)",
    "import eventwire (no data loaded)": "import eventwire.extract.dictionary",
    "actor dictionary": "from eventwire.extract.dictionary import load_dictionary; "
                        "load_dictionary()",
    "actor lexicon (dictionary + countries)": "from eventwire.extract.actor_lexicon import "
                                              "load_actor_lexicon; load_actor_lexicon()",
}
LOOKUPS = """
import datetime as dt, time
from eventwire.extract.dictionary import load_dictionary
d = load_dictionary()
names = ["Donald Trump", "Vladimir Putin", "Xi Jinping", "Nobody Inparticular", "Obama"] * 2000
day = dt.date(2018, 5, 1)
t = time.perf_counter()
for n in names:
    d.resolve(n, day) or d.by_surname(n, day)
print(len(names) / (time.perf_counter() - t))
"""


def seconds(code: str) -> float:
    wrapped = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = resources.files("eventwire").joinpath("data", "actors", "dictionary.tsv.gz")
    print(f"package data: data/actors/dictionary.tsv.gz {len(data.read_bytes()) / 1e6:.2f} MB")
    baseline = imported = None
    for label, code in SNIPPETS.items():
        best = min(seconds(code) for _ in range(args.repeat))
        baseline = baseline or best
        extra = f"   (+{best - imported:.3f} s over the import)" if imported else ""
        imported = imported or (best if label.startswith("import") else None)
        print(f"{label:42s} {best:6.3f} s   x{best / baseline:.2f} of the baseline{extra}")
    rate = float(subprocess.run([sys.executable, "-c", LOOKUPS], capture_output=True,
                                text=True, check=True).stdout.strip())
    print(f"{'lookups (name or surname, dated)':42s} {rate:,.0f} per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
