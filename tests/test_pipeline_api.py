"""``eventwire.Pipeline``: the one entry the CLI, the web and Dask workers share; it and
every error eventwire raises survive pickling (Dask ships them between processes)."""

from __future__ import annotations

import pickle

import pytest

import eventwire
from eventwire.errors import (
    ConfigError,
    EventwireError,
    Failure,
    InputError,
    ModelNotFound,
    StoreError,
)
from eventwire.read import RawArticle


@pytest.mark.model
def test_a_warm_pipeline_processes_one_article_and_a_stream(nlp):
    pipeline = eventwire.Pipeline(eventwire.Settings(batch_size=2)).warm()
    raw = RawArticle(source="t", text="Chile and Peru signed a trade agreement in Lima on "
                     "Monday.", input_format="text")
    doc = pipeline.process(raw)
    assert isinstance(doc, eventwire.Document) and doc.events
    bad = Failure("u", "empty input")
    out = list(pipeline.process_many([raw, bad, raw]))
    assert [type(x).__name__ for x in out] == ["Document", "Failure", "Document"]


def test_a_pipeline_pickles_as_its_settings():
    pipeline = eventwire.Pipeline(eventwire.Settings(batch_size=7, min_confidence=0.5))
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.settings == pipeline.settings


@pytest.mark.parametrize("error", [
    EventwireError("x"), ConfigError("bad option"), ModelNotFound("no model"),
    InputError("a.txt", "empty input"), StoreError("cannot open"),
])
def test_every_error_pickles(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error) and str(copy) == str(error)
