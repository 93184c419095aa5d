"""Polite fetching of web pages and feeds: a user agent that names eventwire, robots.txt obeyed,
a delay between two requests to the same host, a timeout and a size limit.

Nothing is fetched unless the user names a url on the command line or asks for the pages of
a feed's items (``--fetch``). A :class:`Fetcher` remembers, for its own lifetime only, each
host's robots.txt and when it last asked that host.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire.errors import InputError

#: Seconds to wait between two requests to the same host.
DEFAULT_DELAY = 1.0
#: Seconds before a request that gets no answer is given up.
DEFAULT_TIMEOUT = 30.0


def user_agent() -> str:
    from eventwire import __version__

    return f"eventwire/{__version__} (news event extraction; obeys robots.txt)"


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


@dataclass
class Fetcher:
    """Fetches urls for one run; ``delay`` seconds apart per host."""

    max_bytes: int
    delay: float = DEFAULT_DELAY
    timeout: float = DEFAULT_TIMEOUT
    agent: str = field(default_factory=user_agent)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)

    def fetch(self, url: str) -> bytes:
        """The body of ``url``; an :class:`InputError` naming the url when robots.txt forbids
        it, the server refuses it, it is too large or it cannot be reached."""
        if not self.allowed(url):
            raise InputError(url, "robots.txt of the site does not allow eventwire to fetch it")
        return self._get(url)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._load_robots(host)
        rules = self._robots[host]
        return rules is None or rules.can_fetch(self.agent, url)

    def _load_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; a site without robots.txt (404) allows everything, and one whose
        robots.txt cannot be read (401, 403) is taken to forbid everything, as
        :mod:`urllib.robotparser` does."""
        rules = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            body = self._get(f"{host}/robots.txt")
        except InputError as exc:
            if "HTTP 401" in exc.reason or "HTTP 403" in exc.reason:
                rules.parse(["User-agent: *", "Disallow: /"])
                return rules
            return None
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _get(self, url: str) -> bytes:
        host = urlsplit(url).netloc
        wait = self._last.get(host, -self.delay) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(url, headers={"User-Agent": self.agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body: bytes = response.read(self.max_bytes + 1)
        except urllib.error.HTTPError as exc:
            raise InputError(url, f"the server answered HTTP {exc.code} ({exc.reason})") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(url, f"cannot fetch ({reason})") from None
        finally:
            self._last[host] = time.monotonic()
        if len(body) > self.max_bytes:
            raise InputError(url, f"larger than the {self.max_bytes:,}-byte limit (--max-size)")
        return body
