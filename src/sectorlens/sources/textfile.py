"""Delimited text files (CSV, TSV): hashing, encoding and line ends, and streaming their rows.

Text is decoded a block at a time: UTF-8 where a line is valid, otherwise a legacy code page (Mac
Roman for files with bare carriage-return line ends, the classic Mac export; Windows-1252 else),
and the row is flagged. A row whose text may be damaged has every cell go through
``text.repair`` (mojibake, literal escapes); each distinct damaged cell is repaired once.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from bisect import bisect_right
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import accumulate, chain, islice, repeat
from pathlib import Path
from typing import BinaryIO

from sectorlens.errors import InputError
from sectorlens.sources.arrowcsv import arrow_chunks, usable
from sectorlens.sources.chunk import MAX_CELL, Chunk, Progress, clean_header
from sectorlens.sources.chunk_builder import ChunkBuilder, Repairs
from sectorlens.sources.encoding import SAMPLE, UTF8, Encoding, choose, codec_name
from sectorlens.sources.text import DAMAGE

CHUNK = 1 << 20  # bytes read at a time
BINARY_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CHUNK_ROWS = 16_384  # rows per Chunk given to an adapter (fewer chunks: less work per chunk)
MAX_FIELD = 1 << 20  # characters of one CSV field: beyond it the file is refused
FAST = True  # plain UTF-8 text parsed by Arrow (sources.arrowcsv); tests compare both paths


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What one pass over the bytes of a file tells: hash, size, line ends, text encoding."""

    path: Path
    sha256: str
    size: int
    bare_cr: bool
    encoding: Encoding = UTF8
    #: the one byte that ends every line (b"\n": LF or CR LF, b"\r": CR), None when mixed
    line_end: bytes | None = None

    @property
    def legacy_encoding(self) -> str:
        """The code page used for lines that are not UTF-8."""
        return "mac_roman" if self.bare_cr else "cp1252"


def inspect(path: Path, encoding: str | None = None) -> FileInfo:
    """Hash ``path``, learn its line ends and text encoding (unless ``encoding`` forces one)."""
    digest = hashlib.sha256()
    size, cr, crlf, lf = 0, 0, 0, 0
    sample = b""
    try:
        # hashlib releases the GIL: a block is hashed on a helper thread while it is counted
        with path.open("rb") as fh, ThreadPoolExecutor(1) as hasher:
            prev_cr = False
            hashing: Future[None] | None = None
            while chunk := fh.read(CHUNK):
                if not size:
                    sample = chunk[:SAMPLE]
                if hashing is not None:
                    hashing.result()
                hashing = hasher.submit(digest.update, chunk)
                size += len(chunk)
                lf += chunk.count(b"\n")
                if b"\r" in chunk or prev_cr:  # most files have no CR: one count less
                    crlf += chunk.count(b"\r\n") + (1 if prev_cr and chunk[:1] == b"\n" else 0)
                    cr += chunk.count(b"\r")
                prev_cr = chunk[-1:] == b"\r"
            if hashing is not None:
                hashing.result()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    bare_cr = cr > crlf and cr > lf - crlf
    binary = path.suffix.lower() in BINARY_SUFFIXES  # workbooks: zip files, text is Unicode
    found = UTF8 if binary else choose(path, sample, encoding, bare_cr=bare_cr)
    line_end = b"\n" if cr == crlf else b"\r" if lf == crlf else None
    return FileInfo(path, digest.hexdigest(), size, bare_cr, found, line_end)


def read_delimited(
    info: FileInfo,
    *,
    delimiter: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> tuple[list[str], Iterator[Chunk]]:
    """The header and the rows of a CSV/TSV file; refs are ``L<line where the record starts>``."""
    delim = delimiter or ("\t" if info.path.suffix.lower() in {".tsv", ".tab"} else ",")
    # the csv module's own cap (process-wide; the same value every time): a field beyond it
    # stops the file with one line; a cell beyond MAX_CELL rejects its row
    csv.field_size_limit(MAX_FIELD)
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, None)
        reader = csv.reader(lines.iter(), delimiter=delim)
        try:
            first = next(reader, None)
        except csv.Error as exc:
            raise InputError(f"{info.path}: cannot read the header: {exc}") from exc
    if first is None:
        raise InputError(f"{info.path} is empty")
    header = clean_header(first)

    def python(skip: int) -> Iterator[Chunk]:
        return _delimited_chunks(info, delim, encoding, header, progress, chunk_rows, skip)

    # UTF-8 mode (no code page forced or detected): Arrow parses what it reads as csv would
    start = (
        usable(info.path, len(header), reader.line_num, delim)
        if encoding is None and info.encoding.name is None and FAST
        else None
    )
    if start is None:
        return header, python(0)
    if progress is not None:  # where the csv path takes over, it reads the file again
        progress = _monotonic(progress)
    return header, arrow_chunks(
        info.path, start, delim, header, progress, chunk_rows, python, info.legacy_encoding
    )


