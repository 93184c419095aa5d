"""The dated actor dictionary: the bundled layers by date, the user's TSV, YAML and TABARI files
on top, and one-line errors naming a bad file. No spaCy model needed; names not in the bundled
data are our own inventions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.extract.dictionary import (
    ActorDictionary,
    explain,
    load_dictionary,
    read_user_file,
)
from eventwire.extract.tabari import TabariError, read_tabari, tabari_date

HEADER = "name\tvariants\tcode\tfrom\tto\tkind\tsource\n"
TABARI = """\
# our own actors
MAARTJE_VAN_DER_KLOOSTER_        # an invented foreign minister
+VAN_DER_KLOOSTER_
+MINISTER_MAARTJE_KLOOSTER_
    [NLDGOV 150101-200101]
    [NLDELI]
ROTTERDAM_DOCKERS_GUILD_ [NLDLAB]
TOMASZ_WIERZBICKI_
TOMEK_WIERZBICKI_
    [POLBUS >180301]
"""


@pytest.fixture(scope="module")
def bundled() -> ActorDictionary:
    return load_dictionary()


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def layer(path: str) -> ActorDictionary:
    """A dictionary of one user file alone (faster than loading the bundled layers)."""
    dictionary = ActorDictionary()
    dictionary.add(read_user_file(path))
    return dictionary


# ---------------------------------------------------------------- the bundled layers


def test_dictionary_codes_trump_by_his_role_on_the_day(bundled):
    assert bundled.resolve("Donald Trump", day("2017-06-01")).code == "USAGOV"
    assert bundled.resolve("Donald Trump", day("2022-06-01")).code == "USA"
    assert bundled.by_surname("Trump", day("2017-06-01")).code == "USAGOV"
    assert bundled.by_surname("Trump", day("2022-06-01"), holding=False).code == "USA"


def test_dictionary_codes_obama_as_president(bundled):
    assert bundled.resolve("Barack Obama", day("2012-06-01")).code == "USAGOV"
    assert bundled.resolve("Obama", day("2012-06-01")).code == "USAGOV"


@pytest.mark.parametrize(("name", "code"), [
    ("Eritrean Liberation Front", "ERIREB"),         # a demonym as the first word
    ("Palestinian Islamic Jihad", "PSEREB"),
    ("National Patriotic Front of Liberia", "LBRREB"),  # "of" a country
])
def test_an_armed_group_is_placed_in_the_country_it_is_named_after(bundled, name, code):
    assert bundled.resolve(name, day("2000-01-01")).code == code


def test_dictionary_finds_mishustin_by_surname_and_full_name(bundled):
    assert bundled.by_surname("Mishustin", day("2024-06-01")).code == "RUSGOV"
    assert bundled.resolve("Mikhail Mishustin", day("2024-06-01")).code == "RUSGOV"


def test_a_written_out_first_name_must_agree_with_the_known_person_s(bundled):
    # the bundled dictionary has a Polish minister Jerzy Miller (from 2009, no end)
    assert bundled.by_surname("Miller", day("2024-06-01"), "Jerzy").code == "POLGOV"
    assert bundled.by_surname("Miller", day("2024-06-01"), "J.").code == "POLGOV"
    assert bundled.by_surname("Miller", day("2024-06-01"), "Jane") is None


def test_explain_falls_back_to_the_surname_and_lists_every_entry(bundled):
    found = explain(bundled, "Trump", day("2022-06-01"))
    assert found is not None and found.by_surname
    assert found.resolution.code == "USA"
    assert found.resolution.entry.name == "Donald J. Trump"
    assert [(e.code, e.start, e.end) for e in found.history] == [
        ("USAGOV", day("2017-01-20"), day("2021-01-20")), ("USAGOV", day("2025-01-20"), None)]


def test_explain_of_a_full_name_is_no_surname_match(bundled):
    found = explain(bundled, "Mikhail Mishustin", day("2024-06-01"))
    assert found is not None and not found.by_surname
    assert found.resolution.code == "RUSGOV" and "factbook" in found.resolution.why


def test_explain_of_an_unknown_name_is_none(bundled):
    assert explain(bundled, "Qwzxv Plormbottle", day("2024-06-01")) is None
    assert explain(bundled, "Plormbottle", day("2024-06-01")) is None


# ---------------------------------------------------------------- the user's files


def test_user_tsv_overrides_a_bundled_entry(tmp_path):
    path = write(tmp_path / "user.tsv",
                 HEADER + "Vladimir Putin\t\tRUSMIL\t\t\tperson\t\n")
    dictionary = load_dictionary((path,))
    found = dictionary.resolve("Vladimir Putin", day("2024-06-01"))
    assert found.code == "RUSMIL"
    assert found.entry.source == "user.tsv"  # the file that won
    assert dictionary.resolve("Mikhail Mishustin", day("2024-06-01")).code == "RUSGOV"
    assert dictionary.layers[-1] == path


def test_later_user_file_wins(tmp_path):
    first = write(tmp_path / "first.tsv", HEADER + "Ilse Harmsdorf\t\tDEUGOV\t\t\tperson\t\n")
    second = write(tmp_path / "second.tsv", HEADER + "Ilse Harmsdorf\t\tDEUOPP\t\t\tperson\t\n")
    assert load_dictionary((first, second)).resolve("Ilse Harmsdorf").code == "DEUOPP"
    assert load_dictionary((second, first)).resolve("Ilse Harmsdorf").code == "DEUGOV"


def test_user_tsv_dates_and_variants(tmp_path):
    path = write(tmp_path / "people.tsv", HEADER +
                 "Odile Varneuil\tVarneuil|O. Varneuil\tFRAGOV\t2016-05-01\t2019-02-01\tperson\t\n"
                 "Odile Varneuil\t\tFRAOPP\t2019-02-01\t\tperson\tmy notes\n")
    dictionary = layer(path)
    assert dictionary.resolve("O. Varneuil", day("2016-05-01")).code == "FRAGOV"  # inclusive
    found = dictionary.resolve("Varneuil", day("2019-02-01"))  # "to" is exclusive
    assert (found.code, found.entry.source) == ("FRAOPP", "my notes")


def test_user_yaml_takes_variants_as_a_list(tmp_path):
    path = write(tmp_path / "people.yaml", """\
