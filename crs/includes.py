"""markdown-include's `{!file!}`: where a page pulls in a shared passage. markdown-include
leaves a missing file out silently, so the course load checks every include first."""

from __future__ import annotations

import re
from pathlib import Path

from crs.errors import CourseError
from crs.mdtext import unfenced_lines

# markdown-include's own syntax, with its optional `lines=` selection.
INCLUDE = re.compile(r"\{!\s*(.+?)\s*!(?:\blines\b=[0-9 -]+)?\}")


def missing(body: str, label: str, base: Path, first_line: int = 1) -> list[CourseError]:
    """An error at each `{!file!}` whose file is not in `base` (markdown-include's base_path)."""
    found = []
    for index, line in unfenced_lines(body.split("\n")):
        for match in INCLUDE.finditer(line):
            if not (base / match.group(1)).is_file():
                found.append(
                    CourseError(
                        label,
                        first_line + index,
                        f"expected an include file {base.name}/{match.group(1)}, found no such "
                        "file (markdown-include would silently leave the text out)",
                    )
                )
    return found


def inline(text: str, base: Path) -> str:
    """Each `{!file!}` replaced by its file on one line, as readers see the text, while line
    numbers still match the page the author edits."""

    def include(match: re.Match) -> str:
        path = base / match.group(1)
        if not path.is_file():
            return match.group(0)
        return " ".join(path.read_text(encoding="utf-8").split())

    return INCLUDE.sub(include, text)
