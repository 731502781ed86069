"""The one error type for bad course input: it always names the file and line."""

from __future__ import annotations

from pathlib import Path


class CourseError(Exception):
    """Bad input in a course file. Hooks turn it into a build-stopping PluginError."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
