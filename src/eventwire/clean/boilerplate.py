"""Wire tags, copyright and legal footers, and credit lines, across outlets.

Each rule matches a whole line (paragraph). Rules are general: they describe how wire
services and newspapers mark such lines, not the lines of one outlet.
"""

from __future__ import annotations

import re

_MAX_LINE = 400  # a longer paragraph is article text even if it contains a trigger phrase

#: (name, pattern) pairs; a line that matches any pattern is boilerplate.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "The-CNN-Wire", "The-Reuters-Wire", "XYZ-Wire"
    ("wire tag", re.compile(r"^(?:the-)?[\w.&]+(?:-[\w.&]+)*-wire\.?$", re.IGNORECASE)),
    # "™ & © 2024 Cable News Network, Inc. ... All rights reserved.", "(c) 2024 Reuters"
    ("copyright", re.compile(
        r"(?:©|\(c\)|copyright\b).{0,200}?(?:\b(?:19|20)\d{2}\b|all rights reserved)",
        re.IGNORECASE)),
    ("copyright", re.compile(r"\ball rights reserved\b", re.IGNORECASE)),
    ("legal", re.compile(
        r"^this (?:material|article|story) may not be (?:published|reproduced|copied)",
        re.IGNORECASE)),
    # "Reporting by A in Moscow; Editing by B", "(Additional reporting by C)"
    ("credit", re.compile(
        r"^[(\[]?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research|"
        r"translated|translation|graphics?)\s+by\b.*$", re.IGNORECASE)),
    # "Jane Doe contributed to this report.", "AP writers X and Y contributed reporting."
    ("credit", re.compile(
        r"\bcontributed\s+(?:reporting\s+|research\s+)?(?:to\s+this\s+(?:report|story|article)"
        r"|reporting|research)\b[^.]*\.?$", re.IGNORECASE)),
    ("standards", re.compile(r"^our standards:", re.IGNORECASE)),
    ("promo", re.compile(
        r"^(?:sign up (?:for|to)|subscribe to|follow (?:us|\w+) on|read more:|related:|"
        r"click here|download the .* app)\b", re.IGNORECASE)),
)


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without boilerplate lines, and the lines removed (in order)."""
    kept: list[str] = []
    removed: list[str] = []
    for line in text.split("\n"):
        if line.strip() and boilerplate_rule(line) is not None:
            removed.append(line.strip())
        else:
            kept.append(line)
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, tuple(removed)


def boilerplate_rule(line: str) -> str | None:
    """The name of the rule a line matches, or ``None`` when it is article text."""
    stripped = line.strip()
    if len(stripped) > _MAX_LINE:
        return None
    for name, pattern in RULES:
        if pattern.search(stripped):
            return name
    return None
