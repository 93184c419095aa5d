"""Shared fixtures. This is the only conftest.py (as in spaCy's test suite)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline eventwire loads by default (skips when none is installed)."""
    from eventwire.errors import ModelNotFound
    from eventwire.parse import load_nlp

    try:
        return load_nlp()
    except ModelNotFound as exc:
        pytest.skip(str(exc))
