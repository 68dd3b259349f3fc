"""Progress bars of the commands that can run for a while (import, export, report, dedup), declared once.

The bar is Rich's, on stderr (piped output stays clean), as extract's; it shows only to a person watching:
never with `--quiet`, and only when stderr is a terminal (Rich's detection, so `TTY_COMPATIBLE=1` or
`FORCE_COLOR` force it, as in the tests). It is transient: the command's own summary line stays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

T = TypeVar("T")
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
Advance = Callable[..., None]


def show_progress(quiet: bool = False) -> bool:
    """True when a bar helps: not asked to be quiet, and stderr is a terminal."""
    from rich.console import Console

    return not quiet and Console(stderr=True).is_terminal


@contextmanager
def progress_bar(label: str, total: int | None, show: bool) -> Iterator[Advance]:
    """A bar of `total` steps (None: unknown); yields `advance(steps=1, description=None)`, a no-op when hidden."""
    if not show:
        yield lambda steps=1, description=None: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(steps: int = 1, description: str | None = None) -> None:
            bar.update(task, advance=steps, description=description or label)

        yield advance


def track(items: Iterable[T], label: str, total: int | None, show: bool) -> Iterator[T]:
    """Iterate `items`, advancing a bar (see `progress_bar`) after each."""
    with progress_bar(label, total, show) as advance:
        for item in items:
            yield item
            advance()


def counted(items: Iterable[T], advance: Any) -> Iterator[T]:
    """Iterate `items`, calling `advance()` after each (for a bar opened around a longer job)."""
    for item in items:
        yield item
        advance()
