"""Figures: sums of money, percentages, fractions and counted nouns, with what they measure.

Money, percentages and fractions are found with patterns over the text, because the small
model's MONEY/PERCENT labels are unreliable ("€5m" comes out as MONEY "5", "12 per cent" as
MONEY); counted nouns ("10,000 troops") come from the parse (a number that is ``nummod`` of a
noun). The parse then gives each figure its ``subject`` (the subject or object of the verb the
figure hangs from), its ``period`` (the time expression attached nearest to that verb) and its
``source`` ("according to X", or the subject of a reporting verb whose complement holds it).
This follows the quantity-and-measured-entity framing of Roy, Vieira & Roth, "Reasoning about
Quantities in Natural Language" (TACL 2015), with hand-written rules instead of a classifier.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwire.extract.anchored import anchored
from eventwire.geo import word_set
from eventwire.parse import doc_lower, doc_text, tokens_with, tokens_with_dep
from eventwire.records import Figure, TimeExpression, content_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORDNUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
            r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORDNUM}(?:[\s-]{_WORDNUM})*)"
_SCALE = r"(?:trillion|billion|million|thousand|trn|tn|bn|mln|mn|m|b|k)\b"
#: Currency signs and codes written before the number, longest first.
PREFIXES = {"US$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "NZ$": "NZD",
            "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
            "₽": "RUB", "₴": "UAH", "₪": "ILS", "₩": "KRW", "Rs": "INR", "USD": "USD",
            "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "RUB": "RUB",
            "CHF": "CHF", "INR": "INR"}
#: Currency names written after the number ("5 million euros").
WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
         "yuan": "CNY", "renminbi": "CNY", "rouble": "RUB", "ruble": "RUB", "rupee": "INR",
         "hryvnia": "UAH", "shekel": "ILS", "lira": "TRY", "franc": "CHF", "riyal": "SAR",
         "dirham": "AED", "rand": "ZAR", "peso": "MXN", "won": "KRW", "naira": "NGN"}
DOLLAR_KINDS = {"hong kong": "HKD", "australian": "AUD", "canadian": "CAD", "singapore": "SGD",
                "new zealand": "NZD", "taiwan": "TWD"}
#: Currency words that are also ordinary words ("won", "pounds" of weight): need a scale.
AMBIGUOUS_WORDS = word_set("won pound rand")
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS = ({w: float(i) for i, w in enumerate(_UNITS)}
                | {w: float(10 * i) for i, w in enumerate(_TENS, start=2)} | {"dozen": 12.0})
FRACTIONS = {"half": 50.0, "halves": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0,
             "sixth": 100 / 6, "eighth": 12.5, "tenth": 10.0}
QUALIFIERS = ("more than", "less than", "fewer than", "at least", "at most", "up to",
              "as many as", "as much as", "just over", "just under", "an estimated", "close to",
              "upwards of", "in excess of", "nearly", "almost", "about", "around", "roughly",
              "approximately", "some", "over", "under")
TIME_NOUNS = word_set("year years month months week weeks day days hour hours minute minutes "
                      "second seconds decade decades century centuries time times season")
#: Nouns that stand between a figure and what it measures: "a target of $240 billion".
MEASURE_NOUNS = word_set("target goal ceiling cap limit total sum amount value level figure "
                         "record high low peak increase rise growth drop fall decline jump "
                         "gain estimate forecast mark threshold tune worth range")
REPORT_VERBS = word_set("say report show estimate announce tell state add indicate reveal find "
                        "calculate publish suggest")
BASELINE_PREPS = word_set("from than compared versus vs against")
NOT_UNITS = TIME_NOUNS | word_set("percent cent point points others ones per No. number")
#: "No. 2", "number 10", "#1", "aged 54" before a number: a rank or an age, not a count.
RANK_OR_AGE = re.compile(r"(\bNo\.?|\bnumber|#|\baged?)\s*$", re.I)
YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
#: Nouns for people, whose small spelled-out counts ("three civilians") are news figures.
PEOPLE = word_set("people person civilian soldier troop child woman man officer official "
                  "worker migrant refugee student protester demonstrator journalist patient "
                  "resident passenger victim hostage prisoner detainee fighter militant rebel "
                  "member lawmaker policeman firefighter doctor nurse casualty")
DEFINITE = word_set("the these those both its their his her our your my this that")

_CUR_WORD = (rf"(?:(?:u\.s\.|us|american|{'|'.join(DOLLAR_KINDS)})\s)?"
             rf"(?:{'|'.join(WORDS)})(?:e?s)?(?:\ssterling)?")
_PREFIX = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
MONEY_BEFORE = re.compile(rf"(?<![\w$])(?P<cur>{_PREFIX})\s?(?P<num>{_DIGITS})"
                          rf"(?:\s?(?P<scale>{_SCALE}))?")
#: The patterns below run only near their currency, percent or fraction word (see
#: :mod:`~eventwire.extract.anchored`); a spelled-out number may run to 200 characters.
MONEY_AFTER = anchored(rf"(?<![\w.,])(?P<num>{_NUMBER})(?:[\s-]?(?P<scale>{_SCALE}))?"
                       rf"\s(?P<cur>{_CUR_WORD})\b", rf"(?:{'|'.join(WORDS)})", 240, 40)
PERCENT = anchored(rf"(?<![\w.,])(?P<num>{_NUMBER})[\s-]?(?P<unit>%|per\s?cent\b|percent\b|"
                   r"pct\b|percentage[\s-]points?\b)", r"%|per\s?cent|pct", 220, 40)
FRACTION = anchored(r"(?<![\w-])(?:(?P<num>an?|one|two|three|four|five|seven|nine)[\s-]"
                    r"(?P<frac>half|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)|"
                    r"(?P<half>half))\b(?!-)", r"half|third|quarter|fifth|sixth|eighth|tenth",
                    20, 20)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: float
    unit: str
    counted: bool = False  # "10,000 troops": the unit is what is measured


def find_figures(doc: Doc, article_id: str, times: Sequence[TimeExpression] = ()
                 ) -> list[Figure]:
    """Money, percentages, fractions and counts in ``doc``, each with its context."""
    found = _money(doc) + _percents(doc) + _fractions(doc)
    taken = {i for f in found for i in range(f.start, f.end)}
    found += [f for f in _counts(doc) if not taken & set(range(f.start, f.end))]
    figures = []
    for item in sorted(found, key=lambda f: f.start):
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        chain = _head_chain(span)
        figures.append(Figure(
            id=content_id(article_id, "figure", item.start, item.end),
            text=doc_text(doc)[item.start:item.end], start=item.start, end=item.end,
            value=item.value, unit=item.unit, qualifier=_qualifier(doc_text(doc), item.start),
            subject=None if item.counted else _subject(span, chain),
            period=_period(doc, span, chain, times), source=_source(span, chain)))
    return figures


def number_value(text: str) -> float | None:
    """The value of "10,000", "1.6", "two hundred", "twenty-five", "5 million"; None if not."""
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text.casefold().replace(",", "")):
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word in SCALES:
            total += (current or 1.0) * SCALES[word]
            current = 0.0
        elif word not in ("and", "a"):
            return None
    return total + current if total or current else None


def _money(doc: Doc) -> list[_Found]:
    """Sums with a currency sign or code before them or a currency name after them."""
    found = []
    after = MONEY_AFTER.finditer(doc_text(doc), doc_lower(doc))
    for match in [*MONEY_BEFORE.finditer(doc_text(doc)), *after]:
        scale = (match["scale"] or "").casefold()
        value = number_value(match["num"])
        if value is None:
            continue
        unit = _currency(match["cur"], doc_text(doc)[max(0, match.start() - 200):match.end() + 200])
        ambiguous = _base_word(match["cur"]) in AMBIGUOUS_WORDS
        if match.re is MONEY_AFTER.pattern and ambiguous and not scale:
            continue
        amount = round(value * SCALES.get(scale, 1.0), 4)  # 8.2 million, not 8199999.99...
        found.append(_Found(match.start(), match.end(), amount, unit))
    return _drop_overlaps(found)


def _base_word(currency: str) -> str:
    """The singular currency word of a written name: "US dollars" -> "dollar"."""
    last = currency.casefold().split()[-1] if currency.strip() else ""
    last = "pound" if last == "sterling" and "pound" in currency.casefold() else last
    return next((w for w in WORDS if last in (w, w + "s", w + "es")), last)


def _currency(written: str, nearby: str) -> str:
    """ISO 4217 code for a sign or name; "¥" is the yuan where the text says yuan."""
    if written in PREFIXES:
        if written == "¥" and re.search(r"\b(yuan|renminbi|RMB|China|Chinese)\b", nearby):
            return "CNY"
        return PREFIXES[written]
    lowered = written.casefold()
    kind = next((code for name, code in DOLLAR_KINDS.items() if lowered.startswith(name)), None)
    return kind or WORDS[_base_word(written)]


def _percents(doc: Doc) -> list[_Found]:
    """ "1.6%", "12 per cent", "0.25 percentage points"."""
    found = []
    for match in PERCENT.finditer(doc_text(doc), doc_lower(doc)):
        value = number_value(match["num"])
        if value is not None:
            unit = "percentage points" if "point" in match["unit"].casefold() else "percent"
            found.append(_Found(match.start(), match.end(), value, unit))
    return found


def _fractions(doc: Doc) -> list[_Found]:
    """ "A third", "two-thirds", "half": shares, not "the first half" or "a quarter century"."""
    found = []
    for match in FRACTION.finditer(doc_text(doc), doc_lower(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not _is_share(span):
            continue
        word = (match["frac"] or match["half"]).casefold().rstrip("s")
        word = "half" if word == "halve" else word
        count = NUMBER_WORDS.get((match["num"] or "one").casefold(), 1.0)
        found.append(_Found(match.start(), match.end(), round(count * FRACTIONS[word], 2),
                            "percent"))
    return found


def _is_share(span: Span) -> bool:
    """Whether a fraction word is a share of something rather than a period or an ordinal."""
    doc, last = span.doc, span[-1]
    if last.pos_ not in ("NOUN", "NUM", "DET") or last.dep_ == "amod":
        return False  # "a third time", "a third term"
    before = doc[span.start - 1].lower_ if span.start else ""
    if before in ("first", "second", "the", "this", "last", "next", "latter", "former"):
        return False  # "the first half of the year"
    token = last
    while token.dep_ == "conj" and token.head != token:  # "two and half years"
        token = token.head
    measured = [token.head] if token.head.i > token.i else []
    measured += [o for c in last.children if c.lower_ == "of" for o in c.children]
    return not any(t.lower_ in TIME_NOUNS or t.lower_ in SCALES for t in measured)


def _counts(doc: Doc) -> Iterator[_Found]:
    """Numbers that count a noun: "10,000 troops", "three people"; not dates, ages or ranks."""
    skip_labels = ("DATE", "TIME", "ORDINAL", "MONEY", "PERCENT")
    for token in tokens_with_dep(doc, "nummod"):
        if token.head.pos_ != "NOUN" or token.ent_type_ in skip_labels:
            continue
        start = token.i
        while start > 0 and (doc[start - 1].like_num or doc[start - 1].lower_ in SCALES):
            start -= 1
        if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in (
                "dozen", "hundred", "thousand", "million"):
            start -= 1  # "about a dozen people": the article belongs to the number
        group, noun = doc[start:token.i + 1], token.head
        before = doc[start - 1].lower_ if start else ""
        value = number_value(group.text)
        if (value is None or value < 2 or noun.lower_ in NOT_UNITS or noun.i < token.i
                or noun.tag_ not in ("NNS", "NNPS") or before in DEFINITE
                or YEAR.fullmatch(group.text) or RANK_OR_AGE.search(
                    doc_text(doc)[max(0, group.start_char - 12):group.start_char])):
            continue  # "the two countries", "1995 tax filings", "No. 2 official"
        if value < 10 and not group.text[0].isdigit() and noun.lemma_.lower() not in PEOPLE:
            continue  # "two questions", "three words": wording, not a measurement
        yield _Found(group.start_char, noun.idx + len(noun.text), value, noun.lower_, True)


def _drop_overlaps(found: list[_Found]) -> list[_Found]:
    """Keep the longest of overlapping matches, in text order."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, -f.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _qualifier(text: str, start: int) -> str | None:
    """The hedge just before a figure: "more than", "about", "at least"."""
    before = text[max(0, start - 30):start].casefold()
    return next((q for q in QUALIFIERS if re.search(rf"\b{q}\s+$", before)), None)


