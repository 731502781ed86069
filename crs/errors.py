"""The one error type for bad course input: it always names the file and line. `Faults`
collects them, so one load reports every fault an author made, not only the first."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

# More than this many messages bury the first ones; the count still says how many there are.
SHOWN = 50


def display_path(path: str | Path) -> str:
    """The path as errors show it: relative to the working directory when inside it."""
    return _relative(str(path), os.getcwd())


@lru_cache(maxsize=4096)  # resolving is a system call per folder, asked once per quiz question
def _relative(path: str, cwd: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(cwd))
    except ValueError:
        return path


class CourseError(Exception):
    """Bad input in a course file. Hooks turn it into a build-stopping PluginError."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = display_path(path) if Path(path).is_absolute() else str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):
        # Raised in a worker process of the PDF build, it is pickled back to the parent.
        return (CourseError, (self.path, self.line, self.message))

    @property
    def errors(self) -> tuple[CourseError, ...]:
        return (self,)


class CourseFaults(CourseError):
    """Several faults at once, sorted by file and line; the last line says how many."""

    def __init__(self, errors: Iterable[CourseError]):
        self.all = tuple(sorted(_flat(errors), key=lambda e: (e.path, e.line or 0, e.message)))
        first = self.all[0]
        super().__init__(first.path, first.line, first.message)

    @property
    def errors(self) -> tuple[CourseError, ...]:
        return self.all

    def __reduce__(self):
        return (CourseFaults, (self.all,))

    def __str__(self) -> str:
        shown = [str(error) for error in self.all[:SHOWN]]
        if len(self.all) > SHOWN:
            shown.append(f"... and {len(self.all) - SHOWN} more")
        return "\n".join([*shown, summary_line(len(self.all))])


def summary_line(count: int) -> str:
    return f"{count} authoring fault{'s' if count != 1 else ''} found; nothing was written"


def _flat(errors: Iterable[CourseError]) -> Iterator[CourseError]:
    seen = set()
    for error in errors:
        for one in error.errors:
            if str(one) not in seen:
                seen.add(str(one))
                yield one


class Faults:
    """A collector passed down the course load: each check adds what it finds and goes on."""

    def __init__(self) -> None:
        self.found: list[CourseError] = []

    def add(self, *errors: CourseError) -> None:
        self.found.extend(errors)

    @contextmanager
    def gather(self) -> Iterator[None]:
        """Run a check that raises on its first fault; keep the fault and carry on."""
        try:
            yield
        except CourseError as error:
            self.found.append(error)

    def __bool__(self) -> bool:
        return bool(self.found)

    def raise_any(self) -> None:
        """A lone fault as itself (a check's caller gathers it), several as one CourseFaults."""
        if len(self.found) == 1:
            raise self.found[0]
        if self.found:
            raise CourseFaults(self.found)
