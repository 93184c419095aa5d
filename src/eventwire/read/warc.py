"""WARC and WARC.gz web archives, through warcio: each HTML page captured with HTTP 200 is an
article, read as HTML, with the captured url and, where the page gives no date, the capture
date. Records are streamed one at a time, so an archive of any size is read in bounded memory;
other records (requests, metadata, images, scripts, redirects, errors) are passed over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from eventwire.errors import Failure, InputError
from eventwire.read.raw import RawArticle, ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(head: bytes) -> bool:
    """Whether a file's first bytes open a WARC record (plain, or gzip holding one)."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            return zlib.decompressobj(31).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def read_warc(handle: BinaryIO, source: str, options: ReadOptions
              ) -> Iterator[RawArticle | Failure]:
    """Every HTML response of an archive; a bad page is a failure and the rest go on."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from eventwire.read.decode import decode_bytes
    from eventwire.read.html import read_html

    try:
        for number, record in enumerate(ArchiveIterator(handle), start=1):
            if not _html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}[{number}] {url}".rstrip()
            try:
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    raise InputError(where, f"page larger than the {options.max_bytes:,}-byte "
                                     "limit (--max-size)")
                page = read_html(decode_bytes(body, where), url or where, options)
            except InputError as exc:
                yield Failure(where if exc.source in {url, where} else exc.source, exc.reason)
                continue
            captured = _capture_date(record.rec_headers.get_header("WARC-Date"))
            yield replace(page, source=where, input_format="warc", url=page.url or url or None,
                          published=page.published or captured, key=url or where)
    except ArchiveLoadFailed as exc:
        yield Failure(source, f"not a readable WARC archive ({exc})")
    except Exception as exc:  # warcio raises many kinds on damaged records
        yield Failure(source, f"the WARC archive is damaged ({type(exc).__name__}: {exc}); "
                      "the records before the damage were read")


def _html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return kind in _HTML_TYPES


def _capture_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
