"""Streaming readers for delimited text, XLSX and JSON lines: one RawRow per record, with its ref.

Text is decoded line by line: UTF-8 where it is valid, otherwise a legacy code page (Mac Roman for
files with bare carriage-return line ends, the classic Mac export; Windows-1252 else), and the row
is flagged. Every cell then goes through ``text.repair`` (mojibake, literal escapes).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from sectorlens.errors import InputError
from sectorlens.sources.text import needs_repair, repair

CHUNK = 1 << 20
_EOL = re.compile(rb"\r\n|\r|\n")
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})

Progress = Callable[[int], None]
"""Called now and then with the bytes consumed so far (estimated from rows for XLSX)."""


@dataclass(frozen=True, slots=True)
class RawRow:
    """One input record: its reference in the file, its cells by column name, repair flags."""

    ref: str
    values: dict[str, Any]
    flags: tuple[str, ...] = ()
    original: dict[str, str] = field(default_factory=dict)  # cells as read, where repaired

    def raw(self, column: str) -> str:
        """The cell as it was in the file (before repair), '' when absent."""
        if column in self.original:
            return self.original[column]
        value = self.values.get(column)
        return "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What one pass over the bytes of a file tells: hash, size, encoding, line ends."""

    path: Path
    sha256: str
    size: int
    utf8: bool
    bare_cr: bool

    @property
    def legacy_encoding(self) -> str:
        """The code page used for lines that are not UTF-8."""
        return "mac_roman" if self.bare_cr else "cp1252"


