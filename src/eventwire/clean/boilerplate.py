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
    # newsletters, subscriptions, apps, links to other stories: "Sign up here", "Subscribe
    # now for unlimited access", "Download the Example News app", "Read more: ...", "More: ..."
    ("promo", re.compile(
        r"^(?:sign up\b|subscribe\b|get (?:our|the) .{0,60}newsletter|download (?:the|our) "
        r".{0,60}\bapps?\b|read (?:more|next|the full (?:story|article))\b|more:|related"
        r"(?: (?:stories|articles|coverage))?:|see also:|continue reading|click here|"
        r"follow (?:us|\w+) on|watch(?: the video)?:|listen(?: to the podcast)?:|"
        r"advertisement$)", re.IGNORECASE)),
    ("promo", re.compile(r"^(?=.{0,200}$).*\bnewsletters?\b.*\b(?:sign up|subscribe|inbox)\b",
                         re.IGNORECASE)),
    # "Contact the writer at jdoe@example.com", "Email the reporter: ...", a bare address
    ("contact", re.compile(
        r"^(?:contact|email|e-mail|write to|reach) (?:the |our )?(?:writer|reporter|author|"
        r"editors?|newsroom|us)\b", re.IGNORECASE)),
    ("contact", re.compile(r"^(?:e-?mail|contact)?:?\s*[\w.+-]+@[\w-]+\.[\w.]+\.?$",
                           re.IGNORECASE)),
    # "Call 1-800-555-0100", "Tel: +44 20 7946 0000", a line that is a phone number
    ("contact", re.compile(
        r"^(?:(?:call|tel|telephone|phone|fax|whatsapp|hotline)\b[^\d+]{0,40})?"
        r"\+?\(?\d[\d ().-]{6,}\d\.?$", re.IGNORECASE)),
    # photo credits and captions: "Photo: Jane Roe/AP", "(Photo by A. Ng/Getty Images)", a
    # line of credits ("Jane Roe/Reuters", "AFP/Getty Images"), a caption ending in
    # "©Jane Roe (AFP/File)"
    ("photo credit", re.compile(
        r"^(?:photo|photograph|picture|image|video|graphic|illustration)s?(?: credit)?\s*:"
        r"\s*.{1,100}$|^\((?:photo|picture|image)s? (?:by|courtesy of|credit:?) [^)]{1,80}\)$",
        re.IGNORECASE)),
    ("photo credit", re.compile(
        r"^(?:photo|picture|image)s? (?:by|courtesy of) (?:[A-Z][\w.'’-]*[ /]*){1,8}$")),
    ("photo credit", re.compile(
        r"^(?=.{3,160}$)(?=.*\w\s?/\s?\w)(?:[©(]?\s?[A-Z][\w.'’&-]*\)?(?:\s*/\s*|\s+|$))+$")),
    ("photo caption", re.compile(r"(?:^|\s)©\s?[\w .'’&-]{1,60}(?:\([\w &/.-]{1,40}\))?$")),
    # picture and slideshow controls: "Enlarge this image", "toggle caption", "3 of 12"
    ("slideshow", re.compile(
        r"^(?:enlarge this image|(?:toggle|hide|show) caption|expand|slideshow\b|"
        r"gallery:|photos?:|next slide|previous slide|(?:view|open) (?:gallery|slideshow)|"
        r"(?:play|watch) video|image \d+ of \d+|\d+ of \d+$)|\b(?:toggle|hide) caption\b",
        re.IGNORECASE)),
    # broadcasters' transcript notices
    ("transcript notice", re.compile(
        r"\btranscripts? (?:is|are|was|were|has been|have been|may (?:not )?be)\b.{0,80}"
        r"\b(?:deadline|final form|updated|revised|edited|verbatim)\b|"
        r"\bauthoritative record of .{0,60}\bis the (?:audio|video) record\b|"
        r"\bthe (?:audio|video|broadcast|recording)\b.{0,40}\bis the authoritative record\b",
        re.IGNORECASE)),
)


#: A header some sites print before the story: "Posted: Thursday, May 2, 2024 By Jane Roe:".
_POSTED = re.compile(r"^(?:posted|published|updated)(?: on)?:?\s+[^\n]{0,80}?\bby\s+"
                     r"[A-Z][^\n:]{1,80}:\s*", re.IGNORECASE)


def strip_boilerplate(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without boilerplate lines, and the lines removed (in order)."""
    kept: list[str] = []
    removed: list[str] = []
    posted = _POSTED.match(text.lstrip())
    if posted:
        removed.append(posted.group(0).strip())
        text = text.lstrip()[posted.end():]
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
