"""Read a YAML list of mappings and keep each value's line, so errors can name file and line.

Shared by the bibliography, glossary and activities loaders: each validates plain Python data
but reports problems at the line the author has to edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from crs.errors import CourseError


@dataclass(frozen=True)
class Entry:
    """One mapping of a YAML list: its values, the line of the entry and of each key."""

    values: dict[str, object]
    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


# libyaml's parser when PyYAML was built with it (about 5x faster); nodes and marks are the same.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The node tree of a YAML text: values with their line numbers, for precise errors."""
    return yaml.compose(text, Loader=_LOADER)


def value_of(node: yaml.Node) -> object:
    """The Python value of a composed node, built as yaml.safe_load would build it."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def load_entries(path: Path) -> list[Entry]:
    """The entries of a YAML file whose top level is a list of mappings (line numbers 1-based)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CourseError(path, None, f"cannot read the file: {exc.strerror}") from exc
    try:
        root = compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise CourseError(
            path, line, f"expected valid YAML, found a syntax error: {problem}"
        ) from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise CourseError(
            path, root.start_mark.line + 1, f"expected a list of entries, found {_kind(root)}"
        )
    entries = []
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise CourseError(path, line, f"expected an entry (a mapping), found {_kind(item)}")
        values: dict[str, object] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in item.value:
            key = str(value_of(key_node))
            if key in values:
                raise CourseError(
                    path,
                    key_node.start_mark.line + 1,
                    f"expected each field once, found '{key}' twice",
                )
            values[key] = value_of(value_node)
            lines[key] = key_node.start_mark.line + 1
        entries.append(Entry(values, line, lines))
    return entries


T = TypeVar("T")


def check_fields(path: Path, entry: Entry, fields: Iterable[str], required: Iterable[str]) -> None:
    """Unknown keys (usually typos) and missing required keys, at the line to edit."""
    fields = tuple(fields)
    for key in entry.values:
        if key not in fields:
            raise CourseError(
                path,
                entry.line_of(key),
                f"expected one of the fields {', '.join(fields)}; found unknown field '{key}'",
            )
    for key in required:
        if key not in entry.values:
            raise CourseError(path, entry.line, f"expected a field '{key}', found none")


def load_by_id(path: Path, build: Callable[[Path, Entry], T]) -> dict[str, tuple[T, Entry]]:
    """Build every entry of a YAML list; ids must be unique (the error names both lines)."""
    items: dict[str, tuple[T, Entry]] = {}
    for entry in load_entries(Path(path)):
        item = build(path, entry)
        if item.id in items:
            raise CourseError(
                path,
                entry.line_of("id"),
                f"expected each id once, found '{item.id}' again "
                f"(first at line {items[item.id][1].line_of('id')})",
            )
        items[item.id] = (item, entry)
    return items


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    return f"the value {node.value!r}"


def describe(value: object) -> str:
    """A short description of a found value for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"'{value}'" if value else "an empty string"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"{type(value).__name__} {value!r}"
