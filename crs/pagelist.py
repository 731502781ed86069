"""Which pages the course has, as its config lists them: a nav entry names a file that exists,
and every page MkDocs would build is in the nav or marked `not_in_nav`. Checked in the course
load, so a stray page is refused before site/ is touched."""

from __future__ import annotations

import re

import pathspec

from crs.errors import CourseError
from crs.project import Project

# MkDocs' own exclusions, added to exclude_docs.
_DEFAULT_EXCLUDE = pathspec.GitIgnoreSpec.from_lines([".*", "/templates/"])
_NOTHING = pathspec.GitIgnoreSpec.from_lines([])


def _line_naming(project: Project, src: str) -> int | None:
    """The config line that lists `src`, for the message (None if it cannot be told)."""
    path = project.root / project.config_name
    if not path.is_file():
        return None
    pattern = re.compile(rf"(?:^|[\s:'\"]){re.escape(src)}\s*['\"]?\s*$")
    lines = path.read_text(encoding="utf-8").split("\n")
    return next((n for n, line in enumerate(lines, start=1) if pattern.search(line)), None)


def check_page_list(project: Project) -> list[CourseError]:
    """Nav entries without a file, and built pages that no nav entry lists (a lesson there
    would be unreachable: no menu, no progress)."""
    found = []
    for src in project.pages:
        if not (project.docs / src).is_file():
            found.append(
                CourseError(
                    project.config_name,
                    _line_naming(project, src),
                    f"nav lists '{src}', expected a page {project.docs.name}/{src}, found no such "
                    "file",
                )
            )
    listed = set(project.pages)
    unlisted = project.not_in_nav or _NOTHING
    for src in built_pages(project):
        if src not in listed and not unlisted.match_file(src):
            found.append(
                CourseError(
                    f"{project.docs.name}/{src}",
                    1,
                    f"expected this page in {project.config_name} nav (or under not_in_nav), "
                    "found it in neither: learners would have no way to reach it",
                )
            )
    return found


def built_pages(project: Project) -> list[str]:
    """Docs-relative .md pages MkDocs builds (exclude_docs and its defaults left out)."""
    excluded = _DEFAULT_EXCLUDE + (project.exclude_docs or _NOTHING)
    pages = (p.relative_to(project.docs).as_posix() for p in project.docs.rglob("*.md"))
    return sorted(src for src in pages if not excluded.match_file(src))
