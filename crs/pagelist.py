"""Which pages the course has, as mkdocs.yml lists them: a nav entry names a file that exists,
and every page MkDocs would build is in the nav or marked `not_in_nav`. Read from mkdocs.yml as
data, like crs.project, so the course load can refuse a stray page before site/ is touched."""

from __future__ import annotations

import re

import pathspec
import yaml

from crs.errors import CourseError
from crs.project import Project, config_loader

# MkDocs' own exclusions, added to exclude_docs.
_DEFAULT_EXCLUDE = [".*", "/templates/"]


def _settings(project: Project) -> tuple[dict, list[str]]:
    path = project.root / project.config_name
    if not path.is_file():
        return {}, []
    text = path.read_text(encoding="utf-8")
    return yaml.load(text, Loader=config_loader()) or {}, text.split("\n")


def _spec(value) -> pathspec.GitIgnoreSpec:
    lines = value.split("\n") if isinstance(value, str) else list(value or [])
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _line_naming(lines: list[str], src: str) -> int | None:
    pattern = re.compile(rf"(?:^|[\s:'\"]){re.escape(src)}\s*['\"]?\s*$")
    return next((n for n, line in enumerate(lines, start=1) if pattern.search(line)), None)


def check_page_list(project: Project) -> list[CourseError]:
    """Nav entries without a file, and built pages that no nav entry lists (a lesson there
    would be unreachable: no menu, no progress)."""
    settings, lines = _settings(project)
    found = []
    for src in project.pages:
        if not (project.docs / src).is_file():
            found.append(
                CourseError(
                    project.config_name,
                    _line_naming(lines, src),
                    f"nav lists '{src}', expected a page {project.docs.name}/{src}, found no such "
                    "file",
                )
            )
    listed = set(project.pages)
    unlisted = _spec(settings.get("not_in_nav"))
    for src in built_pages(project, settings):
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


def built_pages(project: Project, settings: dict | None = None) -> list[str]:
    """Docs-relative .md pages MkDocs builds (exclude_docs and its defaults left out)."""
    if settings is None:
        settings, _ = _settings(project)
    excluded = _spec(_DEFAULT_EXCLUDE) + _spec(settings.get("exclude_docs"))
    pages = (p.relative_to(project.docs).as_posix() for p in project.docs.rglob("*.md"))
    return sorted(src for src in pages if not excluded.match_file(src))
