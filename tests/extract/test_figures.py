"""Figures: money, percentages, fractions and counts, with subject, period and source.

Every text here is invented; time expressions are built by hand, as the times stage would.
"""

from __future__ import annotations

import pytest

from eventwire.extract.figures import find_figures, number_value
from eventwire.records import Figure, TimeExpression, content_id


def figures(nlp, text: str, times: tuple[TimeExpression, ...] = ()) -> list[Figure]:  # type: ignore[no-untyped-def]
    return find_figures(nlp(text), "a1", times)


def only(nlp, text: str, times: tuple[TimeExpression, ...] = ()) -> Figure:  # type: ignore[no-untyped-def]
    found = figures(nlp, text, times)
    assert len(found) == 1, found
    return found[0]


def time(text: str, phrase: str, value: str, occurrence: int = 0) -> TimeExpression:
    """A time expression over the ``occurrence``-th ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return TimeExpression(f"t{start}", phrase, start, start + len(phrase), value)


@pytest.mark.parametrize(("text", "value"), [
    ("10,000", 10000.0), ("1.6", 1.6), ("two hundred", 200.0), ("twenty-five", 25.0),
    ("5 million", 5e6), ("dozen", 12.0), ("three thousand", 3000.0), ("1.5 billion", 1.5e9),
])
def test_number_value_reads_digits_words_and_scales(text: str, value: float) -> None:
    assert number_value(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["several", "a few", ""])
def test_number_value_is_none_for_vague_words(text: str) -> None:
    assert number_value(text) is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "written", "value", "unit"), [
    ("Trade surpassed a target of $240 billion.", "$240 billion", 240e9, "USD"),
    ("The EU approved €5m in aid for the region.", "€5m", 5e6, "EUR"),
    ("The fund will lend 5 million euros to farmers.", "5 million euros", 5e6, "EUR"),
    ("Sales reached 3.2 trillion yuan.", "3.2 trillion yuan", 3.2e12, "CNY"),
    ("The loan totals 50 billion roubles.", "50 billion roubles", 50e9, "RUB"),
    ("A second loan is worth 2bn rubles.", "2bn rubles", 2e9, "RUB"),
    ("The aid package is worth £300 million.", "£300 million", 300e6, "GBP"),
    ("Japan pledged ¥1.2 trillion for the project.", "¥1.2 trillion", 1.2e12, "JPY"),
    ("The firm lost US$5bn in the deal.", "US$5bn", 5e9, "USD"),
    ("The bank raised HK$10 million.", "HK$10 million", 10e6, "HKD"),
    ("The state will spend 40 million pounds sterling.", "40 million pounds sterling", 40e6,
     "GBP"),
    ("The fine was $8.2 million.", "$8.2 million", 8.2e6, "USD"),
])
def test_figures_reads_money_in_many_currencies(nlp, text: str, written: str, value: float,  # type: ignore[no-untyped-def]
                                                unit: str) -> None:
    figure = only(nlp, text)
    assert (figure.text, figure.unit) == (written, unit)
    assert figure.value == pytest.approx(value)
    assert text[figure.start:figure.end] == written


@pytest.mark.model
def test_figures_reads_the_yen_sign_as_yuan_in_a_story_about_yuan(nlp) -> None:  # type: ignore[no-untyped-def]
    assert only(nlp, "The bank lent ¥3 billion, all in yuan, to exporters.").unit == "CNY"


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Inflation rose to 1.6% in July.", 1.6, "percent"),
    ("Unemployment fell 12 percent.", 12.0, "percent"),
    ("Exports rose 12 per cent.", 12.0, "percent"),
    ("The bank cut its key rate by 0.25 percentage points.", 0.25, "percentage points"),
])
def test_figures_reads_percentages(nlp, text: str, value: float, unit: str) -> None:  # type: ignore[no-untyped-def]
    figure = only(nlp, text)
    assert (figure.value, figure.unit) == (value, unit)


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "qualifier"), [
    ("Bilateral trade increased by more than a quarter last year.", 25.0, "more than"),
    ("More than half of voters backed the plan.", 50.0, "more than"),
    ("Sales fell by a third.", 33.33, None),
    ("Two-thirds of the budget went to defence.", 66.67, None),
    ("Prices fell by nearly half.", 50.0, "nearly"),
])
def test_figures_reads_fractions_as_percentages(nlp, text: str, value: float,  # type: ignore[no-untyped-def]
                                                qualifier: str | None) -> None:
    figure = only(nlp, text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, "percent", qualifier)


@pytest.mark.model
@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), [
    ("Russia massed 10,000 troops near the border.", 10000.0, "troops", None),
    ("The attack killed three civilians.", 3.0, "civilians", None),
    ("Medics treated at least 12 people.", 12.0, "people", "at least"),
    ("The agency counted 1.5 million refugees.", 1.5e6, "refugees", None),
    ("About a dozen people were hurt.", 12.0, "people", "about"),
])
def test_figures_reads_counted_nouns(nlp, text: str, value: float, unit: str,  # type: ignore[no-untyped-def]
                                     qualifier: str | None) -> None:
    figure = only(nlp, text)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Growth slowed in the first half of the year.",
    "He ruled for a quarter century.",
    "The talks lasted half an hour.",
    "She won a third term.",
    "The No. 2 official was promoted.",
    "The minister, aged 54, was born in 1970.",
    "The two countries signed a deal.",
    "She asked three questions.",
    "Dozens of people were hurt.",
    "The war began two and a half years ago.",
])
def test_figures_leaves_out_periods_ordinals_ranks_ages_and_years(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "subject"), [
    ("Trade between Kenya and Uganda reached a record last year, surpassing a target of "
     "$3 billion.", "Trade between Kenya and Uganda"),
    ("Bilateral trade increased by more than a quarter last year.", "Bilateral trade"),
    ("Exports rose 12 per cent.", "Exports"),
    ("The central bank cut its key rate by 0.25 percentage points.", "its key rate"),
    ("The unemployment rate rose to 5.2% in March.", "The unemployment rate"),
    ("Two-thirds of the budget went to defence.", "the budget"),
    ("The EU approved €5m in aid.", "aid"),
    ("The company reported a massive $916 million loss.", "a massive loss"),
])
def test_figures_names_what_is_measured(nlp, text: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    assert only(nlp, text).subject == subject


@pytest.mark.model
def test_figures_subject_of_a_second_clause_is_the_first_clauses_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Bilateral trade rose by a third in 2021, but has only grown 2% this year."
    assert [f.subject for f in figures(nlp, text)] == ["Bilateral trade", "Bilateral trade"]


@pytest.mark.model
def test_figures_lowercases_a_common_noun_that_opens_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The report covered trade. Trade grew 4% last year."
    assert only(nlp, text).subject == "trade"


@pytest.mark.model
def test_figures_period_is_the_time_of_the_figures_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Exports rose 12 percent in 2021 from 2020."
    times = (time(text, "2021", "2021"), time(text, "2020", "2020"))
    assert only(nlp, text, times).period == "2021"  # "from 2020" is the baseline


@pytest.mark.model
def test_figures_period_skips_the_same_period_a_year_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Imports grew 3% between March and May this year over the same period last year."
    times = (time(text, "between March and May this year", "2025-03/2025-05"),
             time(text, "the same period last year", "2024-03/2024-05"))
    assert only(nlp, text, times).period == "2025-03/2025-05"


@pytest.mark.model
def test_figures_period_reaches_the_main_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Spending hit a record last year, surpassing a target of $3 billion."
    assert only(nlp, text, (time(text, "last year", "2024"),)).period == "2024"


@pytest.mark.model
def test_figures_period_ignores_times_in_other_sentences(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The plan was drafted in 2019. Costs rose 5%."
    assert only(nlp, text, (time(text, "2019", "2019"),)).period is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "source"), [
    ("Inflation rose to 1.6% in July, according to the statistics office.",
     "the statistics office"),
    ("The aid package is worth £300 million, the ministry said.", "the ministry"),
    ("Exports rose 12 per cent, customs data showed.", "customs data"),
    ("Exports rose 12 per cent.", None),
])
def test_figures_names_who_gives_the_figure(nlp, text: str, source: str | None) -> None:  # type: ignore[no-untyped-def]
    assert only(nlp, text).source == source


@pytest.mark.model
def test_figures_according_to_covers_only_its_own_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Trade rose by a quarter in 2021, but has grown only 1.5% this year, according to "
            "customs data.")
    assert [f.source for f in figures(nlp, text)] == [None, "customs data"]


@pytest.mark.model
def test_figures_ids_come_from_the_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    figure = only(nlp, "Russia massed 10,000 troops near the border.")
    assert figure.id == content_id("a1", "figure", figure.start, figure.end)
