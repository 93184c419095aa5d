"""The lexicon loader checks every file against the format its README documents: a
misspelt key is an error, not a pattern with one constraint fewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.coding.lexicon import load_lexicon, parse_entry
from eventwire.errors import ConfigError

GOOD = {"code": "111", "verb": "condemn", "example": "Chile condemned the coup in Peru.",
        "source": "Chile", "target": "Peru"}


def test_a_well_formed_entry_loads():
    pattern = parse_entry(dict(GOOD, prep=["in"]), "11-x.yaml#1", "11")
    assert (pattern.code, pattern.pos, pattern.lemma, pattern.preps) == (
        "111", "VERB", "condemn", frozenset({"in"}))


@pytest.mark.parametrize(("change", "message"), [
    ({"objects": ["coup"]}, "unknown key(s) 'objects'"),        # a misspelt constraint
    ({"preposition": "in"}, "unknown key(s) 'preposition'"),
    ({"code": 111}, "'code' must be a quoted string"),          # YAML read it as a number
    ({"prep": "on", "reciprocal": "yes"}, "'reciprocal' must be true or false"),
    ({"object": []}, "'object' must be a string or a list of strings"),
    ({"example": ""}, "entry lacks 'example'"),
    ({"code": "0311"}, "not of this file's root 11"),
    ({"code": "999"}, "unknown CAMEO code '999'"),
    ({"noun": "condemnation"}, "exactly one of 'verb' or 'noun'"),
    ({"intransitive": "true"}, "'intransitive' must be true or false"),
    ({"intransitive": True, "object": ["coup"]}, "'intransitive' is for a verb entry"),
])
def test_a_malformed_entry_is_an_error_naming_it(change, message):
    with pytest.raises(ConfigError, match=r"11-x\.yaml#3") as caught:
        parse_entry(dict(GOOD, **change), "11-x.yaml#3", "11")
    assert message in str(caught.value)


def test_a_bad_file_in_a_user_lexicon_folder_is_one_error(tmp_path: Path):
    (tmp_path / "11-disapprove.yaml").write_text(
        '- code: "111"\n  verb: condemn\n  obj: ["coup"]\n  example: "Chile condemned it."\n'
        '  source: "Chile"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"11-disapprove.yaml#1: unknown key\(s\) 'obj'"):
        load_lexicon(str(tmp_path))
    (tmp_path / "11-disapprove.yaml").write_text("- code: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_lexicon(str(tmp_path) + "/")  # another cache key: the file was re-read


def test_the_bundled_lexicon_passes_its_own_checks():
    assert len(load_lexicon().patterns) >= 400
