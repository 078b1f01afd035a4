"""Building a block of the document model from pieces of the source: ``BlockBuilder`` keeps the
map from the block's text back to ``Document.text``; ``make_block`` splits its sentences."""

from __future__ import annotations

from sectorlens.facts.document import SENTENCE_KINDS, Block, BlockKind, Sentence, Table
from sectorlens.facts.sentences import split_sentences


class BlockBuilder:
    """Builds one block's text from source pieces, keeping the map back to ``Document.text``."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.segments: list[tuple[int, int, int]] = []
        self.trailing_space = False  # the last source line added ended in white space

    def add(self, text: str, source: int) -> None:
        """Append ``text``, which is ``Document.text[source:source+len(text)]``."""
        if not text:
            return
        if self.segments:
            loc, src, n = self.segments[-1]
            if loc + n == self.length and src + n == source:
                self.segments[-1] = (loc, src, n + len(text))
                self.parts.append(text)
                self.length += len(text)
                return
        self.segments.append((self.length, source, len(text)))
        self.parts.append(text)
        self.length += len(text)

    def insert(self, text: str) -> None:
        """Append characters that are not in the source (a space for a line break)."""
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        """The text so far."""
        return "".join(self.parts)

    def last_char(self) -> str:
        """The last character so far, or ''."""
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""


def make_block(
    index: int,
    kind: BlockKind,
    text: str,
    segments: tuple[tuple[int, int, int], ...],
    *,
    page: int | None = None,
    level: int | None = None,
    marker: str | None = None,
    prose: bool = True,
    table: Table | None = None,
) -> Block:
    """A block with its sentences split (for paragraph-like kinds)."""
    sentences: tuple[Sentence, ...] = ()
    if kind in SENTENCE_KINDS:
        sentences = tuple(
            Sentence(i, text[a:b], a, b) for i, (a, b) in enumerate(split_sentences(text))
        )
    return Block(index, kind, text, segments, page, level, marker, prose, sentences, table)


__all__ = ["BlockBuilder", "make_block"]
