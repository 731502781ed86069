"""Reading Markdown source line by line, the way authors see it."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml
from mkdocs.utils.meta import YAML_RE

from crs.errors import CourseError

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


def check_front_matter(text: str, src: str) -> None:
    """Front matter that does not parse would silently leave a page without its title, time,
    objectives and key points (MkDocs ignores it): an error at the YAML's own line."""
    match = YAML_RE.match(text)
    if not match:
        return
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark and mark.line >= len(match.group(1).splitlines()):
            # Found only at the end (an unclosed bracket or quote): where the value began.
            mark = getattr(exc, "context_mark", None) or mark
        problem = getattr(exc, "problem", None) or str(exc)
        raise CourseError(
            src,
            mark.line + 2 if mark else 1,  # the YAML starts on line 2, after '---'
            f"expected front matter as valid YAML between the '---' lines, found: {problem}",
        ) from None
    if not isinstance(meta, dict):
        raise CourseError(
            src, 2, f"expected front matter as 'key: value' lines, found {type(meta).__name__}"
        )
