"""Stage 1, read: turn files, folders, JSON Lines and standard input into raw articles.

A reader never raises for one bad input: it yields a :class:`~eventwire.errors.Failure` that
names the input and the reason, and goes on with the next. The format of a file comes from its
extension, else from its content, and ``ReadOptions.input_format`` overrides both.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from eventwire.errors import Failure, InputError
from eventwire.read.decode import decode_bytes, read_limited, sniff_format
from eventwire.read.html import read_html
from eventwire.read.jsonl import read_jsonl
from eventwire.read.newsplease import read_json
from eventwire.read.raw import RawArticle, ReadOptions
from eventwire.read.text import read_text

__all__ = ["FORMATS", "RawArticle", "ReadOptions", "read_inputs", "read_string"]

FORMATS = ("auto", "text", "html", "json", "jsonl")
#: Extensions read when walking a folder; any other file there is reported as skipped.
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def read_inputs(
    inputs: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[RawArticle | Failure]:
    """Yield every article found in ``inputs`` (files, folders, or ``-`` for stdin)."""
    options = options or ReadOptions()
    for item in inputs:
        if str(item) == "-":
            try:
                blob = read_limited(sys.stdin.buffer, "-", options.max_bytes)
            except InputError as exc:
                yield Failure(exc.source, exc.reason)
                continue
            yield from _read_blob("-", blob, None, options)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_folder(path, options)
        elif path.exists():
            yield from _read_file(path, options)
        else:
            yield Failure(str(path), "no such file or folder")


def read_string(text: str, source: str = "<string>", options: ReadOptions | None = None
                ) -> Iterator[RawArticle | Failure]:
    """Read articles from a string already in memory (used by :func:`eventwire.extract`)."""
    options = options or ReadOptions()
    fmt = options.input_format if options.input_format != "auto" else sniff_format(text)
    yield from _dispatch(source, text, fmt, options)


def _read_folder(folder: Path, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.is_file():
            continue
        if _extension_format(path) is not None:
            yield from _read_file(path, options)
        else:  # named in the summary, not silently left out
            kind = "".join(path.suffixes[-2:]) or "no extension"
            yield Failure(str(path), f"not an article file ({kind})", stage="skip")


def _read_file(path: Path, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    try:
        with path.open("rb") as handle:
            blob = read_limited(handle, str(path), options.max_bytes,
                                gzipped=path.suffix == ".gz")
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
        return
    except OSError as exc:
        yield Failure(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    yield from _read_blob(str(path), blob, _extension_format(path), options)


def _read_blob(source: str, blob: bytes, fmt: str | None,
               options: ReadOptions) -> Iterator[RawArticle | Failure]:
    try:
        text = decode_bytes(blob, source)
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
        return
    if options.input_format != "auto":
        fmt = options.input_format
    yield from _dispatch(source, text, fmt or sniff_format(text), options)


def _dispatch(source: str, text: str, fmt: str, options: ReadOptions
              ) -> Iterator[RawArticle | Failure]:
    try:
        if fmt == "jsonl":
            yield from read_jsonl(text, source, options)
        elif fmt == "json":
            yield from read_json(text, source, options)
        elif fmt == "html":
            yield read_html(text, source, options)
        else:
            yield read_text(text, source, options)
    except InputError as exc:
        yield Failure(exc.source, exc.reason)


def _extension_format(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None