def _monotonic(progress: Progress) -> Progress:
    """``progress`` told only of bytes beyond those it was told of before."""
    told = [0]

    def tell(done: int) -> None:
        if done > told[0]:
            told[0] = done
            progress(done)

    return tell


def _delimited_chunks(
    info: FileInfo,
    delim: str,
    encoding: str | None,
    header: list[str],
    progress: Progress | None,
    chunk_rows: int,
    skip: int = 0,
) -> Iterator[Chunk]:
    repaired = Repairs()
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, progress)
        reader = csv.reader(lines.iter(), delimiter=delim)
        next(reader, None)  # the header
        if skip:  # records another reader gave already (arrowcsv): read, not given again
            try:
                for _ in islice(reader, skip):
                    pass
            except csv.Error as exc:
                raise InputError(f"{info.path} line {reader.line_num}: {exc}") from exc
        done = reader.line_num  # lines read so far
        while True:
            try:  # the csv module parses a whole chunk of records in one call
                records = list(islice(reader, chunk_rows))
            except csv.Error as exc:
                raise InputError(f"{info.path} line {reader.line_num}: {exc}") from exc
            if not records:
                return
            texts = list(map("".join, records))
            starts = _starts(texts, done, reader.line_num, info.path)
            done = reader.line_num
            chunk = _chunk(header, records, texts, starts, lines.legacy, repaired)
            if len(chunk):
                yield chunk


def _starts(texts: list[str], done: int, end: int, path: Path) -> list[int]:
    """The line where each record starts (records span lines where quoted cells hold line ends)."""
    if end - done == len(texts):  # one line each: the common case
        return list(range(done + 1, end + 1))
    # LF counts are a lower bound of each record's line ends (CR and CR LF end lines too): when
    # they add up to every line read, they are exact; else each record is counted in full
    spans = [1 + n for n in map(str.count, texts, repeat("\n"))]
    if sum(spans) != end - done:
        spans = list(map(_span, texts))
    starts = list(accumulate(spans[:-1], initial=done + 1))
    if starts[-1] + spans[-1] != end + 1:
        raise InputError(f"{path}: cannot tell the lines of the records before line {end}")
    return starts


def _chunk(
    header: list[str],
    records: list[list[str]],
    texts: list[str],
    starts: list[int],
    legacy: deque[int],
    repaired: Repairs,
) -> Chunk:
    """A chunk of ``records``; rows that need repair are found with one check per record."""
    width = len(header)
    special = {i for i, cells in enumerate(records) if len(cells) != width}
    if width == 1:
        special.update(i for i, cells in enumerate(records) if not cells[0].strip())
    damage = DAMAGE.search  # needs_repair, inlined: one call per non-ASCII record
    special.update(
        i
        for i, text in enumerate(texts)
        if len(text) > MAX_CELL or (not (text.isascii() and "\\" not in text) and damage(text))
    )
    old = set()  # records with a line decoded with the legacy code page
    while legacy and legacy[0] < starts[-1] + _span(texts[-1]):
        old.add(bisect_right(starts, legacy.popleft()) - 1)
    old.discard(-1)  # the header's own line
    chunk = ChunkBuilder(header)
    refs = [f"L{n}" for n in starts]
    if not special and not old:
        chunk.refs[:], chunk.rows[:] = refs, records
        return chunk.build()
    begin = 0
    for i in sorted(special | old):
        chunk.refs.extend(refs[begin:i])  # the rows in between, as they are
        chunk.rows.extend(records[begin:i])
        begin = i + 1
        cells = records[i]
        if cells and (len(cells) > 1 or cells[0].strip()):  # a blank line is not a record
            chunk.add_repaired(refs[i], cells, repaired, legacy=i in old)
    chunk.refs.extend(refs[begin:])
    chunk.rows.extend(records[begin:])
    return chunk.build()


def _span(text: str) -> int:
    """How many lines a record spans, from the line ends inside its cells."""
    return 1 + (_line_ends(text) if "\n" in text or "\r" in text else 0)


