#!/usr/bin/env python3
"""Check draft lexicon entries (``review/drafts/NN-*.yaml``) with the current engine.

    .venv/bin/python scripts/check_drafts.py [--drafts review/drafts] [--lexicon FOLDER]
                                             [--no-regressions] [--dev]
                                             [--move] [--failing review/drafts-failing.yaml]

Each draft file has the name of a lexicon file and holds entries in the lexicon's format
(``src/eventwire/data/lexicon/README.md``), one entry per blank-line-separated chunk, its
comments above it. The script copies the lexicon folder (default: the bundled one) into a
temporary folder, appends every draft file to the lexicon file of the same name, and runs each
draft's ``example`` through :func:`eventwire.pipeline.process` with ``Settings(batch_size=256)``
(as ``tests/coding/test_lexicon.py`` does). ``Settings`` has no lexicon setting, so
``eventwire.coding.load_lexicon`` is patched in this process only, for the engine to code with
the merged lexicon. Nothing under ``src/`` is changed.

A draft passes when the format is valid (the loader accepts it, its code is of the file's root,
it does not repeat an entry of the lexicon or another draft) and its example gives an event
whose code is the draft's code (or its intent code, as the lexicon test allows), whose trigger
is a word that the draft's lemma matches (so another trigger in the sentence cannot make it
pass), whose source span contains or is contained in the declared ``source`` words, and whose
target span contains or is contained in the declared ``target`` words, or, when the draft
declares no target, that has no target (or only the implied own country): the criteria of
``tests/coding/test_lexicon.py``, so that a passing draft can be copied into the lexicon.

Then (unless ``--no-regressions``) every example of the lexicon itself is coded without and
with the drafts: a draft whose trigger is in an example that codes its own code without the
drafts but not with them fails too (a verb entry can consume an event noun, or a same-root
event can win the merge of repeats). ``--dev`` also prints the event scores of the
development sets in ``../shared/dev`` without and with the passing drafts.

Without ``--move`` the script only reports. With ``--move`` the failing entries are taken out
of their draft files and added, with their file, the reason and what the engine coded, to
``--failing``. Exit status 1 when a draft fails (and was not moved).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import eventwire.coding as coding  # noqa: E402
from eventwire.coding.cameo import intent_code  # noqa: E402
from eventwire.coding.detect import candidates  # noqa: E402
from eventwire.coding.lexicon import Lexicon, Pattern, load_lexicon, parse_entry  # noqa: E402
from eventwire.config import Settings  # noqa: E402
from eventwire.errors import ConfigError, Failure  # noqa: E402
from eventwire.parse import load_nlp  # noqa: E402
from eventwire.pipeline import process  # noqa: E402
from eventwire.read import RawArticle  # noqa: E402
from eventwire.records import Document, Event, Mention  # noqa: E402

DRAFTS = ROOT / "review" / "drafts"
FAILING = ROOT / "review" / "drafts-failing.yaml"
DEV = ROOT.parent / "shared" / "dev"
DEV_SETS = ("events-plover", "articles-annotated")
KEYS = {"code", "verb", "noun", "particle", "object", "prep", "reciprocal", "example",
        "source", "target"}


@dataclass(slots=True)
class Draft:
    file: str  # lexicon file name, "04-consult.yaml"
    chunk: str  # the entry's text with its comments
    entry: dict[str, Any]
    pattern: Pattern | None = None
    reason: str = ""  # why it fails ("" = passes)
    found: str = ""  # what the engine coded

    @property
    def label(self) -> str:
        e = self.entry
        words = [str(e.get("verb") or e.get("noun")), str(e.get("particle") or "")]
        words += [f"+{'/'.join(map(str, _list(e.get(k))))}" for k in ("object", "prep")
                  if e.get(k)]
        return f"{self.file[:2]} {e.get('code')} {' '.join(w for w in words if w)}"


def _list(value: Any) -> list[Any]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def split_chunks(text: str) -> tuple[str, list[str]]:
    """A draft file's header comment and its entry chunks (blank-line separated)."""
    header, chunks = [], []
    for chunk in text.strip("\n").split("\n\n"):
        if any(line.startswith("- ") for line in chunk.splitlines()):
            chunks.append(chunk.strip("\n"))
        elif not chunks:
            header.append(chunk)
        elif chunk.strip():
            chunks[-1] += "\n\n" + chunk.strip("\n")
    return "\n\n".join(header), chunks


