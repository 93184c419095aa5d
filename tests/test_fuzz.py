"""Fuzzing the readers, the cleaner and ``eventwire.extract`` (hypothesis): whatever the bytes,
a reader yields articles or failures, the cleaner returns an article, and ``extract``
returns a document or raises ``EventwireError``; nothing else escapes. The number of
examples is bounded (``EVENTWIRE_FUZZ_EXAMPLES``, default 60 per test) and fixed so that CI
stays fast and repeatable; raise it and set ``EVENTWIRE_FUZZ_RANDOM=1`` for a long local run
that explores new inputs."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire
from eventwire.clean import clean_article
from eventwire.errors import EventwireError, Failure
from eventwire.read import RawArticle, ReadOptions, read_inputs, read_string

EXAMPLES = int(os.environ.get("EVENTWIRE_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                derandomize=not os.environ.get("EVENTWIRE_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

#: Fragments of the formats eventwire reads, to steer the fuzzer into the parsers.
FRAGMENTS = ["<html>", "</html>", "<math>", "<!doctype html>", "<p>", "</p>", "<body>",
             "<rss>", "<feed>", "<item>", "<![CDATA[", "]]>", "{", "}", "[", "]", '"text":',
             '"maintext":', "\\u0000", "\x00", "\ufeff", "WARC/1.0\r\n", " date 2024-01-01 By ",
             "Title: ", "\n\n", "(CNN) —", "©", "[/]", "[link=x]", "\x1b[2J", "é", "\ud7ff",
             "Russia", "said", "attacked", "on Monday", "2024", "%", "_"]
texty = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30
                 ).map("".join)
blobs = st.one_of(st.binary(max_size=400), texty.map(lambda t: t.encode("utf-8", "replace")))


def _only_articles_and_failures(found: list[object]) -> None:
    assert all(isinstance(item, (RawArticle, Failure)) for item in found)
    for item in found:
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason.strip()


@FUZZ
@given(blob=blobs, suffix=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".rss",
                                            ".warc", ".xml", ".jsonl.gz", ""]))
def test_readers_never_raise_on_any_file(tmp_path_factory, blob, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(blob)
    _only_articles_and_failures(list(read_inputs([path], ReadOptions(max_bytes=10_000))))


@FUZZ
@given(text=texty, fmt=st.sampled_from(["auto", "text", "html", "json", "jsonl", "feed"]))
def test_reading_a_string_never_raises(text, fmt):
    _only_articles_and_failures(list(read_string(text, "<fuzz>",
                                                 ReadOptions(input_format=fmt))))


@FUZZ
@given(text=texty, title=st.one_of(st.none(), texty),
       authors=st.lists(texty, max_size=3))
def test_the_cleaner_always_returns_an_article(text, title, authors):
    article = clean_article(RawArticle(source="<fuzz>", text=text, input_format="text",
                                       title=title, authors=tuple(authors)))
    assert "\x00" not in article.text and article.text == article.text.strip()


@pytest.mark.model
@FUZZ
@given(text=texty, fmt=st.sampled_from(["auto", "text", "html", "jsonl"]))
def test_extract_returns_a_document_or_raises_eventwire_error(text, fmt):
    try:
        doc = eventwire.extract(text, published="2024-03-01", input_format=fmt)
    except EventwireError:
        return
    json.dumps(doc.to_dict())  # the document serialises
    for event in doc.events:
        assert 0 <= event.sentence_start <= len(doc.article.text)
