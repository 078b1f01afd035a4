"""Currencies sectorlens knows, and the words that evidence each in text (data/currencies.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Currencies:
    """ISO codes and, for each, the words and symbols that name it in text."""

    words: dict[str, tuple[str, ...]]

    @classmethod
    def load(cls) -> Currencies:
        """Read the bundled ``data/currencies.csv``."""
        text = resources.files("sectorlens").joinpath("data/currencies.csv").read_text("utf-8")
        return cls(
            {
                row["code"]: tuple(w for w in row["words"].split("|") if w)
                for row in csv.DictReader(text.splitlines())
            }
        )

    def known(self, code: str) -> bool:
        """True when ``code`` is a currency listed in the data file."""
        return code in self.words

    def evidenced(self, code: str, sentence: str) -> bool:
        """True when ``sentence`` names currency ``code`` by one of its words or symbols."""
        folded = sentence.casefold()
        return any(word.casefold() in folded for word in self.words.get(code, ()))
