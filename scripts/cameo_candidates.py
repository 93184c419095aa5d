#!/usr/bin/env python3
"""List the PETRARCH2 CAMEO verb dictionary's patterns as candidate lexicon entries for review.

    .venv/bin/python scripts/cameo_candidates.py [PATH/TO/CAMEO.2.0.txt] [--lexicon FOLDER]
                                                 [--out review/cameo-candidates.tsv]

reads ``CAMEO.2.0.txt`` (default: ``../shared/reference/phoenix/CAMEO.2.0.txt`` beside the
repository; MIT, see the README there) and writes one TSV row per (synonym verb, pattern) in
eventwire's lexicon terms (``src/eventwire/data/lexicon/README.md``), with the columns

    root code verb object prep particle block pattern status

The file is a list of candidates to read, not lexicon data: nothing here is loaded by
eventwire, and no candidate has an example sentence. How the dictionary is read:

* A verb block ``---  NAME   [code]  ---`` holds synonym lines (``VERB {IRREGULAR FORMS}
  [code]``, multiword forms ``+CALL_OFF``) and pattern lines ``- words [code] # verb``. Every
  pattern of a block applies to every synonym of the block (that is how PETRARCH2 reads them),
  so a pattern gives one row per synonym. A synonym whose own code or the block's code is a
  CAMEO code also gives a bare row (no object, prep or particle); its ``pattern`` is the
  synonym line (own code) or the block header (block code).
* Codes ``[src:tgt]`` give the event of the source on the target (``src``) and of the target
  on the source (``tgt``). eventwire codes the subject as source, so ``code`` is ``src``; a
  pattern with no ``src`` (``[:173]``, ``appeared in court``) is skipped, as are ``[---]`` and
  codes that ``eventwire.coding.cameo.load_cameo()`` does not know.
* In a pattern, ``*`` is the verb; words before it (subject constraints) are not expressible
  in eventwire and are dropped (the ``pattern`` column keeps them). After it: a bare particle
  word (``OUT``, ``OFF``, ``UP``...) is the ``particle``; bare words and ``{MULTI WORD}``
  phrases are the object noun phrase, whose head (last word) gives ``object``; ``&SET`` is
  replaced by the members of that synonym set (so ``object`` may list several lemmas, joined
  with ``|``, meaning "one of", as the lexicon's ``object`` lists do); ``A/B`` are
  alternatives; ``(PREP words)`` and a bare preposition give ``prep`` (several joined with
  ``|``); ``$``, ``+``, ``^`` and ``%`` (source, target, skip, compound) are dropped.
* A multiword synonym ``+CALL_OFF``, ``+ASK_FOR``, ``+WAGE_WAR`` is the verb ``call``, ``ask``,
  ``wage`` with particle ``off``, prep ``for``, object ``war``; a pattern that adds another
  particle or object to such a synonym is skipped (``call off`` + ``OUT VIEWS`` means nothing).
  Forms of ``be`` (``+IS_DETERMINED``) are skipped; ``+KILLED_OR``, ``+SHOT_AND`` are the verb.
* Lemmas are spaCy's: verbs are the dictionary's base forms in lower case (the few inflected
  ones, ``KILLED``, ``WORRIED``, are lemmatized by spaCy as verbs, and the irregular ``SAW``,
  ``FORGAVE``... are mapped by ``IRREGULAR_FORMS``); object words are
  lemmatized by the eventwire spaCy pipeline in a carrier sentence (``They discussed the
  talks.``), so ``TALKS`` -> ``talk``, ``ARMS`` -> ``arm``, but ``NEWS`` stays ``news``.

``status``: ``in-lexicon`` when the current lexicon (default: the bundled one) has a verb entry
with the same lemma in the same CAMEO root, ``new-verb`` when it has no verb entry with that
lemma at all (noun entries do not count), ``new-constraint`` otherwise (the verb is a trigger,
but only for other roots). Rows are sorted by root, code, verb; exact duplicates are dropped.
Counts per root and status go to stdout.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from eventwire.coding.cameo import load_cameo  # noqa: E402
from eventwire.coding.lexicon import load_lexicon  # noqa: E402
from eventwire.parse import load_nlp  # noqa: E402

DEFAULT_DICTIONARY = ROOT.parent / "shared" / "reference" / "phoenix" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "review" / "cameo-candidates.tsv"
COLUMNS = ("root", "code", "verb", "object", "prep", "particle", "block", "pattern", "status")
STATUSES = ("in-lexicon", "new-constraint", "new-verb")

#: Words that are verb particles when they stand bare after the verb (``* OUT VIEWS``).
PARTICLES = frozenset({"UP", "DOWN", "OUT", "OFF", "BACK", "AWAY", "ASIDE", "FORWARD",
                       "TOGETHER", "APART", "AHEAD", "FORTH", "HOME", "BEHIND"})
#: Prepositions: the first word of a ``(...)`` group or a bare word after the verb.
PREPOSITIONS = frozenset({
    "ABOUT", "ACROSS", "AFTER", "AGAINST", "ALONG", "AMID", "AMONG", "AROUND", "AS", "AT",
    "BEFORE", "BETWEEN", "BEYOND", "BY", "DESPITE", "DURING", "FOR", "FROM", "IN", "INSIDE",
    "INTO", "NEAR", "OF", "ON", "OUTSIDE", "OVER", "THROUGH", "TO", "TOWARD", "TOWARDS",
    "UNDER", "UNTIL", "UPON", "VIA", "WITH", "WITHOUT"})
#: Multiword synonyms whose last word (a preposition elsewhere) is a particle: "gave in".
PARTICLE_VERBS = frozenset({"GIVE_IN", "STEP_IN", "LISTEN_IN", "TIE_IN", "LOCK_IN",
                            "TAKE_OVER", "TALK_OVER", "LOOK_OVER", "GET_ON"})
CONJUNCTIONS = frozenset({"AND", "OR"})
BE_FORMS = frozenset({"IS", "ARE", "AM", "WAS", "WERE", "BE", "BEEN"})
#: Base forms that look inflected (the rest ending in -ed/-ing are past forms or gerunds).
BASE_FORMS = frozenset({"embed", "imbed", "shed", "wed", "bed", "bring", "string", "ring",
                        "spring", "sing", "swing", "sting", "wring", "fling", "cling", "sling"})
#: Irregular past forms that the dictionary lists as synonyms (SAW, FORGAVE) or that open a
#: multiword synonym (+SHOT_AND), with spaCy's lemma. BOUND, FOUND, LAY and WOUND are base
#: forms there (JUMP, ENACT, LAY and HURT blocks) and are left alone.
IRREGULAR_FORMS = {"shot": "shoot", "saw": "see", "forgave": "forgive", "forgiven": "forgive",
                   "burnt": "burn", "understood": "understand"}
MARKERS = frozenset({"$", "+", "^", "%", "-"})

_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")


@dataclass(frozen=True, slots=True)
class VerbForm:
    """A synonym line read as eventwire fields: the verb lemma and what its words add."""

    lemma: str
    particle: str = ""
    prep: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()  # raw words, lemmatized later


@dataclass(slots=True)
class Synonym:
    line: str
    words: tuple[str, ...]  # the form split at "_", upper case
    code: str | None  # the synonym's own code, if it has one


@dataclass(slots=True)
class Block:
    name: str
    code: str
    header: str
    synonyms: list[Synonym] = field(default_factory=list)
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # line, body, code


@dataclass(frozen=True, slots=True)
class PatternFields:
    particle: str = ""
    prep: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()  # raw head words (synonym sets expanded)


def trimmed(line: str) -> str:
    """A dictionary line as the ``pattern`` column shows it: stripped, tabs as spaces."""
    return line.replace("\t", " ").strip()


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_dictionary(path: Path) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets (``&NAME`` -> members) and verb blocks of a PETRARCH verb file."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = ""
    current_set: list[str] | None = None
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("####"):
            section = line.strip("# ").upper()
            continue
        if not line or line.startswith("#"):
            current_set = None if not line else current_set
            continue
        if section.startswith("SYNONYM"):
            if line.startswith("&"):
                current_set = synsets.setdefault(strip_comment(line).upper(), [])
            elif line.startswith("+") and current_set is not None:
                current_set.append(strip_comment(line)[1:].strip())
        elif section.startswith("VERB"):
            if header := _HEADER.match(line):
                blocks.append(Block(header[1], header[2].strip(), line))
            elif not blocks:
                continue
            elif line.startswith("- "):
                body = strip_comment(line)
                code = _CODE.search(body)
                text = body[:code.start()] if code else body
                blocks[-1].patterns.append((line, text[2:].strip(), code[1] if code else ""))
            else:
                blocks[-1].synonyms.append(_synonym(line))
    return synsets, blocks


def _synonym(line: str) -> Synonym:
    body = strip_comment(line)
    code = _CODE.search(body)
    body = re.sub(r"\{[^}]*\}?", " ", _CODE.sub(" ", body))
    form = body.split()[0].lstrip("+").strip("_").upper() if body.split() else ""
    return Synonym(line, tuple(w for w in form.split("_") if w), code[1].strip() if code else None)


def verb_form(synonym: Synonym) -> VerbForm | None:
    """The synonym as verb + particle/prep/object; None for forms of "be"."""
    words = synonym.words
    if not words or words[0] in BE_FORMS:
        return None
    lemma = words[0].lower()
    particle, preps, objects = "", [], []
    for word in words[1:]:
        if word in CONJUNCTIONS:  # KILLED_OR, KIDNAPPED_AND_KILLED: the first verb
            break
        if word in PARTICLES or ("_".join(words) in PARTICLE_VERBS and word == words[-1]):
            particle = particle or word.lower()
        elif word in PREPOSITIONS:
            preps.append(word.lower())
        elif not preps:
            objects.append(word)
    return VerbForm(lemma, particle, tuple(preps), tuple(objects[-1:]))


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """("paren" | "brace" | "word", content) for each unit of a pattern body."""
    for match in re.finditer(r"\(([^()]*)\)|\{([^{}]*)\}|(\S+)", text):
        if match[1] is not None:
            yield "paren", match[1]
        elif match[2] is not None:
            yield "brace", match[2]
        else:
            yield "word", match[3]


def _head_words(phrase: list[str], synsets: dict[str, list[str]]) -> tuple[str, ...]:
    """The head (last word) of a noun phrase, with ``&SET`` and ``A/B`` expanded."""
    words = [w for w in phrase if w not in MARKERS]
    if not words:
        return ()
    out: list[str] = []
    for alternative in words[-1].split("/"):
        # an unknown synonym set (&FIGHT_CRIM) names no word
        members = synsets.get(alternative.upper(), []) if alternative.startswith("&") \
            else [alternative]
        for member in members:
            word = member.strip("_+").split("_")[-1] if "_" in member.strip("_") \
                else member.strip("_+")
            if word and word not in out and not word.startswith("&"):
                out.append(word)
    return tuple(out)


def pattern_fields(body: str, synsets: dict[str, list[str]]) -> PatternFields | None:
    """Particle, prepositions and object heads of a pattern body (None without a ``*``)."""
    units = list(_tokens(body.replace("*", " * ")))
    star = next((i for i, (kind, text) in enumerate(units) if kind == "word" and text == "*"),
                None)
    if star is None:
        return None
    particle, preps, phrase = "", [], []
    in_prep = False
    for kind, text in units[star + 1:]:
        if kind == "paren":
            words = text.split()
            first = words[0].upper() if words else ""
            if all(p in PREPOSITIONS for p in first.split("/")) and first:
                preps += [p.lower() for p in first.split("/")]
            elif first in PARTICLES and not particle:
                particle = first.lower()
                if not phrase:
                    phrase = [w for w in words[1:] if w not in MARKERS]
            continue
        if kind == "brace":
            if not in_prep:
                phrase += text.split()
            continue
        word = text.upper()
        if word in MARKERS:
            continue
        if word in PARTICLES and not phrase and not in_prep and not particle:
            particle = word.lower()
        elif all(p in PREPOSITIONS for p in word.split("/")):
            preps += [p.lower() for p in word.split("/")]
            in_prep = True
        elif not in_prep:
            phrase.append(text)
    return PatternFields(particle, tuple(dict.fromkeys(preps)), _head_words(phrase, synsets))


class Lemmas:
    """spaCy lemmas of dictionary words: nouns in a carrier sentence, verbs as verbs."""

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self.nouns: dict[str, str] = {}

    def learn_nouns(self, words: Iterable[str]) -> None:
        todo = sorted({w.lower() for w in words} - set(self.nouns))
        carriers = (f"They discussed the {w} ." for w in todo)
        for word, doc in zip(todo, self.nlp.pipe(carriers, batch_size=256), strict=True):
            token = doc[3] if len(doc) > 4 else None
            lemma = token.lemma_.lower() if token is not None and token.text == word else word
            self.nouns[word] = lemma

    def noun(self, word: str) -> str:
        return self.nouns.get(word.lower(), word.lower())

    def verb(self, word: str) -> str:
        """Base forms stay as they are; inflected ones (KILLED, WORRIED, LOSING) go to spaCy."""
        word = word.lower()
        if word in IRREGULAR_FORMS:
            return IRREGULAR_FORMS[word]
        if word in BASE_FORMS or not re.search(r"(?:[^e]ed|ing)$", word):
            return word
        from spacy.tokens import Doc

        doc = Doc(self.nlp.vocab, words=[word])
        doc[0].pos_ = "VERB"
        return str(self.nlp.get_pipe("lemmatizer")(doc)[0].lemma_).lower()


@dataclass(frozen=True, slots=True)
class Candidate:
    root: str
    code: str
    verb: str
    object: str
    prep: str
    particle: str
    block: str
    pattern: str
    status: str = ""

    def row(self) -> tuple[str, ...]:
        return tuple(getattr(self, c) for c in COLUMNS)


def source_code(raw: str) -> str:
    """The source-side code of ``[src:tgt]`` (or of ``[code]``); "" when there is none."""
    return raw.split(":", 1)[0].strip()


def candidates(blocks: list[Block], synsets: dict[str, list[str]], skipped: Counter[str]
               ) -> list[Candidate]:
    """Every (synonym, pattern) pair, and every synonym with a code, as a candidate."""
    valid = load_cameo()
    lemmas = Lemmas()
    parsed: dict[tuple[int, int], PatternFields | None] = {}
    for b, block in enumerate(blocks):
        for p, (_, body, _) in enumerate(block.patterns):
            parsed[b, p] = pattern_fields(body, synsets)
    forms = {(b, s): verb_form(syn) for b, block in enumerate(blocks)
             for s, syn in enumerate(block.synonyms)}
    lemmas.learn_nouns([w for f in parsed.values() if f for w in f.objects]
                       + [w for f in forms.values() if f for w in f.objects])
    out: list[Candidate] = []

    def add(code_raw: str, form: VerbForm, fields: PatternFields, block: Block,
            pattern: str) -> None:
        code = source_code(code_raw)
        if code in {"", "---"}:
            skipped["[---] or no code" if code != "" or ":" not in code_raw
                    else "target side only ([:code])"] += 1
            return
        if code not in valid:
            skipped[f"code not in CAMEO 1.1b3 table ({code})"] += 1
            return
        if (form.particle and fields.particle and form.particle != fields.particle) or \
                (form.objects and fields.objects):
            skipped["pattern adds a particle/object to a multiword synonym"] += 1
            return
        objects = fields.objects or form.objects
        out.append(Candidate(
            root=code[:2], code=code, verb=lemmas.verb(form.lemma),
            object="|".join(dict.fromkeys(lemmas.noun(w) for w in objects)),
            prep="|".join(dict.fromkeys(form.prep + fields.prep)),
            particle=form.particle or fields.particle, block=block.name, pattern=pattern))

    for b, block in enumerate(blocks):
        for s, synonym in enumerate(block.synonyms):
            form = forms[b, s]
            if form is None:
                skipped["synonym is a form of 'be'"] += 1 + len(block.patterns)
                continue
            own = synonym.code is not None
            add(synonym.code if own else block.code, form, PatternFields(), block,
                trimmed(synonym.line) if own else block.header)
            for p, (line, _, code_raw) in enumerate(block.patterns):
                fields = parsed[b, p]
                if fields is None:
                    skipped["pattern without '*'"] += 1
                    continue
                add(code_raw, form, fields, block, trimmed(line))
    return out


def with_status(found: list[Candidate], lexicon_folder: str | None) -> list[Candidate]:
    """The candidates with their status against the lexicon, deduplicated and sorted."""
    roots: dict[str, set[str]] = {}
    for pattern in load_lexicon(lexicon_folder).patterns:
        if pattern.pos == "VERB":
            roots.setdefault(pattern.lemma, set()).add(pattern.code[:2])
    out = {}
    for c in found:
        status = ("new-verb" if c.verb not in roots else
                  "in-lexicon" if c.root in roots[c.verb] else "new-constraint")
        done = Candidate(*c.row()[:-1], status=status)
        out[done.row()] = done
    return sorted(out.values(), key=lambda c: (c.root, c.code, c.verb, c.particle, c.object,
                                               c.prep, c.block, c.pattern))


def write_tsv(rows: list[Candidate], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        writer.writerows(c.row() for c in rows)


def print_counts(rows: list[Candidate], skipped: Counter[str]) -> None:
    table = Counter((c.root, c.status) for c in rows)
    verbs = Counter((c.root, c.status) for c in {(c.root, c.status, c.verb): c
                                                 for c in rows}.values())
    print(f"{'root':<5}" + "".join(f"{s:>16}" for s in STATUSES) + f"{'all':>8}"
          "   (rows; distinct verbs in brackets)")
    for root in sorted({c.root for c in rows}):
        cells = "".join(f"{table[root, s]:>9} [{verbs[root, s]:>4}]" for s in STATUSES)
        print(f"{root:<5}{cells}{sum(table[root, s] for s in STATUSES):>8}")
    totals = Counter(c.status for c in rows)
    distinct = Counter(s for s, _ in {(c.status, c.verb) for c in rows})
    print(f"{'all':<5}" + "".join(f"{totals[s]:>9} [{distinct[s]:>4}]" for s in STATUSES)
          + f"{len(rows):>8}")
    print("skipped:", ", ".join(f"{why}: {n}" for why, n in skipped.most_common()) or "none")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dictionary", nargs="?", type=Path, default=DEFAULT_DICTIONARY,
                        help="the PETRARCH2 verb dictionary (default: %(default)s)")
    parser.add_argument("--lexicon", help="lexicon folder to compare with (default: bundled)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="TSV to write")
    args = parser.parse_args()
    synsets, blocks = read_dictionary(args.dictionary)
    skipped: Counter[str] = Counter()
    rows = with_status(candidates(blocks, synsets, skipped), args.lexicon)
    write_tsv(rows, args.out)
    print(f"{len(blocks)} blocks, {sum(len(b.synonyms) for b in blocks)} synonym lines, "
          f"{sum(len(b.patterns) for b in blocks)} patterns -> {len(rows)} candidates in "
          f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    print_counts(rows, skipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