class _Lines:
    """Lines of a byte stream, decoded a block at a time, for ``csv.reader``.

    In UTF-8 mode a line is UTF-8 where it is valid and otherwise in the file's legacy code page;
    the numbers of such lines are appended to ``legacy`` as blocks are decoded (before the csv
    reader sees them). Otherwise the file's one encoding decodes it incrementally. Blocks end at
    a line end, so no line and no character is ever split. Text that decodes badly (many
    replacement characters, or many lines that are not UTF-8) stops the read with the encoding
    tried named, unless the user forced the encoding.
    """

    def __init__(
        self, fh: BinaryIO, info: FileInfo, encoding: str | None, progress: Progress | None
    ) -> None:
        self._fh, self._info, self._progress = fh, info, progress
        self._how = Encoding(codec_name(encoding), "forced") if encoding else info.encoding
        self.legacy: deque[int] = deque()
        self._chars = self._bad = self._lines = self._not_utf8 = 0

    def iter(self) -> Iterator[str]:
        """Every physical line, with its line end."""
        return chain.from_iterable(io.StringIO(text, newline="") for text in self._blocks())

    def _blocks(self) -> Iterator[str]:
        if self._how.name is not None:
            yield from self._decoded(self._how.name)
            return
        first, rest, done, line = True, b"", 0, 1
        while True:
            chunk = self._fh.read(CHUNK)
            done += len(chunk)
            data = rest + chunk if rest else chunk
            if chunk:
                cut = _last_line_end(data)
                if cut < 0:
                    rest = data
                    continue
                block, rest = data[: cut + 1], data[cut + 1 :]
            else:
                block, rest = data, b""
            if first:
                block = block.removeprefix(codecs.BOM_UTF8)
                first = False
            text = self._decode(block, line)
            ends = self._line_ends(block)
            line += ends  # to number the lines decoded as legacy
            self._lines += ends
            self._check_legacy(final=not chunk)
            if block:
                yield text
            if self._progress is not None and chunk:
                self._progress(done)
            if not chunk:
                return

    def _line_ends(self, block: bytes) -> int:
        """How many lines ``block`` ends (one count when the file has one kind of line end)."""
        end = self._info.line_end
        return block.count(end) if end is not None else _byte_line_ends(block)

    def _decoded(self, name: str) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(name)(errors="replace")
        first, rest, done = True, "", 0
        while True:
            chunk = self._fh.read(CHUNK)
            done += len(chunk)
            decoded = decoder.decode(chunk, final=not chunk)
            if first and decoded:
                decoded = decoded.removeprefix("\ufeff")
                first = False
            self._chars += len(decoded)
            self._bad += decoded.count("\ufffd")
            self._check_replaced(final=not chunk)
            text = rest + decoded if rest else decoded
            if chunk:
                cut = _last_text_line_end(text)
                block, rest = (text[: cut + 1], text[cut + 1 :]) if cut >= 0 else ("", text)
            else:
                block, rest = text, ""
            if block:
                yield block
            if self._progress is not None and chunk:
                self._progress(done)
            if not chunk:
                return

    def _check_replaced(self, *, final: bool) -> None:
        """Stop when many characters could not be decoded (a wrong detected encoding)."""
        if self._how.forced or not (final or self._chars >= CHUNK):
            return
        if self._bad > max(8, self._chars // 1000):
            raise InputError(
                f"{self._info.path}: read as {self._how.label}, {self._bad:,} of "
                f"{self._chars:,} characters are not valid {self._how.name}: the text would be "
                "garbled; pass --encoding NAME"
            )

    def _check_legacy(self, *, final: bool) -> None:
        """Stop when many lines are not UTF-8 (a file that is not UTF-8 after its first part)."""
        if not (final or self._lines >= 10_000):
            return
        if self._not_utf8 > max(8, self._lines // 10):
            raise InputError(
                f"{self._info.path}: {self._not_utf8:,} of {self._lines:,} lines are not UTF-8 "
                f"(read as {self._info.legacy_encoding} they would be garbled); "
                "pass --encoding NAME"
            )

    def _decode(self, block: bytes, line: int) -> str:
        # decode as UTF-8 up to the first line that is not; that line in the legacy code page
        legacy, parts, pos, view = self._info.legacy_encoding, [], 0, memoryview(block)
        while True:
            try:
                parts.append(str(view[pos:], "utf-8"))
                return "".join(parts)
            except UnicodeDecodeError as exc:
                bad = pos + exc.start
            begin = max(block.rfind(b"\n", pos, bad), block.rfind(b"\r", pos, bad)) + 1
            ends = [i for i in (block.find(b"\n", bad), block.find(b"\r", bad)) if i >= 0]
            end = min(ends) if ends else len(block)
            parts.append(str(view[pos:begin], "utf-8"))
            line += _byte_line_ends(block, pos, begin)
            self.legacy.append(line)
            self._not_utf8 += 1
            parts.append(block[begin:end].decode(legacy, "replace"))
            pos = end


def _last_text_line_end(text: str) -> int:
    """Index of the last line end of ``text`` that surely ends a line (-1 if none)."""
    cut = max(text.rfind("\n"), text.rfind("\r"))
    if cut >= 0 and cut == len(text) - 1 and text[cut] == "\r":  # may be half of a CR LF
        cut = max(text.rfind("\n", 0, cut), text.rfind("\r", 0, cut))
    return cut


def _last_line_end(data: bytes) -> int:
    """Index of the last line end of ``data`` that surely ends a line (-1 if none)."""
    cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
    if cut >= 0 and cut == len(data) - 1 and data[cut] == 13:  # a final CR may be half a CRLF
        cut = max(data.rfind(b"\n", 0, cut), data.rfind(b"\r", 0, cut))
    return cut


def _line_ends(text: str) -> int:
    """How many lines ``text`` ends (CR LF, CR and LF each end one)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _byte_line_ends(data: bytes, start: int = 0, end: int | None = None) -> int:
    """How many lines ``data[start:end]`` ends (CR LF, CR and LF each end one)."""
    return (
        data.count(b"\n", start, end)
        + data.count(b"\r", start, end)
        - data.count(b"\r\n", start, end)
    )
