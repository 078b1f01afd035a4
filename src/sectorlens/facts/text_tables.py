"""Tables in plain text whose columns are set apart by single spaces, as text copied from a
PDF or a web page gives them: a row label and the same number of numbers on every line
(``매출총이익 174,021,815,049 181,058,279,687 176,110,967,216``), under a header line whose
last words name the columns (``구분 제 24기 제 23기 제 22기``, ``… 당해사업연도 직전사업연도``).

Two or more such lines in a row make a table; a line with a word where the others have a
number (``적자전환``) is one of them when all its other cells are numbers. Prose lines around
them stay prose. Tables set with runs of spaces between columns are read by ``aligned_grid``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sectorlens.facts import lexicon as lx
from sectorlens.facts.tables import is_number, is_value
from sectorlens.facts.text_cells import NIL, header_tokens, regroup
from sectorlens.facts.text_rows import drop_notes, joined_rows, squeezed

MAX_LABEL_CHARS = 40
# a row label may run longer (Depreciation, amortisation and impairments) when it reads as a
# name, not as a sentence
_LONG_LABEL_CHARS = 64
_SENTENCE = re.compile(r"[。；;]|\.\s+[A-Z가-힣]|,\s+(?:and|which|while)\s")
SPACE_WIDTH = 5.0  # a leading space as an indent in PDF points (tables.INDENT_STEP apart)
_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"^(?:FY\s?)?(?:19|20)\d{2}(?:年|년|E|F|P)?$", re.I)


@dataclass(frozen=True, slots=True)
class TextTable:
    """Lines ``start`` to ``end`` (exclusive) of a chunk hold a table; ``grid`` its cells (the
    header row first when the line above the rows names the columns)."""

    start: int
    end: int
    grid: list[list[str]]
    header: bool
    indents: tuple[float | None, ...] = ()  # each grid row's leading spaces, as PDF points


def _row(text: str) -> tuple[str, list[str]] | None:
    """A row label and the numbers after it, or None for a line that is not such a row."""
    bullet = lx.BULLET.match(text)
    body = text[bullet.end() :] if bullet else text
    tokens = _TOKEN.findall(body)
    k = 0
    while k < len(tokens) and (
        (is_number(tokens[-1 - k]) and not _YEAR.match(tokens[-1 - k])) or tokens[-1 - k] in NIL
    ):
        k += 1
    while k and tokens[len(tokens) - k] in NIL:
        k -= 1  # Very positive – 15.0%: a dash before the figures sets them apart, no cell
    # 확정급여자산 16 - -: dashes after a figure are cells (nil); dashes alone are no row
    if k == 0 and len(tokens) >= 3:
        tail = tokens[-1]
        before = 0
        while before + 1 < len(tokens) and is_number(tokens[-2 - before]):
            before += 1
        if before >= 2 and len(tail) <= 6 and not any(ch.isdigit() for ch in tail):
            k = before + 1  # 당기순이익 -196,879,775 9,977,261,821 … 적자전환
    label = squeezed(tokens[: len(tokens) - k])
    if k < 2 or not _label_ok(label):
        return None
    return label, tokens[len(tokens) - k :]


def _label_ok(label: str) -> bool:
    if not label or not any(c.isalpha() for c in label):
        return False
    return len(label) <= MAX_LABEL_CHARS or (
        len(label) <= _LONG_LABEL_CHARS and not _SENTENCE.search(label)
    )


def _width(lines: Sequence[str], rows: list[tuple[str, list[str]] | None]) -> int:
    """How many value columns the chunk's table has: the periods of a header line of periods
    only (``2019 2018 (*)``), else the count most rows have (three rows at least)."""
    for line in lines:
        tokens = header_tokens(_TOKEN.findall(line))
        years = [t for t in tokens if _YEAR.match(t)]
        if (
            len(years) >= 2
            and tokens[len(tokens) - len(years) :] == years
            and len(tokens) - len(years) <= 2
        ):
            return len(years)  # 구분 2023 2022, or the years alone
    counts: dict[int, int] = {}
    for r in rows:
        if r is not None:
            counts[len(r[1])] = counts.get(len(r[1]), 0) + 1
    k, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=(0, 0))
    return k if n >= 3 else 0


def _regrouped(text: str, k: int) -> tuple[str, list[str]] | None:
    """A row whose numbers set their thousands apart by a space, read as ``k`` cells."""
    tokens = _TOKEN.findall(text)
    cells = regroup(tokens, k)
    if cells is None:
        return None
    label = squeezed(tokens[: len(tokens) - _tail_len(tokens)])
    return (label, cells) if _label_ok(label) else None


def _tail_len(tokens: Sequence[str]) -> int:
    """How many digit groups and dashes end the row (what ``regroup`` reads as its cells)."""
    n = 0
    for t in reversed(tokens):
        if (t.isdigit() and len(t) <= 3) or t in NIL:
            n += 1
        else:
            break
    return n


def _header(text: str, k: int) -> list[str] | None:
    """The header cells of a line that names ``k`` columns after its first words."""
    if len(text) > 100 or text.rstrip().endswith(lx.TERMINAL):
        return None  # a sentence before the table, not its header
    tokens = header_tokens(_TOKEN.findall(text))
    if len(tokens) == k and all(_YEAR.match(t) for t in tokens):
        return ["", *tokens]  # 2019 2018 (*): the periods alone, over the value columns
    if len(tokens) < k + 1 or any(is_number(t) and not _YEAR.match(t) for t in tokens[-k:]):
        return None
    if all(len(t) >= 2 for t in tokens[-k:]):
        return [" ".join(tokens[:-k]), *tokens[-k:]]
    if (len(tokens) - 1) % k == 0:  # 구분 제 24기 제 23기 제 22기: k names of equal length
        m = (len(tokens) - 1) // k
        return [tokens[0], *(" ".join(tokens[1 + i * m : 1 + (i + 1) * m]) for i in range(k))]
    return None


_SECTION_MAX_CHARS = 80
_SECTIONS_IN_A_ROW = 3  # 人口与就业 / 人口 / 城乡结构: a part, its chapter, its breakdown
_FOOTNOTE = re.compile(r"^(?:\d|\(\d\)|\*{1,3})$")  # IFRS Results 3: a section's mark


def _section(text: str) -> str | None:
    """A section row of a table (``性别结构(户籍人口)   Sexual Composition``): words only, short,
    no sentence; its label, else None."""
    tokens = _TOKEN.findall(text)
    if len(tokens) >= 3 and _FOOTNOTE.match(tokens[-1]):
        tokens = tokens[:-1]  # IFRS Results 3: the section's footnote mark is no figure
    body = squeezed(tokens)
    if not body or len(body) > _SECTION_MAX_CHARS or body.endswith(lx.TERMINAL):
        return None
    if any(is_number(t) for t in body.split()) or not any(c.isalpha() for c in body):
        return None
    return body


def _run_end(lines: Sequence[str], rows: list[tuple[str, list[str]] | None], i: int, k: int) -> int:
    """The end of the rows of ``k`` numbers from ``i``, over section rows between them (a
    table cut at its section headings stays one table, so its wholes and parts still pair)."""
    j = i
    while True:
        while j < len(lines) and (r := rows[j]) is not None and len(r[1]) == k:
            j += 1
        n = j
        while (
            n < len(lines) and n - j < _SECTIONS_IN_A_ROW and rows[n] is None and _section(lines[n])
        ):
            n += 1
        if n == j or n >= len(lines) or (r := rows[n]) is None or len(r[1]) != k:
            return j
        j = n


def _year_header(lines: Sequence[str], i: int, k: int) -> int | None:
    """The line of column years above ``i`` past its section rows (``指 标 Item 2000 2010``)."""
    n = i - 1
    while n >= 0 and i - n <= _SECTIONS_IN_A_ROW + 1:
        head = _header(lines[n], k)
        if head is not None and all(_YEAR.match(c) for c in head[1:]):
            return n
        if _section(lines[n]) is None:
            return None
        n -= 1
    return None


def _indent(line: str) -> float:
    """How far in a row is set (``  城镇居民`` under ``居民消费``), in PDF points."""
    return (len(line) - len(line.lstrip(" \u3000"))) * SPACE_WIDTH


def text_tables(lines: Sequence[str], above: Sequence[str] = ()) -> list[TextTable]:
    """The single-space tables among ``lines`` (a chunk of a plain-text document); a row label
    on a line of its own with its figures on the next line is one row. A table that opens the
    chunk without a header takes a header of periods from ``above`` (the lines before the
    chunk, past a section label: ``과 목 주석 73(당)기 72(전)기`` / ``자산`` / blank lines)."""
    joined, at = joined_rows(lines)
    found = _tables(joined)
    if found and found[0].start == 0 and not found[0].header and found[0].grid:
        first = found[0]
        head = _head_above(above, len(first.grid[0]) - 1)
        if head is not None:
            found[0] = TextTable(0, first.end, [head, *first.grid], True, (None, *first.indents))
    return [TextTable(at[t.start], at[t.end], t.grid, t.header, t.indents) for t in found]


def _head_above(above: Sequence[str], k: int) -> list[str] | None:
    """The header of ``k`` columns among the last lines ``above``: a short corner label, then
    names of one form that each hold a figure (years, terms, dates: ``73(당)기 72(전)기``);
    section labels between are passed over."""
    for line in reversed(above[-_SECTIONS_IN_A_ROW:]):
        head = _header(line, k)
        if head is not None:
            names = head[1:]
            forms = {_ASIDE.sub("", re.sub(r"\d", "9", c)) for c in names}
            same = len(forms) == 1 and all(any(ch.isdigit() for ch in c) for c in names)
            return head if same and len(head[0]) <= _CORNER_CHARS else None
        if _section(line) is None:
            return None
    return None


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")
_CORNER_CHARS = 20


def _tables(lines: Sequence[str]) -> list[TextTable]:
    rows = drop_notes(lines, [_row(line) for line in lines])
    width = _width(lines, rows)
    if width >= 2:
        for n, line in enumerate(lines):
            if rows[n] is None or len(rows[n][1]) != width:  # type: ignore[index]
                rows[n] = _regrouped(line, width) or rows[n]
    out: list[TextTable] = []
    i = 0
    while i < len(lines):
        got = rows[i]
        if got is None:
            i += 1
            continue
        k = len(got[1])
        j = _run_end(lines, rows, i, k)
        if j - i < 2:
            i += 1
            continue
        above = _year_header(lines, i, k) if i > 0 else None
        first = i if above is None or above == i - 1 else above + 1
        grid: list[list[str]] = []
        for n in range(first, j):
            row = rows[n]
            if row is None:  # a section row: its label alone
                grid.append([_section(lines[n]) or "", *[""] * k])
            else:
                grid.append([row[0], *row[1]])
        head = _header(lines[above], k) if above is not None else None
        if head is None and i > 0:
            head = _header(lines[i - 1], k)
        start = above if above is not None else i - 1 if head is not None else i
        indents = tuple(_indent(lines[n]) for n in range(first, j))
        out.append(
            TextTable(
                start,
                j,
                [head, *grid] if head else grid,
                head is not None,
                (None, *indents) if head else indents,
            )
        )
        i = j
    return out


__all__ = ["TextTable", "text_tables"]


_PART = re.compile(r"\S+(?: \S+)*")  # text between runs of two or more spaces


def aligned_grid(lines: list[str]) -> list[list[str]] | None:
    """Cells of a table set in columns with spaces, or None for prose: at least two lines with
    a value after their first part, and most lines split into parts by wide gaps."""
    parts = [[(m.start(), m.end(), m.group(0)) for m in _PART.finditer(line)] for line in lines]
    rows = [p for p in parts if len(p) >= 2 and any(is_value(t) for _a, _b, t in p[1:])]
    if len(rows) < 2 or sum(1 for p in parts if len(p) >= 2) < 0.6 * len(parts):
        return None
    cols: list[tuple[int, int]] = []
    for a, b in sorted((a, b) for p in rows for a, b, _t in p):
        if cols and a <= cols[-1][1] + 1:
            cols[-1] = (cols[-1][0], max(cols[-1][1], b))
        else:
            cols.append((a, b))
    if len(cols) < 2:
        return None
    grid = []
    for p in parts:
        row = [""] * len(cols)
        for a, b, t in p:
            c = max(range(len(cols)), key=lambda c: min(b, cols[c][1]) - max(a, cols[c][0]))
            row[c] = f"{row[c]} {t}".strip()
        grid.append(row)
    return grid
