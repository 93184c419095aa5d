"""Stage 1, read: turn files, folders, urls, JSON Lines, news-please JSON, RSS and Atom feeds,
WARC archives and standard input into raw articles.

A reader never raises for one bad input: it yields a :class:`~eventwire.errors.Failure` that
names the input and the reason, and goes on with the next. The format of a file comes from its
extension, else from its content, and ``ReadOptions.input_format`` overrides both.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import Failure, InputError
from eventwire.read.decode import decode_bytes, read_limited, sniff_format
from eventwire.read.feed import is_feed, read_feed
from eventwire.read.fetch import Fetcher, is_url
from eventwire.read.html import read_html
from eventwire.read.jsonl import read_jsonl, stream_jsonl
from eventwire.read.newsplease import read_json
from eventwire.read.raw import RawArticle, ReadOptions
from eventwire.read.text import read_text
from eventwire.read.warc import is_warc, read_warc

__all__ = ["FORMATS", "RawArticle", "ReadOptions", "count_inputs", "read_inputs",
           "read_string"]

FORMATS = ("auto", "text", "html", "json", "jsonl", "feed", "warc")
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
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
}


def read_inputs(
    inputs: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[RawArticle | Failure]:
    """Yield every article found in ``inputs`` (files, folders, or ``-`` for stdin)."""
    options = options or ReadOptions()
    fetcher: Fetcher | None = None
    for item in inputs:
        if is_url(str(item)):
            fetcher = fetcher or Fetcher(max_bytes=options.max_bytes, delay=options.fetch_delay)
            try:
                blob = fetcher.fetch(str(item))
            except InputError as exc:
                yield Failure(exc.source, exc.reason)
                continue
            yield from _read_blob(str(item), blob, None, options)
            continue
        if str(item) == "-":
            try:
                blob = read_limited(sys.stdin.buffer, "-", options.max_bytes)
            except InputError as exc:
                yield Failure(exc.source, exc.reason)
                continue
            yield from _identified(_read_blob("-", blob, None, options), "-")
            continue
        path = Path(item)
        try:
            if path.is_dir():
                yield from _read_folder(path, options)
            elif path.is_file():
                yield from _read_file(path, options)
            else:
                yield Failure(str(path), _not_readable(path))
        except OSError as exc:  # a symlink loop, a path too long, no permission
            yield Failure(str(path), f"cannot read ({exc.strerror or exc})")


def count_inputs(inputs: Iterable[str | Path], options: ReadOptions | None = None
                 ) -> int | None:
    """How many items :func:`read_inputs` will yield (articles, failures and skipped
    files), for a progress bar; ``None`` when that is not known without reading everything
    (standard input, urls, feeds, WARC archives, JSON lists, compressed JSON Lines)."""
    options = options or ReadOptions()
    total = 0
    for item in inputs:
        if str(item) == "-" or is_url(str(item)):
            return None
        path = Path(item)
        files = [path] if not path.is_dir() else [
            p for p in sorted(path.rglob("*")) if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)]
        for file in files:
            fmt = _extension_format(file) if options.input_format == "auto" \
                else options.input_format
            if fmt in {"feed", "warc", "json"} or (fmt is None and not path.is_dir()):
                return None  # many articles, or a kind known only from the content
            if fmt == "jsonl":
                if file.suffix == ".gz":
                    return None
                total += _count_lines(file)
            else:
                total += 1  # one article, a failure, or a skipped file
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines, as :func:`read_jsonl` reads them."""
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # the reader will report it


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
            if not path.is_dir():  # a FIFO, a socket, a broken link: named, never opened
                yield Failure(str(path), _not_readable(path), stage="skip")
            continue
        if _extension_format(path) is not None:
            yield from _read_file(path, options)
        else:  # named in the summary, not silently left out
            kind = "".join(path.suffixes[-2:]) or "no extension"
            yield Failure(str(path), f"not an article file ({kind})", stage="skip")


def _not_readable(path: Path) -> str:
    """Why a path that is neither a file nor a folder cannot be read (a FIFO would block
    the run forever, so it is never opened)."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except RuntimeError:
            return "a symbolic link that points to itself (a loop)"
        except OSError:
            return "a symbolic link to a file that does not exist"
    if path.exists():
        return "not a regular file (a FIFO, socket or device)"
    return "no such file or folder"


def _read_file(path: Path, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    try:
        with path.open("rb") as handle:
            if _is_warc(path, handle, options):  # streamed record by record, any size
                yield from read_warc(handle, str(path), options)
                return
            if _is_jsonl(path, options):  # streamed line by line, any size
                yield from _identified(_stream_jsonl(handle, path, options), _file_key(path))
                return
            blob = read_limited(handle, str(path), options.max_bytes,
                                gzipped=path.suffix == ".gz")
    except InputError as exc:
        yield Failure(exc.source, exc.reason)
        return
    except OSError as exc:
        yield Failure(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    yield from _identified(_read_blob(str(path), blob, _extension_format(path), options),
                           _file_key(path))


def _file_key(path: Path) -> str:
    """A file's identity: its absolute path with links and "./" resolved, so that
    "a.txt", "./a.txt" and "/home/me/a.txt" are one article, whose new text is a new version."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


def _identified(items: Iterator[RawArticle | Failure], where: str
                ) -> Iterator[RawArticle | Failure]:
    """What identifies each article across runs: its url or its own id where it has one (the
    reader sets it); else, for a file of one article, the file (``where``); for a record of
    a file of many (JSON Lines, a JSON list, a feed, standard input), the file and the
    record's own text, so that adding, removing or reordering records changes nothing for
    the others, and a record whose text changed is a new article."""
    for item in items:
        if isinstance(item, RawArticle) and item.key is None:
            many = where == "-" or item.input_format in {"jsonl", "feed", "warc"} or (
                item.input_format == "json" and item.source.endswith("]"))
            if many:
                digest = hashlib.sha1(item.text.encode("utf-8", "replace")).hexdigest()[:16]
                item = replace(item, key=f"{where}#{digest}")
            else:
                item = replace(item, key=where)
        yield item


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


def _is_jsonl(path: Path, options: ReadOptions) -> bool:
    if options.input_format != "auto":
        return options.input_format == "jsonl"
    return _extension_format(path) == "jsonl"


def _stream_jsonl(handle: BinaryIO, path: Path, options: ReadOptions
                  ) -> Iterator[RawArticle | Failure]:
    import gzip
    import zlib

    lines: Iterable[bytes] = gzip.GzipFile(fileobj=handle) if path.suffix == ".gz" else handle
    try:
        yield from stream_jsonl(lines, str(path), options)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(str(path), f"cannot decompress gzip data ({exc})")


def _is_warc(path: Path, handle: BinaryIO, options: ReadOptions) -> bool:
    if options.input_format != "auto":
        return options.input_format == "warc"
    fmt = _extension_format(path)
    if fmt is not None:
        return fmt == "warc"
    head = handle.read(64)
    handle.seek(0)
    return is_warc(head)


def _dispatch(source: str, text: str, fmt: str, options: ReadOptions
              ) -> Iterator[RawArticle | Failure]:
    if fmt == "html" and is_feed(text):  # an RSS file named .html, a feed at a url
        fmt = "feed"
    try:
        if fmt == "warc":
            raise InputError(source, "a WARC archive must be a file (not standard input)")
        if fmt == "feed":
            yield from read_feed(text, source, options)
        elif fmt == "jsonl":
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
