"""The course's YAML data files (docs/_data/*.yml): lists of entries, each file checked against
its JSON Schema in docs/_data/schemas/<name>.schema.json with crs.schemacheck, the same code
path and message style as the quizzes. What a schema cannot say (ids unique in the file, links
to other files) stays with each loader.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from crs import schemacheck
from crs.errors import CourseError
from crs.yamlnodes import Entry

T = TypeVar("T")


def schema_path(path: Path, kind: str) -> Path:
    """(docs/_data/references.yml, 'references') -> docs/_data/schemas/references.schema.json"""
    return Path(path).parent / "schemas" / f"{kind}.schema.json"


def entries_words(nouns: Mapping[str, str], hints: Mapping[str, str], patterns: Mapping[str, str]):
    """Words for a list of entries: "entry 'ostrom-1996'", "author 2 of entry 'ostrom-1996'"."""

    def where(data: Any, path: list) -> str:
        if not path or not isinstance(data, list) or not isinstance(path[0], int):
            return "the file"
        entry = data[path[0]]
        entry_id = entry.get("id") if isinstance(entry, dict) else None
        name = f"entry '{entry_id}'" if isinstance(entry_id, str) else f"entry {path[0] + 1}"
        if len(path) >= 3 and isinstance(path[2], int):
            return f"{nouns.get(path[1], 'item')} {path[2] + 1} of {name}"
        if len(path) >= 2:
            return f"'{path[1]}' of {name}"
        return name

    def owner(data: Any, path: list) -> str:
        """The entry named with its type, for 'missing' and 'cannot have' errors."""
        name = where(data, path)
        if len(path) == 1 and isinstance(data[path[0]], dict):
            kind = data[path[0]].get("type")
            name += f" of type '{kind}'" if isinstance(kind, str) else ""
        return name

    return schemacheck.Words(where=where, owner=owner, hints=hints, nouns=nouns, patterns=patterns)


def load_entries(path: Path, kind: str, words: schemacheck.Words) -> list[Entry]:
    """The entries of a data file, valid against the schema of its kind ('references'...),
    with the line of each key."""
    label = schemacheck.display_path(path)
    root = schemacheck.compose_file(path, label)
    schema = schemacheck.load_schema(schema_path(path, kind), kind)
    data = [] if root is None else schemacheck.plain(root, label)
    schemacheck.validate(data, root, schema, label, words)
    entries = []
    for node, values in zip(root.value if root is not None else [], data, strict=True):
        lines = {key.value: schemacheck.line(key) for key, _ in node.value}
        entries.append(Entry(values, schemacheck.line(node), lines))
    return entries


def load_by_id(
    path: Path, kind: str, words: schemacheck.Words, build: Callable[[Path, Entry], T]
) -> dict[str, tuple[T, Entry]]:
    """Build every entry of a data file; ids must be unique (the error names both lines)."""
    items: dict[str, tuple[T, Entry]] = {}
    label = schemacheck.display_path(path)
    for entry in load_entries(Path(path), kind, words):
        item = build(Path(label), entry)
        if item.id in items:
            raise CourseError(
                label,
                entry.line_of("id"),
                f"expected each id once, found '{item.id}' again "
                f"(first at line {items[item.id][1].line_of('id')})",
            )
        items[item.id] = (item, entry)
    return items
