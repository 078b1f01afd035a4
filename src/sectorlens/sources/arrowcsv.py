"""Delimited UTF-8 text parsed by Arrow's CSV reader, for as long as it reads what csv would.

The csv module costs a Python list and a string per cell, all on the main thread; Arrow parses
the file into text columns and makes its chunks a chunk ahead on a helper thread (releasing the
GIL), and only the columns an adapter asks for become Python text. This path is taken for files
in UTF-8 mode (not a forced or detected code page) whose header is one line, and it reads a part
of the file
only while that part is plain: every record header-wide, no record whose cells are all empty (a
blank line to the csv module), no NUL character, no record near the csv module's field limit
or beyond Arrow's block, a record that is not UTF-8 on one line (it is read in the legacy code
page, as csv reads it), and not so many of those that the csv path would stop. Rows that may
need repair (``text.DAMAGE``, oversized cells) are repaired as the csv path repairs them. At the
first part that is not plain, the csv path reads the file from its start, skips the records
this path gave, and gives the rest: so chunks, refs, cells, flags and errors are those of the
csv path, only cheaper where the file is plain.
"""

from __future__ import annotations

import codecs
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pv

from sectorlens.sources.chunk import MAX_CELL, Chunk, Progress
from sectorlens.sources.chunk_builder import ChunkBuilder, Repairs
from sectorlens.sources.text import DAMAGE

BLOCK = 1 << 20  # bytes Arrow parses at a time (a record longer than that: the csv path reads)
MAX_FIELD = 1 << 20  # the csv module's field limit set by textfile.read_delimited
AHEAD = 2  # chunks made ahead of the one being read

# text.DAMAGE as an RE2 pattern: the same characters, written as code points
_DAMAGE = (
    "["
    + "".join(
        "\\\\" if c == "\\" else "-" if c == "-" else f"\\x{{{ord(c):x}}}"
        for c in DAMAGE.pattern[1:-1]
    )
    + "]"
)

Fallback = Callable[[int], Iterator[Chunk]]
"""The csv path of the same file, from its start, with the first ``n`` records skipped."""


def usable(path: Path, width: int, header_lines: int, delimiter: str) -> int | None:
    """The byte where the records of ``path`` begin when this path may read it, else None."""
    if width < 2 or header_lines != 1 or len(delimiter) != 1 or delimiter in '"\r\n':
        return None
    with path.open("rb") as fh:
        head = fh.read(BLOCK)
    start = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    ends = [i for i in (head.find(b"\n", start), head.find(b"\r", start)) if i >= 0]
    if not ends:
        return None
    end = min(ends)
    if b'"' in head[start:end]:
        return None  # a quoted header: one line, but left to the csv path
    end += 2 if head[end : end + 2] == b"\r\n" else 1
    if head[end : end + 3] == codecs.BOM_UTF8:
        return None  # Arrow would take it for the stream's byte order mark
    return end


def arrow_chunks(
    path: Path,
    start: int,
    delimiter: str,
    header: list[str],
    progress: Progress | None,
    chunk_rows: int,
    fallback: Fallback,
    legacy: str,
) -> Iterator[Chunk]:
    """Chunks of ``chunk_rows`` records from byte ``start`` on (records begin at line 2);
    a record that is not UTF-8 is read in the code page ``legacy``, as the csv path reads it."""
    done = 0  # records given so far
    chunks = _Ahead(path, start, len(header), delimiter, _Chunks(header, legacy), chunk_rows)
    plain = True
    try:
        for chunk in chunks:
            done += len(chunk)
            if progress is not None:
                progress(chunks.position)
            yield chunk
    except (_NotPlain, pa.ArrowException):  # the csv path raises what is a real error
        plain = False
    finally:
        chunks.close()
    if not plain:
        yield from fallback(done)
    elif progress is not None:
        progress(path.stat().st_size)


_Item = tuple[Chunk, int] | BaseException | None
"""A chunk and the bytes read after it, the error that stopped the reading, or the end."""


class _NotPlain(Exception):
    """A part of the file this path does not read as the csv module would."""