- name: Ingrid Solvhaug
  variants: [Solvhaug, I. Solvhaug]
  code: NORGOV
  from: 2019-10-01
  kind: person
- name: Fjord Salmon Cooperative
  code: NORBUS
""")
    dictionary = layer(path)
    assert dictionary.resolve("I. Solvhaug", day("2020-01-01")).code == "NORGOV"
    assert dictionary.resolve("Ingrid Solvhaug", day("2018-01-01")).code == "NOR"
    assert dictionary.resolve("fjord salmon cooperative").code == "NORBUS"


def test_user_tabari_file_resolves_by_date_and_variant(tmp_path):
    dictionary = layer(write(tmp_path / "mine.actors", TABARI))
    assert dictionary.resolve("Maartje van der Klooster", day("2017-06-01")).code == "NLDGOV"
    assert dictionary.resolve("Van der Klooster", day("2017-06-01")).code == "NLDGOV"
    assert dictionary.resolve("Minister Maartje Klooster", day("2022-06-01")).code == "NLDELI"
    assert dictionary.resolve("Rotterdam Dockers Guild").code == "NLDLAB"
    assert dictionary.resolve("Tomek Wierzbicki", day("2019-01-01")).code == "POLBUS"


@pytest.mark.parametrize(("name", "text", "problem"), [
    ("columns.tsv", "name\tcode\trole\nAda Brennholt\tDEUGOV\tminister\n", "unknown column"),
    ("code.tsv", HEADER + "Ada Brennholt\t\tGERMANY\t\t\t\t\n", "not a CAMEO actor code"),
    ("date.tsv", HEADER + "Ada Brennholt\t\tDEUGOV\t20/01/2017\t\t\t\n", "not YYYY-MM-DD"),
    ("kind.tsv", HEADER + "Ada Brennholt\t\tDEUGOV\t\t\tminister\t\n", "kind"),
    ("empty.tsv", HEADER + "\t\tDEUGOV\t\t\t\t\n", "name is empty"),
    ("list.yaml", "name: Ada Brennholt\ncode: DEUGOV\n", "expected a list"),
    ("broken.yaml", "- name: [Ada\n", "not valid YAML"),
    ("month.actors", "ADA_BRENNHOLT_\n  [DEUGOV 171301-200101]\n", "line 2"),
    ("bracket.actors", "ADA_BRENNHOLT_ [DEUGOV\n", "line 1"),
    ("orphan.actors", "  [DEUGOV]\n", "no name"),
    ("code.actors", "ADA_BRENNHOLT_ [DEUGO]\n", "not a CAMEO actor code"),
])
def test_bad_user_file_raises_config_error_naming_it(tmp_path, name, text, problem):
    path = write(tmp_path / name, text)
    with pytest.raises(ConfigError) as raised:
        read_user_file(path)
    message = str(raised.value)
    assert message.startswith(path) and problem in message
    assert "\n" not in message


def test_missing_user_file_raises_config_error_naming_it(tmp_path):
    path = str(tmp_path / "nowhere.tsv")
    with pytest.raises(ConfigError, match=r"nowhere\.tsv: no such actor dictionary"):
        load_dictionary((path,))


# ---------------------------------------------------------------- the TABARI reader


@pytest.mark.parametrize(("text", "expected"), [
    ("080507", "2008-05-07"), ("291231", "2029-12-31"), ("300101", "1930-01-01"),
    ("700101", "1970-01-01"), ("19410120", "1941-01-20"),
])
def test_tabari_two_digit_years_pivot_at_30(text, expected):
    assert tabari_date(text) == day(expected)


def test_tabari_ranges_open_at_either_end():
    (entry,) = read_tabari(["GRETA_HOLMQVIST_", "  [SWEGOV >080507]", "  [SWELEG <19991231]",
                            "  [SWEELI 700101-080507]", "  [SWE]"])
    assert [(c.code, c.start, c.end) for c in entry.codes] == [
        ("SWEGOV", day("2008-05-07"), None),
        ("SWELEG", None, day("1999-12-31")),
        ("SWEELI", day("1970-01-01"), day("2008-05-07")),
        ("SWE", None, None),
    ]


def test_tabari_names_share_the_code_block_that_follows_them():
    entries = list(read_tabari(TABARI.splitlines()))
    assert [e.name for e in entries] == ["Maartje Van Der Klooster", "Rotterdam Dockers Guild",
                                         "Tomasz Wierzbicki", "Tomek Wierzbicki"]
    tomasz, tomek = entries[2:]
    assert tomasz.codes == tomek.codes and tomek.codes[0].start == day("2018-03-01")
    assert entries[0].variants == ["Van Der Klooster", "Minister Maartje Klooster"]


def test_tabari_strict_names_the_bad_line_and_lenient_skips_it():
    lines = ["ADA_BRENNHOLT_", "  [DEUGOV 170230-200101]", "  [DEU]"]
    with pytest.raises(TabariError, match="line 2"):
        list(read_tabari(lines, strict=True))
    (entry,) = read_tabari(lines)
    assert [c.code for c in entry.codes] == ["DEU"]


def test_a_misspelt_surname_after_a_title_finds_the_known_person():
    import datetime as dt

    from eventwire.extract.dictionary import load_dictionary

    found = load_dictionary(()).by_surname("Mitterand", dt.date(1990, 1, 1), holding=False)
    assert found is not None and found.code == "FRAGOV"