def inspect(path: Path) -> FileInfo:
    """Hash ``path`` and learn its encoding and line ends in one streaming pass."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, size, cr, crlf, lf = True, 0, 0, 0, 0
    try:
        with path.open("rb") as fh:
            prev_cr = False
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if utf8:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError:
                        utf8 = False
                crlf += chunk.count(b"\r\n") + (1 if prev_cr and chunk[:1] == b"\n" else 0)
                cr += chunk.count(b"\r")
                lf += chunk.count(b"\n")
                prev_cr = chunk[-1:] == b"\r"
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return FileInfo(path, digest.hexdigest(), size, utf8, bare_cr=cr > crlf and cr > lf - crlf)


def clean_header(names: list[Any]) -> list[str]:
    """Strip BOM and blanks from column names; name unnamed or repeated columns by position."""
    out: list[str] = []
    for i, name in enumerate(names, 1):
        text = "" if name is None else str(name).replace("\ufeff", "").strip()
        if not text or text in out:
            text = f"{text or 'column'}_{i}"
        out.append(text)
    return out


def read_delimited(
    info: FileInfo,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[str], Iterator[RawRow]]:
    """The header and the rows of a CSV/TSV file; refs are ``L<line where the record starts>``."""
    delim = delimiter or ("\t" if info.path.suffix.lower() in {".tsv", ".tab"} else ",")
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, None)
        try:
            first = next(csv.reader((t for t, _ in lines.iter()), delimiter=delim), None)
        except csv.Error as exc:
            raise InputError(f"{info.path}: cannot read the header: {exc}") from exc
    if first is None:
        raise InputError(f"{info.path} is empty")
    header = clean_header(first)
    return header, _delimited_rows(info, delim, encoding, header, progress)


def _delimited_rows(
    info: FileInfo,
    delim: str,
    encoding: str | None,
    header: list[str],
    progress: Progress | None,
) -> Iterator[RawRow]:
    width = len(header)
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, progress)
        reader = csv.reader((t for t, _ in lines.iter()), delimiter=delim)
        next(reader, None)  # the header
        start = reader.line_num + 1
        while True:
            lines.legacy_seen = False
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"{info.path} line {start}: {exc}") from exc
            legacy = lines.legacy_seen
            ref = f"L{start}"
            start = reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line is not a record
            if len(cells) == width and not legacy and not needs_repair("".join(cells)):
                yield RawRow(ref, dict(zip(header, cells, strict=True)))  # nothing to repair
                continue
            flags: list[str] = ["legacy_encoding"] if legacy else []
            values: dict[str, Any] = {}
            original: dict[str, str] = {}
            for i, cell in enumerate(cells):
                name = header[i] if i < width else f"extra_{i + 1}"
                text, fixes = repair(cell)
                if fixes:
                    flags.extend(f"{f}:{name}" for f in fixes)
                    original[name] = cell
                if i < width or text.strip():
                    values[name] = text
            if len(cells) != width:
                flags.append(f"width:{len(cells)}")
            yield RawRow(ref, values, tuple(flags), original)


class _Lines:
    """Physical lines of a byte stream, decoded; notes when a legacy code page was needed."""

    def __init__(
        self, fh: BinaryIO, info: FileInfo, encoding: str | None, progress: Progress | None
    ) -> None:
        self._fh, self._info, self._progress = fh, info, progress
        self._encoding = encoding
        self.legacy_seen = False

    def iter(self) -> Iterator[tuple[str, bool]]:
        forced, legacy = self._encoding, self._info.legacy_encoding
        first, buf, done = True, b"", 0
        while True:
            chunk = self._fh.read(CHUNK)
            buf += chunk
            pos = 0
            for m in _EOL.finditer(buf):
                if chunk and m.end() == len(buf) and buf.endswith(b"\r"):
                    break  # a CR at the end of a chunk may be half of a CRLF
                line = buf[pos : m.end()]
                pos = m.end()
                yield self._decode(line, first, forced, legacy)
                first = False
            buf = buf[pos:]
            done += len(chunk)
            if self._progress is not None and chunk:
                self._progress(done)
            if not chunk:
                if buf:
                    yield self._decode(buf, first, forced, legacy)
                return

    def _decode(
        self, line: bytes, first: bool, forced: str | None, legacy: str
    ) -> tuple[str, bool]:
        if first and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        if forced:
            return line.decode(forced, errors="replace"), False
        try:
            return line.decode("utf-8"), False
        except UnicodeDecodeError:
            self.legacy_seen = True
            return line.decode(legacy, errors="replace"), True


def read_xlsx(
    info: FileInfo, *, sheet: str | None = None, progress: Progress | None = None
) -> tuple[list[str], Iterator[RawRow]]:
    """The header and rows of the first (or named) non-empty sheet; refs are ``<sheet>!<row>``."""
    book = _workbook(info.path)
    try:
        title, header = _xlsx_header(book, sheet, info.path)
    finally:
        book.close()
    return header, _xlsx_rows(info, title, header, progress)


def _workbook(path: Path) -> Any:
    import openpyxl  # imported here: only XLSX inputs pay for it

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise InputError(f"{path} is not a readable XLSX workbook: {exc}") from exc


def _xlsx_header(book: Any, sheet: str | None, path: Path) -> tuple[str, list[str]]:
    if sheet is not None and sheet not in book.sheetnames:
        raise InputError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
    for ws in [book[sheet]] if sheet else book.worksheets:
        first = next(ws.iter_rows(values_only=True), None)
        if first and any(c not in (None, "") for c in first):
            return ws.title, clean_header(list(first))
    raise InputError(f"{path}: no sheet with a header row")


def _xlsx_rows(
    info: FileInfo, title: str, header: list[str], progress: Progress | None
) -> Iterator[RawRow]:
    book = _workbook(info.path)
    try:
        sheet = book[title]
        total = sheet.max_row or 0  # the sheet's own dimension; progress is reported as bytes
        rows = sheet.iter_rows(values_only=True)
        next(rows, None)  # the header
        for number, cells in enumerate(rows, 2):
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            flags: list[str] = []
            values: dict[str, Any] = {}
            original: dict[str, str] = {}
            for name, cell in zip(header, cells, strict=False):
                raw = _cell_text(cell)
                text, fixes = repair(raw)
                if fixes:
                    flags.extend(f"{f}:{name}" for f in fixes)
                    original[name] = raw
                values[name] = text
            if progress is not None and total and number % 1000 == 0:
                progress(min(info.size, info.size * number // total))
            yield RawRow(f"{title}!{number}", values, tuple(flags), original)
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
    info: FileInfo, *, progress: Progress | None = None
) -> tuple[list[str], Iterator[RawRow]]:
    """Keys seen in the first record, and one RawRow per line (``L<line>``); values as parsed."""
    with info.path.open("rb") as fh:
        first = _first_json(fh, info.path)
    return list(first), _jsonl_rows(info, progress)


def _first_json(fh: BinaryIO, path: Path) -> dict[str, Any]:
    for raw in fh:
        if raw.strip():
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                raise InputError(f"{path}: the first record is not JSON: {exc}") from exc
            if not isinstance(obj, dict):
                raise InputError(f"{path}: records must be JSON objects, one per line")
            return obj
    raise InputError(f"{path} is empty")


def _jsonl_rows(info: FileInfo, progress: Progress | None) -> Iterator[RawRow]:
    done = 0
    with info.path.open("rb") as fh:
        for number, raw in enumerate(fh, 1):
            done += len(raw)
            if progress is not None and number % 1000 == 0:
                progress(done)
            if not raw.strip():
                continue
            ref = f"L{number}"
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                yield RawRow(ref, {"_line": raw.decode("utf-8", "replace")}, (f"bad_json:{exc}",))
                continue
            if not isinstance(obj, dict):
                yield RawRow(
                    ref, {"_line": raw.decode("utf-8", "replace")}, ("bad_json:not an object",)
                )
                continue
            flags: list[str] = []
            original: dict[str, str] = {}
            for key, value in obj.items():
                if isinstance(value, str):
                    text, fixes = repair(value)
                    if fixes:
                        flags.extend(f"{f}:{key}" for f in fixes)
                        original[key] = value
                        obj[key] = text
            yield RawRow(ref, obj, tuple(flags), original)
        if progress is not None:
            progress(done)


def open_table(
    path: Path,
    info: FileInfo,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[str], Iterator[RawRow]]:
    """Header and rows of ``path``, the reader chosen by its suffix."""
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return read_xlsx(info, sheet=sheet, progress=progress)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(info, progress=progress)
    if suffix in TEXT_SUFFIXES or delimiter:
        return read_delimited(info, delimiter=delimiter, encoding=encoding, progress=progress)
    raise InputError(
        f"{path}: unknown file type {suffix or '(none)'}; expected .csv, .tsv, .xlsx or .jsonl"
    )
