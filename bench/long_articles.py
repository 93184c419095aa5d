"""Extraction time against article length: it should grow about linearly.

    python bench/long_articles.py [ARTICLE] [--sizes 25000,50000,100000,200000]

Builds articles of each size by repeating ARTICLE (default: the bundled example), plus one
"sentence" of the same size with no punctuation at all, and times ``eventwire.extract`` on
each beside bare spaCy ``nlp(text)`` with the same model (the baseline). Prints seconds,
microseconds per character, and the ratio of eventwire to the parse; a ratio that grows with
the size means a stage is worse than linear.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import eventwire
from eventwire.parse import load_nlp

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cnn-2024-08-20-li-qiang-moscow.txt"
PHRASE = ("officials from the ministry met delegates and talked about trade with Chile while "
          "Peru watched closely and")


def repeated(base: str, size: int) -> str:
    out = []
    while sum(len(p) + 2 for p in out) < size:
        out.append(base)
    return "\n\n".join(out)[:size]


def run_on(text: str) -> tuple[float, float]:
    nlp = load_nlp(None)
    start = time.perf_counter()
    nlp(text)
    parse = time.perf_counter() - start
    start = time.perf_counter()
    eventwire.extract(text, published="2024-08-20")
    return parse, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--sizes", default="25000,50000,100000,200000")
    args = parser.parse_args()
    base = args.article.read_text(encoding="utf-8").split("\n", 2)[-1]
    eventwire.extract("Warm-up: Chile and Peru met.", published="2024-08-20")
    print(f"{'input':<28}{'chars':>9}{'parse s':>10}{'eventwire s':>13}{'µs/char':>9}"
          f"{'ratio':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        for label, text in (("articles, repeated", repeated(base, size)),
                            ("one unpunctuated sentence",
                             repeated(PHRASE, size).replace("\n\n", " "))):
            parse, total = run_on(text)
            print(f"{label:<28}{len(text):>9,}{parse:>10.1f}{total:>13.1f}"
                  f"{total / len(text) * 1e6:>9.1f}{total / parse:>8.2f}")


if __name__ == "__main__":
    main()
