"""Reading Markdown source line by line, the way authors see it."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def unfenced_lines(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) for every line outside fenced code, where syntax is shown, not used."""
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield index, line
