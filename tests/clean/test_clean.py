"""Cleaning: datelines and boilerplate in several outlets' styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_article, normalise_whitespace, split_dateline, strip_boilerplate
from eventwire.read import RawArticle, read_inputs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def cleaned(name: str):  # type: ignore[no-untyped-def]
    (raw,) = read_inputs([FIXTURES / name])
    assert isinstance(raw, RawArticle)
    return clean_article(raw)


@pytest.mark.parametrize(("text", "place", "outlet", "rest"), [
    ("Hong Kong (CNN) — Officials met.", "Hong Kong", "CNN", "Officials met."),
    ("WASHINGTON (AP) — The Senate voted.", "Washington", "AP", "The Senate voted."),
    ("MOSCOW, Aug 20 (Reuters) - Russia said.", "Moscow", "Reuters", "Russia said."),
    ("BEIJING — China said.", "Beijing", None, "China said."),
    ("OFER PRISON, West Bank (AP) — A court ruled.", "Ofer Prison, West Bank", "AP",
     "A court ruled."),
    ("NEW YORK, Jan. 3, 2024 (AFP) -- Markets fell.", "New York", "AFP", "Markets fell."),
    ("KYIV, Ukraine — Sirens sounded.", "Kyiv, Ukraine", None, "Sirens sounded."),
    # the web style: no dash, no space before the story
    ("London (CNN)It was a quiet week.", "London", "CNN", "It was a quiet week."),
    ("Paris (CNN)\u201cWe will not yield,\u201d she said.", "Paris", "CNN",
     "\u201cWe will not yield,\u201d she said."),
    # two places, for a story written from both
    ("TOKYO/BEIJING (Reuters) - Talks resumed.", "Tokyo/Beijing", "Reuters", "Talks resumed."),
    ("LIMA/SANTIAGO — Talks resumed.", "Lima/Santiago", None, "Talks resumed."),
])
def test_dateline_styles(text, place, outlet, rest):
    remaining, dateline = split_dateline(text)
    assert (dateline.place, dateline.outlet, remaining) == (place, outlet, rest)


@pytest.mark.parametrize("text", [
    "Russia — which borders Ukraine — said nothing.",
    "U.S. officials said the talks failed.",
    "The Kremlin (the seat of government) - said.",
    "NATO allies met on Monday.",
])
def test_ordinary_first_sentences_are_not_datelines(text):
    remaining, dateline = split_dateline(text)
    assert dateline.place is None and remaining == text


@pytest.mark.parametrize("line", [
    "The-CNN-Wire",
    "™ & © 2024 Cable News Network, Inc., a Warner Bros. Discovery Company. All rights reserved.",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "(c) 2023 Example Media Group",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Reporting by Ana Lima in Cairo; Editing by Tom Hale",
    "(Additional reporting by Omar Haddad; Writing by Li Wei)",
    "Associated Press writer Carla Nunez contributed to this report.",
    "Staff writers Jo Bell and Sam Roy contributed reporting.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    # newsletters, subscriptions, apps and links
    "Sign up here for our weekly briefing.",
    "Subscribe now for unlimited access to our journalism.",
    "Get our free World Today newsletter in your inbox every morning.",
    "Download the Daily Ledger app for breaking news alerts.",
    "Read more: Ministers clash over budget",
    "READ MORE",
    "More: Why the talks collapsed",
    "Related stories: Floods in the north",
    # contact lines and phone numbers
    "Contact the writer at jroe@ledger.example.",
    "Email the reporter: a.ng@ledger.example",
    "news@ledger.example",
    "Call 1-800-555-0199",
    "Tel: +44 20 7946 0958",
    # photo credits and captions
    "Photo: Jane Roe/AP",
    "(Photo by Ana Lima/Getty Images)",
    "Jane Roe/Reuters",
    "AFP/Getty Images",
    "Ana Lima/XYZ /Agency Ana Lima/XYZ /Agency",
    "Rescue workers search the rubble in the old town \u00a9Jane Roe (AFP/File)",
    # picture and slideshow controls
    "Enlarge this image",
    "toggle caption",
    "Enlarge this image toggle caption Ana Lima/XYZ /Agency",
    "3 of 12",
    "Slideshow: The week in pictures",
    # transcript notices
    "This transcript was produced quickly and may be revised before it is final.",
    "The audio, not this text, is the authoritative record of the broadcast.",
])
def test_boilerplate_lines_are_removed(line):
    text, removed = strip_boilerplate(f"The strike ended on Monday.\n\n{line}")
    assert text == "The strike ended on Monday."
    assert removed == (line,)


@pytest.mark.parametrize("line", [
    "The minister said the report contributed to the decision to resign.",
    "Copyright lawyers argued the case before the court for three days.",
    "Editing of the constitution began in 2019, officials said.",
    "Subscribers to the service lost access on Monday, the company said.",
    "More than 300 people were evacuated from the coast.",
    "Photographs of the meeting were published by state media on Tuesday.",
    "The talks in Geneva/Lausanne ended without a deal, diplomats said.",
    "He said the newsletter had been sent to all members before the vote.",
    "Readers can call the hotline, which opened on Friday.",
    "The court fined the company 2,000 euros.",
])
def test_article_sentences_are_kept(line):
    assert strip_boilerplate(line) == (line, ())


def test_a_posted_by_header_is_removed_and_the_story_kept():
    text, removed = strip_boilerplate(
        "Posted: Thursday, May 2, 2024 By Jane Roe: The council voted to close the port.")
    assert text == "The council voted to close the port."
    assert removed == ("Posted: Thursday, May 2, 2024 By Jane Roe:",)


def test_ap_style_article():
    article = cleaned("ap-style.txt")
    assert article.dateline == "Washington"
    assert article.outlet == "AP"
    assert article.text.startswith("The Senate on Tuesday approved")
    assert "contributed to this report" not in article.text
    assert "Associated Press. All rights reserved" not in article.text


def test_reuters_style_article():
    article = cleaned("reuters-style.txt")
    assert (article.dateline, article.outlet) == ("Istanbul", "Reuters")
    assert article.text.startswith("Delegations from four countries")
    assert "Reporting by" not in article.text and "Our Standards" not in article.text


def test_caps_dateline_article_takes_outlet_from_nowhere():
    article = cleaned("caps-dateline.txt")
    assert article.dateline == "Beijing"
    assert article.outlet is None
    assert "©" not in article.text


def test_whitespace_is_normalised():
    assert normalise_whitespace("  One\u00a0 two  \n\n\n\nThree \t") == "One two\n\nThree"


def test_article_id_is_a_content_hash():
    first, second = cleaned("ap-style.txt"), cleaned("ap-style.txt")
    assert first.id == second.id and len(first.id) == 16
    assert first.id != cleaned("reuters-style.txt").id
