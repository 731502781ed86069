"""Page front matter: the YAML between '---' lines at the top of a page, read with its lines and
checked against docs/_data/schemas/page.schema.json through crs.schemacheck.

MkDocs drops front matter it cannot parse and renders the page without it; here that is an
error at the line to fix, so a lesson never loses its title, time or objectives silently.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from crs import schemacheck
from crs.errors import CourseError

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "_data" / "schemas" / "page.schema.json"
_OPEN = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
_NOUNS = {"objectives": "objective", "keypoints": "key point", "practised_by": "id", "hide": "item"}


def _where(data: Any, path: list) -> str:
    """'the front matter', 'objective 2', 'id 1 of objective 2'."""
    if len(path) >= 2 and isinstance(path[1], int):
        name = f"{_NOUNS.get(path[0], 'item')} {path[1] + 1}"
        if len(path) >= 4 and isinstance(path[3], int):
            return f"{_NOUNS.get(path[2], 'item')} {path[3] + 1} of {name}"
        return name if len(path) == 2 else f"'{path[2]}' of {name}"
    if path:
        return f"'{path[0]}' of the front matter"
    return "the front matter"


def _owner(data: Any, path: list) -> str:
    if not path and isinstance(data, dict) and "time" in data:
        return "the front matter of a lesson (a page with 'time')"
    return _where(data, path)


WORDS = schemacheck.Words(
    where=_where,
    owner=_owner,
    nouns=_NOUNS,
    hints={
        "title": "the lesson's title",
        "objectives": "a list of sentences",
        "keypoints": "a list of sentences",
        "text": "a sentence",
    },
    patterns={"practised_by": "an id of a quiz question or reflection prompt"},
)


def split(text: str, label: str) -> tuple[str | None, int]:
    """(the front matter's YAML or None, the number of lines it takes with its '---' lines)."""
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0]):
        return None, 0
    for index, line in enumerate(lines[1:], start=1):
        if _CLOSE.match(line):
            return "\n".join(lines[1:index]), index + 1
    raise CourseError(label, 1, "expected the front matter to end with a '---' line, found none")


def read(text: str, label: str, schema: dict | None = None) -> tuple[dict, yaml.Node | None]:
    """The front matter as data (empty without one) and its YAML nodes, valid against the
    schema; anything MkDocs would have dropped is an error naming the line."""
    front, _ = split(text, label)
    if front is None:
        return {}, None
    root = schemacheck.compose_text(front, label, first_line=2)
    if root is None:
        return {}, None
    data = schemacheck.plain(root, label)
    if not isinstance(data, dict):
        found = schemacheck.describe(data)
        raise CourseError(
            label,
            schemacheck.line(root),
            f"expected the front matter to be 'key: value' lines, found {found}",
        )
    schemacheck.validate(data, root, schema or default_schema(), label, WORDS)
    return data, root


@cache
def default_schema() -> dict:
    return schemacheck.load_schema(SCHEMA, "page front matter")
