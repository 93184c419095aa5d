"""Scoring eventwire against hand-annotated gold files.

A gold folder holds ``NAME.txt`` articles and ``NAME.gold.json`` annotations in the format of
``shared/gold/FORMAT.md`` (documented in the README). The matching rules are those of that
format: events match on the CAMEO root (or PLOVER category), actor codes by prefix and dates
by period; quotes on the speaker's name and 80% of the words; times on overlapping text and
agreeing values; figures on value (1%) and unit; actors on names and codes; places on name
and country. Each system item matches at most one gold item; optional gold items are neither
required nor counted as false positives.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.timeperiod import period

SECTIONS = ("events", "actors", "quotes", "times", "figures", "places")
Item = dict[str, Any]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def word_overlap(a: str, b: str) -> float:
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / max(len(wa), len(wb))


def names_agree(a: str | None, b: str | None) -> bool:
    """One name's words stand, in order, inside the other's ("Li" ~ "Li Qiang")."""
    wa, wb = words(a or ""), words(b or "")
    return bool(wa and wb) and (_contains(wb, wa) or _contains(wa, wb))


def _contains(big: list[str], small: list[str]) -> bool:
    n = len(small)
    return any(big[i : i + n] == small for i in range(len(big) - n + 1))


def code_agrees(system: str | None, gold: str | None) -> bool:
    """Gold ``RUS`` accepts ``RUSGOV``; gold ``---GOV`` accepts any ``XXXGOV``."""
    gold = str(gold or "").upper()
    if gold.startswith("---"):
        rest = gold[3:]
        return not rest or (bool(system) and str(system).upper()[3:].startswith(rest))
    return not gold or (bool(system) and str(system).upper().startswith(gold))


def date_agrees(system: str | None, gold: str | None, tolerance_days: int = 0) -> bool:
    if not gold:
        return True
    if not system:
        return False
    if system.strip() == gold.strip():
        return True
    ps, pg = period(system), period(gold)
    if not ps or not pg:
        return False
    slack = dt.timedelta(days=tolerance_days)
    return pg[0] - slack <= ps[0] and ps[1] <= pg[1] + slack


def match_event(s: Item, g: Item) -> bool:
    if "plover" in g and "cameo" not in g:
        type_ok = str(s.get("plover") or "").casefold() == str(g["plover"]).casefold()
    else:
        type_ok = str(s.get("cameo") or "")[:2] == str(g["cameo"])[:2]
    return (type_ok and code_agrees(s.get("source_code"), g.get("source"))
            and code_agrees(s.get("target_code"), g.get("target"))
            and date_agrees(s.get("date"), g.get("date"), g.get("tolerance_days", 0)))


def match_quote(s: Item, g: Item) -> bool:
    speaker_ok = not g["speaker"] or names_agree(s.get("speaker"), g["speaker"]) or bool(
        g.get("speaker_code") and code_agrees(s.get("speaker_code"), g.get("speaker_code")))
    return speaker_ok and word_overlap(s.get("text", ""), g["text"]) >= 0.8


def match_time(s: Item, g: Item) -> bool:
    st, gt = (s.get("text") or "").lower(), g["text"].lower()
    if not st or not (gt in st or st in gt):
        return False
    value = str(s.get("value") or "")
    return date_agrees(value, g["value"], g.get("tolerance_days", 0)) or (
        value.upper() == g["value"].upper())


def match_figure(s: Item, g: Item) -> bool:
    try:
        sv, gv = float(s.get("value")), float(g["value"])  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return abs(sv - gv) <= abs(gv) * 0.01 and (s.get("unit") or "").lower() == g["unit"].lower()


def match_place(s: Item, g: Item) -> bool:
    countries = {g["country"].upper(), *(["CHN"] if g["country"] == "HKG" else [])}
    return ((s.get("name") or "").lower() == g["name"].lower()
            and (s.get("country") or "").upper() in countries)


def match_actor(s: Item, g: Item) -> bool:
    system = [s.get("name")] + [m.get("text") if isinstance(m, dict) else m
                                for m in s.get("mentions") or []]
    gold = [g["name"], *(g.get("mentions") or [])]
    same = any(names_agree(a, b) for a in system for b in gold)
    return same and code_agrees(s.get("code"), g.get("code"))


MATCHERS: dict[str, Callable[[Item, Item], bool]] = {
    "events": match_event, "actors": match_actor, "quotes": match_quote,
    "times": match_time, "figures": match_figure, "places": match_place,
}
DEDUP_KEYS: dict[str, Callable[[Item], tuple[str, str]]] = {
    "times": lambda x: ((x.get("text") or "").lower(), str(x.get("value") or "")),
    "places": lambda x: ((x.get("name") or "").lower(), (x.get("country") or "").upper()),
    "quotes": lambda x: ((x.get("speaker") or "").lower(), " ".join(words(x.get("text") or ""))),
}


@dataclass(slots=True)
class SectionScore:
    """Matches of one section over one or many articles."""

    tp: int = 0
    required: int = 0
    false_positives: list[Item] = field(default_factory=list)
    misses: list[Item] = field(default_factory=list)
    exact_codes: int = 0
    deep_codes: int = 0

    @property
    def precision(self) -> float:
        counted = self.tp + len(self.false_positives)
        return self.tp / counted if counted else (1.0 if not self.required else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: SectionScore) -> None:
        self.tp += other.tp
        self.required += other.required
        self.false_positives += other.false_positives
        self.misses += other.misses
        self.exact_codes += other.exact_codes
        self.deep_codes += other.deep_codes


def dedup(items: list[Item], section: str) -> list[Item]:
    key = DEDUP_KEYS.get(section)
    if key is None:
        return items
    seen: set[tuple[str, str]] = set()
    out = []
    for item in items:
        if (k := key(item)) not in seen:
            seen.add(k)
            out.append(item)
    return out


def score_section(system: list[Item], gold: list[Item], section: str) -> SectionScore:
    """Greedy one-to-one matching, required gold items first (as the shared scorer does)."""
    matcher = MATCHERS[section]
    used: set[int] = set()
    score = SectionScore(required=sum(1 for g in gold if not g.get("optional")))
    optional_hits = set()
    for g in sorted(gold, key=lambda g: bool(g.get("optional"))):
        found = next((i for i, s in enumerate(system) if i not in used and matcher(s, g)), None)
        if found is None:
            if not g.get("optional"):
                score.misses.append(g)
            continue
        used.add(found)
        if g.get("optional"):
            optional_hits.add(found)
            continue
        score.tp += 1
        if section == "events" and len(str(g.get("cameo") or "")) > 2:
            score.deep_codes += 1
            score.exact_codes += str(system[found].get("cameo") or "").startswith(str(g["cameo"]))
    score.false_positives = [s for i, s in enumerate(system) if i not in used]
    return score


def score_document(system: dict[str, Any], gold: dict[str, Any],
                   only: Iterable[str] = SECTIONS) -> dict[str, SectionScore]:
    """Scores of every section the gold file annotates."""
    return {section: score_section(
                dedup([x for x in system.get(section) or [] if isinstance(x, dict)], section),
                gold[section], section)
            for section in only if section in gold}


def metadata_problems(system: dict[str, Any], gold: dict[str, Any]) -> list[str]:
    """Differences in published date, outlet, dateline, authors and left-over boilerplate."""
    art = system.get("article", {}) or {}
    meta = gold.get("metadata", {})
    problems = []
    if "published" in meta and str(art.get("published") or "")[:10] != meta["published"]:
        problems.append(f"published: expected {meta['published']!r}, got {art.get('published')!r}")
    for key in ("outlet", "dateline"):
        if key in meta and not names_agree(str(art.get(key) or ""), meta[key]):
            problems.append(f"{key}: expected {meta[key]!r}, got {art.get(key)!r}")
    if "authors" in meta and [a.casefold() for a in art.get("authors") or []] != [
            a.casefold() for a in meta["authors"]]:
        problems.append(f"authors: expected {meta['authors']!r}, got {art.get('authors')!r}")
    problems += [f"text still holds boilerplate {junk!r}"
                 for junk in meta.get("boilerplate_removed", []) if junk in (art.get("text") or "")]
    return problems


def gold_pairs(folder: Path, texts: Path | None = None) -> Iterator[tuple[Path, Path]]:
    """``(NAME.txt, NAME.gold.json)`` for every annotated article in a folder (the texts may
    sit in another folder)."""
    for gold in sorted(folder.glob("*.gold.json")):
        text = (texts or folder) / (gold.name.removesuffix(".gold.json") + ".txt")
        if text.exists():
            yield text, gold


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(slots=True)
class ArticleResult:
    name: str
    scores: dict[str, SectionScore]
    problems: list[str]
    failure: str | None = None


@dataclass(slots=True)
class Evaluation:
    """Per-article and total scores of one gold folder."""

    articles: list[ArticleResult] = field(default_factory=list)

    def totals(self) -> dict[str, SectionScore]:
        out: dict[str, SectionScore] = {}
        for result in self.articles:
            for section, score in result.scores.items():
                out.setdefault(section, SectionScore()).add(score)
        return out

    def summary_line(self) -> str:
        """``score: times F1 0.84 (P 0.85 R 0.83) | ... | metadata problems 0``"""
        totals = self.totals()
        parts = [f"{s} F1 {t.f1:.2f} (P {t.precision:.2f} R {t.recall:.2f})"
                 for s in SECTIONS if (t := totals.get(s))]
        if "events" in totals:
            ev = totals["events"]
            parts.append(f"full CAMEO codes {ev.exact_codes}/{ev.deep_codes}")
        problems = sum(len(a.problems) for a in self.articles)
        return "score: " + " | ".join(parts) + f" | metadata problems {problems}"


def evaluate_folder(folder: Path, only: Iterable[str] = SECTIONS,
                    model: str | None = None, texts: Path | None = None,
                    actors: Iterable[str | Path] = ()) -> Evaluation:
    """Extract every ``NAME.txt`` of a gold folder (or of ``texts``) and score it against
    ``NAME.gold.json``, with the user's actor dictionaries ``actors`` on top of the bundled
    one (later files win)."""
    from eventwire.api import extract_many
    from eventwire.config import Settings
    from eventwire.errors import Failure

    only = tuple(only)
    pairs = list(gold_pairs(folder, texts))
    evaluation = Evaluation()
    settings = Settings(model=model, actors=tuple(str(p) for p in actors))
    results = extract_many([str(text) for text, _ in pairs], settings=settings)
    for (text, gold_path), result in zip(pairs, results, strict=True):
        gold = load_gold(gold_path)
        name = text.name.removesuffix(".txt")
        if isinstance(result, Failure):
            empty: dict[str, Any] = {}
            evaluation.articles.append(ArticleResult(name, score_document(empty, gold, only),
                                                     [], failure=result.reason))
            continue
        system = result.to_dict()
        evaluation.articles.append(ArticleResult(name, score_document(system, gold, only),
                                                 metadata_problems(system, gold)))
    return evaluation
