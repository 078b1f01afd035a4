"""The one place the CLI makes its rich consoles: never wrapping what goes to a pipe or a file."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# Wide enough that no table cell or line is ever wrapped when the output is not a terminal.
UNWRAPPED = 10_000


def console(*, stderr: bool = False, file: IO[str] | None = None) -> Console:
    """A console for the CLI's output.

    On a terminal it fits the terminal's width. Piped, redirected or written to ``file`` it has
    no width to fit: lines and table cells are never wrapped (whatever ``COLUMNS`` says), no
    colours or styles are written, so the output is the same at any width and in CI.
    """
    from rich.console import Console

    probe = Console(stderr=stderr, file=file)
    if probe.is_terminal:
        return Console(stderr=stderr, file=file, highlight=False)
    return Console(
        stderr=stderr,
        file=file,
        width=UNWRAPPED,
        soft_wrap=True,
        highlight=False,
        no_color=True,
        emoji=False,
    )
