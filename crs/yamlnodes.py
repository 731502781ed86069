"""YAML with line numbers: node trees, their values, and data-file entries that keep the line of
each key, so errors can name the line the author has to edit (see crs.datafiles)."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


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
