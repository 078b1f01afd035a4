"""Errors the CLI turns into one clear line and a non-zero exit."""

from __future__ import annotations


class SectorlensError(Exception):
    """A user-facing error: its message is printed as is, without a traceback."""

    exit_code = 1


class UsageError(SectorlensError):
    """Bad arguments or options (exit status 2)."""

    exit_code = 2


class StoreError(SectorlensError):
    """The store file is missing, corrupt, locked or of an unknown schema."""


class InputError(SectorlensError):
    """An input file cannot be read or is not of the expected format."""


class NoAnswer(UsageError):
    """A well-formed request that has no answer: a range that ends before it starts (web: 404)."""
