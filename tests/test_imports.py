"""Importing the library or its store loads no spaCy: a web server or a notebook that only
reads the store starts fast, and a Dask scheduler never needs the model."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["eventwire", "eventwire.store", "eventwire.store.export"])
def test_import_loads_no_spacy(module: str) -> None:
    code = (f"import sys, {module}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