class _Ahead:
    """The chunks of a file, parsed and made a chunk ahead on a helper thread: Arrow releases
    the GIL while it parses and computes, so the main thread works on the chunk before."""

    def __init__(
        self,
        path: Path,
        start: int,
        width: int,
        delimiter: str,
        make: _Chunks,
        chunk_rows: int,
    ) -> None:
        names = [f"c{k}" for k in range(width)]
        self._source = pa.OSFile(str(path))
        self._source.seek(start)
        self._options = (
            pv.ReadOptions(column_names=names, block_size=BLOCK, use_threads=False),
            pv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False),
            pv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=False,  # lines that are not UTF-8: see _Chunks.legacy_rows
            ),
        )
        self._make, self._rows = make, chunk_rows
        self._queue: queue.Queue[_Item] = queue.Queue(AHEAD)
        self._stop = threading.Event()
        self.position = start  # bytes of the file parsed so far (for progress)
        self._thread = threading.Thread(target=self._run, name="sectorlens-csv", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            read, parse, convert = self._options
            reader = pv.open_csv(
                self._source, read_options=read, parse_options=parse, convert_options=convert
            )
            pending: list[pa.RecordBatch] = []
            count = 0
            while not self._stop.is_set():
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    break
                pending.append(batch)
                count += batch.num_rows
                while count >= self._rows:
                    table = pa.Table.from_batches(pending)
                    self._put((self._make(table.slice(0, self._rows)), self._source.tell()))
                    rest = table.slice(self._rows)
                    pending, count = rest.to_batches(), rest.num_rows
            if count and not self._stop.is_set():
                self._put((self._make(pa.Table.from_batches(pending)), self._source.tell()))
            self._put(None)
        except BaseException as exc:  # handed to the main thread, raised there
            self._put(exc)

    def _put(self, item: _Item) -> None:
        while not self._stop.is_set():
            with suppress(queue.Full):
                self._queue.put(item, timeout=0.1)
                return

    def __iter__(self) -> Iterator[Chunk]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, BaseException):
                raise item
            chunk, self.position = item
            yield chunk

    def close(self) -> None:
        """Stop the helper thread and close the file."""
        self._stop.set()
        self._thread.join()
        self._source.close()


def _data(column: pa.StringArray) -> bytes:
    """The bytes of a text column's cells, one after another."""
    buffer = column.buffers()[2]
    if buffer is None or not len(column):
        return b""
    offsets = memoryview(column.buffers()[1]).cast("i")
    begin, end = offsets[column.offset], offsets[column.offset + len(column)]
    return buffer.slice(begin, end - begin).to_pybytes()