def _head_chain(span: Span) -> list[Token]:
    """The figure's root and its heads up to the sentence root, across conjoined verbs."""
    chain, token = [span.root], span.root
    while token.head != token and len(chain) < 12:
        token = token.head
        chain.append(token)
    return chain


def _subject(span: Span, chain: list[Token]) -> str | None:
    """What the figure measures: "a third of voters", "a $5 billion loan", "Exports rose 5%"."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    for prep in [*span.root.children, *([after] if after is not None else [])]:
        if prep.lower_ not in ("of", "in") or prep.i < span.end:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lower_ in TIME_NOUNS or obj.ent_type_:
            continue
        if prep.lower_ == "of" or not any(c.dep_ == "det" for c in obj.children):
            return _phrase(obj)  # "two-thirds of the budget", "€5m in aid" (not "in the deal")
    for below, token in itertools.pairwise(chain):
        if below.dep_ == "conj" and below.head == token:
            continue  # "US$5bn and HK$10 million": the second shares the first one's role
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in MEASURE_NOUNS:
            return _phrase(token, span)  # "a $5 billion loan", "a loan of $5 billion"
        if token.pos_ in ("VERB", "AUX"):
            direct = below.dep_ in ("prep", "npadvmod", "advmod") or below is span.root
            return _verb_subject(token, span, direct)
    return None


def _verb_subject(verb: Token, span: Span, direct: bool) -> str | None:
    """What a verb's figure measures: the object of "cut its rate by 0.25 points", else the
    subject ("Exports rose 5%"), looking through conjoined and adverbial clauses."""
    while True:
        kids = list(verb.children)
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if direct and obj is not None and obj.lemma_.lower() not in MEASURE_NOUNS and not (
                obj.left_edge.i <= span.start <= obj.right_edge.i):
            return _phrase(obj)
        direct = False
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:  # "the top 1 percent earn...": the figure is its own subject
            inside = subj.left_edge.i <= span.start <= subj.right_edge.i
            return None if inside else _phrase(subj)
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head == verb:
            return None
        verb = verb.head  # "... but has only grown 1.6%": the subject of the first verb


def _phrase(token: Token, figure: Span | None = None) -> str | None:
    """A noun phrase without relative clauses, appositions or the figure itself ("a massive
    loss" of "a massive $916 million loss"); None for pronouns and for the figure itself."""
    if token.pos_ in ("PRON", "DET") or (figure is not None and token in figure):
        return None
    def holds_figure(child: Token) -> bool:
        """Whether the figure lies in ``child``'s subtree."""
        return figure is not None and child.left_edge.i <= figure.start <= child.right_edge.i

    cut = {t.i for c in token.children if c.i > token.i and (
        c.dep_ in ("relcl", "appos", "acl", "punct") or holds_figure(c)) for t in c.subtree}
    if figure is not None:  # "a massive $916 million loss" -> "a massive loss"
        cut |= {t.i for t in figure.root.subtree} | set(range(figure.start, figure.end))
    words = [t for t in token.subtree if t.i not in cut]
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep")):
        words.pop()
    text = "".join(t.text_with_ws for t in words).strip(" ,\"'“”‘’")
    if words and _opens_sentence(words[0]) and not words[0].ent_type_ and any(
            t.text == words[0].lower_ for t in token.doc):
        text = text[:1].lower() + text[1:]  # "Trade between ..." -> "trade between ..."
    return text or None


def _opens_sentence(token: Token) -> bool:
    """Whether ``token`` is the first word of its sentence, after any paragraph break."""
    return all(t.is_space for t in token.doc[token.sent.start:token.i])


def _period(doc: Doc, span: Span, chain: list[Token], times: Sequence[TimeExpression]
            ) -> str | None:
    """The value of the time expression attached nearest to the figure's clause."""
    best: tuple[int, int, str] | None = None
    sent = span.sent  # spaCy finds the sentence afresh at each access
    for time in times:
        if time.value is None or time.type == "SET" or not sent.start_char <= time.start < (
                sent.end_char) or span.start_char <= time.start < span.end_char:
            continue
        tspan = doc.char_span(time.start, time.end, alignment_mode="expand")
        if tspan is None or _is_baseline(tspan):
            continue
        anchor = tspan.root
        while anchor.dep_ in ("pobj", "prep") and anchor.head != anchor:
            anchor = anchor.head
        rank = chain.index(anchor) if anchor in chain else len(chain)
        key = (rank, abs(time.start - span.start_char), time.value)
        best = key if best is None or key < best else best
    return best[2] if best else None


def _is_baseline(tspan: Span) -> bool:
    """ "from 2022", "over the same period last year": what a change is measured against."""
    head = tspan.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        if head.lower_ in BASELINE_PREPS and head.i < tspan.start:
            return True
        return head.lower_ == "over" and "same" in tspan.text.casefold()
    return False


def _source(span: Span, chain: list[Token]) -> str | None:
    """Who gives the figure: "according to X" in its sentence, or "X said/showed" above it."""
    # "according to X" counts for the clauses it is attached to
    for token in tokens_with(span.sent, "LOWER", ("according",)):
        if token.head in chain:
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if obj is not None:
                return _phrase(obj)
    for below, verb in itertools.pairwise(chain):
        if verb.lemma_.lower() in REPORT_VERBS and below.dep_ in ("ccomp", "parataxis"):
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return _phrase(subj)
    return None
