"""Moving a store: `checker store export` writes every table of the store (articles, their
appearances, claims, findings and their links, and whatever tables later migrations add) as JSON
lines, one row a line, tables in dependency order and rows in primary-key order; `checker store
import` loads such a file into another, empty, migrated database. The same store gives the same
lines whichever database holds it, so the SHA-256 of the export is the store's content digest.

A line: {"table": "articles", "row": {...}}; dates and times as ISO 8601 (times in UTC)."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone
from typing import IO, Iterable, Iterator

from sqlalchemy import Date, DateTime, Engine, func, insert, select, text

from checker.storage.models import Base

BATCH = 500


class TransferError(ValueError):
    """An export that cannot be loaded: names the line and what is wrong."""


def _tables():
    return Base.metadata.sorted_tables  # parents before children


def _plain(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:  # SQLite gives back naive UTC times
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_lines(engine: Engine) -> Iterator[str]:
    with engine.connect() as connection:
        for table in _tables():
            order = list(table.primary_key.columns) or list(table.columns)
            for row in connection.execute(select(table).order_by(*order)):
                data = {column: _plain(value) for column, value in row._mapping.items()}
                yield json.dumps({"table": table.name, "row": data}, ensure_ascii=False, sort_keys=True)


def export_store(engine: Engine, out: IO[str]) -> dict[str, int]:
    """Write the store to `out`; the rows written per table."""
    counts = {table.name: 0 for table in _tables()}
    for line in export_lines(engine):
        out.write(line + "\n")
        counts[json.loads(line)["table"]] += 1
    return counts


def store_digest(engine: Engine) -> str:
    digest = hashlib.sha256()
    for line in export_lines(engine):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {table.name: connection.scalar(select(func.count()).select_from(table)) or 0 for table in _tables()}


def _typed(table, row: dict, number: int) -> dict:
    out = {}
    for name, value in row.items():
        if name not in table.columns:
            raise TransferError(f"line {number}: table {table.name} has no column {name!r}")
        column_type = table.columns[name].type
        try:
            if value is not None and isinstance(column_type, DateTime):
                value = datetime.fromisoformat(value)
            elif value is not None and isinstance(column_type, Date):
                value = date.fromisoformat(value)
        except (TypeError, ValueError) as exc:
            raise TransferError(f"line {number}: {table.name}.{name}: {exc}") from None
        out[name] = value
    return out


def import_store(engine: Engine, lines: Iterable[str]) -> dict[str, int]:
    """Load an export into the empty store of `engine`, in one transaction: all or nothing."""
    tables = {table.name: table for table in _tables()}
    if any(row_counts(engine).values()):
        raise TransferError("the target store is not empty; import into a freshly migrated database")
    counts = {name: 0 for name in tables}
    with engine.begin() as connection:
        pending: dict[str, list[dict]] = {}

        def flush(name: str) -> None:
            if pending.get(name):
                connection.execute(insert(tables[name]), pending.pop(name))
        order = list(tables)
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                name, row = record["table"], record["row"]
            except (ValueError, KeyError, TypeError) as exc:
                raise TransferError(f"line {number}: not an export line ({exc})") from None
            if name not in tables:
                raise TransferError(f"line {number}: unknown table {name!r}")
            for earlier in order[:order.index(name)]:
                flush(earlier)  # a row's parents are written before it
            pending.setdefault(name, []).append(_typed(tables[name], row, number))
            counts[name] += 1
            if len(pending[name]) >= BATCH:
                flush(name)
        for name in order:
            flush(name)
        if connection.dialect.name == "postgresql":  # explicit ids leave the sequences behind
            for table in tables.values():
                for column in table.primary_key.columns:
                    if column.autoincrement is True or (column.autoincrement == "auto" and
                                                        column.type.python_type is int):
                        connection.execute(text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                            f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"))
    return counts
