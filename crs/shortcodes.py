"""`<!-- crs:name -->` markers that a page places and the build fills from the course model.

An HTML comment stays invisible if the build is skipped, and an unknown name fails the build
rather than silently rendering nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from crs.errors import CourseError
from crs.mdtext import unfenced_lines

_MARKER = re.compile(r"<!--\s*crs:([\w-]+)\s*-->")

# Every marker a page may place; crs.pages renders each (a test holds the two together).
NAMES = frozenset(
    {
        "lessons",
        "references",
        "glossary",
        "workspace",
        "tutor-guide",
        "assignment-builder",
        "assignment",
        "class-summary",
    }
)

# Marker -> the page bundle whose code brings the rendered component to life.
MARKER_BUNDLES = {
    "lessons": "home",
    "workspace": "workspace",
    "assignment": "assignment",
    "tutor-guide": "tutor",
    "assignment-builder": "tutor",
    "class-summary": "summary",
}
# A page bundle that stands in for another on that one's pages: the class summary is a tutor page
# whose code alone is too large to load on every tutor page.
REPLACES = {"summary": "tutor"}


def uses(markdown: str, first_line: int = 1) -> list[tuple[str, int]]:
    """(name, line) of every marker a page places outside code blocks."""
    return [
        (match.group(1), index + first_line)
        for index, line in unfenced_lines(markdown.split("\n"))
        for match in _MARKER.finditer(line)
    ]


def markers(markdown: str, first_line: int = 1) -> dict[str, int]:
    """The markers a page uses, each with the line it first appears on."""
    found: dict[str, int] = {}
    for name, line in uses(markdown, first_line):
        found.setdefault(name, line)
    return found


def unknown(markdown: str, src: str, first_line: int = 1) -> list[CourseError]:
    """An error at each marker that names nothing the build can fill."""
    return [
        CourseError(src, line, f"unknown marker 'crs:{name}'; known: {', '.join(sorted(NAMES))}")
        for name, line in uses(markdown, first_line)
        if name not in NAMES
    ]


def expand(
    markdown: str, src: str, renderers: Mapping[str, Callable[[], str]], first_line: int = 1
) -> str:
    lines = markdown.split("\n")
    for index, line in unfenced_lines(lines):

        def replace(match: re.Match, line_no: int = index + first_line) -> str:
            name = match.group(1)
            if name not in renderers:
                known = ", ".join(sorted(renderers))
                raise CourseError(src, line_no, f"unknown marker 'crs:{name}'; known: {known}")
            return renderers[name]()

        lines[index] = _MARKER.sub(replace, line)
    return "\n".join(lines)


def page_bundle(markdown: str, meta: dict, src: str, first_line: int = 1) -> str | None:
    """The one page bundle a page loads besides crs.js: the one its markers need (the module
    home's lesson list: the home bundle). A lesson (front matter `time`) gets the lessons bundle,
    and every tutor page (`tutor: true`) the tutor bundle, whose styles cover the notebook (or,
    on the class summary page, the bundle standing in)."""
    bundle = "tutor" if meta.get("tutor") else "lessons" if meta.get("time") else None
    chosen = False  # by a marker, rather than by the front matter
    for name, line in sorted(markers(markdown, first_line).items(), key=lambda m: m[1]):
        needed = MARKER_BUNDLES.get(name)
        stands_in = not chosen and REPLACES.get(needed) == bundle
        if needed and bundle and needed != bundle and not stands_in:
            raise CourseError(
                f"docs/{src}",
                line,
                f"marker 'crs:{name}' needs the {needed} page bundle, but this page already "
                f"loads the {bundle} bundle; put these components on separate pages",
            )
        chosen = chosen or bool(needed)
        bundle = needed or bundle
    return bundle
