"""Bytes to text: size limit, binary detection and encoding detection."""

from __future__ import annotations

import gzip
import json
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

from eventwire.errors import InputError

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
    if b"\x00" in blob[:8192]:
        raise InputError(source, "binary data, not text (it contains NUL bytes)")
    try:
        text = blob.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(blob).best()
        if best is None:
            raise InputError(source, "binary data, not text (no text encoding fits)") from None
        text = str(best)
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
