"""The store's query methods for notebooks: pandas DataFrames and Arrow tables.

:class:`QueryMixin` gives every store ``events``, ``events_arrow``, ``timeline``, ``actors``,
``quotes`` and ``figures``, whose keyword arguments are the filters of
:class:`~eventwire.store.filters.EventFilter` (``actor="CHN"``, ``dyad=("CHN", "RUS")``,
``root="04"``, ``date_from="2024-01-01"``...). Columns are typed from the query's column list,
the same on both databases: dates are ``datetime64``, counts ``int64``, QuadClass the nullable
``Int64``, scores ``float64``. pandas and pyarrow are imported on first use only, so the
command line never pays for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from eventwire.store.filters import EventFilter, make_filter
from eventwire.store.query import (
    TIMELINE_COLUMNS,
    Columns,
    Query,
    actors_query,
    events_query,
    figures_query,
    quotes_query,
    timeline_rows,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa



def arrow_schema(columns: Sequence[tuple[str, str]]) -> pa.Schema:
    """The Arrow schema of (name, kind) columns, for queries and exports alike: kinds are
    text/string, date, count/int/int64, int8, float/float64, timestamp."""
    import pyarrow as pa

    types = {"text": pa.string(), "string": pa.string(), "date": pa.date32(),
             "count": pa.int64(), "int": pa.int64(), "int64": pa.int64(), "int8": pa.int8(),
             "float": pa.float64(), "float64": pa.float64(), "timestamp": pa.timestamp("s")}
    return pa.schema([(name, types[kind]) for name, kind in columns])


def rows_to_arrow(rows: list[dict[str, Any]], columns: Columns) -> pa.Table:
    """Rows (dicts) as an Arrow table with the query's schema."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema(columns))


def arrow_to_frame(table: pa.Table, columns: Columns) -> pd.DataFrame:
    """An Arrow table as a DataFrame: dates as datetime64, nullable ints as ``Int64``."""
    frame = table.to_pandas(date_as_object=False)
    for name, kind in columns:
        if kind == "int":
            frame[name] = frame[name].astype("Int64")
    return frame


class QueryMixin:
    """Event-data queries on a :class:`~eventwire.store.base.SqlStore` (see the module doc)."""

    def _columns(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError  # SqlStore's

    def fetch(self, query: Query) -> list[dict[str, Any]]:
        """Run ``query`` and return its rows as dicts."""
        return self._columns(query.sql, query.params)

    def fetch_arrow(self, query: Query) -> pa.Table:
        """Run ``query`` and return an Arrow table (backends may do this without rows)."""
        return rows_to_arrow(self.fetch(query), query.columns)

    def events(self, filter: EventFilter | None = None, *, reports: bool = False,
               **filters: Any) -> pd.DataFrame:
        """Deduplicated events (one row per real-world event), or with ``reports=True`` every
        report of them in an article, as a DataFrame."""
        query = events_query(make_filter(filter, **filters), reports)
        return arrow_to_frame(self.fetch_arrow(query), query.columns)

    def events_arrow(self, filter: EventFilter | None = None, *,
                     reports: bool = False, **filters: Any) -> pa.Table:
        """:meth:`events` as a pyarrow Table."""
        return self.fetch_arrow(events_query(make_filter(filter, **filters), reports))

    def timeline(self, a: str, b: str, by: str = "week", *,
                 filter: EventFilter | None = None, **filters: Any) -> pd.DataFrame:
        """Per period (``day``, ``week``, ``month``) of the dyad ``a`` -> ``b`` (both ways with
        ``both_directions=True``): events by QuadClass, mean Goldstein score and reports."""
        rows = timeline_rows(self, a, b, by, make_filter(filter, **filters))
        return arrow_to_frame(rows_to_arrow(rows, TIMELINE_COLUMNS), TIMELINE_COLUMNS)

    def actors(self, filter: EventFilter | None = None,
               **filters: Any) -> pd.DataFrame:
        """Actors with their mentions, articles and event reports as source and target."""
        return self._frame(actors_query(make_filter(filter, **filters)))

    def quotes(self, speaker: str | None = None, *,
               filter: EventFilter | None = None, **filters: Any) -> pd.DataFrame:
        """Quotations, with ``speaker`` matching part of the speaker's name."""
        return self._frame(quotes_query(make_filter(filter, **filters), speaker))

    def figures(self, subject: str | None = None, unit: str | None = None, *,
                filter: EventFilter | None = None, **filters: Any) -> pd.DataFrame:
        """Figures, with ``subject`` matching part of what they measure, ``unit`` the unit."""
        return self._frame(figures_query(make_filter(filter, **filters), subject, unit))

    def _frame(self, query: Query) -> pd.DataFrame:
        return arrow_to_frame(self.fetch_arrow(query), query.columns)
