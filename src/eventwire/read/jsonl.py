"""JSON Lines: one article per line (``text``, ``title``, ``published``, ``authors``,
``outlet``, ``url``, ``id``), other field names mappable with ``ReadOptions.field_map``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.errors import Failure, InputError
from eventwire.read.byline import parse_byline, parse_date
from eventwire.read.raw import RawArticle, ReadOptions


def read_jsonl(text: str, source: str, options: ReadOptions) -> Iterator[RawArticle | Failure]:
    """Yield one article per non-blank line; a bad line is a failure, the others go on."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _article(line, where, options)
        except InputError as exc:
            yield Failure(exc.source, exc.reason)


def stream_jsonl(lines: Iterable[bytes], source: str, options: ReadOptions
                 ) -> Iterator[RawArticle | Failure]:
    """:func:`read_jsonl` over the lines of a file as they are read: memory holds one line,
    whatever the file's size; ``options.max_bytes`` bounds each line, not the file."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        empty = False
        where = f"{source}:{number}"
        try:
            if len(raw) > options.max_bytes:
                raise InputError(where, f"line longer than the {options.max_bytes:,}-byte "
                                 "limit (raise it with --max-size)")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not UTF-8 (byte {exc.start + 1} of the line); JSON "
                                 "Lines are UTF-8") from None
            yield _article(line, where, options)
        except InputError as exc:
            yield Failure(exc.source, exc.reason)
    if empty:
        yield Failure(source, "empty input")


def _article(line: str, where: str, options: ReadOptions) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, got {type(record).__name__}")
    return article_from_record(record, where, options, "jsonl")


def article_from_record(record: dict[str, Any], where: str, options: ReadOptions,
                        input_format: str) -> RawArticle:
    """An article from one JSON object: eventwire's fields (renamed by ``field_map``), or a
    news-please record's (``maintext``, ``date_publish``, ``source_domain``...)."""
    from eventwire.read.newsplease import from_newsplease, is_newsplease

    if is_newsplease(record) and not options.field_map:
        record = from_newsplease(record)
    body = _string(record, options.field_name("text"), where)
    if not body or not body.strip():
        raise InputError(where, f"no {options.field_name('text')!r} field with article text")
    published = options.published
    raw_date = _string(record, options.field_name("published"), where)
    if published is None and raw_date:
        published = parse_date(raw_date)
        if published is None:
            raise InputError(where, f"published {raw_date!r} is not a date")
    url = _string(record, options.field_name("url"), where)
    ident = record.get(options.field_name("id"))
    return RawArticle(
        source=where,
        text=body,
        input_format=input_format,
        title=_string(record, options.field_name("title"), where),
        authors=_authors(record.get(options.field_name("authors"))),
        outlet=_string(record, options.field_name("outlet"), where),
        published=published,
        url=url,
        key=url or (f"{where.rsplit(':', 1)[0]}#{ident}" if ident is not None else None),
    )


def _string(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    raise InputError(where, f"field {name!r} should be a string, got {type(value).__name__}")


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(a).strip() for a in value if str(a).strip())
    if isinstance(value, str):
        return parse_byline(value)[0]
    return ()
