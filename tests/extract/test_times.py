"""Time expressions: finding them, and valuing them against the publication date as TIMEX3
does. Sentences are our own; most are dated Tuesday 20 August 2024."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.extract import timex
from eventwire.extract.times import find_times
from eventwire.records import content_id
from eventwire.timeperiod import iso_week, period

TUESDAY = dt.date(2024, 8, 20)


def times_of(nlp, text: str, published: dt.date | None = TUESDAY,  # type: ignore[no-untyped-def]
             **options: bool) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(nlp(text), published, "a1", **options)]


def one_time(nlp, text: str, published: dt.date | None = TUESDAY):  # type: ignore[no-untyped-def]
    (found,) = find_times(nlp(text), published, "a1")
    return found


# ---------------------------------------------------------------- timeperiod


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2024-08-21", "2024-08-21", "2024-08-21"),
    ("2024-W33", "2024-08-12", "2024-08-18"),
    ("2024-07", "2024-07-01", "2024-07-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2022", "2022-01-01", "2022-12-31"),
    ("2024-Q3", "2024-07-01", "2024-09-30"),
    ("199", "1990-01-01", "1999-12-31"),
    ("2024-01/2024-07", "2024-01-01", "2024-07-31"),
    ("2024-08-20TMO", "2024-08-20", "2024-08-20"),
])
def test_period_gives_first_and_last_day(value, first, last):
    assert period(value) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize("value", ["P4D", "PRESENT_REF", "", "2023-W53", "2024-02-30",
                                   "2024-07/2024-01", "XXXX-08-03"])
def test_period_is_none_for_values_without_fixed_days(value):
    assert period(value) is None


def test_iso_week_uses_the_week_numbering_year():
    assert iso_week(dt.date(2024, 8, 20)) == "2024-W34"
    assert iso_week(dt.date(2021, 1, 1)) == "2020-W53"


# ---------------------------------------------------------------- timex arithmetic


@pytest.mark.parametrize(("words", "amount"), [
    ("two", 2), ("twenty-five", 25), ("two and a half", 2.5), ("two and half", 2.5),
    ("1 1/2", 1.5), ("a couple of", 2), ("an", 1), ("half an", 0.5), ("3,000", 3000),
    ("one hundred", 100),
])
def test_parse_number_reads_spelled_and_written_counts(words, amount):
    assert timex.parse_number(words) == amount


def test_parse_number_rejects_words_that_are_not_counts():
    assert timex.parse_number("several") is None


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (4, "day", "P4D"), (2, "week", "P2W"), (2.5, "year", "P2Y6M"), (1.5, "hour", "PT1H30M"),
    (90, "minute", "PT90M"), (1, "decade", "P10Y"), (2, "quarter", "P6M"),
    (1.5, "minute", "PT1M30S"), (None, "week", "PXW"),
])
def test_duration_writes_timex3_values(amount, unit, value):
    assert timex.duration(amount, unit) == value


@pytest.mark.parametrize(("weekday", "lean", "day"), [
    ("wednesday", None, "2024-08-21"),
    ("monday", None, "2024-08-19"),
    ("tuesday", None, "2024-08-20"),
    ("sunday", None, "2024-08-18"),
    ("thursday", None, "2024-08-22"),
    ("friday", "future", "2024-08-23"),   # three days ahead or four back: tense decides
    ("friday", "past", "2024-08-16"),
    ("friday", None, "2024-08-16"),       # and the past, when it says nothing
    ("saturday", "future", "2024-08-24"),
])
def test_nearest_weekday(weekday, lean, day):
    found = timex.nearest_weekday(TUESDAY, timex.WEEKDAYS.index(weekday), lean)
    assert found.isoformat() == day


def test_ago_keeps_the_granularity_of_its_unit():
    assert timex.ago(TUESDAY, 2, "week") == "2024-08-06"
    assert timex.ago(TUESDAY, 3, "month") == "2024-05"
    assert timex.ago(TUESDAY, 2, "year") == "2022"
    assert timex.ago(TUESDAY, 2.5, "year") == "2022-02"


def test_shift_keeps_the_day_of_the_month_where_it_can():
    assert timex.shift(dt.date(2024, 3, 31), -1, "month") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(("name", "year", "day"), [
    ("Christmas", 2024, "2024-12-25"), ("Thanksgiving", 2024, "2024-11-28"),
    ("Easter", 2024, "2024-03-31"), ("Easter", 2025, "2025-04-20"),
    ("Good Friday", 2024, "2024-03-29"), ("Memorial Day", 2024, "2024-05-27"),
    ("Labor Day", 2024, "2024-09-02"), ("Election Day", 2024, "2024-11-05"),
    ("the Fourth of July", 2024, "2024-07-04"),
])
def test_holiday_days(name, year, day):
    assert str(timex.holiday(name, year)) == day


# ---------------------------------------------------------------- without a parse


def test_find_times_works_on_an_unparsed_doc():
    words = ["Talks", "began", "on", "Aug.", "3", ",", "2024", ",", "two", "weeks", "ago", "."]
    spaces = [True, True, True, True, False, True, False, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)
    found = find_times(doc, TUESDAY, "a1")
    assert [(t.text, t.value) for t in found] == [
        ("Aug. 3, 2024", "2024-08-03"), ("two weeks ago", "2024-08-06")]


# ---------------------------------------------------------------- weekdays


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [
    ("Officials will meet Wednesday in the capital.", "2024-08-21"),
    ("The minister arrived Monday.", "2024-08-19"),
    ("The talks opened on Tuesday.", "2024-08-20"),
    ("Shares fell on Friday.", "2024-08-16"),
    ("The plan is scheduled to close Friday.", "2024-08-23"),
    ("Wednesday's meeting was postponed.", "2024-08-21"),
    ("The summit opens next Tuesday.", "2024-08-27"),
    ("The rebels attacked last Friday.", "2024-08-16"),
])
def test_weekday_is_the_nearest_such_day(nlp, text, day):
    found = one_time(nlp, text)
    assert found.value == day
    assert found.type == "DATE"


@pytest.mark.model
def test_possessive_weekday_span_is_the_weekday(nlp):
    assert times_of(nlp, "Wednesday's meeting was postponed.") == [("Wednesday", "2024-08-21")]


@pytest.mark.model
def test_weekday_before_a_date_is_part_of_it(nlp):
    assert times_of(nlp, "It happened on Monday, Aug. 19.") == [("Monday, Aug. 19", "2024-08-19")]


# ---------------------------------------------------------------- relative expressions


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "value"), [
    ("The fire started two weeks ago.", "two weeks ago", "2024-08-06"),
    ("He left three days ago.", "three days ago", "2024-08-17"),
    ("The firm closed a month ago.", "a month ago", "2024-07"),
    ("The law passed two years ago.", "two years ago", "2022"),
    ("Prices rose last week.", "last week", "2024-W33"),
    ("Prices may rise next week.", "next week", "2024-W35"),
    ("She resigned last month.", "last month", "2024-07"),
    ("Sales fell last year.", "last year", "2023"),
    ("Sales recovered this year.", "this year", "2024"),
    ("He was arrested yesterday.", "yesterday", "2024-08-19"),
    ("The vote is today.", "today", "2024-08-20"),
    ("He will appear in court tomorrow.", "tomorrow", "2024-08-21"),
])
def test_relative_expressions_count_from_the_publication_date(nlp, text, span, value):
    assert times_of(nlp, text) == [(span, value)]


@pytest.mark.model
def test_nearly_two_and_half_years_ago_is_a_month_with_a_qualifier(nlp):
    found = one_time(nlp, "The company was founded nearly two and half years ago.")
    assert (found.text, found.value, found.mod) == (
        "nearly two and half years ago", "2022-02", "APPROX")


@pytest.mark.model
def test_earlier_this_month_is_the_month_from_its_start(nlp):
    found = one_time(nlp, "The army said earlier this month that it would withdraw.")
    assert (found.text, found.value, found.mod) == ("earlier this month", "2024-08", "START")


@pytest.mark.model
def test_this_morning_is_a_time_of_the_publication_day(nlp):
    found = one_time(nlp, "The storm hit this morning.")
    assert (found.value, found.type) == ("2024-08-20TMO", "TIME")


# ---------------------------------------------------------------- years, months, dates


@pytest.mark.model
def test_in_a_year_is_the_year_not_a_day_of_it(nlp):
    assert times_of(nlp, "The war began in 2022.") == [("2022", "2022")]


@pytest.mark.model
def test_since_a_year_keeps_the_year_and_records_the_qualifier(nlp):
    found = one_time(nlp, "The talks have been held since 1996.")
    assert (found.text, found.value, found.mod) == ("since 1996", "1996", "ON_OR_AFTER")


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "value"), [
    ("Police said on Aug. 3 that the road was closed.", "Aug. 3", "2024-08-03"),
    ("The law took effect on Aug 3, 2024.", "Aug 3, 2024", "2024-08-03"),
    ("The treaty was signed on 3 August 2023.", "3 August 2023", "2023-08-03"),
    ("The election is on Nov. 5.", "Nov. 5", "2024-11-05"),
    ("The deal was signed Jan. 15.", "Jan. 15", "2024-01-15"),
    ("Voters will go to the polls on Jan. 15.", "Jan. 15", "2025-01-15"),
    ("Exports fell in August 1988.", "August 1988", "1988-08"),
    ("The plant reopens in September.", "September", "2024-09"),
])
def test_dates_and_months_take_their_year_from_text_or_publication(nlp, text, span, value):
    assert times_of(nlp, text) == [(span, value)]


@pytest.mark.model
def test_range_whose_first_end_lacks_a_year_is_one_interval(nlp):
    text = "Output grew between January and July this year over the same period last year."
    assert times_of(nlp, text) == [
        ("between January and July this year", "2024-01/2024-07"),
        ("the same period last year", "2023-01/2023-07"),
    ]


@pytest.mark.model
def test_range_of_full_years_keeps_its_ends_apart_as_timeml_does(nlp):
    assert times_of(nlp, "The trial ran from 1990 to 1995.") == [("1990", "1990"), ("1995", "1995")]


@pytest.mark.model
def test_the_same_period_last_year_alone_is_last_year(nlp):
    assert times_of(nlp, "Sales were flat compared with the same period last year.") == [
        ("the same period last year", "2023")]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "value"), [
    ("Inflation was high in the 1990s.", "the 1990s", "199"),
    ("Third-quarter profit rose.", "Third-quarter", "2024-Q3"),
    ("Attendance fell last summer.", "last summer", "2023-SU"),
    ("Stores expect crowds at Thanksgiving.", "Thanksgiving", "2024-11-28"),
    ("We met last Christmas.", "last Christmas", "2023-12-25"),
    ("Profit will be reported by year-end.", "year-end", "2024-12-31"),
    ("Talks resume at 9 a.m. Wednesday.", "9 a.m. Wednesday", "2024-08-21T09:00"),
])
def test_decades_quarters_seasons_holidays_and_clock_times(nlp, text, span, value):
    assert times_of(nlp, text) == [(span, value)]


@pytest.mark.model
def test_that_year_and_the_next_day_point_back(nlp):
    assert times_of(nlp, "The party was founded in 1996. That year, it won seats.") == [
        ("1996", "1996"), ("That year", "1996")]
    assert times_of(nlp, "She arrived on Aug. 3. The next day, she left.") == [
        ("Aug. 3", "2024-08-03"), ("The next day", "2024-08-04")]


@pytest.mark.model
def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_back(nlp):
    text = "Profit rose in the third quarter from a year earlier."
    assert times_of(nlp, text) == [("third quarter", "2024-Q3"), ("a year earlier", "2023-Q3")]


# ---------------------------------------------------------------- durations and sets


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "value"), [
    ("The four-day trip ends in Minsk.", "four-day", "P4D"),
    ("The project took two weeks.", "two weeks", "P2W"),
    ("Crime has fallen over the past three years.", "the past three years", "P3Y"),
    ("The flight lasted 90 minutes.", "90 minutes", "PT90M"),
    ("He spent a year and a half in jail.", "a year and a half", "P1Y6M"),
    ("The government sold a 10-year bond.", "10-year", "P10Y"),
    ("The strike lasted more than six months.", "more than six months", "P6M"),
])
def test_durations(nlp, text, span, value):
    found = one_time(nlp, text)
    assert (found.text, found.value, found.type) == (span, value, "DURATION")


@pytest.mark.model
def test_more_than_is_a_qualifier_but_over_the_past_is_not(nlp):
    assert one_time(nlp, "The strike lasted more than six months.").mod == "MORE_THAN"
    assert one_time(nlp, "Crime has fallen over the past three years.").mod is None


@pytest.mark.model
def test_every_week_and_daily_are_sets(nlp):
    found = find_times(nlp("The team plays every week and trains daily."), TUESDAY, "a1")
    assert [(t.text, t.value, t.type) for t in found] == [
        ("every week", "P1W", "SET"), ("daily", "P1D", "SET")]


# ---------------------------------------------------------------- what is not a time


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "He paid $2,000 for 2000 shares.",
    "Li, the No. 2 official, fought in World War II.",
    "A 65-year-old man was hurt.",
    "Trade rose 5% year-on-year.",
    "May we ask what happened?",
    "There are four flights a week.",
    "They won a quarter of the vote.",
    "Flight 1549 landed safely.",
    "The rate is 1,998 per 100,000.",
    "He worked for USA Today.",
    "The film High Noon is a classic.",
    "Interest rates are now high.",
])
def test_numbers_and_names_that_are_not_times(nlp, text):
    assert times_of(nlp, text) == []


# ---------------------------------------------------------------- options and records


@pytest.mark.model
def test_underspecified_references_only_on_request(nlp):
    text = "Rates are now high after several months of cuts."
    assert times_of(nlp, text) == []
    assert times_of(nlp, text, underspecified=True) == [
        ("now", "PRESENT_REF"), ("several months", "PXM")]


@pytest.mark.model
def test_without_a_publication_date_relative_values_stay_open(nlp):
    assert times_of(nlp, "He left yesterday.", None) == [("yesterday", None)]
    assert times_of(nlp, "Police said on Aug. 3 that it was over.", None) == [
        ("Aug. 3", "XXXX-08-03")]
    assert times_of(nlp, "The war began in 2022.", None) == [("2022", "2022")]


@pytest.mark.model
def test_records_hold_offsets_and_content_ids(nlp):
    doc = nlp("Prices rose last week.")
    (found,) = find_times(doc, TUESDAY, "article-7")
    assert doc.text[found.start : found.end] == found.text == "last week"
    assert found.id == content_id("article-7", "time", found.start, found.end)