def read_drafts(folder: Path) -> tuple[dict[str, str], list[Draft]]:
    headers: dict[str, str] = {}
    drafts: list[Draft] = []
    for path in sorted(folder.glob("*.yaml")):
        headers[path.name], chunks = split_chunks(path.read_text("utf-8"))
        for chunk in chunks:
            entries = yaml.safe_load(chunk) or []
            if len(entries) != 1:
                raise SystemExit(f"{path.name}: a chunk must hold exactly one entry:\n{chunk}")
            drafts.append(Draft(path.name, chunk, entries[0]))
    return headers, drafts


def _key(p: Pattern) -> tuple[object, ...]:
    return (p.code, p.pos, p.lemma, p.particle, p.objects, p.preps)


def validate(drafts: list[Draft], base: Lexicon, lexicon_dir: Path) -> None:
    """Format checks; sets ``reason`` on drafts that fail them."""
    seen = {_key(p) for p in base.patterns}
    names = {p.name for p in lexicon_dir.glob("*.yaml")}
    for i, draft in enumerate(drafts):
        entry = draft.entry
        try:
            draft.pattern = parse_entry(entry, f"draft:{draft.file}#{i}")
        except (ConfigError, KeyError) as exc:
            draft.reason = f"invalid entry: {exc}"
            continue
        if unknown := set(entry) - KEYS:
            draft.reason = f"unknown keys {sorted(unknown)}"
        elif draft.file not in names:
            draft.reason = f"no lexicon file named {draft.file}"
        elif not str(entry["code"]).startswith(draft.file[:2]):
            draft.reason = f"code {entry['code']} is not of root {draft.file[:2]}"
        elif not entry.get("example") or not entry.get("source"):
            draft.reason = "example or source missing"
        elif _key(draft.pattern) in seen:
            draft.reason = "repeats an entry of the lexicon or an earlier draft"
        seen.add(_key(draft.pattern))


def merged_folder(lexicon_dir: Path, drafts: list[Draft], into: Path) -> Path:
    """The lexicon with the valid drafts appended to the files of the same name."""
    folder = into / "lexicon"
    shutil.copytree(lexicon_dir, folder)
    for draft in drafts:
        if not draft.reason:
            with (folder / draft.file).open("a", encoding="utf-8") as handle:
                handle.write("\n\n" + draft.chunk + "\n")
    return folder


def _overlaps(span: Mention | None, words: str) -> bool:
    """Whether a span's text and the declared words contain one another (any case)."""
    if span is None:
        return False
    a, b = span.text.lower().strip(), str(words).lower().strip()
    return bool(a) and (a in b or b in a)


def _own_country(event: Event) -> bool:
    """The target the engine implies for a domestic act with no one else named: no actor, the
    source's country code, the source's own words. It names no one, so it counts as no target
    (as in ``tests/coding/test_lexicon.py``)."""
    source, target = event.source_span, event.target_span
    return (event.target is None and source is not None and target is not None
            and event.target_code == (event.source_code or "")[:3]
            and source.start <= target.start and target.end <= source.end)


def _participants(event: Event, source: str, target: str | None) -> bool:
    """The declared source, and the declared target or (none declared) no target, as the
    lexicon test asks of the lexicon's own examples."""
    if not _overlaps(event.source_span, source):
        return False
    if target:
        return _overlaps(event.target_span, target)
    return event.target_span is None or _own_country(event)


