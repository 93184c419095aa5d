"""Bytes to text: size limit, binary detection and encoding detection."""

from __future__ import annotations

import codecs
import gzip
import json
import logging
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

from eventwire.errors import InputError

log = logging.getLogger(__name__)

#: Control characters other than tab, newline, form feed and carriage return mark binary data.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def read_limited(handle: BinaryIO, source: str, max_bytes: int, gzipped: bool = False) -> bytes:
    """Read at most ``max_bytes`` (after decompression) or raise :class:`InputError`."""
    try:
        if gzipped:
            with gzip.GzipFile(fileobj=handle) as unzipped:
                blob = unzipped.read(max_bytes + 1)
        else:
            blob = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(source, f"cannot decompress gzip data ({exc})") from exc
    if len(blob) > max_bytes:
        raise InputError(source, f"larger than the {_human(max_bytes)} limit "
                                 "(raise it with --max-size)")
    return blob


def decode_bytes(blob: bytes, source: str) -> str:
    """Decode an input, detecting its encoding; refuse empty and binary inputs."""
    if not blob.strip():
        raise InputError(source, "empty input")
    if blob.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # NULs are its text
        try:
            text = blob.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid UTF-16 text (byte {exc.start + 1})") from None
        return _checked(text, source)
    if b"\x00" in blob[:8192]:
        raise InputError(source, "binary data, not text (it contains NUL bytes)")
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _mostly_utf8(blob, source, exc) or _detected(blob, source)
    return _checked(text, source)


def _mostly_utf8(blob: bytes, source: str, error: UnicodeDecodeError) -> str | None:
    """UTF-8 with a few broken bytes (a truncated copy, one stray Latin-1 character) is read
    as UTF-8 with those bytes replaced, and a warning says so: guessing another charset for
    the whole file would garble every accented letter in it."""
    text = blob.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - blob.decode("utf-8-sig", errors="ignore").count("\ufffd")
    multibyte = sum(1 for b in blob if b >= 0xC0)  # lead bytes of real UTF-8 characters
    if bad <= max(3, len(blob) // 10_000) and multibyte > bad:
        log.warning("%s: %d byte(s) are not valid UTF-8 (the first at byte %d); read as "
                    "UTF-8 with them replaced", source, bad, error.start + 1)
        return text
    return None


def _detected(blob: bytes, source: str) -> str:
    best = from_bytes(blob).best()
    if best is None:
        raise InputError(source, "binary data, not text (no text encoding fits)") from None
    return str(best)


def _checked(text: str, source: str) -> str:
    sample = text[:8192]
    if sum(ord(c) in _CONTROL for c in sample) > max(3, len(sample) // 100):
        raise InputError(source, "binary data, not text (too many control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_format(text: str) -> str:
    """Guess ``html``, ``jsonl`` or ``text`` from the content itself."""
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and ("<body" in text.lower() or "<p" in head)
    ):
        return "html"
    if head.startswith(("{", "[")):
        first = text.lstrip().split("\n", 1)[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (json.JSONDecodeError, RecursionError):
            pass
        try:  # a pretty-printed object or a list: one JSON document
            json.loads(text)
            return "json"
        except (json.JSONDecodeError, RecursionError):
            pass
    return "text"


def _human(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n:,} bytes"
