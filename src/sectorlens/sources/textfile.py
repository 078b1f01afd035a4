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
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from sectorlens.errors import InputError
from sectorlens.sources.chunk import Chunk, ChunkBuilder, Progress, Repairs, clean_header
from sectorlens.sources.text import needs_repair

CHUNK = 1 << 20  # bytes read at a time
CHUNK_ROWS = 4096  # rows per Chunk given to an adapter (its columns stay in the CPU's cache)
_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, escaped


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
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, None)
        try:
            first = next(csv.reader(lines.iter(), delimiter=delim), None)
        except csv.Error as exc:
            raise InputError(f"{info.path}: cannot read the header: {exc}") from exc
    if first is None:
        raise InputError(f"{info.path} is empty")
    header = clean_header(first)
    return header, _delimited_chunks(info, delim, encoding, header, progress, chunk_rows)


def _delimited_chunks(
    info: FileInfo,
    delim: str,
    encoding: str | None,
    header: list[str],
    progress: Progress | None,
    chunk_rows: int,
) -> Iterator[Chunk]:
    width = len(header)
    repaired = Repairs()
    with info.path.open("rb") as fh:
        lines = _Lines(fh, info, encoding, progress)
        reader = csv.reader(lines.iter(), delimiter=delim)
        next(reader, None)  # the header
        start = reader.line_num + 1
        legacy = lines.legacy  # numbers of the lines decoded with the legacy code page
        chunk = ChunkBuilder(header)
        refs, rows = chunk.refs, chunk.rows
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise InputError(f"{info.path} line {start}: {exc}") from exc
            first, start = start, reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line is not a record
            was_legacy = False
            while legacy and legacy[0] < start:
                was_legacy = was_legacy or legacy.popleft() >= first
            if len(cells) == width and not was_legacy and not needs_repair("".join(cells)):
                refs.append(f"L{first}")  # nothing to repair: the common case, kept short
                rows.append(cells)
            else:
                chunk.add_repaired(f"L{first}", cells, repaired, legacy=was_legacy)
            if len(refs) >= chunk_rows:
                yield chunk.build()
                chunk = ChunkBuilder(header)
                refs, rows = chunk.refs, chunk.rows
        if refs:
            yield chunk.build()


class _Lines:
    """Lines of a byte stream, decoded a block at a time, for ``csv.reader``.

    A line is UTF-8 where it is valid and otherwise in the file's legacy code page; the numbers
    of such lines are appended to ``legacy`` as blocks are decoded (before the csv reader sees
    them). Blocks end at a line end, so no line and no character is ever split.
    """

    def __init__(
        self, fh: BinaryIO, info: FileInfo, encoding: str | None, progress: Progress | None
    ) -> None:
        self._fh, self._info, self._progress = fh, info, progress
        self._encoding = encoding
        self.legacy: deque[int] = deque()

    def iter(self) -> Iterator[str]:
        """Every physical line, with its line end."""
        return chain.from_iterable(io.StringIO(text, newline="") for text in self._blocks())

    def _blocks(self) -> Iterator[str]:
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
            if not self._info.utf8 and not self._encoding:
                line += _line_ends(text)  # only needed to number legacy lines
            if block:
                yield text
            if self._progress is not None and chunk:
                self._progress(done)
            if not chunk:
                return

    def _decode(self, block: bytes, line: int) -> str:
        if self._encoding:
            return block.decode(self._encoding, errors="replace")
        if self._info.utf8:
            return block.decode("utf-8")
        text = block.decode("utf-8", errors="surrogateescape")
        if _SURROGATE.search(text) is None:
            return text
        # lines that are not valid UTF-8 hold escaped bytes: decode those lines again, legacy
        legacy, parts, pos = self._info.legacy_encoding, [], 0
        for match in _SURROGATE.finditer(text):
            if match.start() < pos:
                continue  # in a line already decoded again
            begin = max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start())) + 1
            end = _line_end(text, match.start())
            line += _line_ends(text[pos:begin])
            self.legacy.append(line)
            parts.append(text[pos:begin])
            parts.append(
                text[begin:end].encode("utf-8", "surrogateescape").decode(legacy, "replace")
            )
            pos = end
        parts.append(text[pos:])
        return "".join(parts)


def _last_line_end(data: bytes) -> int:
    """Index of the last line end of ``data`` that surely ends a line (-1 if none)."""
    cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
    if cut == len(data) - 1 and data[cut] == 13:  # a CR at the very end may be half of a CRLF
        cut = max(data.rfind(b"\n", 0, cut), data.rfind(b"\r", 0, cut))
    return cut


def _line_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find("\n", pos), text.find("\r", pos)) if i >= 0]
    return min(ends) if ends else len(text)


def _line_ends(text: str) -> int:
    """How many lines ``text`` ends (CR LF, CR and LF each end one)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")
