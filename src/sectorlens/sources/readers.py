"""Streaming readers for delimited text, XLSX and JSON lines: chunks of rows, each with its ref."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Generator, Iterator
from contextlib import closing
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sectorlens.errors import InputError
from sectorlens.sources.chunk import KEPT, MAX_CELL, Chunk, Progress, RawRow, clean_header
from sectorlens.sources.chunk_builder import ChunkBuilder, Repairs
from sectorlens.sources.textfile import CHUNK_ROWS, FileInfo, inspect, read_delimited

MAX_SHARED = 64 << 20  # bytes of a workbook's shared strings, unpacked
MAX_PART = 1 << 30  # bytes of any other part (a sheet), unpacked
MAX_TOTAL = 2 << 30  # bytes of the whole workbook, unpacked
MAX_RATIO = 100  # unpacked / packed size of a part over RATIO_FLOOR: beyond it, a zip bomb
RATIO_FLOOR = 16 << 20

TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})

__all__ = ["CHUNK_ROWS", "Chunk", "FileInfo", "Progress", "RawRow", "inspect", "open_table"]


def read_xlsx(
    info: FileInfo,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> tuple[list[str], Iterator[Chunk]]:
    """The header and rows of the first (or named) non-empty sheet; refs are ``<sheet>!<row>``."""
    book = _workbook(info.path)
    try:
        title, header = _xlsx_header(book, sheet, info.path)
    except InputError:
        raise
    except Exception as exc:  # a damaged sheet: openpyxl and its XML parser raise many types
        raise InputError(f"{info.path}: the workbook is damaged: {_one_line(exc)}") from exc
    finally:
        book.close()
    return header, _xlsx_chunks(info, title, header, progress, chunk_rows)


def check_workbook(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to too much (a zip bomb, a giant string table)
    before openpyxl reads any of it; InputError says which part."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(
            f"{path} is not a readable XLSX workbook (not a valid zip: {exc})"
        ) from exc
    total = 0
    for member in members:
        size, packed = member.file_size, max(member.compress_size, 1)
        total += size
        limit = MAX_SHARED if member.filename.endswith("sharedStrings.xml") else MAX_PART
        if size > limit or (size > RATIO_FLOOR and size / packed > MAX_RATIO):
            raise InputError(
                f"{path}: refused: its part {member.filename} unpacks to {size:,} bytes "
                f"({size / packed:,.0f}× its packed size); limits {limit:,} bytes, {MAX_RATIO}×"
            )
    if total > MAX_TOTAL:
        raise InputError(f"{path}: refused: it unpacks to {total:,} bytes (limit {MAX_TOTAL:,})")


def _workbook(path: Path) -> Any:
    import openpyxl  # imported here: only XLSX inputs pay for it

    check_workbook(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise InputError(f"{path} is not a readable XLSX workbook: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0][:200] if text else "") or type(exc).__name__


def _xlsx_header(book: Any, sheet: str | None, path: Path) -> tuple[str, list[str]]:
    if sheet is not None and sheet not in book.sheetnames:
        raise InputError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
    for ws in [book[sheet]] if sheet else book.worksheets:
        first = next(ws.iter_rows(values_only=True), None)
        if first and any(c not in (None, "") for c in first):
            return ws.title, clean_header(list(first))
    raise InputError(f"{path}: no sheet with a header row")


def _xlsx_chunks(
    info: FileInfo, title: str, header: list[str], progress: Progress | None, chunk_rows: int
) -> Iterator[Chunk]:
    try:
        yield from _xlsx_rows(info, title, header, progress, chunk_rows)
    except InputError:
        raise
    except Exception as exc:  # a damaged part found while reading: one line, no traceback
        raise InputError(f"{info.path}: the workbook is damaged: {_one_line(exc)}") from exc


def _xlsx_rows(
    info: FileInfo, title: str, header: list[str], progress: Progress | None, chunk_rows: int
) -> Iterator[Chunk]:
    book = _workbook(info.path)
    repaired = Repairs()
    width = len(header)
    try:
        sheet = book[title]
        total = sheet.max_row or 0  # the sheet's own dimension; progress is reported as bytes
        rows = sheet.iter_rows(values_only=True)
        next(rows, None)  # the header
        chunk = ChunkBuilder(header)
        for number, cells in enumerate(rows, 2):
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            texts = [_cell_text(c) for c in cells[:width]]
            texts.extend([""] * (width - len(texts)))
            chunk.add_repaired(f"{title}!{number}", texts, repaired)
            if progress is not None and total and number % 1000 == 0:
                progress(min(info.size, info.size * number // total))
            if len(chunk.refs) >= chunk_rows:
                yield chunk.build()
                chunk = ChunkBuilder(header)
        if chunk.refs:
            yield chunk.build()
    finally:
        book.close()


def _cell_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def read_jsonl(
    info: FileInfo, *, progress: Progress | None = None, chunk_rows: int = CHUNK_ROWS
) -> tuple[list[str], Iterator[Chunk]]:
    """Keys seen in the first record, and one row per line (``L<line>``); values as parsed."""
    with info.path.open("rb") as fh, closing(_json_lines(fh, info)) as lines:
        first = _first_json(lines, info.path)
    return list(first), _jsonl_chunks(info, list(first), progress, chunk_rows)


def _json_lines(fh: BinaryIO, info: FileInfo) -> Generator[bytes | str, None, None]:
    """The lines of a JSON-lines file: bytes in UTF-8 mode, else decoded text."""
    if info.encoding.name is None:
        yield from fh
        return
    text = io.TextIOWrapper(fh, encoding=info.encoding.name, errors="replace", newline="")
    try:
        for line in text:
            yield line.removeprefix("\ufeff")
    finally:
        text.detach()  # the caller closes the file


def _first_json(lines: Iterator[bytes | str], path: Path) -> dict[str, Any]:
    for raw in lines:
        if raw.strip():
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                raise InputError(f"{path}: the first record is not JSON: {exc}") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}: records must be JSON objects, one per line")
            return obj
    raise InputError(f"{path} is empty")


def _jsonl_chunks(
    info: FileInfo, header: list[str], progress: Progress | None, chunk_rows: int
) -> Iterator[Chunk]:
    done = 0
    repaired = Repairs()
    refs: list[str] = []
    records: list[dict[str, Any]] = []
    flags: dict[int, tuple[str, ...]] = {}
    originals: dict[int, dict[str, str]] = {}
    with info.path.open("rb") as fh, closing(_json_lines(fh, info)) as lines:
        for number, raw in enumerate(lines, 1):
            done += len(raw)
            if progress is not None and number % 1000 == 0:
                progress(done)
            if not raw.strip():
                continue
            i = len(refs)
            refs.append(f"L{number}")
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                obj, flags[i] = {"_line": _text(raw)}, (f"bad_json:{exc}",)
            if not isinstance(obj, dict):
                obj, flags[i] = (
                    {"_line": _text(raw)},
                    ("bad_json:not an object",),
                )
            records.append(obj)
            row_flags: list[str] = []
            original: dict[str, str] = {}
            for key, value in obj.items():
                if value.__class__ is str and len(value) > MAX_CELL:
                    row_flags.append(f"cell_too_large:{key}")
                    original[key] = obj[key] = value[:KEPT] + "…"
                    continue
                if value.__class__ is str and (not value.isascii() or "\\" in value):
                    text, fixes = repaired(value)
                    if fixes:
                        row_flags.extend(f"{f}:{key}" for f in fixes)
                        original[key] = value
                        obj[key] = text
            if row_flags:
                flags[i] = tuple(row_flags)
            if original:
                originals[i] = original
            if len(refs) >= chunk_rows:
                yield Chunk(header, refs, records=records, flags=flags, original=originals)
                refs, records, flags, originals = [], [], {}, {}
        if refs:
            yield Chunk(header, refs, records=records, flags=flags, original=originals)
        if progress is not None:
            progress(done)


def _text(raw: bytes | str) -> str:
    return raw if isinstance(raw, str) else raw.decode("utf-8", "replace")


def open_table(
    path: Path,
    info: FileInfo,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> tuple[list[str], Iterator[Chunk]]:
    """Header and chunks of rows of ``path``, the reader chosen by its suffix."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(info, sheet=sheet, progress=progress, chunk_rows=chunk_rows)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(info, progress=progress, chunk_rows=chunk_rows)
    if suffix in TEXT_SUFFIXES or delimiter:
        return read_delimited(
            info, delimiter=delimiter, encoding=encoding, progress=progress, chunk_rows=chunk_rows
        )
    raise InputError(
        f"{path}: unknown file type {suffix or '(none)'}; expected .csv, .tsv, .xlsx or .jsonl"
    )
