"""The query layer on both databases: every event filter, the dyad timeline, actors, quotes,
figures, and the DataFrame and Arrow forms. The store holds the hand-made documents of
``tests/store/query_docs.py`` (no model)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pyarrow as pa
import pytest
from tests.store.query_docs import fill

from eventwire.errors import ConfigError
from eventwire.store import open_store
from eventwire.store.query import (
    EventFilter,
    actor_rows,
    event_rows,
    figure_rows,
    make_filter,
    quote_rows,
    timeline_rows,
)


@pytest.fixture
def store(store_url):  # type: ignore[no-untyped-def]
    with open_store(store_url) as s:
        fill(s)
        yield s


def dyads(store, **filters) -> list[str]:  # type: ignore[no-untyped-def]
    """``SOURCE>TARGET:CAMEO`` of the events the filters keep, in the default order."""
    return [f"{r['source_code']}>{r['target_code']}:{r['cameo']}"
            for r in event_rows(store, make_filter(**filters))]


def test_events_are_one_row_per_real_world_event_oldest_first(store):
    rows = event_rows(store)
    assert len(rows) == 9
    assert [r["date"] for r in rows[:2]] == ["2024-05-01", "2024-05-06"]
    (talks,) = [r for r in rows if r["cameo"] == "042"]
    assert (talks["n_reports"], talks["n_articles"], talks["root"]) == (2, 2, "04")
    assert talks["date_start"] == dt.date(2024, 5, 7)
    assert talks["sentence"] == "Li Qiang held talks with Vladimir Putin in Moscow."


@pytest.mark.parametrize(("filters", "expected"), [
    ({"actor": "USA"}, ["CHNGOV>USAGOV:130"]),
    # same day: ties go by event id, the same on every database and in every run
    ({"actor": "chngov", "root": "04"}, ["CHNGOV>RUSGOV:042", "RUSGOV>CHNGOV:043"]),
    ({"actor": "---MIL"}, ["UKRMIL>RUSGOV:190"]),
    ({"country": "UKR"}, ["UKRMIL>RUSGOV:190", "RUSGOV>UKRGOV:180"]),
    ({"source": "RUS"}, ["RUSGOV>CHNGOV:043", "RUSGOV>UKRGOV:180"]),
    ({"target": "USAGOV"}, ["CHNGOV>USAGOV:130"]),
    ({"cameo": "03"}, ["CHNGOV>RUSGOV:036", "CHNGOV>RUSGOV:036"]),
    ({"root": 19}, ["UKRMIL>RUSGOV:190"]),
    ({"plover": "assault"}, ["UKRMIL>RUSGOV:190", "RUSGOV>UKRGOV:180"]),
    ({"quad_class": 3}, ["CHNGOV>RUSGOV:112", "CHNGOV>USAGOV:130"]),
    ({"mood": "future"}, ["CHNGOV>RUSGOV:036"]),
    ({"mood": "alleged"}, ["RUSGOV>UKRGOV:180"]),
    ({"min_reports": 2}, ["CHNGOV>RUSGOV:042"]),
    ({"outlet": "evening STAR"}, ["CHNGOV>RUSGOV:042", "CHNGOV>RUSGOV:112",
                                  "CHNGOV>USAGOV:130"]),
    ({"outlet": "Wire Copy", "quad_class": 4}, ["UKRMIL>RUSGOV:190"]),  # a syndicated copy
    ({"outlet": "Nobody"}, []),
])
def test_events_filter(store, filters, expected):
    assert dyads(store, **filters) == expected


def test_events_dyad_one_way_or_both(store):
    assert len(dyads(store, dyad=("CHN", "RUS"))) == 5
    both = dyads(store, dyad=("CHN", "RUS"), both_directions=True)
    assert len(both) == 6 and "RUSGOV>CHNGOV:043" in both


def test_events_date_range_keeps_events_wholly_inside(store):
    assert len(dyads(store, date_from="2024-06-01")) == 3  # 06-01..06-30 included
    assert dyads(store, date_from=dt.date(2024, 6, 1), date_to="2024-06-15") == [
        "RUSGOV>UKRGOV:180", "CHNGOV>RUSGOV:061"]  # "2024-06" ends 06-30: left out
    assert len(dyads(store, date_to="2024-05-31")) == 6


def test_events_limit_offset_and_order(store):
    assert dyads(store, limit=2, offset=1) == ["CHNGOV>RUSGOV:036", "CHNGOV>RUSGOV:042"]
    assert dyads(store, order="-date", limit=1) == ["CHNGOV>RUSGOV:061"]
    assert dyads(store, order="reports", limit=1) == ["CHNGOV>RUSGOV:042"]


def test_events_with_reports_lists_every_report_with_its_article(store):
    rows = event_rows(store, make_filter(dyad=("CHN", "RUS"), root="04"), reports=True)
    assert [r["outlet"] for r in rows] == ["Daily Planet", "Evening Star"]
    assert rows[0]["event_id"] == rows[1]["event_id"]
    assert rows[0]["published"] == dt.date(2024, 5, 6)
    assert rows[0]["url"] == "https://news.example/a1"
    assert (rows[0]["trigger"], rows[0]["date_source"], rows[0]["mood"]) == (
        "met", "text", "actual")
    assert len(event_rows(store, reports=True)) == 10


def test_events_with_reports_and_outlet_keeps_that_outlets_reports(store):
    rows = event_rows(store, make_filter(outlet="Evening Star"), reports=True)
    assert {r["outlet"] for r in rows} == {"Evening Star"} and len(rows) == 3


def test_timeline_by_week_counts_quad_classes_and_averages_goldstein(store):
    rows = timeline_rows(store, "CHN", "RUS", "week")
    assert [r["period"] for r in rows] == [dt.date(2024, 5, 6) + dt.timedelta(weeks=i)
                                           for i in range(5)]  # Mondays, gaps filled
    first, second, gap, fourth, fifth = rows
    assert (first["events"], first["verbal_coop"], first["goldstein"]) == (2, 2, 2.5)
    assert first["reports"] == 3
    assert (second["verbal_conflict"], second["goldstein"]) == (1, -2.0)
    assert (gap["events"], gap["goldstein"]) == (0, None)
    assert fourth["verbal_coop"] == 1  # dated "2024-06": its first day is in the week of 05-27
    assert (fifth["material_coop"], fifth["material_conflict"]) == (1, 0)


def test_timeline_both_directions_by_month_with_a_filter(store):
    f = make_filter(both_directions=True)
    rows = timeline_rows(store, "CHN", "RUS", "month", f)
    assert [(r["period"], r["events"]) for r in rows] == [
        (dt.date(2024, 5, 1), 4), (dt.date(2024, 6, 1), 2)]
    assert rows[0]["goldstein"] == pytest.approx(1.45)
    consult = timeline_rows(store, "CHN", "RUS", "day", make_filter(f, root="04"))
    assert [(r["period"], r["events"]) for r in consult] == [(dt.date(2024, 5, 7), 2)]


def test_timeline_of_an_unknown_dyad_is_empty_and_a_bad_period_an_error(store):
    assert timeline_rows(store, "FRA", "DEU") == []
    with pytest.raises(ConfigError, match="'year' is not one of day, week, month"):
        timeline_rows(store, "CHN", "RUS", "year")


def test_actors_count_mentions_articles_and_event_reports(store):
    rows = actor_rows(store)
    assert rows[0] == {"code": "CHNGOV", "name": "Li Qiang", "kind": "person", "mentions": 6,
                       "articles": 3, "events_as_source": 7, "events_as_target": 1}
    assert [r["code"] for r in actor_rows(store, make_filter(country="UKR"))] == [
        "UKRGOV", "UKRMIL"]
    assert [r["name"] for r in actor_rows(store, make_filter(outlet="Evening Star"))] == [
        "Li Qiang", "Vladimir Putin", "Washington"]
    assert len(actor_rows(store, make_filter(date_from="2024-06-01", limit=2))) == 2


def test_actors_refuse_event_filters(store):
    with pytest.raises(ConfigError, match="actors cannot filter by root"):
        actor_rows(store, make_filter(root="04"))


def test_quotes_by_speaker_and_code(store):
    (putin,) = quote_rows(store, speaker="putin")
    assert putin["text"] == "Our partnership is not aimed at anyone"
    assert (putin["outlet"], putin["published"]) == ("Evening Star", dt.date(2024, 5, 8))
    assert [q["speaker"] for q in quote_rows(store, make_filter(actor="CHN"))] == ["Li Qiang"]
    assert [q["speaker"] for q in quote_rows(store)] == ["Vladimir Putin", "Li Qiang"]


def test_figures_by_subject_and_unit(store):
    assert [f["value"] for f in figure_rows(store, subject="TRADE")] == [25.0, 240e9]
    (usd,) = figure_rows(store, unit="usd")
    assert (usd["subject"], usd["period"], usd["outlet"]) == (
        "trade between China and Russia", "2023", "Daily Planet")
    assert figure_rows(store, make_filter(date_to="2024-05-31"), unit="troops") == []


def test_events_dataframe_has_typed_columns(store):
    frame = store.events(dyad=("CHN", "RUS"), root="04", date_from="2024-05-01")
    assert len(frame) == 1
    assert frame["date_start"].dtype.kind == "M" and frame["first_report"].dtype.kind == "M"
    assert frame["n_reports"].dtype == "int64" and frame["quad_class"].dtype == "Int64"
    assert frame["goldstein"].dtype == "float64"
    assert frame.loc[0, "date_start"] == pd.Timestamp("2024-05-07")
    assert frame.loc[0, "n_reports"] == 2
    reports = store.events(EventFilter(root="04"), reports=True)
    assert reports["published"].dtype.kind == "M" and len(reports) == 3


def test_events_arrow_has_the_same_schema_on_both_databases(store):
    table = store.events_arrow(actor="CHN", mood="actual")
    assert isinstance(table, pa.Table) and table.num_rows == 6
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("n_sources").type == pa.int64()
    assert store.events_arrow(actor="FRA").num_rows == 0


def test_timeline_actors_quotes_figures_dataframes(store):
    weeks = store.timeline("CHN", "RUS", by="week")
    assert len(weeks) == 5 and weeks["period"].dtype.kind == "M"
    assert weeks["material_coop"].dtype == "int64" and pd.isna(weeks.loc[2, "goldstein"])
    assert store.actors(actor="RUS")["mentions"].tolist() == [4]
    assert store.quotes(speaker="Li")["speaker_code"].tolist() == ["CHNGOV"]
    assert store.figures(unit="percent")["value"].tolist() == [25.0]


@pytest.mark.parametrize(("filters", "message"), [
    ({"country": "CN"}, "country 'CN' is not a 3-letter code"),
    ({"root": "21"}, "root '21' is not a CAMEO root: use 01 to 20"),
    ({"date_from": "2024-13-01"}, "date_from '2024-13-01' is not a date: use YYYY-MM-DD"),
    ({"quad_class": 5}, "quad_class 5 is not a whole number from 1 to 4"),
    ({"mood": "likely"}, "mood 'likely' is not one of actual"),
    ({"dyad": "CHN"}, "dyad 'CHN' is not a pair of actor codes"),
    ({"actor": "CHN%"}, "actor 'CHN%' is not an actor code prefix"),
    ({"order": "random"}, "order 'random' is not one of date, -date, reports"),
    ({"colour": "red"}, r"Unknown filter\(s\) \['colour'\]"),
])
def test_bad_filters_are_config_errors(filters, message):
    with pytest.raises(ConfigError, match=message):
        make_filter(**filters)


def test_text_filters_match_part_of_the_text_or_all_of_it_after_equals(store):
    assert dyads(store, outlet="evening") == dyads(store, outlet="Evening Star") != []
    assert dyads(store, outlet="=evening") == []
    assert dyads(store, outlet="=EVENING STAR") == dyads(store, outlet="Evening Star")
    assert quote_rows(store, speaker="=li qiang") and not quote_rows(store, speaker="=li")