def judge(draft: Draft, document: Document, lexicon: Lexicon) -> None:
    """Set ``reason`` (empty when the example codes as the draft says) and ``found``."""
    assert draft.pattern is not None
    events: tuple[Event, ...] = document.events
    draft.found = "; ".join(
        f"{e.cameo} {e.trigger.text}: {e.source_span.text if e.source_span else '-'} -> "
        f"{e.target_span.text if e.target_span else '-'}" for e in events) or "no event"
    doc = load_nlp()(draft.pattern.example)
    by_start = {t.idx: t for t in doc}

    def own_trigger(event: Event) -> bool:
        token = by_start.get(event.trigger.start)
        return token is not None and any(_key(p) == _key(draft.pattern)
                                         for p in candidates(token, lexicon))

    wanted = {draft.pattern.code, intent_code(draft.pattern.code)}
    coded = [e for e in events if e.cameo in wanted]
    mine = [e for e in coded if own_trigger(e)]
    source, target = str(draft.entry.get("source")), draft.entry.get("target")
    if not coded:
        draft.reason = f"no {draft.pattern.code} event"
    elif not mine:
        draft.reason = f"the {draft.pattern.code} event comes from another trigger"
    elif not any(_overlaps(e.source_span, source) for e in mine):
        draft.reason = f"source is not {source!r}"
    elif not any(_participants(e, source, target) for e in mine):
        draft.reason = (f"target is not {target!r}" if target else
                        "an unexpected target (declare it, or none should be found)")
    else:
        draft.reason = ""


@contextmanager
def engine_lexicon(lexicon: Lexicon) -> Iterator[None]:
    """Make the engine code with ``lexicon`` (in this process only)."""
    original = coding.load_lexicon
    coding.load_lexicon = lambda folder=None: lexicon  # type: ignore[assignment]
    try:
        yield
    finally:
        coding.load_lexicon = original


def coded(texts: list[str], lexicon: Lexicon) -> list[Document | Failure]:
    """Each text through the whole pipeline, coded with ``lexicon``."""
    raws = (RawArticle(source=f"example-{i}", text=t, input_format="text")
            for i, t in enumerate(texts))
    with engine_lexicon(lexicon):
        return list(process(raws, Settings(batch_size=256)))


def check_lexicon_examples(drafts: list[Draft], base: Lexicon, merged: Lexicon) -> int:
    """Fail the drafts that stop an example of the lexicon from coding to its own code (a
    verb entry can consume an event noun, or a same-root event can win the merge). Returns
    the number of examples broken."""
    examples = [p.example for p in base.patterns]
    before, after = coded(examples, base), coded(examples, merged)
    nlp = load_nlp()
    broken = 0
    for pattern, old, new in zip(base.patterns, before, after, strict=True):
        if isinstance(old, Failure) or isinstance(new, Failure):
            continue
        wanted = {pattern.code, intent_code(pattern.code)}
        if not wanted & {e.cameo for e in old.events} or wanted & {e.cameo for e in new.events}:
            continue
        broken += 1
        keys = {_key(p) for token in nlp(pattern.example) for p in candidates(token, merged)}
        culprits = [d for d in drafts if not d.reason and d.pattern and _key(d.pattern) in keys]
        for draft in culprits:
            draft.reason = (f"breaks the lexicon example {pattern.origin} ({pattern.code}): "
                            f"{pattern.example!r}")
        if not culprits:
            print(f"warning: {pattern.origin} no longer codes {pattern.code} "
                  "and no draft trigger is in its example", file=sys.stderr)
    return broken


def dev_scores(base: Lexicon, merged: Lexicon) -> None:
    """Event scores on the development sets beside the repository, without and with the
    passing drafts (measured, never bundled: see ``scripts/dev_scores.py``)."""
    from eventwire.evaluate import SectionScore, evaluate_folder

    for name in DEV_SETS:
        if not (DEV / name).is_dir():
            print(f"{name}: not found in {DEV}")
            continue
        for label, lexicon in (("lexicon", base), ("lexicon + drafts", merged)):
            with engine_lexicon(lexicon):
                result = evaluate_folder(DEV / name, ("events",))
            total = SectionScore()
            for article in result.articles:
                if (score := article.scores.get("events")) is not None:
                    total.add(score)
            print(f"{name}/events with {label:<17} F1 {total.f1:.3f} (P {total.precision:.2f} "
                  f"R {total.recall:.2f}, {total.tp}/{total.required}, "
                  f"fp {len(total.false_positives)})")


