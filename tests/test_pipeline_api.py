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


def test_thinc_ops_are_chosen_at_start_up_and_can_be_named(monkeypatch):
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    from eventwire.errors import ConfigError
    from eventwire.parse import choose_ops

    before = get_current_ops()
    try:
        assert choose_ops("blis") == "blis" and get_current_ops().use_blis is True
        monkeypatch.setenv("EVENTWIRE_OPS", "numpy")
        assert choose_ops() == "numpy" and get_current_ops().use_blis is False
        assert choose_ops("auto") in {"blis", "numpy"}
        assert isinstance(get_current_ops(), NumpyOps)
        with pytest.raises(ConfigError, match="use auto, blis or numpy"):
            choose_ops("cuda")
    finally:
        set_current_ops(before)


def test_built_tables_are_cached_on_disk_and_rebuilt_when_eventwire_changes(
        tmp_path, monkeypatch):
    import eventwire.resources as resources

    calls = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path / "cache"))
    assert resources.cached_on_disk("table", build) == {"built": 1}
    assert resources.cached_on_disk("table", build) == {"built": 1}  # loaded, not built
    assert len(calls) == 1 and len(list((tmp_path / "cache").glob("table-*.pickle"))) == 1
    monkeypatch.setattr(resources, "_fingerprint", lambda packages: "another-version")
    assert resources.cached_on_disk("table", build) == {"built": 2}  # rebuilt
    assert [p.name for p in (tmp_path / "cache").glob("table-*")] == [
        "table-another-version.pickle"]  # the stale build is removed
    (tmp_path / "cache" / "table-another-version.pickle").write_bytes(b"not a pickle")
    assert resources.cached_on_disk("table", build) == {"built": 3}  # a damaged file: rebuilt


def test_the_disk_cache_can_be_turned_off_or_be_unwritable(tmp_path, monkeypatch):
    import eventwire.resources as resources

    monkeypatch.setenv("EVENTWIRE_CACHE", "off")
    assert resources.cached_on_disk("table", lambda: 7) == 7
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("EVENTWIRE_CACHE", str(blocker / "cache"))  # cannot be a folder
    assert resources.cached_on_disk("table", lambda: 8) == 8


@pytest.mark.model
def test_a_resumed_ingest_parses_only_what_is_not_stored_yet(tmp_path, monkeypatch):
    import eventwire.api as api

    folder = tmp_path / "in"
    folder.mkdir()
    stories = ["Chile and Peru signed a trade agreement on Friday.",
               "Kenya recalled its ambassador to Somalia on Monday.",
               "Japan and India held security talks in Tokyo on Thursday."]
    for number, text in enumerate(stories):
        (folder / f"{number}.txt").write_text(f" date 2024-03-01 By Wire\n\n{text}\n")
    db = str(tmp_path / "e.duckdb")
    parsed: list[str] = []
    real = api.process

    def counting(items, settings=None):  # type: ignore[no-untyped-def]
        def seen():  # type: ignore[no-untyped-def]
            for item in items:
                parsed.append(item.source)
                yield item
        return real(seen(), settings)

    monkeypatch.setattr(api, "process", counting)
    first = eventwire.ingest_many([folder / "0.txt", folder / "1.txt"], db)  # then killed
    assert first.stored == 2 and len(parsed) == 2
    parsed.clear()
    again = eventwire.ingest_many([folder], db)
    assert (again.stored, again.unchanged) == (1, 2)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["2.txt"]  # only the new one is parsed
    parsed.clear()
    everything = eventwire.ingest_many([folder], db, resume=False)
    assert everything.unchanged == 3 and len(parsed) == 3