class _Chunks:
    """Chunks of Arrow's records, in order: refs, repaired rows and legacy rows as csv's."""

    def __init__(self, header: list[str], legacy: str) -> None:
        self.header, self.codec = header, legacy
        self.line = 2  # the line where the next record starts
        self.legacy = 1  # lines read in the legacy code page so far (the header's counted)
        self.repaired = Repairs()

    def __call__(self, table: pa.Table) -> Chunk:
        """The chunk of the records of ``table``; _NotPlain where csv would read otherwise."""
        columns = [c.combine_chunks() for c in table.columns]
        n, line = table.num_rows, self.line
        data = [_data(c) for c in columns]
        if any(b"\x00" in d for d in data):
            raise _NotPlain  # a NUL: left to the csv module's own reading
        size = _sum([pc.binary_length(c) for c in columns])  # bytes: at least the characters
        assert size is not None
        if not pc.min(size).as_py():
            raise _NotPlain  # a blank line to the csv module, or a record of empty cells only
        if pc.max(size).as_py() >= MAX_FIELD:
            raise _NotPlain  # may be beyond the csv module's field limit: its error
        read = list(columns)
        old = self.legacy_rows(columns, data)
        big = pc.max(size).as_py() > MAX_CELL
        if big:
            size = _sum([pc.utf8_length(c) for c in columns])
        spans = _sum([_line_ends(c, d) for c, d in zip(columns, data, strict=True) if _ends(d)])
        if spans is None:
            lines: range | list[int] = range(line, line + n)
            self.line = line + n
        else:
            starts = pc.cumulative_sum(pc.add(spans, 1)).to_pylist()
            lines = [line, *(line + s for s in starts[:-1])]
            self.line = line + starts[-1]
        if old:
            self.count_legacy([lines[i] for i in sorted(old)])
        refs = [f"L{k}" for k in lines]
        suspect = [
            found
            for c, d, r in zip(columns, data, read, strict=True)
            # a column rebuilt for legacy rows is looked at
            if (c is not r or _may_be_damaged(d)) and (found := self.changed(c)) is not None
        ]
        if big:
            suspect.append(pc.greater(size, MAX_CELL))
        rows = set(pc.indices_nonzero(_any(suspect)).to_pylist()) if suspect else set()
        chunk = Chunk(self.header, refs, arrow=columns)
        if rows or old:
            self.repair(chunk, table, sorted(rows | old.keys()), old)
        return chunk

    def changed(self, column: pa.Array) -> pa.Array | None:
        """Where ``column``'s cells would be changed by repair (None: nowhere). Most cells with
        a character repair acts on (curly quotes, dashes, accents) are real text it leaves as
        they are: each distinct one is repaired once, and only rows it changes are rebuilt."""
        damaged = pc.match_substring_regex(column, _DAMAGE)
        if not pc.any(damaged).as_py():
            return None
        cells = pc.unique(pc.filter(column, damaged)).to_pylist()
        # a cell over MAX_CELL is cut, not repaired: its rows are rebuilt for their size
        changing = [c for c in cells if len(c) <= MAX_CELL and self.repaired(c)[1]]
        if not changing:
            return None
        return pc.is_in(column, value_set=pa.array(changing, pa.string()))

    def legacy_rows(self, columns: list[pa.Array], data: list[bytes]) -> dict[int, list[str]]:
        """The records that are not UTF-8, read in the legacy code page (each a line, as csv
        reads them); their cells in ``columns`` are left empty, the chunk's rows patch them."""
        old: dict[int, list[str]] = {}
        bad: dict[int, list[bytes]] = {}  # columns with cells that are not UTF-8
        for k, column in enumerate(columns):
            if data[k].isascii():
                continue
            try:
                column.validate(full=True)  # UTF-8 checked at C speed
                continue
            except pa.ArrowInvalid:
                cells = bad[k] = column.view(pa.binary()).to_pylist()
            for i, cell in enumerate(cells):
                if i not in old and not _utf8(cell):
                    old[i] = []
        if not old:
            return old
        binary = [c.view(pa.binary()) for c in columns]
        for i in old:
            cells = [c[i].as_py() for c in binary]
            if any(b"\n" in c or b"\r" in c for c in cells):
                raise _NotPlain  # a record over lines, some not UTF-8: csv decodes each line
            old[i] = [c.decode(self.codec, "replace") for c in cells]
        for k, cells in bad.items():
            columns[k] = pa.array(
                ["" if i in old else c.decode("utf-8") for i, c in enumerate(cells)], pa.string()
            )
        return old

    def count_legacy(self, lines: list[int]) -> None:
        """Count the records on ``lines`` read in the legacy code page. csv stops when over a
        tenth of the lines read are not UTF-8 (checked where its decoder is, up to a block
        ahead): this path leaves the file to it before, at the first such line where the count
        so far is over a tenth of the lines before it."""
        for k, at in enumerate(lines, 1):
            if self.legacy + k > max(8, (at - 2) // 10):
                raise _NotPlain
        self.legacy += len(lines)

    def repair(
        self, chunk: Chunk, table: pa.Table, rows: list[int], old: dict[int, list[str]]
    ) -> None:
        """Repair ``rows`` as csv's reader does (``old``: decoded in the legacy code page)."""
        builder = ChunkBuilder(self.header)
        fresh = [i for i in rows if i not in old]
        read = dict(zip(fresh, _rows(table, fresh), strict=True))
        for j, i in enumerate(rows):
            cells = old[i] if i in old else read[i]
            builder.add_repaired(chunk.refs[i], cells, self.repaired, legacy=i in old)
            if i in old or builder.rows[j] != cells:
                chunk.patched[i] = builder.rows[j]
            if j in builder.flags:
                chunk.flags[i] = builder.flags[j]
            if j in builder.original:
                chunk.original[i] = builder.original[j]


def _rows(table: pa.Table, rows: list[int]) -> list[list[str]]:
    """The cells of ``rows``, taken a column at a time."""
    if not rows:
        return []
    index = pa.array(rows, pa.int64())
    columns = [column.take(index).to_pylist() for column in table.columns]
    return [list(cells) for cells in zip(*columns, strict=True)]


# the UTF-8 bytes every character of text.DAMAGE begins with: a backslash, a lead byte of
# U+0080-U+02FF, of U+2000-U+2FFF, or U+FB01, U+FB02, U+F8FF, U+FFFD
_LEADS = (
    b"\\",
    *(bytes([b]) for b in range(0xC2, 0xCC)),
    b"\xe2",
    b"\xef\xac",
    b"\xef\xa3\xbf",
    b"\xef\xbf\xbd",
)


_NOT_LEADS = bytes(b for b in range(256) if b not in b"\\\xe2\xef" and not 0xC2 <= b < 0xCC)


def _may_be_damaged(data: bytes) -> bool:
    """False when no cell of a column (its bytes, valid UTF-8) can hold a text.DAMAGE character."""
    if data.isascii():
        return b"\\" in data
    leads = data.translate(None, _NOT_LEADS)  # the bytes a DAMAGE character may begin with
    if leads.strip(b"\xef"):
        return True  # a backslash, or a lead byte of U+0080-U+02FF or U+2000-U+2FFF
    return bool(leads) and any(lead in data for lead in _LEADS[-3:])


def _utf8(cell: bytes) -> bool:
    try:
        cell.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _ends(data: bytes) -> bool:
    return b"\n" in data or b"\r" in data


def _line_ends(column: pa.Array, data: bytes) -> pa.Array:
    """How many lines each cell ends (CR LF, CR and LF each end one)."""
    ends = pc.count_substring(column, "\n")
    if b"\r" in data:
        ends = pc.add(ends, pc.count_substring(column, "\r"))
        ends = pc.subtract(ends, pc.count_substring(column, "\r\n"))
    return ends


def _sum(arrays: list[pa.Array]) -> pa.Array | None:
    found = None
    for array in arrays:
        found = array if found is None else pc.add(found, array)
    return found


def _any(arrays: list[pa.Array]) -> pa.Array:
    found = arrays[0]
    for array in arrays[1:]:
        found = pc.or_(found, array)
    return found