def run(drafts: list[Draft], lexicon_dir: Path, regressions: bool = True,
        dev: bool = False) -> None:
    base = load_lexicon(str(lexicon_dir))
    validate(drafts, base, lexicon_dir)
    with tempfile.TemporaryDirectory(prefix="eventwire-drafts-") as tmp:
        merged = load_lexicon(str(merged_folder(lexicon_dir, drafts, Path(tmp))))
        todo = [d for d in drafts if not d.reason]
        results = coded([str(d.entry["example"]) for d in todo], merged)
        for draft, result in zip(todo, results, strict=True):
            if isinstance(result, Failure):
                draft.reason = f"pipeline failure: {result}"
            else:
                judge(draft, result, merged)
        if regressions:
            broken = check_lexicon_examples(drafts, base, merged)
            print(f"lexicon examples that no longer code their own code: {broken} "
                  f"of {len(base.patterns)}")
    if dev:
        with tempfile.TemporaryDirectory(prefix="eventwire-drafts-") as tmp:
            passing = [d for d in drafts if not d.reason]
            dev_scores(base, load_lexicon(str(merged_folder(lexicon_dir, passing, Path(tmp)))))


def write_back(folder: Path, headers: dict[str, str], drafts: list[Draft], failing: Path) -> None:
    """Keep the passing drafts in their files; add the failing ones to ``failing``."""
    for name, header in headers.items():
        kept = [d.chunk for d in drafts if d.file == name and not d.reason]
        (folder / name).write_text("\n\n".join([header, *kept]).strip("\n") + "\n", "utf-8")
    failed = [d for d in drafts if d.reason]
    if not failed:
        return
    old = failing.read_text("utf-8").rstrip("\n") + "\n\n" if failing.exists() else (
        "# Draft lexicon entries that scripts/check_drafts.py found failing, with the reason.\n"
        "# Not loaded by eventwire. Fix the example or the entry, move it back into\n"
        "# review/drafts/<file>, and run the check again.\n\n")
    chunks = [f"# file: {d.file}\n# failed: {d.reason}\n# coded: {d.found or '-'}\n{d.chunk}"
              for d in failed]
    failing.write_text(old + "\n\n".join(chunks) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--drafts", type=Path, default=DRAFTS, help="draft folder")
    parser.add_argument("--lexicon", type=Path, help="lexicon folder (default: bundled)")
    parser.add_argument("--move", action="store_true",
                        help="move failing drafts out of the draft files into --failing")
    parser.add_argument("--failing", type=Path, default=FAILING, help="file for failing drafts")
    parser.add_argument("--no-regressions", action="store_true",
                        help="skip re-coding the lexicon's own examples with the drafts")
    parser.add_argument("--dev", action="store_true",
                        help="also score events on ../shared/dev without and with the drafts")
    args = parser.parse_args()
    lexicon_dir = args.lexicon or Path(str(resources.files("eventwire") / "data" / "lexicon"))
    headers, drafts = read_drafts(args.drafts)
    run(drafts, lexicon_dir, regressions=not args.no_regressions, dev=args.dev)
    totals: Counter[tuple[str, bool]] = Counter()
    for draft in drafts:
        totals[draft.file[:2], not draft.reason] += 1
        mark = "ok  " if not draft.reason else "FAIL"
        print(f"{mark} {draft.label:<40} {draft.reason}")
        if draft.reason:
            print(f"       {draft.entry.get('example')!r}\n       coded: {draft.found}")
    print("\nroot  pass  fail")
    for root in sorted({d.file[:2] for d in drafts}):
        print(f"{root:<5} {totals[root, True]:>4}  {totals[root, False]:>4}")
    passed = sum(n for (_, ok), n in totals.items() if ok)
    print(f"all   {passed:>4}  {len(drafts) - passed:>4}")
    if args.move:
        write_back(args.drafts, headers, drafts, args.failing)
        return 0
    return 1 if passed < len(drafts) else 0


if __name__ == "__main__":
    sys.exit(main())
